/**
 * What a file really is, judged by its bytes (never by its name or declared type), whether it is
 * whole, and what its header declares (dimensions, Exif orientation). The browser widget
 * (`src/internal/file-check.ts`, `photo-fixup.ts`) and the server sandbox (`src/server/sandbox/`)
 * both check files with it, so it is written once, here, and it must survive hostile input (every
 * read is bounds-checked, every loop advances). What a decoder would make of a whole file is the
 * sandbox's own question (`src/server/sandbox/decoder-checks.ts`, built on the JPEG segment walk,
 * the PNG header and the byte readers exported here); the widget decodes for real.
 *
 * src/shared/: code both sides load. It stays free of the DOM and of Node (no `window`,
 * `document`, `File`, `Buffer`, no `node:` module, no package, no import from another folder of
 * src/): plain ECMAScript on bytes (test/node/import-graph.test.ts type-checks it that way).
 *
 * Written to be small in the CDN bundle: the signatures are one regular expression, one reader
 * takes every integer field, and the checks share the JPEG segment walk.
 */

import { FILE_KINDS as KINDS, FILE_KIND_MIME_TYPES, type FileKind } from './file-kinds.js';

export { FILE_KIND_MIME_TYPES, type FileKind };

/** Formats whose internal structure {@link isStructurallyComplete} can check. */
export type StructureCheckedKind = 'jpeg' | 'png' | 'pdf' | 'heic' | 'webp';

/** Other file extensions and declared types of the formats (a format's own name and MIME type are known). */
const EXTENSION_ALIASES: Readonly<Record<string, FileKind>> = { jpg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg', heif: 'heic', tif: 'tiff' };
const TYPE_ALIASES: Readonly<Record<string, FileKind>> = {
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/heif': 'heic',
  'image/x-ms-bmp': 'bmp',
};

/**
 * The leading bytes of each format (as Latin-1 text), tried in this order: a format's group
 * names it. `heic` stands for any ISO-BMFF file (an `ftyp` box), told apart by its brands
 * ({@link isoBrandKind}); `bmp` still needs a known info header size.
 */
const SIGNATURES =
  // eslint-disable-next-line no-control-regex -- file signatures are bytes, control characters included
  /^(?:(?<jpeg>\xff\xd8\xff)|(?<png>\x89PNG\r\n\x1a\n)|(?<pdf>%PDF-)|(?<webp>RIFF.{4}WEBP)|(?<heic>.{4}ftyp)|(?<gif>GIF8[79]a)|(?<tiff>II\*\0|MM\0\*)|(?<bmp>BM))/s;
/** The signature, length (13) and type of a PNG's first chunk, IHDR. */
const PNG_HEAD = '\x89PNG\r\n\x1a\n\0\0\0\rIHDR';
/** The length of a PNG's signature: its chunks start after it. */
export const PNG_SIGNATURE_LENGTH = 8;
/** ISO-BMFF brands, each matched at a multiple of 4 characters in the list of brands. */
const AVIF_BRANDS = /^(?:.{4})*?avi[fs]/s;
const HEIC_BRANDS = /^(?:.{4})*?(?:he[iv][cxms]|m[is]f1)/s;
/** Sizes of the BMP info headers in use (core, v1 to v5). */
const BMP_INFO_HEADER_SIZES = [12, 40, 52, 56, 64, 108, 124];
/** The largest plausible `ftyp` box: real ones list a handful of brands. */
const MAX_FTYP_BOX = 4096;
/**
 * How far from the end a PDF's `%%EOF` may sit (trailing whitespace or junk tolerated by readers):
 * the PDF check reads only the first 8 bytes and this many last ones.
 */
export const PDF_EOF_WINDOW = 1024;
/** WebP chunks that hold image data: a lossy or lossless bitstream, or an animation frame. */
const WEBP_IMAGE_CHUNKS = /^(?:VP8[ L]|ANMF)$/;

/**
 * What a file's name and declared type claim it is, among the known formats (a claim of an
 * unknown or generic type, such as `application/octet-stream`, claims nothing). Sumsub refuses a
 * file whose claim contradicts its bytes ("PDF file is uploaded as JPEG", 1004).
 */
export function claimedFileKinds(name: string, mimeType: string): FileKind[] {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = mimeType.split(';')[0].trim().toLowerCase();
  const byName = KINDS.find((kind) => kind === extension) ?? own(EXTENSION_ALIASES, extension);
  const byType = KINDS.find((kind) => FILE_KIND_MIME_TYPES[kind] === type) ?? own(TYPE_ALIASES, type);
  return [byName, byType].filter((kind): kind is FileKind => kind !== undefined);
}

/** `table[key]` when the table itself has that key (not `constructor` or another inherited one). */
function own(table: Readonly<Record<string, FileKind>>, key: string): FileKind | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Recognises a file by its leading bytes.
 * @returns the format, or `null` when the bytes are none of the known formats (text, HTML, SVG,
 *   executables, videos, or just garbage).
 */
export function sniffFileType(bytes: Uint8Array): FileKind | null {
  const groups = SIGNATURES.exec(ascii(bytes, 0, 12))?.groups ?? {};
  const kind = KINDS.find((kind) => groups[kind] !== undefined) ?? null;
  if (kind === 'heic') return isoBrandKind(bytes);
  return kind !== 'bmp' || (bytes.length >= 18 && BMP_INFO_HEADER_SIZES.includes(uint(bytes, 14, 4, true))) ? kind : null;
}

/**
 * Checks that a file of a known format is whole enough to be decoded: a truncated JPEG (no end of
 * image after its scan), one whose segments do not chain, with no frame header or two, or whose
 * frame or scan header does not fit its components; a PNG with an impossible header, whose chunks
 * are cut or fail their CRC, or a palette image without its palette; a PDF without `%%EOF`; a WebP
 * whose RIFF size overruns the bytes, whose first header is unreadable or that holds no image; or
 * a HEIC whose boxes do not tile the file (or lack its metadata or media data) all fail.
 * It does not decode pixels (the sandbox's `isLikelyDecodable` checks what a decoder checks next).
 */
export function isStructurallyComplete(kind: StructureCheckedKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case 'jpeg':
      return isCompleteJpeg(bytes);
    case 'png':
      return isCompletePng(bytes);
    case 'pdf':
      return isCompletePdf(bytes);
    case 'webp':
      return isCompleteWebp(bytes);
    case 'heic':
      return isCompleteHeic(bytes);
  }
}

