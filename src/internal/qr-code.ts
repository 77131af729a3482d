/**
 * A QR code encoder (ISO/IEC 18004), written from the standard: byte mode with the text's UTF-8
 * bytes, versions 1–40, error correction levels L/M/Q/H, Reed–Solomon codes over GF(256), the
 * standard block structure and interleaving, function patterns, format and version information,
 * and all eight masks scored by the standard penalty rules. The widget draws a liveness URL as a
 * QR code locally with it: no request to any service, no runtime dependency.
 *
 * Pure and dependency-free (no DOM): safe to import in Node and in the browser.
 */

/** A QR code as a square of modules: `true` is dark. Quiet zone not included. */
export interface QrCode {
  size: number;
  modules: boolean[][];
}

/** Error correction level: recovers about 7 % (L), 15 % (M), 25 % (Q) or 30 % (H) of the codewords. */
export type QrEcc = 'L' | 'M' | 'Q' | 'H';

const ECC_LEVELS: readonly QrEcc[] = ['L', 'M', 'Q', 'H'];

/** The two bits of each level in the format information (ISO/IEC 18004 table 12). */
const ECC_FORMAT_BITS: Readonly<Record<QrEcc, number>> = { L: 0b01, M: 0b00, Q: 0b11, H: 0b10 };

/** Error correction codewords per block, by level and version 1–40 (ISO/IEC 18004 table 9). */
const ECC_CODEWORDS_PER_BLOCK: Readonly<Record<QrEcc, readonly number[]>> = {
  L: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
    28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
    26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  Q: [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
    28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  H: [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
    30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
};

/** Number of error correction blocks, by level and version 1–40 (ISO/IEC 18004 table 9). */
const ECC_BLOCKS: Readonly<Record<QrEcc, readonly number[]>> = {
  L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
    8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
    17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
    23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
    25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
};

/** Row/column coordinates of the alignment pattern centres, by version 1–40 (ISO/IEC 18004 annex E). */
const ALIGNMENT_POSITIONS: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
  [6, 30, 54],
  [6, 32, 58],
  [6, 34, 62],
  [6, 26, 46, 66],
  [6, 26, 48, 70],
  [6, 26, 50, 74],
  [6, 30, 54, 78],
  [6, 30, 56, 82],
  [6, 30, 58, 86],
  [6, 34, 62, 90],
  [6, 28, 50, 72, 94],
  [6, 26, 50, 74, 98],
  [6, 30, 54, 78, 102],
  [6, 28, 54, 80, 106],
  [6, 32, 58, 84, 110],
  [6, 30, 58, 86, 114],
  [6, 34, 62, 90, 118],
  [6, 26, 50, 74, 98, 122],
  [6, 30, 54, 78, 102, 126],
  [6, 26, 52, 78, 104, 130],
  [6, 30, 56, 82, 108, 134],
  [6, 34, 60, 86, 112, 138],
  [6, 30, 58, 86, 114, 142],
  [6, 34, 62, 90, 118, 146],
  [6, 30, 54, 78, 102, 126, 150],
  [6, 24, 50, 76, 102, 128, 154],
  [6, 28, 54, 80, 106, 132, 158],
  [6, 32, 58, 84, 110, 136, 162],
  [6, 26, 54, 82, 110, 138, 166],
  [6, 30, 58, 86, 114, 142, 170],
];

const MIN_VERSION = 1;
const MAX_VERSION = 40;
/** Mode indicator of byte mode. */
const BYTE_MODE = 0b0100;
/** Generator of the (15, 5) BCH code of the format information: x^10 + x^8 + x^5 + x^4 + x^2 + x + 1. */
const FORMAT_GENERATOR = 0b101_0011_0111;
/** Mask XORed onto the format information, so that it is never all light. */
const FORMAT_MASK = 0b101_0100_0001_0010;
/** Generator of the (18, 6) BCH code of the version information: x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1. */
const VERSION_GENERATOR = 0b1_1111_0010_0101;
/** Pad codewords that fill the data capacity, alternately. */
const PAD_CODEWORDS = [0b1110_1100, 0b0001_0001];

// ---------------------------------------------------------------------------------------------
// GF(256) with the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11d), α = 2.

const GF_EXP = new Uint8Array(512);
const GF_LOG = new Uint8Array(256);
{
  let value = 1;
  for (let i = 0; i < 255; i++) {
    GF_EXP[i] = value;
    GF_LOG[value] = i;
    value <<= 1;
    if (value & 0x100) value ^= 0x11d;
  }
  // Doubled, so that a product needs no reduction modulo 255.
  for (let i = 255; i < 512; i++) GF_EXP[i] = GF_EXP[i - 255]!;
}

function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : GF_EXP[GF_LOG[a]! + GF_LOG[b]!]!;
}

