/**
 * What a file really is, judged by its bytes (never by its name or declared type), and whether it is
 * whole. Pure and dependency-free: it runs in the browser widget and in the server sandbox alike,
 * and it must survive hostile input (every read is bounds-checked, every loop advances).
 */

/** File formats the sniffer recognises. */
export type FileKind = 'jpeg' | 'png' | 'pdf' | 'heic' | 'webp' | 'gif' | 'tiff' | 'bmp' | 'avif';

/** Formats whose internal structure {@link isStructurallyComplete} can check. */
export type StructureCheckedKind = 'jpeg' | 'png' | 'pdf' | 'heic' | 'webp';

/** The MIME type of each recognised format. */
export const FILE_KIND_MIME_TYPES: Readonly<Record<FileKind, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  heic: 'image/heic',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Sizes of the BMP info headers in use (core, v1 to v5). */
const BMP_INFO_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
/** The largest plausible `ftyp` box: real ones list a handful of brands. */
const MAX_FTYP_BOX = 4096;
/** How far from the end a PDF's `%%EOF` may sit (trailing whitespace or junk tolerated by readers). */
const PDF_EOF_WINDOW = 1024;

const KINDS_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg', png: 'png', pdf: 'pdf', heic: 'heic', heif: 'heic',
  webp: 'webp', gif: 'gif', tif: 'tiff', tiff: 'tiff', bmp: 'bmp', avif: 'avif',
};
const KINDS_BY_MIME_TYPE: Readonly<Record<string, FileKind>> = {
  ...Object.fromEntries(Object.entries(FILE_KIND_MIME_TYPES).map(([kind, type]) => [type, kind as FileKind])),
  'image/jpg': 'jpeg', 'image/pjpeg': 'jpeg', 'image/heif': 'heic', 'image/x-ms-bmp': 'bmp',
};

/**
 * What a file's name and declared type claim it is, among the known formats (a claim of an
 * unknown or generic type, such as `application/octet-stream`, claims nothing). Sumsub refuses a
 * file whose claim contradicts its bytes ("PDF file is uploaded as JPEG", 1004).
 */
export function claimedFileKinds(name: string, mimeType: string): FileKind[] {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const byName = extension ? KINDS_BY_EXTENSION[extension] : undefined;
  const byType = KINDS_BY_MIME_TYPE[mimeType.split(';')[0]!.trim().toLowerCase()];
  return [byName, byType].filter((kind): kind is FileKind => kind !== undefined);
}

/**
 * Recognises a file by its leading bytes.
 * @returns the format, or `null` when the bytes are none of the known formats (text, HTML, SVG,
 *   executables, videos, or just garbage).
 */
export function sniffFileType(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 4) === 'ftyp') return isoBrandKind(bytes);
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 18 && BMP_INFO_HEADER_SIZES.has(u32le(bytes, 14))) return 'bmp';
  return null;
}

/**
 * Checks that a file of a known format is whole enough to be decoded: a truncated JPEG (no end of
 * image after its scan), a PNG whose chunks are cut or fail their CRC, a PDF without `%%EOF`, a
 * WebP whose RIFF size overruns the bytes, or a HEIC whose boxes do not tile the file (or lack its
 * metadata or media data) all fail.
 * It does not decode pixels.
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

function isoBrandKind(bytes: Uint8Array): FileKind | null {
  const boxSize = u32be(bytes, 0);
  if (boxSize < 16 || boxSize > Math.min(bytes.length, MAX_FTYP_BOX)) return null;
  const brands = [ascii(bytes, 8, 4)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  return null;
}

/** Walks the marker segments up to the first scan, then requires an end-of-image marker after it. */
function isCompleteJpeg(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0xff, 0xd8])) return false;
  let offset = 2;
  let sawFrame = false;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9) return false; // a second start, or an end before any image data
    const length = u16be(bytes, offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) return false;
    if (isStartOfFrame(marker)) sawFrame = true;
    if (marker === 0xda) return sawFrame && hasEndOfImage(bytes, end);
    offset = end;
  }
  return false;
}

function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** In entropy-coded data 0xFF is always stuffed (FF 00) or a restart marker, so FF D9 is the real end. */
function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  for (let offset = from; offset + 1 < bytes.length; offset += 1) {
    if (bytes[offset] === 0xff && bytes[offset + 1] === 0xd9) return true;
  }
  return false;
}

/** Walks every chunk: IHDR first, lengths within the file, letter-only types, valid CRCs, IDAT, then IEND. */
function isCompletePng(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, PNG_SIGNATURE)) return false;
  let offset = PNG_SIGNATURE.length;
  let sawData = false;
  while (offset + 12 <= bytes.length) {
    const length = u32be(bytes, offset);
    const type = ascii(bytes, offset + 4, 4);
    const dataEnd = offset + 8 + length;
    if (dataEnd + 4 > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return false;
    if (offset === PNG_SIGNATURE.length && (type !== 'IHDR' || length !== 13)) return false;
    if (crc32(bytes, offset + 4, dataEnd) !== u32be(bytes, dataEnd)) return false;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData;
    offset = dataEnd + 4;
  }
  return false;
}

function isCompletePdf(bytes: Uint8Array): boolean {
  if (!/^%PDF-\d\.\d$/.test(ascii(bytes, 0, 8))) return false;
  const tailStart = Math.max(8, bytes.length - PDF_EOF_WINDOW);
  return ascii(bytes, tailStart, bytes.length - tailStart).includes('%%EOF');
}

/** The RIFF size must fit the bytes and its chunks (first one an image bitstream) must tile it. */
function isCompleteWebp(bytes: Uint8Array): boolean {
  if (bytes.length < 20 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return false;
  const end = 8 + u32le(bytes, 4);
  if (end > bytes.length || !['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 4))) return false;
  let offset = 12;
  while (offset + 8 <= end) {
    const size = u32le(bytes, offset + 4);
    offset += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return offset === end || offset === end + 1;
}

/** Top-level ISO-BMFF boxes must tile the file exactly, starting with `ftyp`, with `meta` and `mdat` boxes. */
function isCompleteHeic(bytes: Uint8Array): boolean {
  let offset = 0;
  const seen = new Set<string>();
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return false;
    const type = ascii(bytes, offset + 4, 4);
    if (offset === 0 && type !== 'ftyp') return false;
    let size = u32be(bytes, offset);
    if (size === 1) {
      if (offset + 16 > bytes.length) return false;
      size = u32be(bytes, offset + 8) * 2 ** 32 + u32be(bytes, offset + 12);
      if (size < 16) return false;
    } else if (size === 0) {
      size = bytes.length - offset; // the last box runs to the end of the file
    } else if (size < 8) {
      return false;
    }
    if (offset + size > bytes.length) return false;
    seen.add(type);
    offset += size;
  }
  return seen.has('meta') && seen.has('mdat');
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Latin-1 view of a byte range, clipped to the bytes present. */
function ascii(bytes: Uint8Array, start: number, length: number): string {
  const end = Math.min(bytes.length, start + length);
  let text = '';
  for (let i = start; i < end; i += 1) text += String.fromCharCode(bytes[i]!);
  return text;
}

function u16be(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

function u32be(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] ?? 0) << 24) | ((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0)) >>> 0;
}

function u32le(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset + 3] ?? 0) << 24) | ((bytes[offset + 2] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset] ?? 0)) >>> 0;
}
