// English: the reference catalog. Its terms and their parameters define `KycTranslation`; every
// other catalog must have exactly these terms. In parts, so that the words of the elements that
// load when first needed load with them: en-core.ts is bundled with <kyc-onboarding>, each other
// part is imported by its element.
import combobox from './en-combobox.js';
import core from './en-core.js';
import documentCapture from './en-document-capture.js';
import fileUpload from './en-file-upload.js';
import screens from './en-screens.js';
import liveness from './en-liveness.js';
import signaturePrompt from './en-signature-prompt.js';

/** English terms of the onboarding widget (the fallback for every other language). */
const translation = { ...core, ...signaturePrompt, ...combobox, ...fileUpload, ...documentCapture, ...liveness, ...screens };

export default translation;
