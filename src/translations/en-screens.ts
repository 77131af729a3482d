// English terms that only the screens of <kyc-onboarding> show (they load when the flow starts,
// and import this module: see en.ts). Among them, the titles and descriptions of the attribute
// keys the platform's guide defines (its nine documents and the liveness check), shown when the
// platform's own are missing, technical, or in another language than the person's.
import { registerEnglishTerms, type TermFormat } from '../utilities/localize.js';

const terms = {
  // The welcome
  welcomeTitle: 'Before you start',
  welcomeIntro: 'We need to confirm who you are. This is what you will need:',
  needAnswers: 'A few answers about yourself',
  needIdentityDocument: 'Your identity document, to photograph or upload',
  needProofOfAddress: 'A proof of address from the last three months, such as a utility bill or bank statement',
  needProofOfFunds: 'A document that shows where your money comes from, such as a payslip',
  needOtherDocuments: 'The other documents the steps ask for, to photograph or upload',
  needPhone: 'Your mobile phone, to receive confirmation codes by SMS',
  needEmail: 'Access to your e-mail, to receive confirmation codes',
  needCamera: 'A device with a camera, for a short selfie video',
  welcomeTime: (minutes: number, f: TermFormat) =>
    f.plural(minutes, { one: 'It takes about a minute.', other: `It takes about ${f.number(minutes)} minutes.` }),
  welcomeResume: 'You can stop at any time: what you saved is kept, and you can go on later.',
  welcomePrivacy: 'How we use your data',
  welcomeStart: 'Start',
  consentDefault:
    'I agree that my personal data, my documents and a video of my face are processed to verify my identity, as the privacy notice describes.',
  consentRequired: 'Tick the box to agree before you start.',

  // The review: what is required and not done
  notDone: 'Not done',
  complete: 'Complete',
  completeAnswer: (question: string) => `Complete ${question}`,
  reviewMissingTitle: (count: number, f: TermFormat) =>
    f.plural(count, {
      one: 'One required item is not done yet. Complete it to send your application:',
      other: `${f.number(count)} required items are not done yet. Complete them to send your application:`,
    }),

  // A stored document the identity check could not use
  documentNoteSaved:
    'Your document is saved, but the identity check has a note on it (shown beside it). You can choose another file, or press Continue to go on.',

  // The hand-off to a phone
  handoffStart: 'Continue on your phone',
  handoffTitle: 'Continue on your phone',
  handoffBody:
    'Scan this code with your phone’s camera, or open the link on your phone. Take the photos there: this page goes on by itself once they are sent. The link works once, for 10 minutes.',
  handoffQrLabel: 'QR code of the link to continue on your phone',
  handoffLink: 'The link to open on your phone',
  handoffWaiting: 'Waiting for the documents from your phone…',
  handoffStop: 'Go on here instead',
  handoffExpired:
    'The link has expired: it can no longer be opened. If your phone opened it in time, go on there; otherwise make a new link.',
  handoffNewLink: 'Make a new link',

  // The guide's attribute keys
  guidePassport: 'Passport',
  guidePassportHelp: 'A photo or scan of the page with your photo, with all four corners in view.',
  guideIdCardFront: 'ID card: front',
  guideIdCardBack: 'ID card: back',
  guideDriverLicenseFront: 'Driving licence: front',
  guideDriverLicenseBack: 'Driving licence: back',
  guideResidencePermitFront: 'Residence permit: front',
  guideResidencePermitBack: 'Residence permit: back',
  guideFrontHelp: 'The side with your photo.',
  guideBackHelp: 'The other side of the same document.',
  guideProofOfAddress: 'Proof of address',
  guideProofOfAddressHelp: 'A utility bill, bank statement or official letter from the last three months, with your name and address.',
  guideProofOfFunds: 'Proof of funds',
  guideProofOfFundsHelp: 'A document that shows where your money comes from, such as a payslip, a bank statement or a sale contract.',
  guideLiveness: 'Liveness check',
  guideLivenessHelp: 'A short selfie video with your camera, to confirm that you are the person in your documents.',
  guideLivenessLink: 'Link to the liveness check',
  guideLivenessLinkHelp: 'Open it on a device with a camera to take the check.',
};

registerEnglishTerms(terms);

export default terms;
