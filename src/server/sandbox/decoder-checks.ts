/**
 * The sandbox's stand-in for an image decoder. Sumsub refuses a file its decoder refuses (1004);
 * the sandbox cannot decode images, so it checks what a decoder checks first. The widget needs
 * none of this (it decodes the person's file for real, with `createImageBitmap`, in
 * `src/internal/file-check.ts`), so it lives here, out of the widget's bundle.
 *
 * Built on the format readers of `src/shared/file-type.ts`, and environment-free like them
 * (bytes in, the web-standard `DecompressionStream`, no `node:` module), so that
 * test/browser/hostile-files.test.ts can hold it against Chromium's decoder.
 */
import {
  ascii,
  isStartOfFrame,
  PNG_SIGNATURE_LENGTH,
  pngHeader,
  uint,
  walkJpeg,
  type FileKind,
  type PngHeader,
} from '../../shared/file-type.js';

/**
 * What a decoder checks before it produces pixels, beyond `isStructurallyComplete` (call that
 * first): a JPEG's tables (well-formed quantization and Huffman tables, every quantization table a
 * frame component uses defined before the scan, every scan component in the frame, 8-bit baseline,
 * extended or progressive coding); a PNG's image data (a zlib stream that inflates to at least the
 * rows its header declares, each with a known filter type); a WebP bitstream's header (a lossy key
 * frame whose first partition fits its chunk, a lossless stream of version 0). Other formats: true.
 * For the sandbox, which cannot decode images; the widget decodes them for real. The work is
 * bounded by the image's declared size: check `imageDimensions` against a pixel limit first.
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

/**
 * Coding processes browsers decode (libjpeg-turbo): baseline, extended sequential and progressive,
 * Huffman or arithmetic coded. Not lossless or hierarchical ones, which Chromium refuses.
 */
const DECODABLE_FRAMES = [0xc0, 0xc1, 0xc2, 0xc9, 0xca];

function hasSoundJpegTables(bytes: Uint8Array): boolean {
  const [segments, scan] = walkJpeg(bytes);
  if (scan === null) return false;
  const quantTables = new Set<number>();
  const frameComponents = new Map<number, number>(); // component id → quantization table
  for (const segment of segments) {
    const [marker, data, end] = segment;
    if (marker === 0xdb) {
      for (let offset = data; offset < end;) {
        const precision = bytes[offset] >> 4;
        const table = bytes[offset] & 0x0f;
        const size = 1 + 64 * (precision + 1);
        if (precision > 1 || table > 3 || offset + size > end) return false;
        quantTables.add(table);
        offset += size;
      }
    } else if (marker === 0xc4) {
      for (let offset = data; offset < end;) {
        const size = huffmanTableSize(bytes, offset, end);
        if (size === null) return false;
        offset += size;
      }
    } else if (isStartOfFrame(segment)) {
      if (!DECODABLE_FRAMES.includes(marker) || bytes[data] !== 8) return false;
      for (let i = 0; i < bytes[data + 5]; i += 1) frameComponents.set(bytes[data + 6 + 3 * i], bytes[data + 8 + 3 * i]);
    } else if (marker === 0xda) {
      for (let i = 0; i < bytes[data]; i += 1) {
        const table = frameComponents.get(bytes[data + 1 + 2 * i]);
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
  const tableClass = bytes[offset] >> 4;
  if (tableClass > 1 || (bytes[offset] & 0x0f) > 3 || offset + 17 > end) return null;
  let code = 0;
  let symbols = 0;
  for (let length = 1; length <= 16; length += 1) {
    const count = bytes[offset + length];
    code += count;
    symbols += count;
    if (count > 0 && code >= 2 ** length) return null;
    code *= 2;
  }
  if (symbols > 256 || offset + 17 + symbols > end) return null;
  if (tableClass === 0) {
    for (let i = 0; i < symbols; i += 1) if (bytes[offset + 17 + i] > 15) return null;
  }
  return 17 + symbols;
}

/** Samples per pixel of each PNG colour type. */
const PNG_CHANNELS = [1, 0, 3, 1, 2, 0, 4];

/** Adam7's passes: first column and row, column and row steps. */
const ADAM7_PASSES: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The rows of a PNG's filtered image data, as runs of `[bytes per row without its filter byte, rows]`. */
export function pngRows(header: PngHeader): [number, number][] {
  const bitsPerPixel = PNG_CHANNELS[header.colorType] * header.bitDepth;
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
  for (let offset = PNG_SIGNATURE_LENGTH; offset + 12 <= bytes.length;) {
    const length = uint(bytes, offset, 4);
    if (offset + 12 + length > bytes.length) return false;
    if (ascii(bytes, offset + 4, 4) === 'IDAT') data.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const runs = pngRows(header);
  const expected = runs.reduce((sum, [row, count]) => sum + (row + 1) * count, 0);
  let run = 0;
  let rowsLeft = runs[0][1];
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
        if (value[nextFilter - produced] > 4) return false;
        nextFilter += 1 + runs[run][0];
        rowsLeft -= 1;
        if (rowsLeft === 0 && run + 1 < runs.length) rowsLeft = runs[++run][1];
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

/** The first image bitstream's header: a lossy key frame of version 0 to 3 whose first partition fits its chunk, or a lossless stream of version 0. */
function hasSoundWebpBitstream(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8 + uint(bytes, 4, 4, true));
  for (let offset = 12; offset + 8 <= end;) {
    const type = ascii(bytes, offset, 4);
    const size = uint(bytes, offset + 4, 4, true);
    const data = offset + 8;
    if (type === 'VP8 ') {
      if (size < 10 || data + 10 > end) return false;
      const tag = uint(bytes, data, 3, true);
      const keyFrame = (tag & 1) === 0;
      const version = (tag >> 1) & 7;
      const firstPartition = tag >>> 5;
      return keyFrame && version <= 3 && firstPartition <= size - 10 && uint(bytes, data + 3, 3) === 0x9d012a;
    }
    if (type === 'VP8L') return size >= 5 && data + 5 <= end && bytes[data] === 0x2f && uint(bytes, data + 1, 4, true) >>> 29 === 0;
    if (type === 'ANMF') return true; // an animation: its frames are not checked
    offset = data + size + (size % 2);
  }
  return false;
}
