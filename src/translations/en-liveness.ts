// English terms of the liveness check (<kyc-liveness>), which loads when first needed: the element
// imports this module, so its words load with it (see en.ts).
import { registerEnglishTerms } from '../utilities/localize.js';

const terms = {
  livenessLoading: 'Loading the liveness check…',
  livenessChecking: 'Checking the result of your liveness check…',
  livenessFailed: 'The liveness check could not be loaded or stopped with an error. Please try again.',
  livenessOnPhone: 'Or take the check on your phone: scan this code, or open the link.',
  livenessQrLabel: 'QR code of the link to the liveness check',
  livenessOpenLink: 'Open the check in a new tab',
  livenessOnThisDevice: 'Or take the check on Sumsub’s page.',
  livenessOpenHere: 'Open the check here',
  livenessFrameTitle: 'Liveness check by Sumsub',
};

registerEnglishTerms(terms);

export default terms;
