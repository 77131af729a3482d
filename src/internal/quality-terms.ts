import type { TextTermKey } from '../utilities/localize.js';
import type { QualityProblem } from './photo-quality.js';

/** What to do about each problem the photo quality checks find: the file chooser's and the camera's words. */
export const QUALITY_TERMS: Readonly<Record<QualityProblem, TextTermKey>> = {
  resolution: 'qualityResolution',
  'cut-off': 'qualityCutOff',
  'too-small': 'qualityTooSmall',
  blur: 'qualityBlur',
  dark: 'qualityDark',
  bright: 'qualityBright',
  glare: 'qualityGlare',
};
