/**
 * Uploads and documents (platform-api.md 9, 10). Files are checked the way Sumsub checks them, by
 * their bytes, and refused with Sumsub's error body; only their metadata and hash are kept. An
 * upload streams: the multipart body is read part by part (multipart.ts) and each file checked
 * and hashed as it arrives (file-stream.ts), so a large file is never held whole in memory.
 *
 * Duplicates (Sumsub's 1000) are judged when a document is made, not at upload: the platform asks
 * for the back side of a single-sided document even so, "use any picture for this. For instance
 * the one you used as front side" (platform-kyc-flow.txt). So the same picture may be uploaded
 * again and used for another document key; only a second document of the SAME key made of bytes
 * already used by one of that key is a duplicate.
 */

import { DEFAULT_MAX_IMAGE_PIXELS } from '../../shared/file-type.js';
import { clientInScope, respond, type PlatformContext } from './context.js';
import { ApiError, detailError, fieldErrors, readJsonObject } from './http.js';
import { presentDocument, presentFile } from './present.js';
import { checkFileStream, type FileCheckStats, type FileVerdict } from './file-stream.js';
import { boundaryOf, MultipartError, MultipartReader } from './multipart.js';
import { DOCUMENT_KEYS } from './seed.js';
import type { StoredFile } from './store.js';
import type { ResolvedDialect } from './dialect.js';

/** The largest file Sumsub takes (1002: "more than 64MB"; decimal megabytes). */
export const SANDBOX_MAX_FILE_BYTES = 64_000_000;
/**
 * The largest image, in pixels, the sandbox takes (the widget's own default limit): a larger one,
 * a decompression bomb, cannot be processed and is refused as corrupted (1004).
 */
const MAX_IMAGE_PIXELS = DEFAULT_MAX_IMAGE_PIXELS;
/** How many files a client may upload in all (Sumsub's "too many documents" beyond). */
const MAX_FILES_PER_CLIENT = 30;
/** How many files one upload request, or one document, may hold. */
const MAX_FILES_PER_REQUEST = 10;
const MAX_NAME_LENGTH = 255;
/** The largest upload request read: every file at its largest, and room for one more refused as too big. */
const MAX_UPLOAD_BYTES = (MAX_FILES_PER_REQUEST + 1) * SANDBOX_MAX_FILE_BYTES;
/** The most parts an upload request may have (files, and other fields, which are ignored). */
const MAX_UPLOAD_PARTS = 4 * MAX_FILES_PER_REQUEST;

/** What reading one upload request took (`SandboxOptions.onUploadRead`). */
export interface UploadReadStats {
  /** The bytes of the request body read. */
  bytes: number;
  /** The most bytes of it held at once (the multipart reader's buffer plus the file checks' look-ahead). */
  peakBufferedBytes: number;
}

/** Sumsub's upload error codes, with their names and descriptions from its API reference. */
const SUMSUB_ERRORS = {
  1000: ['duplicate-document', 'Duplicate document (image, video) was uploaded. Exact equality is taken into account'],
  1001: ['too-many-documents', 'Applicant contains too many documents. Adding new ones is not allowed.'],
  1002: ['file-too-big', 'Uploaded file is too big (more than 64MB)'],
  1003: ['empty-file', 'Uploaded file is empty (0 bytes)'],
  1004: ['corrupted-file', 'File is corrupted or incorrect format (e.g. PDF file is uploaded as JPEG)'],
  1005: ['unsupported-file-format', 'Unsupported file format (e.g. a TIFF image)'],
} as const;

function sumsubError(errorCode: keyof typeof SUMSUB_ERRORS, dialect: ResolvedDialect): ApiError {
  const [errorName, description] = SUMSUB_ERRORS[errorCode];
  const error = { description, code: 400, correlationId: crypto.randomUUID(), errorCode, errorName };
  // Passed on by the platform as it came, or wrapped as a DRF field error of `files`.
  return new ApiError(400, dialect.sumsub_errors === 'wrapped' ? { files: [error] } : error);
}

/**
 * Sumsub's checks of one file (file-stream.ts): empty (1003), too big (1002), not a known format
 * at all (1004), a known but unsupported one such as TIFF (1005), cut or damaged (1004), named or
 * declared as another format than its bytes are (1004, Sumsub's "PDF file is uploaded as JPEG"),
 * an image whose header declares more than 100 megapixels (1004), or one no decoder could read
 * (1004: bad JPEG tables, PNG image data that does not inflate to its rows, a broken WebP
 * bitstream header). Sumsub decodes images; the sandbox, in Node, judges by the same pure checks
 * the widget makes before its own decode, plus `isLikelyDecodable` standing in for the decoder.
 *
 * 9. `POST /v1/documents/files/`, multipart, field `files` (repeatable) → 201 list of
 * `UploadedFile` (one object in the `single` dialect, which takes one file per request).
 * All or nothing: the first refused file refuses the request. The same bytes may be uploaded
 * again (each upload gets its own file uuid): duplicates are refused when a document is made.
 */
