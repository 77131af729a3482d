/**
 * Checks an uploaded file as it streams in, the way Sumsub checks it (documents.ts), without
 * holding it in memory: its SHA-256 is computed piece by piece, its format is sniffed from its
 * leading bytes, and the checks that need the whole file run on the stream.
 *
 * A file of at most {@link WHOLE_CHECK_BYTES} is held (that much at most) and checked by the pure
 * checks the widget uses too (`src/shared/file-type.ts`), then by the sandbox's stand-in for a
 * decoder (`decoder-checks.ts`). A larger one keeps only its first
 * {@link WHOLE_CHECK_BYTES} (its headers: a JPEG's segments up to its image data, a PNG's header,
 * a WebP's first chunk) and what each format's end needs:
 * - JPEG: an end-of-image marker after the image data, looked for in the stream (so its headers,
 *   up to the start of its image data, must come within the first {@link WHOLE_CHECK_BYTES});
 * - PDF: its last {@link PDF_EOF_WINDOW} bytes (`%%EOF`);
 * - PNG: every chunk walked with its CRC computed in the stream, the image data inflated in the
 *   stream (up to the rows its header declares);
 * - WebP and HEIC (ISO-BMFF): their chunks or boxes walked in the stream, to tile the file (and
 *   a WebP's first image bitstream header read on the way).
 * For JPEG and PDF the pure checks then run on the kept bytes (the headers, the end), which they
 * judge as they would the whole file; for PNG, WebP and HEIC the walk in the stream decides.
 */

import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import {
  claimedFileKinds,
  DEFAULT_MAX_IMAGE_PIXELS,
  FILE_KIND_MIME_TYPES,
  imageDimensions,
  isStructurallyComplete,
  PDF_EOF_WINDOW,
  pngHeader,
  sniffFileType,
  type FileKind,
  type StructureCheckedKind,
} from '../../shared/file-type.js';
import { isLikelyDecodable, pngRows } from './decoder-checks.js';

/** Files up to this size are held whole and checked as such; larger ones are checked as they stream. */
export const WHOLE_CHECK_BYTES = 1024 * 1024;
const ACCEPTED_KINDS: ReadonlySet<FileKind> = new Set<StructureCheckedKind>(['jpeg', 'png', 'pdf', 'heic', 'webp']);

/** Sumsub's upload error codes a single file can earn (see documents.ts). */
export type FileErrorCode = 1002 | 1003 | 1004 | 1005;

/** What the checks found: the real type and SHA-256 of an accepted file, or Sumsub's error code. */
export type FileVerdict =
  | { readonly ok: true; readonly contentType: string; readonly sha256: string; readonly size: number }
  | { readonly ok: false; readonly errorCode: FileErrorCode; readonly size: number };

/** Where the bytes come from: the next piece of the file (a view valid until the next call), or null at its end. */
export type NextPiece = () => Promise<Uint8Array | null>;

/** Options of {@link checkFileStream}. */
export interface FileCheckOptions {
  /** The file's name and declared type, which must not claim another format than the bytes are. */
  name: string;
  type: string;
  /** The largest file accepted (1002 beyond); what comes after it is read and counted, not checked. */
  maxBytes: number;
  /** The largest image, width × height, accepted (1004 beyond). Default 100 megapixels. */
  maxPixels?: number;
}

/** What {@link checkFileStream} held, for the sandbox's memory checks. */
export interface FileCheckStats {
  /** The most bytes of the file held at once. */
  peakHeld: number;
}

/**
 * Reads a file to its end from `next` and checks it (see the module's comment). Never holds more
 * than {@link WHOLE_CHECK_BYTES} plus one piece of it.
 */
export async function checkFileStream(
  next: NextPiece,
  options: FileCheckOptions,
  stats: FileCheckStats = { peakHeld: 0 },
): Promise<FileVerdict> {
  const source = new FileSource(next, options.maxBytes, stats);
  const verdict = await check(source, options);
  await source.drain();
  if (source.size === 0) return { ok: false, errorCode: 1003, size: 0 };
  if (source.size > options.maxBytes) return { ok: false, errorCode: 1002, size: source.size };
  if (typeof verdict === 'number') return { ok: false, errorCode: verdict, size: source.size };
  return { ok: true, contentType: FILE_KIND_MIME_TYPES[verdict], sha256: source.sha256(), size: source.size };
}

