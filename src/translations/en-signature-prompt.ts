// English terms of the code prompt (<kyc-signature-prompt>), which loads when first needed: the element
// imports this module, so its words load with it (see en.ts).
import { registerEnglishTerms, type TermFormat } from '../utilities/localize.js';

const terms = {
  cancel: 'Cancel',
  signTitle: 'Confirm with a one-time code',
  signIntro: 'For your security, we will send you a one-time code to confirm that it is really you.',
  chooseProvider: 'How would you like to receive the code?',
  providerSms: 'Text message (SMS)',
  providerEmail: 'Email',
  destinationPhoneLabel: 'Mobile phone number',
  destinationEmailLabel: 'Email address',
  sendCode: 'Send code',
  codeSent: (destination: string) => `We have sent a code to ${destination}.`,
  codeLabel: 'One-time code',
  codeHint: 'Enter the code from the message. It can take a minute to arrive.',
  confirmCode: 'Confirm',
  resendCode: 'Send a new code',
  resendIn: (seconds: number, f: TermFormat) =>
    `You can ask for a new code in ${f.plural(seconds, {
      one: `${f.number(seconds)} second`,
      other: `${f.number(seconds)} seconds`,
    })}.`,
  codeSentAgain: 'We have sent you a new code.',
  signaturePromptProgress: (index: number, total: number, f: TermFormat) => `Code ${f.number(index)} of ${f.number(total)}`,
  signaturePromptSendTo: (destination: string) => `We will send the code to ${destination}.`,
  signaturePromptCodeFormat: (length: number, f: TermFormat) => `Enter the ${f.number(length)}-digit code.`,
  signaturePromptResendReady: 'You can now ask for a new code.',
  signaturePromptPhoneHint: 'Start with + and the country code, for example +44 7700 900123.',
};

registerEnglishTerms(terms);

export default terms;
