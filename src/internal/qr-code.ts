/**
 * A QR code encoder (ISO/IEC 18004), written from the standard: byte mode with the text's UTF-8
 * bytes, versions 1–40, error correction levels L/M/Q/H, Reed–Solomon codes over GF(256), the
 * standard block structure and interleaving, function patterns, format and version information,
 * and all eight masks scored by the standard penalty rules. The widget draws a liveness URL as a
 * QR code locally with it: no request to any service, no runtime dependency.
 *
 * Written to be small in the CDN bundle: the per-version tables are short strings, the symbol's
 * capacity and its alignment pattern positions are computed, one routine does every BCH code.
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

/**
 * The levels, in the order of the tables' rows. A level's two bits in the format information
 * (ISO/IEC 18004 table 12: L 01, M 00, Q 11, H 10) are its index here XOR 1.
 */
const LEVELS: readonly QrEcc[] = ['L', 'M', 'Q', 'H'];

/**
 * ISO/IEC 18004 table 9, by level (L, M, Q, H: 40 characters each) and version 1–40 (one
 * character each). ECC_PER_BLOCK: the error correction codewords of each block, 7 to 30, as the
 * character's code minus ECC_OFFSET. BLOCK_STEPS: how many blocks more than the version before
 * (−4 to +9) as the code minus STEP_OFFSET, so the blocks of a version are the sum of its level's
 * steps up to it (1 to 81). Both keep to printable characters, free of quotes and backslashes.
 * qr-code.test.ts checks every version's byte capacity against the standard's table 7.
 */
const ECC_PER_BLOCK =
  '/27<B:<@F:<@BF>@DFDDDDFFBDFFFFFFFFFFFFFF28B:@8:>>BF>>@@DDBBBBDDDDDDDDDDDDDDDDDDD' +
  '5>:B:@:><@DB@<F@DDBFDFFFFDFFFFFFFFFFFFFF9D>8>DBB@D@D>@@FDDBDF@FFFFFFFFFFFFFFFFFF';
const ECC_OFFSET = 40;
const BLOCK_STEPS =
  '10000100020000200011010120011111110111211001020010031010121210121221212222123222' +
  '10102020200224,5/23/30222501323233233333101200112030502.324009,23232333333334434';
const STEP_OFFSET = 48;

const MAX_VERSION = 40;
/** Mode indicator of byte mode. */
const BYTE_MODE = 0b0100;
/** The pad codewords 0b1110_1100 and 0b0001_0001 fill the data capacity, alternately (XOR with PAD_SWITCH turns one into the other). */
const PAD_CODEWORD = 0b1110_1100;
const PAD_SWITCH = 0b1110_1100 ^ 0b0001_0001;
/** Generator of the (15, 5) BCH code of the format information: x^10 + x^8 + x^5 + x^4 + x^2 + x + 1. */
const FORMAT_GENERATOR = 0b101_0011_0111;
/** Mask XORed onto the format information, so that it is never all light. */
const FORMAT_MASK = 0b101_0100_0001_0010;
/** Generator of the (18, 6) BCH code of the version information: x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1. */
const VERSION_GENERATOR = 0b1_1111_0010_0101;
/** The primitive polynomial of GF(256): x^8 + x^4 + x^3 + x^2 + 1. */
const GF_POLYNOMIAL = 0x11d;
/** Rings of a finder pattern (0 its centre, 4 its separator) that are dark: 0, 1 and 3. */
const FINDER_RINGS = 0b01011;
/** Rings of an alignment pattern that are dark: 0 and 2. */
const ALIGNMENT_RINGS = 0b101;
/** A module of a function pattern is stored as FUNCTION | dark (2 or 3); a data module as 0 or 1. */
const FUNCTION = 2;

// ---------------------------------------------------------------------------------------------
// The symbol's layout.

/** Alignment patterns along each axis (ISO/IEC 18004 annex E): none in version 1, then 2 + ⌊version / 7⌋. */
function alignmentCount(version: number): number {
  return version < 2 ? 0 : 2 + Math.floor(version / 7);
}

/**
 * Row/column coordinates of the alignment pattern centres (ISO/IEC 18004 annex E): the first at 6,
 * the last at size − 7, the others evenly spaced back from the last by an even step; the step is
 * twice the half spacing (size − 13) / (2·(count − 1)) rounded up, or down when it is less than a
 * quarter above a whole number (the table's choice, as in version 32).
 */