/** Coefficients (highest degree first, leading 1 omitted) of ∏ (x − α^i) for i = 0 … degree − 1. */
function generatorPolynomial(degree: number): Uint8Array {
  // Coefficients of the monic product so far, highest degree first, leading 1 included.
  let poly = new Uint8Array([1]);
  for (let i = 0; i < degree; i++) {
    const root = GF_EXP[i]!;
    const next = new Uint8Array(poly.length + 1);
    for (let j = 0; j < poly.length; j++) {
      next[j] = next[j]! ^ poly[j]!; // × x
      next[j + 1] = next[j + 1]! ^ gfMultiply(poly[j]!, root); // × α^i (− is + in GF(2^8))
    }
    poly = next;
  }
  return poly.subarray(1);
}

/** The Reed–Solomon error correction codewords of `data`: the remainder of data(x)·x^n ÷ g(x). */
function reedSolomon(data: Uint8Array, generator: Uint8Array): Uint8Array {
  const degree = generator.length;
  const remainder = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ remainder[0]!;
    remainder.copyWithin(0, 1);
    remainder[degree - 1] = 0;
    if (factor === 0) continue;
    for (let i = 0; i < degree; i++) remainder[i] = remainder[i]! ^ gfMultiply(generator[i]!, factor);
  }
  return remainder;
}

// ---------------------------------------------------------------------------------------------
// Bits.

/** The remainder of `value`·x^degree(generator) ÷ generator over GF(2), appended to `value`: a BCH codeword. */
function bchCode(value: number, generator: number): number {
  const degree = 31 - Math.clz32(generator);
  let remainder = value << degree;
  for (let bit = 31 - Math.clz32(remainder); bit >= degree; bit--) {
    if ((remainder >>> bit) & 1) remainder ^= generator << (bit - degree);
  }
  return (value << degree) | remainder;
}

/** The 15 bits of the format information of a level and mask. */
function formatBits(ecc: QrEcc, mask: number): number {
  return bchCode((ECC_FORMAT_BITS[ecc] << 3) | mask, FORMAT_GENERATOR) ^ FORMAT_MASK;
}

/** The 18 bits of the version information (versions 7–40). */
function versionBits(version: number): number {
  return bchCode(version, VERSION_GENERATOR);
}

class BitBuffer {
  readonly bits: number[] = [];

  /** Appends the `length` low bits of `value`, most significant first. */
  append(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits.push((value >>> i) & 1);
  }
}

// ---------------------------------------------------------------------------------------------
// The symbol.

function sizeOf(version: number): number {
  return version * 4 + 17;
}

