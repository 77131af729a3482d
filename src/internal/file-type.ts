/**
 * What a file really is, judged by its bytes (never by its name or declared type), whether it is
 * whole, what its header declares (dimensions, Exif orientation), and whether a decoder would take
 * it. Pure and dependency-free: it runs in the browser widget and in the server sandbox alike,
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
/**
 * How far from the end a PDF's `%%EOF` may sit (trailing whitespace or junk tolerated by readers):
 * the PDF check reads only the first 8 bytes and this many last ones.
 */
export const PDF_EOF_WINDOW = 1024;
/** WebP chunks that hold image data: a lossy or lossless bitstream, or an animation frame. */
const WEBP_IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'ANMF']);

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
 * image after its scan), one whose segments do not chain, with no frame header or two, or whose
 * frame or scan header does not fit its components; a PNG with an impossible header, whose chunks
 * are cut or fail their CRC, or a palette image without its palette; a PDF without `%%EOF`; a WebP
 * whose RIFF size overruns the bytes, whose first header is unreadable or that holds no image; or
 * a HEIC whose boxes do not tile the file (or lack its metadata or media data) all fail.
 * It does not decode pixels (see {@link isLikelyDecodable} for what a decoder checks next).
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
      return positive(u16le(bytes, 6), u16le(bytes, 8), bytes.length >= 10);
    case 'bmp': // a core header's 16-bit sizes, else 32-bit ones (a negative height is a top-down image)
      return u32le(bytes, 14) === 12
        ? positive(u16le(bytes, 18), u16le(bytes, 20), bytes.length >= 22)
        : positive(u32le(bytes, 18) | 0, Math.abs(u32le(bytes, 22) | 0), bytes.length >= 26);
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
  for (const segment of walkJpeg(bytes).segments) {
    if (segment.marker !== 0xe1 || ascii(bytes, segment.data, 6) !== 'Exif\0\0') continue;
    const tiff = segment.data + 6;
    const order = ascii(bytes, tiff, 2);
    if (order !== 'II' && order !== 'MM') return 1;
    const little = order === 'II';
    const u16 = (offset: number) => (offset + 2 <= segment.end ? (little ? u16le(bytes, offset) : u16be(bytes, offset)) : -1);
    const u32 = (offset: number) => (offset + 4 <= segment.end ? (little ? u32le(bytes, offset) : u32be(bytes, offset)) : -1);
    const ifdOffset = u32(tiff + 4);
    if (u16(tiff + 2) !== 42 || ifdOffset < 8) return 1;
    const ifd = tiff + ifdOffset;
    const entries = u16(ifd);
    for (let i = 0; i < entries; i += 1) {
      const entry = ifd + 2 + 12 * i;
      if (entry + 12 > segment.end) break;
      if (u16(entry) !== 0x0112) continue;
      const value = u16(entry + 8);
      return u16(entry + 2) === 3 && value >= 1 && value <= 8 ? value : 1; // a SHORT of 1 to 8
    }
    return 1;
  }
  return 1;
}

/**
 * What a decoder checks before it produces pixels, beyond {@link isStructurallyComplete} (call that
 * first): a JPEG's tables (well-formed quantization and Huffman tables, every quantization table a
 * frame component uses defined before the scan, every scan component in the frame, 8-bit baseline,
 * extended or progressive coding); a PNG's image data (a zlib stream that inflates to at least the
 * rows its header declares, each with a known filter type); a WebP bitstream's header (a lossy key
 * frame whose first partition fits its chunk, a lossless stream of version 0). Other formats: true.
 * For the sandbox, which cannot decode images; the widget decodes them for real. The work is
 * bounded by the image's declared size: check {@link imageDimensions} against a pixel limit first.
 * Asynchronous because it inflates with the web-standard `DecompressionStream` (browsers, Node ≥ 18).
 */