export function qrAlignmentPositions(version: number): number[] {
  const count = alignmentCount(version);
  const last = version * 4 + 10;
  const step = Math.floor((last - 6) / (2 * count - 2) + 0.75) * 2;
  return count ? [6, ...Array.from({ length: count - 1 }, (_, i) => last - (count - 2 - i) * step)] : [];
}

/**
 * The block structure of a version at a level (index in LEVELS): all its codewords, its blocks,
 * and the error correction codewords of each block.
 *
 * All codewords: the modules but the function patterns, over 8 (the remainder bits are left
 * over). The symbol's (4v + 17)² modules less the finders with their separators (3 × 64), the
 * timing patterns (2 × (4v + 1)) and the format information with the dark module (31) come to
 * (16v + 128)v + 64; less the alignment patterns, 25 modules each but 5 fewer for the 2(n − 2)
 * that cross a timing pattern; less the version information (2 × 18) from version 7.
 */
function blockStructure(version: number, level: number): [total: number, blocks: number, eccPerBlock: number] {
  const n = alignmentCount(version);
  let blocks = 0;
  for (let v = 0; v < version; v++) blocks += BLOCK_STEPS.charCodeAt(level * 40 + v) - STEP_OFFSET;
  return [
    ((16 * version + 128) * version + 64 - (n && (25 * n - 10) * n - 55) - (version < 7 ? 0 : 36)) >> 3,
    blocks,
    ECC_PER_BLOCK.charCodeAt(level * 40 + version - 1) - ECC_OFFSET,
  ];
}

/** Bits of the character count indicator of byte mode. */
function countBits(version: number): number {
  return version < 10 ? 8 : 16;
}

/**
 * The most bytes a version (1–40) holds at a level (ISO/IEC 18004 table 7, byte mode): its data
 * codewords less the 4 bits of the mode and the count indicator.
 */
export function qrCapacity(version: number, ecc: QrEcc): number {
  const [total, blocks, eccPerBlock] = blockStructure(version, LEVELS.indexOf(ecc));
  return ((total - blocks * eccPerBlock) * 8 - 4 - countBits(version)) >> 3;
}

// ---------------------------------------------------------------------------------------------
// Codes.

/** `value` followed by its check bits: the remainder of value·x^degree ÷ generator over GF(2). */
function bchCode(value: number, generator: number, degree: number): number {
  let remainder = value;
  for (let i = 0; i < degree; i++) remainder = (remainder << 1) ^ ((remainder >> (degree - 1)) * generator);
  return (value << degree) | remainder;
}

/** The product of two elements of GF(256), bit by bit (shift and add, reducing by the polynomial). */
function gfMultiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 7; bit >= 0; bit--) product = (product << 1) ^ ((product >> 7) * GF_POLYNOMIAL) ^ (((b >> bit) & 1) * a);
  return product;
}

/** The codewords of each block in turn: the first of every block, then the second… (shorter blocks come first). */
function interleave(blocks: readonly number[][]): number[] {
  return blocks.at(-1)!.flatMap((_, i) => blocks.flatMap((block) => block.slice(i, i + 1)));
}

/**
 * Whether mask 0–7 leaves module (row, column) as it is (ISO/IEC 18004 table 10): it inverts it
 * where the mask's condition is 0. The eight conditions, in order.
 */
function keeps(mask: number, row: number, column: number): number {
  const product = row * column;
  return [
    (row + column) % 2,
    row % 2,
    column % 3,
    (row + column) % 3,
    (Math.floor(row / 2) + Math.floor(column / 3)) % 2,
    (product % 2) + (product % 3),
    ((product % 2) + (product % 3)) % 2,
    (((row + column) % 2) + (product % 3)) % 2,
  ][mask]!;
}

// ---------------------------------------------------------------------------------------------
// Penalty (ISO/IEC 18004 7.8.3): the mask with the lowest total is chosen.

const PENALTY_BLOCK = 3; // N2
const PENALTY_FINDER_LIKE = 40; // N3
const PENALTY_BALANCE = 10; // N4