/** Bits of the character count indicator of byte mode. */
function countBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** A grid of modules under construction, with which of them belong to function patterns. */
class Grid {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = sizeOf(version);
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.drawFunctionPatterns();
  }

  /** Sets a function module (row, column); out-of-symbol positions (a finder's separator) are skipped. */
  setFunction(row: number, column: number, dark: boolean): void {
    if (row < 0 || column < 0 || row >= this.size || column >= this.size) return;
    this.dark[row]![column] = dark;
    this.reserved[row]![column] = true;
  }

  private drawFunctionPatterns(): void {
    const size = this.size;
    // Timing patterns (drawn first: finders and alignment patterns overwrite their ends).
    for (let i = 0; i < size; i++) {
      this.setFunction(6, i, i % 2 === 0);
      this.setFunction(i, 6, i % 2 === 0);
    }
    // Finder patterns with their light separators.
    this.drawFinder(3, 3);
    this.drawFinder(3, size - 4);
    this.drawFinder(size - 4, 3);
    // Alignment patterns, except where they would overlap a finder.
    const positions = ALIGNMENT_POSITIONS[this.version - 1]!;
    const last = positions.length - 1;
    positions.forEach((row, i) => {
      positions.forEach((column, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        this.drawAlignment(row, column);
      });
    });
    // Format information: reserved now, written with the mask.
    this.drawFormat(0);
    // Version information.
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i++) {
        const dark = ((bits >>> i) & 1) === 1;
        const near = Math.floor(i / 3);
        const far = size - 11 + (i % 3);
        this.setFunction(near, far, dark); // left of the top-right finder
        this.setFunction(far, near, dark); // above the bottom-left finder
      }
    }
  }

  private drawFinder(centreRow: number, centreColumn: number): void {
    for (let dr = -4; dr <= 4; dr++) {
      for (let dc = -4; dc <= 4; dc++) {
        const ring = Math.max(Math.abs(dr), Math.abs(dc)); // 0–1 centre, 2 light, 3 dark, 4 separator
        this.setFunction(centreRow + dr, centreColumn + dc, ring !== 2 && ring !== 4);
      }
    }
  }

  private drawAlignment(centreRow: number, centreColumn: number): void {
    for (let dr = -2; dr <= 2; dr++) {
      for (let dc = -2; dc <= 2; dc++) {
        this.setFunction(centreRow + dr, centreColumn + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
      }
    }
  }

  /** Writes both copies of the format information (bit 14 is the most significant) and the dark module. */
  drawFormat(bits: number, into: boolean[][] = this.dark): void {
    const size = this.size;
    const set = (row: number, column: number, bit: number): void => {
      into[row]![column] = ((bits >>> bit) & 1) === 1;
      this.reserved[row]![column] = true;
    };
    // Around the top-left finder: bits 0–7 down column 8 (skipping the timing row), 8–14 leftwards along row 8.
    for (let i = 0; i <= 5; i++) set(i, 8, i);
    set(7, 8, 6);
    set(8, 8, 7);
    set(8, 7, 8);
    for (let i = 9; i < 15; i++) set(8, 14 - i, i);
    // The second copy, split: bits 0–7 leftwards along row 8 from the right edge, 8–14 down column 8 to the bottom edge.
    for (let i = 0; i < 8; i++) set(8, size - 1 - i, i);
    for (let i = 8; i < 15; i++) set(size - 15 + i, 8, i);
    into[size - 8]![8] = true; // the dark module
    this.reserved[size - 8]![8] = true;
  }

  /** Number of modules left for the data and error correction codewords. */
  dataModules(): number {
    let count = 0;
    for (const row of this.reserved) for (const reserved of row) if (!reserved) count++;
    return count;
  }

  /** Places the codewords' bits in the zig-zag order of the standard; modules left over stay light. */
  placeData(codewords: Uint8Array): void {
    const size = this.size;
    const totalBits = codewords.length * 8;
    let index = 0;
    let upwards = true;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5; // the vertical timing pattern takes a whole column
      for (let step = 0; step < size; step++) {
        const row = upwards ? size - 1 - step : step;
        for (let dc = 0; dc < 2; dc++) {
          const column = right - dc;
          if (this.reserved[row]![column]) continue;
          if (index < totalBits) this.dark[row]![column] = ((codewords[index >>> 3]! >>> (7 - (index & 7))) & 1) === 1;
          index++;
        }
      }
      upwards = !upwards;
    }
  }
}