export async function isLikelyDecodable(kind: FileKind, bytes: Uint8Array): Promise<boolean> {
  switch (kind) {
    case 'jpeg':
      return hasSoundJpegTables(bytes);
    case 'png':
      return await pngDataInflates(bytes);
    case 'webp':
      return hasSoundWebpBitstream(bytes);
    default:
      return true;
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

/** One marker segment of a JPEG: its marker, where its `FF` is, where its data starts and where it ends. */
interface JpegSegment {
  marker: number;
  start: number;
  data: number;
  end: number;
}

/**
 * Walks a JPEG's marker segments from SOI up to and including the first scan header (SOS).
 * @returns the segments read, and `scan`: where the entropy-coded data starts, or `null` when the
 *   walk stopped before a scan (a broken marker, a length overrunning the bytes, a second SOI or
 *   an EOI before any image data, or the bytes ran out).
 */
function walkJpeg(bytes: Uint8Array): { segments: JpegSegment[]; scan: number | null } {
  const segments: JpegSegment[] = [];
  if (!startsWith(bytes, [0xff, 0xd8])) return { segments, scan: null };
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9) break; // a second start, or an end before any image data
    const length = u16be(bytes, offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) break;
    segments.push({ marker, start: offset, data: offset + 4, end });
    if (marker === 0xda) return { segments, scan: end };
    offset = end;
  }
  return { segments, scan: null };
}

/**
 * A whole JPEG: its segments walk to a scan, with exactly one frame header (SOF) before it whose
 * length fits its component count and whose dimensions are not zero, a scan header of 1 to 4
 * components whose length fits them, and an end-of-image marker after the scan.
 */
function isCompleteJpeg(bytes: Uint8Array): boolean {
  const { segments, scan } = walkJpeg(bytes);
  if (scan === null) return false;
  const frames = segments.filter((segment) => isStartOfFrame(segment.marker));
  if (frames.length !== 1) return false;
  const frame = frames[0]!;
  const components = bytes[frame.data + 5]!;
  if (frame.end - frame.data < 6 || components < 1 || frame.end - frame.data !== 6 + 3 * components) return false;
  if (u16be(bytes, frame.data + 1) === 0 || u16be(bytes, frame.data + 3) === 0) return false;
  const sos = segments.at(-1)!;
  const scanComponents = bytes[sos.data]!;
  if (scanComponents < 1 || scanComponents > 4 || sos.end - sos.data !== 4 + 2 * scanComponents) return false;
  return hasEndOfImage(bytes, scan);
}

function jpegDimensions(bytes: Uint8Array): ImageDimensions | null {
  const frame = walkJpeg(bytes).segments.find((segment) => isStartOfFrame(segment.marker));
  if (frame === undefined || frame.end - frame.data < 5) return null;
  const height = u16be(bytes, frame.data + 1);
  const width = u16be(bytes, frame.data + 3);
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * Coding processes browsers decode (libjpeg-turbo): baseline, extended sequential and progressive,
 * Huffman or arithmetic coded. Not lossless or hierarchical ones, which Chromium refuses.
 */
const DECODABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc9, 0xca]);

function hasSoundJpegTables(bytes: Uint8Array): boolean {
  const { segments, scan } = walkJpeg(bytes);
  if (scan === null) return false;
  const quantTables = new Set<number>();
  const frameComponents = new Map<number, number>(); // component id → quantization table
  for (const { marker, data, end } of segments) {
    if (marker === 0xdb) {
      for (let offset = data; offset < end; ) {
        const precision = bytes[offset]! >> 4;
        const table = bytes[offset]! & 0x0f;
        const size = 1 + 64 * (precision + 1);
        if (precision > 1 || table > 3 || offset + size > end) return false;
        quantTables.add(table);
        offset += size;
      }
    } else if (marker === 0xc4) {
      for (let offset = data; offset < end; ) {
        const size = huffmanTableSize(bytes, offset, end);
        if (size === null) return false;
        offset += size;
      }
    } else if (isStartOfFrame(marker)) {
      if (!DECODABLE_FRAMES.has(marker) || bytes[data] !== 8) return false;
      for (let i = 0; i < bytes[data + 5]!; i += 1) frameComponents.set(bytes[data + 6 + 3 * i]!, bytes[data + 8 + 3 * i]!);
    } else if (marker === 0xda) {
      for (let i = 0; i < bytes[data]!; i += 1) {
        const table = frameComponents.get(bytes[data + 1 + 2 * i]!);
        if (table === undefined || !quantTables.has(table)) return false;
      }
    }
  }
  return true;
}

/**
 * The size of one Huffman table of a DHT segment at `offset`, or `null` when it is bogus (as
 * libjpeg judges it): a wrong class or slot, more than 256 codes, codes that overflow their
 * lengths (or use an all-ones code), a DC symbol above 15, or a table running past the segment.
 */