/** The penalty of a symbol of 0 (light) and 1 (dark) modules. */
function penalty(modules: readonly number[][]): number {
  const size = modules.length;
  const cells = size * size;
  let total = 0;
  let dark = 0; // counted twice: in the rows and in the columns
  for (const line of [...modules, ...modules.map((_, column) => modules.map((row) => row[column]!))]) {
    const text = line.join('');
    dark += text.split('1').length - 1;
    // N1: runs of five or more modules of one colour.
    for (const run of text.match(/0{5,}|1{5,}/g) ?? []) total += run.length - 2; // 3, plus one per module beyond five
    // N3: dark-light-dark-dark-dark-light-dark (1:1:3:1:1) with four light modules before it, and
    // again with four after it (outside the symbol counts as light: the quiet zone). Lookaheads, as
    // the two may overlap.
    total += PENALTY_FINDER_LIKE * (`0000${text}0000`.match(/(?=00001011101|10111010000)/g) ?? []).length;
  }
  // N2: 2×2 blocks of one colour (their sum is 0 or 4).
  for (let r = 1; r < size; r++) {
    for (let c = 1; c < size; c++) {
      if ((modules[r]![c]! + modules[r - 1]![c]! + modules[r]![c - 1]! + modules[r - 1]![c - 1]!) % 4 === 0) total += PENALTY_BLOCK;
    }
  }
  // N4: ten points for each full 5 % by which the share of dark modules departs from 50 %.
  return total + Math.floor((Math.abs(dark - cells) * 10) / cells) * PENALTY_BALANCE;
}

// ---------------------------------------------------------------------------------------------
// API.

/**
 * Encodes text (UTF-8, byte mode) with error correction level `ecc` (default 'M'), the smallest
 * version (1–40) that fits; throws RangeError when it does not fit.
 */
