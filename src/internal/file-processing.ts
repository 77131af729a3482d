// What a chosen file goes through before upload — the checks and the photo fix-up — as one module,
// loaded with the first file (one chunk of its own in the CDN build).
export { checkFile } from './file-check.js';
export { fixUpPhoto } from './photo-fixup.js';
export { problemsOf } from './photo-quality.js';