function huffmanTableSize(bytes: Uint8Array, offset: number, end: number): number | null {
  const tableClass = bytes[offset]! >> 4;
  if (tableClass > 1 || (bytes[offset]! & 0x0f) > 3 || offset + 17 > end) return null;
  let code = 0;
  let symbols = 0;
  for (let length = 1; length <= 16; length += 1) {
    const count = bytes[offset + length]!;
    code += count;
    symbols += count;
    if (count > 0 && code >= 2 ** length) return null;
    code *= 2;
  }
  if (symbols > 256 || offset + 17 + symbols > end) return null;
  if (tableClass === 0) {
    for (let i = 0; i < symbols; i += 1) if (bytes[offset + 17 + i]! > 15) return null;
  }
  return 17 + symbols;
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

/** Bit depths each PNG colour type allows, by colour type. */
const PNG_BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
/** Samples per pixel of each PNG colour type. */
const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** A PNG's header (IHDR), when the file starts with a signature and a valid one. */
interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

function pngHeader(bytes: Uint8Array): PngHeader | null {
  if (!startsWith(bytes, PNG_SIGNATURE) || bytes.length < 33) return null;
  if (u32be(bytes, 8) !== 13 || ascii(bytes, 12, 4) !== 'IHDR') return null;
  const width = u32be(bytes, 16);
  const height = u32be(bytes, 20);
  const [bitDepth, colorType, compression, filter, interlace] = [24, 25, 26, 27, 28].map((offset) => bytes[offset]!) as [number, number, number, number, number];
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return null;
  if (!PNG_BIT_DEPTHS[colorType]?.includes(bitDepth) || compression !== 0 || filter !== 0 || interlace > 1) return null;
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}

/**
 * Walks every chunk: a valid IHDR first, lengths within the file, letter-only types, valid CRCs, a
 * palette before the image data of a palette image, image data, then IEND.
 */
function isCompletePng(bytes: Uint8Array): boolean {
  const header = pngHeader(bytes);
  if (header === null) return false;
  let offset = PNG_SIGNATURE.length;
  let sawData = false;
  let sawPalette = false;
  while (offset + 12 <= bytes.length) {
    const length = u32be(bytes, offset);
    const type = ascii(bytes, offset + 4, 4);
    const dataEnd = offset + 8 + length;
    if (dataEnd + 4 > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return false;
    if (crc32(bytes, offset + 4, dataEnd) !== u32be(bytes, dataEnd)) return false;
    if (type === 'PLTE') sawPalette = true;
    if (type === 'IDAT') {
      if (header.colorType === 3 && !sawPalette) return false;
      sawData = true;
    }
    if (type === 'IEND') return sawData;
    offset = dataEnd + 4;
  }
  return false;
}

/** Adam7's passes: first column and row, column and row steps. */
const ADAM7_PASSES: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

/** The rows of a PNG's filtered image data, as runs of `[bytes per row without its filter byte, rows]`. */
function pngRows(header: PngHeader): [number, number][] {
  const bitsPerPixel = PNG_CHANNELS[header.colorType]! * header.bitDepth;
  const rowBytes = (width: number) => Math.ceil((width * bitsPerPixel) / 8);
  if (!header.interlaced) return [[rowBytes(header.width), header.height]];
  const runs: [number, number][] = [];
  for (const [x, y, dx, dy] of ADAM7_PASSES) {
    const width = Math.ceil(Math.max(0, header.width - x) / dx);
    const height = Math.ceil(Math.max(0, header.height - y) / dy);
    if (width > 0 && height > 0) runs.push([rowBytes(width), height]);
  }
  return runs;
}

/**
 * Inflates a PNG's image data (its IDAT chunks, one zlib stream) until the rows its header
 * declares are all there, checking each row's filter type (0 to 4) on the way. Streams, so memory
 * stays small; stops at the declared size, so a bomb costs no more than its header admits.
 */
async function pngDataInflates(bytes: Uint8Array): Promise<boolean> {
  const header = pngHeader(bytes);
  if (header === null) return false;
  const data: Uint8Array[] = [];
  for (let offset = PNG_SIGNATURE.length; offset + 12 <= bytes.length; ) {
    const length = u32be(bytes, offset);
    if (offset + 12 + length > bytes.length) return false;
    if (ascii(bytes, offset + 4, 4) === 'IDAT') data.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const runs = pngRows(header);
  const expected = runs.reduce((sum, [row, count]) => sum + (row + 1) * count, 0);
  let run = 0;
  let rowsLeft = runs[0]![1];
  let nextFilter = 0; // where the next row's filter byte is, in the inflated data
  let produced = 0;

  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    for (const chunk of data) await writer.write(chunk as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  writing.catch(() => undefined); // a broken stream rejects both sides: the reader tells
  try {
    while (produced < expected) {
      const { done, value } = await reader.read();
      if (done) return false; // the data ends before the last row
      while (nextFilter < produced + value.length && nextFilter < expected) {
        if (value[nextFilter - produced]! > 4) return false;
        nextFilter += 1 + runs[run]![0];
        rowsLeft -= 1;
        if (rowsLeft === 0 && run + 1 < runs.length) rowsLeft = runs[++run]![1];
      }
      produced += value.length;
    }
    return true;
  } catch {
    return false; // not a zlib stream, or a damaged one
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

function isCompletePdf(bytes: Uint8Array): boolean {
  if (!/^%PDF-\d\.\d$/.test(ascii(bytes, 0, 8))) return false;
  const tailStart = Math.max(8, bytes.length - PDF_EOF_WINDOW);
  return ascii(bytes, tailStart, bytes.length - tailStart).includes('%%EOF');
}

/**
 * The RIFF size must fit the bytes, its chunks must tile it, the first one an image bitstream (or
 * the extended header) whose header gives the dimensions, and some chunk must hold an image.
 */
function isCompleteWebp(bytes: Uint8Array): boolean {
  if (bytes.length < 20 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return false;
  const end = 8 + u32le(bytes, 4);
  if (end > bytes.length || webpDimensions(bytes) === null) return false;
  let offset = 12;
  let sawImage = false;
  while (offset + 8 <= end) {
    const size = u32le(bytes, offset + 4);
    if (WEBP_IMAGE_CHUNKS.has(ascii(bytes, offset, 4))) sawImage = true;
    offset += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return sawImage && (offset === end || offset === end + 1);
}

function webpDimensions(bytes: Uint8Array): ImageDimensions | null {
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
  let width = 0;
  let height = 0;
  switch (ascii(bytes, 12, 4)) {
    case 'VP8 ': // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height
      if (bytes.length < 30 || bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
      width = u16le(bytes, 26) & 0x3fff;
      height = u16le(bytes, 28) & 0x3fff;
      break;
    case 'VP8L': { // signature 0x2F, then width − 1 and height − 1 in 14 bits each
      if (bytes.length < 25 || bytes[20] !== 0x2f) return null;
      const bits = u32le(bytes, 21);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
      break;
    }
    case 'VP8X': // flags, 3 reserved bytes, canvas width − 1 and height − 1 in 24 bits each
      if (bytes.length < 30) return null;
      width = u24le(bytes, 24) + 1;
      height = u24le(bytes, 27) + 1;
      break;
    default:
      return null;
  }
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The first image bitstream's header: a lossy key frame of version 0 to 3 whose first partition fits its chunk, or a lossless stream of version 0. */
function hasSoundWebpBitstream(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8 + u32le(bytes, 4));
  for (let offset = 12; offset + 8 <= end; ) {
    const type = ascii(bytes, offset, 4);
    const size = u32le(bytes, offset + 4);
    const data = offset + 8;
    if (type === 'VP8 ') {
      if (size < 10 || data + 10 > end) return false;
      const tag = u24le(bytes, data);
      const keyFrame = (tag & 1) === 0;
      const version = (tag >> 1) & 7;
      const firstPartition = tag >>> 5;
      return keyFrame && version <= 3 && firstPartition <= size - 10 && u24be(bytes, data + 3) === 0x9d012a;
    }
    if (type === 'VP8L') return size >= 5 && data + 5 <= end && bytes[data] === 0x2f && u32le(bytes, data + 1) >>> 29 === 0;
    if (type === 'ANMF') return true; // an animation: its frames are not checked
    offset = data + size + (size % 2);
  }
  return false;
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

function u16le(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset] ?? 0);
}

function u24be(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset + 2] ?? 0);
}

function u24le(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset + 2] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset] ?? 0);
}

function u32be(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] ?? 0) << 24) | ((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0)) >>> 0;
}

function u32le(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset + 3] ?? 0) << 24) | ((bytes[offset + 2] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset] ?? 0)) >>> 0;
}
