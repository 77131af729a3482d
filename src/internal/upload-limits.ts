import type { FileKind } from '../shared/file-kinds.js';

/**
 * The defaults of the document upload, apart from the code that applies them (so an element can
 * show or pass them on without loading the checks and the photo fix-up).
 */

/** Sumsub's limit of a file's size (1002, "more than 64MB"): 64 MB, in decimal megabytes as Sumsub writes it. */
export const DEFAULT_MAX_FILE_BYTES = 64_000_000;

/** Longest side of a fixed photo: plenty for a document's text and a face, a fraction of a 12 MP photo's bytes. */
export const DEFAULT_PHOTO_MAX_SIDE = 2560;

/** The formats Sumsub takes for a document, by their real type. */
export const DEFAULT_ACCEPTED_KINDS: readonly FileKind[] = Object.freeze(['jpeg', 'png', 'pdf', 'heic', 'webp'] as const);
