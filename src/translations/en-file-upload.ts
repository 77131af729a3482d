// English terms of the file chooser (<kyc-file-upload>), which loads when first needed: the element
// imports this module, so its words load with it (see en.ts).
import { registerEnglishTerms, type TermFormat } from '../utilities/localize.js';

const terms = {
  fileChoose: 'Choose a file',
  qualityResolution: 'The photo has too few pixels: take it closer, or with the camera’s full resolution.',
  qualityCutOff: 'Part of the document is cut off: show all four corners.',
  qualityTooSmall: 'The document is too small in the photo: move closer so that it fills the frame.',
  qualityBlur: 'The photo is blurred: hold the document and the camera still, and take it again.',
  qualityDark: 'The photo is too dark: move to a brighter place.',
  qualityBright: 'The photo is over-exposed: move out of direct light.',
  qualityGlare: 'Light reflects on the document: tilt it a little, or turn the flash off.',
  qualityMaySend: 'You can send it as it is, but it may be refused.',
  qualityExample: 'Example of a good photo: the whole document in the picture, square, sharp and evenly lit',
  qualityExampleCaption: 'A good photo shows the whole document with a little space around it, every word sharp, without reflections.',
  fileStoredWithNote: 'Uploaded, with a note from the identity check',
  fileChooseFor: (label: string) => `Choose a file: ${label}`,
  fileAddPage: 'Add a page',
  fileAddPageFor: (label: string) => `Add a page: ${label}`,
  fileReplace: 'Replace',
  fileReplaceFor: (label: string) => `Replace ${label}`,
  fileTakePhoto: 'Take a photo',
  fileTakePhotoFor: (label: string) => `Take a photo: ${label}`,
  fileDropHint: 'or drop the file here',
  filePageOf: (index: number, label: string, f: TermFormat) => `${label}, page ${f.number(index)}`,
  filePages: (count: number, f: TermFormat) => f.plural(count, { one: `${f.number(count)} page`, other: `${f.number(count)} pages` }),
  fileChecking: 'Checking the file…',
  fileUploadingFor: (role: string) => `Uploading ${role}`,
  fileCancel: 'Cancel the upload',
  fileRetry: 'Upload again',
  fileRetake: 'Take it again',
  fileRetakeFor: (role: string) => `Take it again: ${role}`,
  fileCancelFor: (role: string) => `Cancel the upload: ${role}`,
  fileRetryFor: (role: string) => `Upload again: ${role}`,
  fileUploadedFor: (role: string) => `Uploaded: ${role}`,
  fileTooManyPages: (count: number, f: TermFormat) => `You can add up to ${f.number(count)} pages to this document.`,
  fileRemove: 'Remove',
  fileRemoveFor: (role: string) => `Remove ${role}`,
  fileEmpty: 'This file is empty. Please choose another one.',
  fileTooBig: (megabytes: number, f: TermFormat) =>
    `This file is larger than ${f.number(megabytes)} MB. Please choose a smaller one, or take a new photo.`,
  fileUnsupported: 'This type of file is not accepted. Please choose a photo (JPEG, PNG, HEIC or WebP) or a PDF.',
  fileMismatch: 'This file is not what its name says (for example a PDF named .jpg). Please choose the original file.',
  fileCorrupted: 'This file is damaged or incomplete. Please choose another one.',
  fileUndecodable: 'This picture cannot be opened. Please take a new photo or choose another file.',
  fileTooManyPixels: 'This picture is too large to process. Please choose a smaller one.',
  fileDuplicate: 'This file has already been uploaded for this document. Please choose another one.',
  fileTooMany: 'No more files can be added to your application. Please contact support.',
};

registerEnglishTerms(terms);

export default terms;
