// Files made byte by byte, for the browser tests (hostile corpus) and the Node tests (sandbox
// uploads) alike: pure, no DOM, no Node API.

const encoder = new TextEncoder();

/** Bytes backed by a plain ArrayBuffer (what File and Blob take). */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Concatenates byte arrays, byte lists and strings (UTF-8). */
export function bytes(...parts: readonly (Uint8Array | readonly number[] | string)[]): Bytes {
  const arrays = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : Uint8Array.from(part)));
  const out = new Uint8Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    out.set(array, offset);
    offset += array.length;
  }
  return out;
}

/** A 16-bit big-endian number as bytes. */
export const u16be = (value: number): number[] => [(value >>> 8) & 0xff, value & 0xff];
/** A 32-bit big-endian number as bytes. */
export const u32be = (value: number): number[] => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
/** A 32-bit little-endian number as bytes. */
export const u32le = (value: number): number[] => u32be(value).reverse();

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 PNG and ZIP use. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG chunk with its length and a correct CRC. */
export function pngChunk(type: string, data: Uint8Array): Bytes {
  const body = bytes(type, data);
  return bytes(u32be(data.length), body, u32be(crc32(body)));
}