/** Width and height in pixels, as an image's header gives them. */
export interface ImageDimensions {
  width: number;
  height: number;
}

/**
 * The largest image, in pixels (width × height), that the widget and the sandbox take: 100
 * megapixels, well above any phone camera's photo (12 to 50 MP) or a 600 dpi A4 scan (35 MP), and
 * far below a decompression bomb (a small file whose header claims 30000 × 30000 pixels, which
 * would take 3.6 GB to decode).
 */
export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;

/**
 * The dimensions a JPEG (its frame header), PNG (IHDR), WebP (its first chunk: lossy, lossless
 * or extended header), GIF (its logical screen) or BMP (its info header) declares, read from the
 * header without decoding; `null` for other formats (HEIC, AVIF, TIFF, PDF),
 * or when the header is missing, cut, or declares zero pixels. A JPEG's are the stored ones,
 * before any Exif orientation is applied.
 */
export function imageDimensions(kind: FileKind, bytes: Uint8Array): ImageDimensions | null {
  switch (kind) {
    case 'jpeg':
      return jpegDimensions(bytes);
    case 'png': {
      const header = pngHeader(bytes);
      return header && { width: header.width, height: header.height };
    }
    case 'webp':
      return webpDimensions(bytes);
    case 'gif': // the logical screen
      return positive(uint(bytes, 6, 2, true), uint(bytes, 8, 2, true), bytes.length >= 10);
    case 'bmp': // a core header's 16-bit sizes, else 32-bit ones (a negative height is a top-down image)
      return uint(bytes, 14, 4, true) === 12
        ? positive(uint(bytes, 18, 2, true), uint(bytes, 20, 2, true), bytes.length >= 22)
        : positive(uint(bytes, 18, 4, true) | 0, Math.abs(uint(bytes, 22, 4, true) | 0), bytes.length >= 26);
    default:
      return null;
  }
}