/** Whether mask `mask` (0–7) inverts module (row, column) (ISO/IEC 18004 table 10). */
function masked(mask: number, row: number, column: number): boolean {
  switch (mask) {
    case 0: return (row + column) % 2 === 0;
    case 1: return row % 2 === 0;
    case 2: return column % 3 === 0;
    case 3: return (row + column) % 3 === 0;
    case 4: return (Math.floor(row / 2) + Math.floor(column / 3)) % 2 === 0;
    case 5: return ((row * column) % 2) + ((row * column) % 3) === 0;
    case 6: return (((row * column) % 2) + ((row * column) % 3)) % 2 === 0;
    default: return (((row + column) % 2) + ((row * column) % 3)) % 2 === 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Penalty (ISO/IEC 18004 7.8.3): the mask with the lowest total is chosen.

const PENALTY_RUN = 3; // N1, plus one per module beyond five
const PENALTY_BLOCK = 3; // N2
const PENALTY_FINDER_LIKE = 40; // N3
const PENALTY_BALANCE = 10; // N4

/** N1 and N3 of one line of modules (a row or a column). */
function linePenalty(line: readonly boolean[]): number {
  let penalty = 0;
  const length = line.length;
  // N1: runs of five or more modules of one colour.
  let run = 1;
  for (let i = 1; i <= length; i++) {
    if (i < length && line[i] === line[i - 1]) {
      run++;
      continue;
    }
    if (run >= 5) penalty += PENALTY_RUN + (run - 5);
    run = 1;
  }
  // N3: dark-light-dark-dark-dark-light-dark (1:1:3:1:1) with four light modules on one side
  // (outside the symbol counts as light: the quiet zone).
  const at = (i: number): boolean => i >= 0 && i < length && line[i] === true;
  const lightRun = (from: number): boolean => !at(from) && !at(from + 1) && !at(from + 2) && !at(from + 3);
  for (let i = 0; i + 7 <= length; i++) {
    if (at(i) && !at(i + 1) && at(i + 2) && at(i + 3) && at(i + 4) && !at(i + 5) && at(i + 6)) {
      if (lightRun(i - 4)) penalty += PENALTY_FINDER_LIKE;
      if (lightRun(i + 7)) penalty += PENALTY_FINDER_LIKE;
    }
  }
  return penalty;
}

function penalty(modules: readonly boolean[][]): number {
  const size = modules.length;
  let total = 0;
  let dark = 0;
  const column: boolean[] = new Array<boolean>(size);
  for (let i = 0; i < size; i++) {
    const row = modules[i]!;
    total += linePenalty(row);
    for (let j = 0; j < size; j++) column[j] = modules[j]![i]!;
    total += linePenalty(column);
    for (const module of row) if (module) dark++;
  }
  // N2: 2×2 blocks of one colour.
  for (let i = 0; i + 1 < size; i++) {
    const row = modules[i]!;
    const below = modules[i + 1]!;
    for (let j = 0; j + 1 < size; j++) {
      const colour = row[j];
      if (row[j + 1] === colour && below[j] === colour && below[j + 1] === colour) total += PENALTY_BLOCK;
    }
  }
  // N4: ten points for each full 5 % by which the share of dark modules departs from 50 %.
  const cells = size * size;
  total += Math.floor(Math.abs(dark * 20 - cells * 10) / cells) * PENALTY_BALANCE;
  return total;
}

// ---------------------------------------------------------------------------------------------
// Codewords.

interface Capacity {
  /** All codewords of the symbol. */
  total: number;
  /** Data codewords. */
  data: number;
  blocks: number;
  eccPerBlock: number;
}

function capacityOf(grid: Grid, ecc: QrEcc): Capacity {
  const total = Math.floor(grid.dataModules() / 8);
  const blocks = ECC_BLOCKS[ecc][grid.version - 1]!;
  const eccPerBlock = ECC_CODEWORDS_PER_BLOCK[ecc][grid.version - 1]!;
  return { total, data: total - blocks * eccPerBlock, blocks, eccPerBlock };
}

/** The data codewords: mode, count, bytes, terminator, bit padding, pad codewords. */
function dataCodewords(bytes: Uint8Array, version: number, capacity: number): Uint8Array {
  const buffer = new BitBuffer();
  buffer.append(BYTE_MODE, 4);
  buffer.append(bytes.length, countBits(version));
  for (const byte of bytes) buffer.append(byte, 8);
  const capacityBits = capacity * 8;
  buffer.append(0, Math.min(4, capacityBits - buffer.bits.length)); // terminator
  buffer.append(0, (8 - (buffer.bits.length % 8)) % 8);
  const codewords = new Uint8Array(capacity);
  const filled = buffer.bits.length / 8;
  for (let i = 0; i < filled; i++) {
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) byte = (byte << 1) | buffer.bits[i * 8 + bit]!;
    codewords[i] = byte;
  }
  for (let i = filled; i < capacity; i++) codewords[i] = PAD_CODEWORDS[(i - filled) % 2]!;
  return codewords;
}

/** Splits the data into blocks, appends each block's error correction, and interleaves them. */
function interleave(data: Uint8Array, capacity: Capacity): Uint8Array {
  const { total, blocks, eccPerBlock } = capacity;
  const longBlocks = total % blocks; // the last blocks hold one more data codeword
  const shortData = Math.floor(total / blocks) - eccPerBlock;
  const generator = generatorPolynomial(eccPerBlock);
  const dataBlocks: Uint8Array[] = [];
  const eccBlocks: Uint8Array[] = [];
  let offset = 0;
  for (let b = 0; b < blocks; b++) {
    const length = shortData + (b >= blocks - longBlocks ? 1 : 0);
    const block = data.subarray(offset, offset + length);
    offset += length;
    dataBlocks.push(block);
    eccBlocks.push(reedSolomon(block, generator));
  }
  const result = new Uint8Array(total);
  let index = 0;
  for (let i = 0; i <= shortData; i++) {
    for (const block of dataBlocks) if (i < block.length) result[index++] = block[i]!;
  }
  for (let i = 0; i < eccPerBlock; i++) {
    for (const block of eccBlocks) result[index++] = block[i]!;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// API.

/**
 * Encodes text (UTF-8, byte mode) with error correction level `ecc` (default 'M'), the smallest
 * version (1–40) that fits; throws RangeError when it does not fit.
 */
export function encodeQr(text: string, ecc: QrEcc = 'M'): QrCode {
  if (typeof text !== 'string') throw new TypeError('encodeQr: text must be a string');
  if (!ECC_LEVELS.includes(ecc)) throw new RangeError(`encodeQr: unknown error correction level ${String(ecc)}`);
  const bytes = new TextEncoder().encode(text);

  let grid: Grid | undefined;
  let capacity: Capacity | undefined;
  for (let version = MIN_VERSION; version <= MAX_VERSION; version++) {
    // Cheap bound first: the bit count never fits when the byte count exceeds the count indicator.
    if (bytes.length >= 2 ** countBits(version)) continue;
    const candidate = new Grid(version);
    const candidateCapacity = capacityOf(candidate, ecc);
    if (4 + countBits(version) + bytes.length * 8 <= candidateCapacity.data * 8) {
      grid = candidate;
      capacity = candidateCapacity;
      break;
    }
  }
  if (!grid || !capacity) {
    throw new RangeError(`encodeQr: ${bytes.length} bytes do not fit in a QR code at level ${ecc}`);
  }

  grid.placeData(interleave(dataCodewords(bytes, grid.version, capacity.data), capacity));

  let best: boolean[][] | undefined;
  let bestPenalty = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const modules = grid.dark.map((row, r) =>
      row.map((dark, c) => (grid.reserved[r]![c] ? dark : dark !== masked(mask, r, c))),
    );
    grid.drawFormat(formatBits(ecc, mask), modules);
    const score = penalty(modules);
    if (score < bestPenalty) {
      best = modules;
      bestPenalty = score;
    }
  }
  return { size: grid.size, modules: best! };
}

/**
 * An SVG path `d` drawing the dark modules (one unit per module, offset by `margin` modules of
 * quiet zone), for a `<path>` in a lit template (no innerHTML). Each horizontal run of dark
 * modules is one closed rectangle, `M{x} {y}h{n}v1h-{n}z`; none overlap, so either fill rule
 * draws them. The matching `viewBox` is `0 0 {size + 2·margin} {size + 2·margin}`; with
 * `shape-rendering="crispEdges"` no seams show between the rectangles.
 */
export function qrPath(code: QrCode, margin = 4): string {
  if (!Number.isSafeInteger(margin) || margin < 0) throw new RangeError('qrPath: margin must be a non-negative integer');
  const { size, modules } = code;
  if (!Number.isSafeInteger(size) || size < 0 || modules.length !== size) {
    throw new RangeError('qrPath: modules must be a square of `size` rows');
  }
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    const row = modules[y]!;
    if (row.length !== size) throw new RangeError('qrPath: modules must be a square of `size` columns');
    let x = 0;
    while (x < size) {
      if (row[x] !== true) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x] === true) x++;
      const run = x - start;
      parts.push(`M${start + margin} ${y + margin}h${run}v1h-${run}z`);
    }
  }
  return parts.join('');
}