export function encodeQr(text: string, ecc: QrEcc = 'M'): QrCode {
  if (typeof text !== 'string') throw new TypeError('encodeQr: text must be a string');
  const level = LEVELS.indexOf(ecc);
  if (level < 0) throw new RangeError(`encodeQr: unknown error correction level ${String(ecc)}`);
  const bytes = new TextEncoder().encode(text);

  let version = 1;
  while (bytes.length > qrCapacity(version, ecc)) {
    if (++version > MAX_VERSION) {
      throw new RangeError(`encodeQr: ${bytes.length} bytes do not fit in a QR code at level ${ecc}`);
    }
  }
  const size = version * 4 + 17;
  const [total, blockCount, eccPerBlock] = blockStructure(version, level);

  // The data codewords: the mode indicator (4 bits), the count, the bytes and the terminator (4
  // zero bits, which always fit) come to whole bytes, each codeword the low half of a byte and the
  // high half of the next; then the pad codewords.
  const capacity = total - blockCount * eccPerBlock;
  const payload = [...(version < 10 ? [bytes.length] : [bytes.length >> 8, bytes.length & 255]), ...bytes, 0];
  const data = payload.map((byte, i) => (((payload[i - 1] ?? BYTE_MODE) << 4) | (byte >> 4)) & 255);
  for (let pad = PAD_CODEWORD; data.length < capacity; pad ^= PAD_SWITCH) data.push(pad);

  // Blocks, the last `total % blocks` of them one data codeword longer, each with its error
  // correction: the remainder of data(x)·x^n ÷ generator(x), the generator polynomial being
  // ∏ (x − α^i), i < eccPerBlock (highest degree first).
  let generator = [1];
  for (let i = 0, root = 1; i < eccPerBlock; i++, root = gfMultiply(root, 2)) {
    generator = [...generator, 0].map((coefficient, j) => coefficient ^ gfMultiply(generator[j - 1] ?? 0, root));
  }
  const dataBlocks: number[][] = [];
  const eccBlocks: number[][] = [];
  for (let b = 0, offset = 0; b < blockCount; b++) {
    const block = data.slice(offset, (offset += Math.floor(total / blockCount) - eccPerBlock + (b < blockCount - (total % blockCount) ? 0 : 1)));
    const remainder = [...block, ...generator.slice(1).fill(0)];
    block.forEach((_, i) => {
      const factor = remainder[i]!;
      generator.forEach((coefficient, j) => (remainder[i + j]! ^= gfMultiply(coefficient, factor)));
    });
    dataBlocks.push(block);
    eccBlocks.push(remainder.slice(block.length));
  }
  const codewords = [...interleave(dataBlocks), ...interleave(eccBlocks)];

  // The function patterns.
  const grid = Array.from({ length: size }, () => Array<number>(size).fill(0));
  const setFunction = (row: number, column: number, dark: number): void => {
    grid[row]![column] = FUNCTION | dark;
  };
  /** A square pattern of rings 0 (its centre) to `radius`, dark where `rings` has the ring's bit; clipped by the edges. */
  const drawSquare = (row: number, column: number, radius: number, rings: number): void => {
    for (let i = -radius; i <= radius; i++) {
      for (let j = -radius; j <= radius; j++) {
        if (grid[row + i]?.[column + j] !== undefined) setFunction(row + i, column + j, (rings >> Math.max(Math.abs(i), Math.abs(j))) & 1);
      }
    }
  };
  /** Both copies of the format information of a mask (bit 14 is the most significant), and the dark module. */
  const drawFormat = (mask: number): void => {
    const formatBits = bchCode(((level ^ 1) << 3) | mask, FORMAT_GENERATOR, 10) ^ FORMAT_MASK;
    for (let i = 0; i < 15; i++) {
      // Around the top-left finder: bits 0–7 down column 8, 8–14 leftwards along row 8 (skipping the timing patterns).
      setFunction(i < 6 ? i : i < 8 ? i + 1 : 8, i < 8 ? 8 : i < 9 ? 7 : 14 - i, (formatBits >> i) & 1);
      // The second copy: bits 0–7 leftwards along row 8 from the right edge, 8–14 down column 8 to the bottom edge.
      setFunction(i < 8 ? 8 : size - 15 + i, i < 8 ? size - 1 - i : 8, (formatBits >> i) & 1);
    }
    setFunction(size - 8, 8, 1); // the dark module
  };
  // The finders with their separators (ring 4).
  drawSquare(3, 3, 4, FINDER_RINGS);
  drawSquare(3, size - 4, 4, FINDER_RINGS);
  drawSquare(size - 4, 3, 4, FINDER_RINGS);
  // Alignment patterns, but the three whose centre falls on a finder.
  const positions = qrAlignmentPositions(version);
  for (const row of positions) {
    for (const column of positions) {
      if (grid[row]![column]! < FUNCTION) drawSquare(row, column, 2, ALIGNMENT_RINGS);
    }
  }
  // Timing patterns between the finders' separators (where they cross an alignment pattern, they agree with it).
  for (let i = 8; i < size - 8; i++) {
    setFunction(6, i, ~i & 1);
    setFunction(i, 6, ~i & 1);
  }
  drawFormat(0); // reserved now, written again with each mask
  if (version >= 7) {
    const versionBits = bchCode(version, VERSION_GENERATOR, 12);
    for (let i = 0; i < 18; i++) {
      const near = Math.floor(i / 3);
      const far = size - 11 + (i % 3);
      setFunction(near, far, (versionBits >> i) & 1); // left of the top-right finder
      setFunction(far, near, (versionBits >> i) & 1); // above the bottom-left finder
    }
  }

  // The codewords' bits, in the zig-zag order of the standard: up and down two-column strips from
  // the right, skipping the vertical timing pattern's column; modules left over stay light.
  let index = 0;
  for (let right = size - 1, upwards = true; right > 0; right -= 2, upwards = !upwards) {
    if (right === 6) right = 5;
    for (let step = 0; step < size; step++) {
      const line = grid[upwards ? size - 1 - step : step]!;
      for (const column of [right, right - 1]) if (line[column]! < FUNCTION) line[column] = ((codewords[index >> 3] ?? 0) >> (7 - (index++ & 7))) & 1;
    }
  }

  let best: number[][] = grid;
  let bestPenalty = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    drawFormat(mask);
    const modules = grid.map((line, r) => line.map((module, c) => (module & FUNCTION ? module & 1 : module ^ +!keeps(mask, r, c))));
    const score = penalty(modules);
    if (score < bestPenalty) {
      best = modules;
      bestPenalty = score;
    }
  }
  return { size, modules: best.map((line) => line.map((module) => module === 1)) };
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
  let path = '';
  for (let y = 0; y < size; y++) {
    const row = modules[y]!;
    if (row.length !== size) throw new RangeError('qrPath: modules must be a square of `size` columns');
    // Runs of `true` (anything else is light), found in the row written as 1s and 0s.
    for (const run of Array.from(row, (module) => (module === true ? 1 : 0)).join('').matchAll(/1+/g)) {
      path += `M${run.index + margin} ${y + margin}h${run[0].length}v1h-${run[0].length}z`;
    }
  }
  return path;
}