/** The file's format when it passes, else the error code. Reads as far as the checks need. */
async function check(source: FileSource, options: FileCheckOptions): Promise<StructureCheckedKind | FileErrorCode> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  const head = await source.peek(WHOLE_CHECK_BYTES + 1);
  const kind = sniffFileType(head);
  if (kind === null) return 1004;
  if (!isAccepted(kind)) return 1005;
  if (claimedFileKinds(options.name, options.type).some((claimed) => claimed !== kind)) return 1004;
  const dimensions = imageDimensions(kind, head);
  if (dimensions !== null && dimensions.width * dimensions.height > maxPixels) return 1004;
  let view: Uint8Array;
  if (head.length <= WHOLE_CHECK_BYTES) {
    await source.skip(head.length);
    view = head; // the whole file
  } else {
    // A PNG's or WebP's header must be readable (the pure checks would refuse it too).
    if ((kind === 'png' || kind === 'webp') && dimensions === null) return 1004;
    const streamed = await STREAM_CHECKS[kind](source, head);
    if (streamed === false) return 1004;
    if (streamed === true) return kind;
    view = streamed;
  }
  if (!isStructurallyComplete(kind, view)) return 1004;
  if (!(await isLikelyDecodable(kind, view))) return 1004;
  return kind;
}

function isAccepted(kind: FileKind): kind is StructureCheckedKind {
  return ACCEPTED_KINDS.has(kind);
}

/**
 * Per format, the checks of a large file that need its whole: each reads the file through (its
 * first {@link WHOLE_CHECK_BYTES} are `head`) and answers either the bytes the pure checks judge
 * as they would the whole file, or its own verdict (true: whole and decodable as far as the
 * sandbox checks).
 */
const STREAM_CHECKS: Record<StructureCheckedKind, (source: FileSource, head: Uint8Array) => Promise<Uint8Array | boolean>> = {
  jpeg: streamJpeg,
  pdf: streamPdf,
  png: streamPng,
  webp: streamWebp,
  heic: streamHeic,
};

/**
 * A JPEG's headers come first and its image data runs to the end-of-image marker (FF D9, which
 * image data never holds unescaped): the head plus that marker, when one comes after the head,
 * is what the checks need (the segments up to the image data, and an end after it).
 */
async function streamJpeg(source: FileSource, head: Uint8Array): Promise<Uint8Array> {
  await source.skip(head.length);
  let previous = head.at(-1);
  let ended = false;
  await source.skip(Infinity, (piece) => {
    if (ended || piece.length === 0) return;
    if (previous === 0xff && piece[0] === 0xd9) ended = true;
    for (let at = piece.indexOf(0xff); !ended && at >= 0 && at + 1 < piece.length; at = piece.indexOf(0xff, at + 1)) {
      if (piece[at + 1] === 0xd9) ended = true;
    }
    previous = piece[piece.length - 1];
  });
  return ended ? concat(head, Uint8Array.of(0xff, 0xd9)) : head;
}

/** A PDF needs its signature and `%%EOF` within its last {@link PDF_EOF_WINDOW} bytes: the head's first 8 and the tail. */
async function streamPdf(source: FileSource, head: Uint8Array): Promise<Uint8Array> {
  let tail: Uint8Array = new Uint8Array(0);
  await source.skip(Infinity, (piece) => {
    tail = concat(tail, piece.subarray(Math.max(0, piece.length - PDF_EOF_WINDOW)));
    tail = tail.subarray(Math.max(0, tail.length - PDF_EOF_WINDOW));
  });
  return concat(head.subarray(0, 8), tail);
}

/**
 * Walks a PNG's chunks in the stream (lengths within the file, letter-only types, CRCs, a palette
 * before a palette image's data, image data, then IEND), as `isStructurallyComplete` does, and
 * inflates its image data as it passes (every row its header declares, each with a known filter
 * type), as `isLikelyDecodable` does.
 */
async function streamPng(source: FileSource, head: Uint8Array): Promise<boolean> {
  // The header is valid: imageDimensions read it (check()).
  const header = pngHeader(head);
  if (header === null) return false;
  const { colorType } = header;
  const inflater = new RowInflater(pngRows(header));
  await source.skip(8);
  const types = new Set<string>();
  for (;;) {
    const header = await source.read(8);
    if (header.length < 8) return false;
    const length = uint(header, 0, 4);
    const type = String.fromCharCode(...header.subarray(4, 8));
    if (!/^[A-Za-z]{4}$/.test(type)) return false;
    if (type === 'IDAT' && colorType === 3 && !types.has('PLTE')) return false;
    let crc = crc32(header.subarray(4, 8));
    const read = await source.skip(length, async (piece) => {
      crc = crc32(piece, crc);
      if (type === 'IDAT') await inflater.write(piece);
    });
    const stored = await source.read(4);
    if (read < length || stored.length < 4 || uint(stored, 0, 4) !== crc) return false;
    if (type === 'IEND') break;
    types.add(type);
  }
  const complete = types.has('IDAT');
  return (await inflater.end()) && complete;
}

/** Inflates PNG image data as it streams in, checking each row's filter type, until every declared row is there. */
class RowInflater {
  readonly #inflate = zlib.createInflate();
  readonly #runs: [number, number][];
  readonly #expected: number;
  #run = 0;
  #rowsLeft: number;
  #nextFilter = 0;
  #produced = 0;
  #failed = false;
  #done: Promise<void>;