function positive(width: number, height: number, present: boolean): ImageDimensions | null {
  return present && width > 0 && height > 0 ? { width, height } : null;
}

/**
 * The Exif orientation of a JPEG (1 to 8, from the `Orientation` tag of the first IFD of its APP1
 * Exif segment): how the stored pixels must be turned to be seen upright. 1 (as stored) when there
 * is none or it cannot be read. The segments before the first scan are enough: a cut file (the
 * first 256 KiB, say) gives the same answer.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  const exif = walkJpeg(bytes)[0].find(([marker, data]) => marker === 0xe1 && ascii(bytes, data, 6) === 'Exif\0\0');
  if (!exif) return 1;
  const [, data, end] = exif;
  // A TIFF header (byte order, 42, offset of the first IFD), read within the segment (-1 past its end).
  const tiff = data + 6;
  const order = ascii(bytes, tiff, 2);
  const read = (offset: number, size: number) => (offset + size <= end ? uint(bytes, offset, size, order === 'II') : -1);
  const ifd = tiff + read(tiff + 4, 4);
  if ((order !== 'II' && order !== 'MM') || read(tiff + 2, 2) !== 42 || ifd < tiff + 8) return 1;
  // 12-byte entries: tag, type, count, value.
  for (let entry = ifd + 2, count = read(ifd, 2); count > 0 && entry + 12 <= end; entry += 12, count--) {
    if (read(entry, 2) !== 0x0112) continue;
    const value = read(entry + 8, 2);
    return read(entry + 2, 2) === 3 && value >= 1 && value <= 8 ? value : 1; // a SHORT of 1 to 8
  }
  return 1;
}

/**
 * An ISO-BMFF file's format by the brands of its `ftyp` box (the major brand, then the compatible
 * ones), when the box is plausible: AVIF before HEIC (an AVIF also lists `mif1`).
 */
function isoBrandKind(bytes: Uint8Array): FileKind | null {
  const boxSize = uint(bytes, 0, 4);
  if (boxSize < 16 || boxSize > Math.min(bytes.length, MAX_FTYP_BOX)) return null;
  const brands = ascii(bytes, 8, 4) + ascii(bytes, 16, boxSize - 16);
  return AVIF_BRANDS.test(brands) ? 'avif' : HEIC_BRANDS.test(brands) ? 'heic' : null;
}

/** One marker segment of a JPEG: its marker, where its data starts and where it ends. */
export type JpegSegment = [marker: number, data: number, end: number];

/**
 * Walks a JPEG's marker segments from SOI up to and including the first scan header (SOS).
 * @returns the segments read, and where the entropy-coded data starts, or `null` when the walk
 *   stopped before a scan (a broken marker, a length overrunning the bytes, a second SOI or an
 *   EOI before any image data, or the bytes ran out).
 */
export function walkJpeg(bytes: Uint8Array): [segments: JpegSegment[], scan: number | null] {
  const segments: JpegSegment[] = [];
  for (let offset = 2; bytes[0] === 0xff && bytes[1] === 0xd8 && offset + 4 <= bytes.length && bytes[offset] === 0xff;) {
    const marker = bytes[offset + 1];
    const end = offset + 2 + uint(bytes, offset + 2, 2);
    if (marker === 0xff) {
      offset += 1; // fill byte
    } else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
    } else if (marker === 0xd8 || marker === 0xd9 || end < offset + 4 || end > bytes.length) {
      break; // a second start, an end before any image data, or a length below 2 or past the bytes
    } else {
      segments.push([marker, offset + 4, end]);
      if (marker === 0xda) return [segments, end];
      offset = end;
    }
  }
  return [segments, null];
}

