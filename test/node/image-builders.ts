// PNGs and JPEGs made field by field, for the tests of the shared format checks
// (file-type.test.ts) and of the sandbox's decoder checks (sandbox-decoder-checks.test.ts).
import { deflateSync } from 'node:zlib';
import { bytes, pngChunk, u16be, u32be } from '../helpers/bytes.js';

/** A PNG chunk with its length and a correct CRC. */
export const chunk = pngChunk;

/** A PNG from its header fields and its (uncompressed, filtered) rows. */
export function makePng(
  width: number,
  height: number,
  rows: Uint8Array,
  { depth = 8, color = 2, interlace = 0, palette = false } = {},
): Uint8Array {
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', bytes(u32be(width), u32be(height), [depth, color, 0, 0, interlace])),
    palette ? chunk('PLTE', bytes([0, 0, 0, 255, 255, 255])) : new Uint8Array(0),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  );
}

/** `count` rows of `size` bytes each after a filter byte of 0. */
export function rows(count: number, size: number): Uint8Array {
  const out = new Uint8Array(count * (size + 1)).fill(0x40);
  for (let row = 0; row < count; row += 1) out[row * (size + 1)] = 0;
  return out;
}

/** A JPEG whose segments are given: SOI, the segments, a scan of `scan` bytes, EOI. */
export function makeJpeg(segments: [number, Uint8Array][], scan: number[] = [0x12, 0x34]): Uint8Array {
  return bytes([0xff, 0xd8], ...segments.map(([marker, data]) => bytes([0xff, marker], u16be(data.length + 2), data)), scan, [0xff, 0xd9]);
}

/** A quantization table segment (table 0, 8-bit). */
export const DQT: [number, Uint8Array] = [0xdb, bytes([0], new Array(64).fill(1))];
/** A Huffman table segment (DC table 0, two codes). */
export const DHT: [number, Uint8Array] = [0xc4, bytes([0x00], [0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1])];
/** A frame header segment. */
export const sof = (marker = 0xc0, { precision = 8, height = 3, width = 5, components = [[1, 0x11, 0]] } = {}): [number, Uint8Array] => [
  marker,
  bytes([precision], u16be(height), u16be(width), [components.length], components.flat()),
];
/** A scan header segment for the given components. */
export const sos = (ids: number[] = [1]): [number, Uint8Array] => [
  0xda,
  bytes(
    [ids.length],
    ids.flatMap((id) => [id, 0]),
    [0, 0x3f, 0],
  ),
];
