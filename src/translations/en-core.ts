// English terms the widget needs before any lazily loaded element: bundled with <kyc-onboarding>.
// With the parts the lazily loaded elements bring, they make the English catalog (en.ts).
import type { TermFormat, TranslationBase } from '../utilities/localize.js';

const terms = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  // General
  loading: 'Loading…',
  loadingSlow: 'This is taking longer than usual. We keep trying.',
  stopWaiting: 'Stop waiting',
  retry: 'Try again',
  back: 'Back',
  continue: 'Continue',
  stepOf: (index: number, total: number, f: TermFormat) => `Step ${f.number(index)} of ${f.number(total)}`,
  stepsLabel: 'Application steps',
  required: 'required',
  readOnly: 'Cannot be changed',
  yes: 'Yes',
  no: 'No',
  notAnswered: 'Not answered',
  saving: 'Saving…',

  // Levels
  chooseLevelTitle: 'Choose a verification level',
  chooseLevelIntro: 'Choose the level that fits what you want to do. Each level asks for different information.',
  currentLevel: (name: string) => `Your current level: ${name}`,
  startVerification: 'Start verification',
  notAllowedTitle: 'You cannot start a new application right now',
  notAllowedBody: 'Your account cannot start a verification at the moment. If you think this is a mistake, please contact support.',
  noLevels: 'No other verification level is available to you at the moment.',
  unnamedLevel: (position: number, f: TermFormat) => `Level ${f.number(position)}`,

  // Review
  reviewTitle: 'Check your answers',
  reviewIntro: 'Make sure everything is correct before you send your application for review.',
  change: 'Change',
  changeAnswer: (question: string) => `Change ${question}`,
  sendForReview: 'Send for review',
  unsavedAnswers: 'Some answers on this step are not saved yet. Press Continue to save them, then send your application.',

  // Statuses
  inReviewTitle: 'Your application is being reviewed',
  inReviewBody: 'This usually does not take long. You can leave this page: the result will be shown here when you come back.',
  approvedTitle: 'Your application has been approved',
  approvedBody: 'Thank you, your verification is complete. You can now use the services that need it.',
  pendingTitle: 'Some answers need a correction',
  pendingBody: 'Please correct the answers marked below, then send your application for review again.',
  pendingBodyNoRemarks:
    'Please check your answers against the comment below, change what is needed, then send your application for review again.',
  reviewerComment: 'Comment from the reviewer',
  remarksCount: (count: number, f: TermFormat) =>
    f.plural(count, { one: `${f.number(count)} remark`, other: `${f.number(count)} remarks` }),
  rejectedTitle: 'Your application was not approved',
  rejectedBody: 'This application can no longer be changed. If you wish, you can start a new one.',
  startNewApplication: 'Start a new application',
  unknownStatusTitle: 'We cannot show the status of your application',
  unknownStatusBody: (status: string) =>
    `Your application has the status “${status}”, which this page cannot show. Your answers are kept. ` +
    'Please try again later or contact support.',

  // Fields
  fieldRequired: 'Please answer this question.',
  invalidEmail: 'Enter an email address in the correct format, like name@example.com.',
  invalidPhone: 'Enter the phone number in international format, starting with + and the country code.',
  invalidDate: 'Enter a valid date.',
  invalidNumber: 'Enter a number.',
  invalidInteger: 'Enter a whole number.',
  chooseOption: 'Choose…',
  loadingOptions: 'Loading options…',
  acceptRequired: 'Confirm that you have read and accept this document to continue.',
  questionOptionsFailed: 'The choices for this question could not be loaded.',
  questionDocumentFailed: 'The document could not be loaded.',
  questionDocumentUploaded: 'Uploaded',
  questionVerificationNote: 'Note from the identity check',
  verificationProblem: 'The identity check could not use what was sent here. Please replace it.',

  // Errors
  errorSummaryTitle: 'There is a problem',
  errorSummaryItem: (question: string, message: string) => `${question}: ${message}`,
  errorNetwork: 'We could not connect. Check your internet connection and try again. Your answers are kept.',
  errorTimeout: 'This is taking longer than expected. Please try again. Your answers are kept.',
  errorUnauthorized: 'Your session has ended. Please sign in again to continue. Answers you already saved are kept.',
  errorHandoffLink:
    'This link has expired or was used already: each link opens once, for a few minutes. On your computer, choose “Continue on your phone” again for a new one. Answers you already saved are kept.',
  errorForbidden: 'You do not have access to this application. If you think this is a mistake, please contact support.',
  errorNotFound: 'We could not find what was asked for. It may have been removed. Reload the page and try again.',
  errorConflict:
    'This application can no longer be changed, for example because it has been sent for review. ' +
    'Reload the page to see its current status.',
  errorValidation: 'Some answers were not accepted. Correct the marked answers and try again.',
  errorSignatureRequired: 'To save this change, confirm it with a one-time code.',
  errorSignatureInvalid: 'This code is not correct or has expired. Check it, or ask for a new code.',
  errorUploadRejected: 'This file could not be accepted. Please choose another one, for example a clear photo or a PDF scan.',
  errorRateLimited: (seconds: number, f: TermFormat) =>
    `Too many attempts. Please wait ${f.plural(seconds, {
      one: `${f.number(seconds)} second`,
      other: `${f.number(seconds)} seconds`,
    })} and try again.`,
  errorRateLimitedMinutes: (minutes: number, f: TermFormat) =>
    `Too many attempts. Please wait ${f.plural(minutes, {
      one: `${f.number(minutes)} minute`,
      other: `${f.number(minutes)} minutes`,
    })} and try again.`,
  errorServer: 'Something went wrong on our side. Please try again in a few minutes. Your answers are kept.',
  errorMalformedResponse: 'We received an answer we could not read. Please try again. Your answers are kept.',
  errorUnknown: 'Something unexpected went wrong. Please try again. If it keeps happening, contact support.',

  // Legal documents
  documentVersion: (version: string) => `Version ${version}`,
  readFullDocument: 'Read the full document',
  acceptDocument: (title: string) => `I have read and accept the ${title}`,
  acceptThisDocument: 'I have read and accept this document',
  opensInNewTab: '(opens in a new tab)',

  // Signatures

  // Documents
  fileUploadPending: 'Please wait until the upload has finished.',
  fileProblemPending: 'Please remove or replace the file that could not be used.',
  noBackSide: 'My document has no back side',
  noBackSideHelp: 'The picture of the front side will be sent again as the back side.',
  noBackSideFrontAgain: 'Please choose the picture of the front side again: it will be sent as the back side.',

  // Steps that later issues fill in
  livenessDone: 'Done',
  livenessLater: 'A short selfie video check with your camera',
  livenessRequired: 'Take the liveness check to go on.',
} satisfies TranslationBase;

export default terms;