/** The frame headers (SOF): markers C0 to CF but C4 (DHT), C8 (JPG) and CC (DAC). */
export function isStartOfFrame([marker]: JpegSegment): boolean {
  return marker >> 4 === 0xc && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * A whole JPEG: its segments walk to a scan, with exactly one frame header (SOF) before it whose
 * length fits its component count and whose dimensions are not zero, a scan header of 1 to 4
 * components whose length fits them, and an end-of-image marker after the scan.
 */
function isCompleteJpeg(bytes: Uint8Array): boolean {
  const [segments, scan] = walkJpeg(bytes);
  const frames = segments.filter(isStartOfFrame);
  // The frame header's data and end, and the scan header's (the last segment, once the walk reached a scan).
  const [, frame = 0, frameEnd = 0] = frames[0] ?? [];
  const [, sos = 0, sosEnd = 0] = segments.at(-1) ?? [];
  const components = bytes[frame + 5];
  const scanComponents = bytes[sos];
  return (
    scan !== null &&
    frames.length === 1 &&
    components > 0 &&
    frameEnd - frame === 6 + 3 * components &&
    jpegDimensions(bytes) !== null &&
    scanComponents > 0 &&
    scanComponents < 5 &&
    sosEnd - sos === 4 + 2 * scanComponents &&
    hasEndOfImage(bytes, scan)
  );
}

/** In entropy-coded data 0xFF is always stuffed (FF 00) or a restart marker, so FF D9 is the real end. */
function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  for (let offset = from; (offset = bytes.indexOf(0xff, offset) + 1) > 0;) if (bytes[offset] === 0xd9) return true;
  return false;
}

function jpegDimensions(bytes: Uint8Array): ImageDimensions | null {
  const [, data = 0, end = 0] = walkJpeg(bytes)[0].find(isStartOfFrame) ?? [];
  return positive(uint(bytes, data + 3, 2), uint(bytes, data + 1, 2), end - data >= 5);
}

/**
 * Bit depths each PNG colour type allows, by colour type (0 grey, 2 RGB, 3 palette, 4 grey and
 * alpha, 6 RGBA): depth d is allowed where bit d is set (1, 2, 4, 8, 16; or 8, 16; or 1, 2, 4, 8).
 */
const PNG_BIT_DEPTHS = [0x1_0116, 0, 0x1_0100, 0x116, 0x1_0100, 0, 0x1_0100];

/** A PNG's header (IHDR), when the file starts with a signature and a valid one. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

export function pngHeader(bytes: Uint8Array): PngHeader | null {
  const width = uint(bytes, 16, 4);
  const height = uint(bytes, 20, 4);
  const [bitDepth = 0, colorType = 0, compression, filter, interlace = 0] = bytes.subarray(24, 29);
  // Width and height of 1 to 2³¹ − 1; an allowed bit depth (2^depth is 0 as an int32 from depth
  // 32 on); compression and filter method 0; interlace method 0 or 1.
  return ascii(bytes, 0, 16) === PNG_HEAD &&
    bytes.length >= 33 &&
    width > 0 &&
    height > 0 &&
    width < 2 ** 31 &&
    height < 2 ** 31 &&
    (2 ** bitDepth) & PNG_BIT_DEPTHS[colorType] &&
    compression === 0 &&
    filter === 0 &&
    interlace < 2
    ? { width, height, bitDepth, colorType, interlaced: interlace === 1 }
    : null;
}

/**
 * Walks every chunk: a valid IHDR first, lengths within the file, letter-only types, valid CRCs, a
 * palette before the image data of a palette image, image data, then IEND.
 */
function isCompletePng(bytes: Uint8Array): boolean {
  const header = pngHeader(bytes);
  const types = new Set<string>(); // those of the chunks so far
  for (let offset = PNG_SIGNATURE_LENGTH; header && offset + 12 <= bytes.length;) {
    const type = ascii(bytes, offset + 4, 4);
    const dataEnd = offset + 8 + uint(bytes, offset, 4);
    if (dataEnd + 4 > bytes.length || !/^[A-Za-z]{4}$/.test(type) || crc32(bytes, offset + 4, dataEnd) !== uint(bytes, dataEnd, 4))
      return false;
    if (type === 'IDAT' && header.colorType === 3 && !types.has('PLTE')) return false;
    if (type === 'IEND') return types.has('IDAT');
    types.add(type);
    offset = dataEnd + 4;
  }
  return false;
}