  constructor(runs: [number, number][]) {
    this.#runs = runs;
    this.#expected = runs.reduce((sum, [row, count]) => sum + (row + 1) * count, 0);
    this.#rowsLeft = runs[0][1];
    this.#done = new Promise((resolve) => {
      this.#inflate.on('data', (piece: Buffer) => this.#take(piece));
      this.#inflate.once('error', () => {
        if (!this.satisfied) this.#failed = true;
        resolve();
      });
      this.#inflate.once('end', resolve);
      this.#inflate.once('close', resolve);
    });
  }

  /** Every declared row is there, each with a known filter. */
  get satisfied(): boolean {
    return !this.#failed && this.#produced >= this.#expected;
  }

  /** Inflates one more piece of image data; waits while zlib has input queued (backpressure). */
  async write(piece: Uint8Array): Promise<void> {
    if (this.#failed || this.satisfied || this.#inflate.destroyed) return;
    // The output is counted and dropped as it comes (#take): only zlib's own window is held.
    if (this.#inflate.write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength))) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.#inflate.off('drain', done);
        this.#inflate.off('close', done);
        resolve();
      };
      this.#inflate.on('drain', done);
      this.#inflate.on('close', done);
    });
  }

  /** Ends the input; true when every declared row came out with a known filter. */
  async end(): Promise<boolean> {
    if (!this.#inflate.destroyed) this.#inflate.end();
    await this.#done;
    return this.satisfied;
  }

  #take(piece: Buffer): void {
    if (this.#failed || this.satisfied) return;
    while (this.#nextFilter < this.#produced + piece.length && this.#nextFilter < this.#expected) {
      if (piece[this.#nextFilter - this.#produced] > 4) {
        this.#failed = true;
        this.#inflate.destroy();
        return;
      }
      this.#nextFilter += 1 + this.#runs[this.#run][0];
      this.#rowsLeft -= 1;
      if (this.#rowsLeft === 0 && this.#run + 1 < this.#runs.length) this.#rowsLeft = this.#runs[++this.#run][1];
    }
    this.#produced += piece.length;
    if (this.satisfied) this.#inflate.destroy(); // the rest is not needed
  }
}

/** WebP chunks that hold image data: a lossy or lossless bitstream, or an animation frame. */
const WEBP_IMAGE_CHUNKS = /^(?:VP8[ L]|ANMF)$/;

/**
 * Walks a WebP's chunks in the stream: the RIFF size must fit the file and its chunks tile it,
 * some chunk must hold an image, and the first image chunk's bitstream header must be sound (a
 * lossy key frame of version 0 to 3 whose first partition fits its chunk, a lossless stream of
 * version 0; an animation's frames are not checked), as the pure checks judge a whole file.
 */
async function streamWebp(source: FileSource, head: Uint8Array): Promise<boolean> {
  const end = 8 + uint(head, 4, 4, true);
  let offset = 12;
  let bitstream: boolean | null = null;
  await source.skip(12);
  while (offset + 8 <= end) {
    const header = await source.read(8);
    if (header.length < 8) return false;
    const type = String.fromCharCode(...header.subarray(0, 4));
    const size = uint(header, 4, 4, true);
    const padded = size + (size % 2);
    let skipped = 0;
    if (bitstream === null && WEBP_IMAGE_CHUNKS.test(type)) {
      const start = await source.read(Math.min(size, 10));
      skipped = start.length;
      bitstream = soundBitstream(type, size, start);
    }
    if (skipped + (await source.skip(padded - skipped)) < padded) return false;
    offset += 8 + padded;
  }
  await source.skip(Infinity);
  return source.size >= end && bitstream === true && (offset === end || offset === end + 1);
}

/** The first image chunk's bitstream header, from its type, size and first (up to 10) bytes. */
function soundBitstream(type: string, size: number, start: Uint8Array): boolean {
  if (type === 'ANMF') return true;
  if (type === 'VP8L') return size >= 5 && start[0] === 0x2f && uint(start, 1, 4, true) >>> 29 === 0;
  if (size < 10) return false;
  const tag = uint(start, 0, 3, true);
  return (tag & 1) === 0 && ((tag >> 1) & 7) <= 3 && tag >>> 5 <= size - 10 && uint(start, 3, 3) === 0x9d012a;
}

/**
 * Walks an ISO-BMFF file's top-level boxes in the stream (they must tile it, `ftyp` first, with
 * `meta` and `mdat`), as the pure checks judge a whole file.
 */
async function streamHeic(source: FileSource): Promise<boolean> {
  const types: string[] = [];
  let offset = 0;
  for (;;) {
    const header = await source.read(8);
    if (header.length === 0) break;
    if (header.length < 8) return false;
    const declared = uint(header, 0, 4);
    const type = String.fromCharCode(...header.subarray(4, 8));
    let size = declared;
    let headerSize = 8;
    if (declared === 1) {
      const large = await source.read(8);
      if (large.length < 8) return false;
      size = uint(large, 0, 8);
      headerSize = 16;
    }
    if ((offset === 0 && type !== 'ftyp') || (declared !== 0 && size < headerSize)) return false;
    types.push(type);
    if (declared === 0) {
      await source.skip(Infinity); // the last box runs to the end of the file
      break;
    }
    if ((await source.skip(size - headerSize)) < size - headerSize) return false;
    offset += size;
  }
  return types.includes('meta') && types.includes('mdat');
}

/**
 * The file's bytes, pulled piece by piece: every byte once through the SHA-256 and the size count
 * (bytes past `maxBytes` only counted), with a small look-ahead ({@link peek}) for the checks.
 */
class FileSource {
  size = 0;
  readonly #next: NextPiece;
  readonly #hash = createHash('sha256');
  readonly #maxBytes: number;
  readonly #stats: FileCheckStats;
  /** Pulled but not consumed yet (copies: the pieces are views the caller reuses). */
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #ended = false;

  constructor(next: NextPiece, maxBytes: number, stats: FileCheckStats) {
    this.#next = next;
    this.#maxBytes = maxBytes;
    this.#stats = stats;
  }

  /** The SHA-256 (hex) of every byte read. */
  sha256(): string {
    return this.#hash.digest('hex');
  }

  /** The next `count` bytes, not consumed (fewer at the end of the file). */
  async peek(count: number): Promise<Uint8Array> {
    while (this.#pendingBytes < count && (await this.#pull())) {
      // pulled one more piece
    }
    const joined = concat(...this.#pending);
    this.#pending = joined.length > 0 ? [joined] : [];
    return joined.subarray(0, count);
  }

  /** Consumes and gives the next `count` bytes (fewer at the end of the file); `count` is small. */
  async read(count: number): Promise<Uint8Array> {
    const bytes = (await this.peek(count)).slice();
    await this.skip(bytes.length);
    return bytes;
  }

  /** Consumes up to `count` bytes, handing each piece to `each` (awaited); resolves with how many there were. */
  async skip(count: number, each?: (piece: Uint8Array) => void | Promise<void>): Promise<number> {
    let skipped = 0;
    while (skipped < count) {
      if (this.#pending.length === 0 && !(await this.#pull())) break;
      const first = this.#pending[0];
      const take = Math.min(first.length, count - skipped);
      await each?.(first.subarray(0, take));
      skipped += take;
      this.#pendingBytes -= take;
      if (take === first.length) this.#pending.shift();
      else this.#pending[0] = first.subarray(take);
    }
    return skipped;
  }

  /** Reads the rest of the file (counted), whatever the checks needed; holds nothing of it. */
  async drain(): Promise<void> {
    this.#pending = [];
    this.#pendingBytes = 0;
    while (await this.#pull(false)) {
      // counted (and hashed while within maxBytes), not kept
    }
  }

  /**
   * Pulls one more piece: counted, hashed while within `maxBytes`, and kept in the look-ahead
   * when `keep`; false at the end of the file, or (when `keep`, for the checks) past `maxBytes`.
   */
  async #pull(keep = true): Promise<boolean> {
    if (this.#ended || (keep && this.size > this.#maxBytes)) return false;
    const piece = await this.#next();
    if (piece === null) {
      this.#ended = true;
      return false;
    }
    if (this.size <= this.#maxBytes) this.#hash.update(piece);
    this.size += piece.length;
    if (!keep) return true;
    this.#pending.push(piece.slice()); // a copy: the piece is a view its reader may reuse
    this.#pendingBytes += piece.length;
    this.#stats.peakHeld = Math.max(this.#stats.peakHeld, this.#pendingBytes);
    return true;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/** The unsigned integer of `size` bytes (up to 8) at `offset`, big-endian unless `littleEndian`. */
function uint(bytes: Uint8Array, offset: number, size: number, littleEndian = false): number {
  let value = 0;
  for (let i = 0; i < size; i += 1) value = value * 256 + (bytes[offset + (littleEndian ? size - 1 - i : i)] ?? 0);
  return value;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k += 1) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});

/** Node's own CRC-32, from Node 20.15 and 22.2 on. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 (PNG's), continued from `crc`: zlib's when this Node has it, else a table. */
function crc32(bytes: Uint8Array, crc = 0): number {
  if (typeof nativeCrc32 === 'function') return nativeCrc32(bytes, crc);
  let value = ~crc;
  for (const byte of bytes) value = CRC_TABLE[(value ^ byte) & 0xff] ^ (value >>> 8);
  return ~value >>> 0;
}
