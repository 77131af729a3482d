// English terms of the document camera (<kyc-document-capture>), which loads when first used:
// the element imports this module, so its words load with it (see en.ts).
import { registerEnglishTerms } from '../utilities/localize.js';

const terms = {
  captureTitle: (label: string) => `Photo: ${label}`,
  captureReviewTitle: (label: string) => `Check the photo: ${label}`,
  captureInstructions:
    'Put the document on a dark, plain surface in good light and hold the camera above it. The photo is taken by itself when the document is in the frame and sharp.',
  captureStarting: 'Starting the camera…',
  captureDark: 'Too dark: move to a brighter place.',
  captureBright: 'Too bright: move out of direct light.',
  captureGlare: 'Glare on the document: tilt it a little.',
  captureFit: 'Move back: the whole document must be inside the frame.',
  captureCloser: 'Move closer: the document should fill the frame.',
  captureStill: 'Hold still.',
  captureBlur: 'Hold still: the picture is not sharp yet.',
  captureReady: 'Good. Hold still…',
  captureShutter: 'Take the photo',
  captureShutterFor: (label: string) => `Take the photo: ${label}`,
  captureClose: 'Close the camera',
  capturePreviewLabel: (label: string) => `The photo taken: ${label}`,
  captureReviewHint: 'Check that the whole document is in the photo and every word can be read.',
  captureUse: 'Use this photo',
  captureUseAnyway: 'Use it anyway',
  captureRetake: 'Take it again',
  captureRefused: 'This photo cannot be used: please take it again.',
  captureNextSide: (label: string) => `Now the ${label}.`,
  captureCameraRefused:
    'The camera may not be used on this page. Choose a photo or a file instead, or allow the camera in your browser’s settings and try again.',
  captureCameraMissing: 'No camera was found. Choose a photo or a file instead.',
  captureCameraBusy: 'The camera is being used by another app. Close that app and try again, or choose a file instead.',
  captureChooseFile: 'Choose a file instead',
  captureTryAgain: 'Try the camera again',
  captureOpen: 'Open the camera',
};

registerEnglishTerms(terms);

export default terms;