function isCompletePdf(bytes: Uint8Array): boolean {
  const tailStart = Math.max(8, bytes.length - PDF_EOF_WINDOW);
  return /^%PDF-\d\.\d$/.test(ascii(bytes, 0, 8)) && ascii(bytes, tailStart, PDF_EOF_WINDOW).includes('%%EOF');
}

/** The end of a WebP's RIFF data (its size counts from byte 8), or -1 when the bytes are no WebP. */
function webpEnd(bytes: Uint8Array): number {
  return ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP' ? 8 + uint(bytes, 4, 4, true) : -1;
}

/**
 * The RIFF size must fit the bytes, its chunks must tile it, the first one an image bitstream (or
 * the extended header) whose header gives the dimensions, and some chunk must hold an image.
 */
function isCompleteWebp(bytes: Uint8Array): boolean {
  const end = webpEnd(bytes);
  let offset = 12;
  let sawImage = false;
  while (end <= bytes.length && offset + 8 <= end) {
    const size = uint(bytes, offset + 4, 4, true);
    sawImage ||= WEBP_IMAGE_CHUNKS.test(ascii(bytes, offset, 4));
    offset += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return bytes.length >= 20 && end <= bytes.length && webpDimensions(bytes) !== null && sawImage && (offset === end || offset === end + 1);
}

function webpDimensions(bytes: Uint8Array): ImageDimensions | null {
  if (webpEnd(bytes) < 0) return null;
  const lossless = uint(bytes, 21, 4, true);
  switch (ascii(bytes, 12, 4)) {
    case 'VP8 ': // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height
      return positive(
        uint(bytes, 26, 2, true) & 0x3fff,
        uint(bytes, 28, 2, true) & 0x3fff,
        bytes.length >= 30 && uint(bytes, 23, 3) === 0x9d012a,
      );
    case 'VP8L': // signature 0x2F, then width − 1 and height − 1 in 14 bits each
      return positive((lossless & 0x3fff) + 1, ((lossless >>> 14) & 0x3fff) + 1, bytes.length >= 25 && bytes[20] === 0x2f);
    case 'VP8X': // flags, 3 reserved bytes, canvas width − 1 and height − 1 in 24 bits each
      return positive(uint(bytes, 24, 3, true) + 1, uint(bytes, 27, 3, true) + 1, bytes.length >= 30);
    default:
      return null;
  }
}

/** Top-level ISO-BMFF boxes must tile the file exactly, starting with `ftyp`, with `meta` and `mdat` boxes. */
function isCompleteHeic(bytes: Uint8Array): boolean {
  const types: string[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const type = ascii(bytes, offset + 4, 4);
    // A box's size, its header's first field: 1 for a 64-bit size after the type, 0 for a box that
    // runs to the end of the file.
    const declared = uint(bytes, offset, 4);
    const header = declared === 1 ? 16 : 8;
    const size = declared === 1 ? uint(bytes, offset + 8, 8) : declared === 0 ? bytes.length - offset : declared;
    if (offset + header > bytes.length || (offset === 0 && type !== 'ftyp') || size < header || offset + size > bytes.length) return false;
    types.push(type);
    offset += size;
  }
  return types.includes('meta') && types.includes('mdat');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k += 1) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let crc = -1;
  for (let i = start; i < end; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** Latin-1 view of a byte range, clipped to the bytes present. */
export function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** The unsigned integer of `size` bytes (up to 8) at `offset`, big-endian unless `littleEndian`; bytes past the end read as 0. */
export function uint(bytes: Uint8Array, offset: number, size: number, littleEndian = false): number {
  let value = 0;
  for (let i = 0; i < size; i += 1) value = value * 256 + (bytes[offset + (littleEndian ? size - 1 - i : i)] ?? 0);
  return value;
}