export async function uploadFiles(context: PlatformContext): Promise<Response> {
  const client = clientInScope(context);
  const contentType = context.request.headers.get('content-type');
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') throw detailError(415, `Unsupported media type "${mediaType}" in request.`);
  const boundary = boundaryOf(contentType);
  if (boundary === null || context.request.body === null) throw detailError(400, 'Multipart form parse error.');

  // The files stream through their checks one after the other; only their metadata is kept.
  const reader = new MultipartReader(context.request.body, boundary, { maxBytes: MAX_UPLOAD_BYTES, maxParts: MAX_UPLOAD_PARTS });
  const held: FileCheckStats = { peakHeld: 0 };
  const checked: { name: string; verdict: FileVerdict }[] = [];
  let entries = 0;
  let notFiles = 0;
  try {
    for (let part = await reader.nextPart(); part !== null; part = await reader.nextPart()) {
      if (part.name !== client.entity.dialect.upload_field) continue; // another field: skipped unread
      entries += 1;
      if (part.filename === null) notFiles += 1;
      // Past the most a request may hold, a file is refused below: not checked, only read.
      else if (checked.length < MAX_FILES_PER_REQUEST) {
        const options = { name: part.filename, type: part.contentType, maxBytes: SANDBOX_MAX_FILE_BYTES, maxPixels: MAX_IMAGE_PIXELS };
        checked.push({ name: part.filename, verdict: await checkFileStream(() => reader.readBody(), options, held) });
      }
    }
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    await reader.cancel();
    if (reader.bytesRead > MAX_UPLOAD_BYTES) throw detailError(413, 'Request body is too large.');
    throw detailError(400, 'Multipart form parse error.');
  } finally {
    context.onUploadRead?.({ bytes: reader.bytesRead, peakBufferedBytes: reader.peakBuffered + held.peakHeld });
  }

  if (entries === 0) throw fieldErrors({ files: ['No file was submitted.'] });
  if (notFiles > 0) throw fieldErrors({ files: ['The submitted data was not a file. Check the encoding type on the form.'] });
  if (entries > MAX_FILES_PER_REQUEST)
    throw fieldErrors({ files: [`Ensure this field has no more than ${MAX_FILES_PER_REQUEST} elements.`] });
  const single = client.entity.dialect.upload_answer === 'single';
  if (single && entries > 1) throw fieldErrors({ files: ['Upload one file per request.'] });

  // All or nothing: the first refused file refuses the request.
  const accepted: StoredFile[] = [];
  for (const { name, verdict } of checked) {
    if (!verdict.ok) throw sumsubError(verdict.errorCode, client.entity.dialect);
    accepted.push({
      uuid: crypto.randomUUID(),
      name: (name || 'file').slice(0, MAX_NAME_LENGTH),
      size: verdict.size,
      contentType: verdict.contentType,
      sha256: verdict.sha256,
    });
  }
  // Nothing awaits from here on, so concurrent uploads cannot both pass the check below.
  if (client.files.size + accepted.length > MAX_FILES_PER_CLIENT) throw sumsubError(1001, client.entity.dialect);
  for (const file of accepted) client.files.set(file.uuid, file);
  const { dialect } = client.entity;
  return respond(client.entity, 201, single ? presentFile(accepted[0], dialect) : accepted.map((file) => presentFile(file, dialect)));
}

/**
 * 10. `POST /v1/documents/` `{attribute_key, files: [file uuid…]}` → 201 `Document`. A duplicate
 * (1000) when the files' bytes (SHA-256) are already in another document of the same
 * `attribute_key` of this client, or twice in this one; the same picture in a document of another
 * key (a single-sided document's back side) is fine.
 */
export async function createDocument(context: PlatformContext): Promise<Response> {
  const client = clientInScope(context);
  const body = await readJsonObject(context.request);
  const errors: Record<string, string[]> = {};
  const key = body['attribute_key'];
  if (key === undefined || key === null || key === '') errors['attribute_key'] = ['This field is required.'];
  else if (typeof key !== 'string' || !DOCUMENT_KEYS.includes(key))
    errors['attribute_key'] = [`"${typeof key === 'string' ? key : JSON.stringify(key)}" is not a valid choice.`];
  const uuids = body['files'];
  if (uuids === undefined || uuids === null) errors['files'] = ['This field is required.'];
  else if (!Array.isArray(uuids) || uuids.length === 0) errors['files'] = ['Expected a non-empty list of file uuids.'];
  else if (uuids.length > MAX_FILES_PER_REQUEST)
    errors['files'] = [`Ensure this field has no more than ${MAX_FILES_PER_REQUEST} elements.`];
  else {
    const unknown: unknown = (uuids as unknown[]).find((uuid) => typeof uuid !== 'string' || !client.files.has(uuid));
    if (unknown !== undefined)
      errors['files'] = [`Invalid pk "${typeof unknown === 'string' ? unknown : JSON.stringify(unknown)}" - object does not exist.`];
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  const document = {
    uuid: crypto.randomUUID(),
    attributeKey: key as string,
    files: (uuids as string[]).map((uuid) => client.files.get(uuid)!),
  };
  const used = new Set<string>();
  for (const existing of client.documents.values()) {
    if (existing.attributeKey === document.attributeKey) for (const file of existing.files) used.add(file.sha256);
  }
  for (const { sha256 } of document.files) {
    if (used.has(sha256)) throw sumsubError(1000, client.entity.dialect);
    used.add(sha256);
  }
  client.documents.set(document.uuid, document);
  return respond(client.entity, 201, presentDocument(document, client.entity.dialect));
}
