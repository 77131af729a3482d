import { expect } from '@open-wc/testing';
import type { Options, QRCode } from 'jsqr';
// jsQR ships only a UMD build (no ES module): imported for its side effect, it sets `self.jsQR`.
import 'jsqr';
import { encodeQr, qrPath, type QrCode } from './qr-code.js';

type Ecc = 'L' | 'M' | 'Q' | 'H';
type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: Options) => QRCode | null;
const jsQR = (globalThis as typeof globalThis & { jsQR: JsQr }).jsQR;

const LEVELS: readonly Ecc[] = ['L', 'M', 'Q', 'H'];
const SCALE = 4; // pixels per module
const QUIET = 4; // modules of quiet zone

/** The 15 format information bits by level and mask 0–7 (ISO/IEC 18004 annex C, table C.1). */
const FORMAT_BITS: Readonly<Record<Ecc, readonly number[]>> = {
  L: [0x77c4, 0x72f3, 0x7daa, 0x789d, 0x662f, 0x6318, 0x6c41, 0x6976],
  M: [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0],
  Q: [0x355f, 0x3068, 0x3f31, 0x3a06, 0x24b4, 0x2183, 0x2eda, 0x2bed],
  H: [0x1689, 0x13be, 0x1ce7, 0x19d0, 0x0762, 0x0255, 0x0d0c, 0x083b],
};

/** The 18 version information bits of versions 7–40 (ISO/IEC 18004 annex D, table D.1). */
const VERSION_BITS: readonly number[] = [
  0x07c94, 0x085bc, 0x09a99, 0x0a4d3, 0x0bbf6, 0x0c762, 0x0d847, 0x0e60d, 0x0f928, 0x10b78, 0x1145d, 0x12a17, 0x13532, 0x149a6, 0x15683,
  0x168c9, 0x177ec, 0x18ec4, 0x191e1, 0x1afab, 0x1b08e, 0x1cc1a, 0x1d33f, 0x1ed75, 0x1f250, 0x209d5, 0x216f0, 0x228ba, 0x2379f, 0x24b0b,
  0x2542e, 0x26a64, 0x27541, 0x28c69,
];

/** Byte-mode capacities of versions 1–40 by level (ISO/IEC 18004 table 7). */
const BYTE_CAPACITY: Readonly<Record<Ecc, readonly number[]>> = {
  L: [
    17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858, 929, 1003, 1091, 1171, 1273, 1367, 1465,
    1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953,
  ],
  M: [
    14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125,
    1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
  ],
  Q: [
    11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482, 509, 565, 611, 661, 715, 751, 805, 868,
    908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663,
  ],
  H: [
    7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382, 403, 439, 461, 511, 535, 593, 625, 658, 698,
    742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273,
  ],
};

/** Row/column coordinates of the alignment pattern centres of versions 1–40 (ISO/IEC 18004 annex E, table E.1). */
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

const SUMSUB_URL = 'https://in.sumsub.com/websdk/p/sbx_0123456789abcdef';
/** About 300 characters: version 11 (L) to 18 (H), all with version information. */
const LONG_URL = `https://in.sumsub.com/websdk/p/sbx_${'0123456789abcdefABCDEF'.repeat(11)}?lang=de&from=qr-handoff`;

function versionOf(code: QrCode): number {
  return (code.size - 17) / 4;
}

/** The code drawn black on white, `SCALE` pixels per module, with a `QUIET`-module quiet zone. */
function render(code: QrCode): ImageData {
  const side = (code.size + 2 * QUIET) * SCALE;
  const context = new OffscreenCanvas(side, side).getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.fillStyle = '#000';
  code.modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) context.fillRect((x + QUIET) * SCALE, (y + QUIET) * SCALE, SCALE, SCALE);
    }),
  );
  return context.getImageData(0, 0, side, side);
}

/** The same, drawn by filling `qrPath(code)` as a Path2D. */
function renderPath(code: QrCode): ImageData {
  const side = (code.size + 2 * QUIET) * SCALE;
  const context = new OffscreenCanvas(side, side).getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.fillStyle = '#000';
  context.scale(SCALE, SCALE);
  context.fill(new Path2D(qrPath(code, QUIET)));
  return context.getImageData(0, 0, side, side);
}

/** The text, version and segment modes jsQR reads in the image (the bytes decoded as UTF-8, strictly). */
function decodeImage(image: ImageData): { text: string; data: string; version: number; modes: string[] } {
  const result = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  if (!result) throw new Error('jsQR found no QR code');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(result.binaryData));
  return { text, data: result.data, version: result.version, modes: result.chunks.map((chunk) => chunk.type) };
}

/** Reads bits, most significant first, from (row, column) positions. */
function readBits(code: QrCode, positions: readonly (readonly [number, number])[]): number {
  return positions.reduce((bits, [row, column]) => (bits << 1) | (code.modules[row][column] ? 1 : 0), 0);
}

/**
 * Checks what a reader relies on besides the data, read as a decoder reads it (jsQR settles for
 * one good copy of the format and version information; a phone's reader may take the other):
 * the finder patterns and separators, the timing patterns, the dark module, both copies of the
 * format information (equal, and valid for the level), both copies of the version information
 * (equal, valid for the version) from version 7. Returns the mask.
 */
function checkStructure(code: QrCode, ecc: Ecc): number {
  const { size, modules } = code;
  expect(modules).to.have.length(size);
  for (const row of modules) {
    expect(row).to.have.length(size);
    for (const module of row) expect(module).to.be.a('boolean');
  }
  for (const [top, left] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const row = top + r;
        const column = left + c;
        if (row < 0 || column < 0 || row >= size || column >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        expect(modules[row][column], `finder at (${top}, ${left}), module (${row}, ${column})`).to.equal(ring <= 1 || ring === 3);
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    expect(modules[6][i], `timing row, column ${i}`).to.equal(i % 2 === 0);
    expect(modules[i][6], `timing column, row ${i}`).to.equal(i % 2 === 0);
  }
  expect(modules[size - 8][8], 'dark module').to.equal(true);

  const nearTopLeft = readBits(code, [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ]);
  const split = readBits(code, [
    ...Array.from({ length: 7 }, (_, i) => [size - 1 - i, 8] as const),
    ...Array.from({ length: 8 }, (_, i) => [8, size - 8 + i] as const),
  ]);
  expect(split, 'second copy of the format information').to.equal(nearTopLeft);
  const mask = FORMAT_BITS[ecc].indexOf(nearTopLeft);
  expect(mask, `format information 0x${nearTopLeft.toString(16)} for level ${ecc}`).to.be.at.least(0);

  const version = versionOf(code);
  if (version >= 7) {
    const topRight: [number, number][] = [];
    const bottomLeft: [number, number][] = [];
    for (let i = 5; i >= 0; i--) {
      for (let j = size - 9; j >= size - 11; j--) {
        topRight.push([i, j]);
        bottomLeft.push([j, i]);
      }
    }
    expect(readBits(code, topRight), 'version information, top right').to.equal(VERSION_BITS[version - 7]);
    expect(readBits(code, bottomLeft), 'version information, bottom left').to.equal(VERSION_BITS[version - 7]);
  }
  return mask;
}

/** Checks the alignment patterns at the standard's positions (but the three on the finders): a dark centre, a light ring, a dark ring. */
function checkAlignment(code: QrCode): void {
  const positions = ALIGNMENT_POSITIONS[versionOf(code) - 1];
  const last = positions.length - 1;
  positions.forEach((row, i) =>
    positions.forEach((column, j) => {
      if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) return;
      for (let r = -2; r <= 2; r++) {
        for (let c = -2; c <= 2; c++) {
          const ring = Math.max(Math.abs(r), Math.abs(c));
          expect(code.modules[row + r][column + c], `alignment at (${row}, ${column}), module (${row + r}, ${column + c})`).to.equal(
            ring !== 1,
          );
        }
      }
    }),
  );
}

/**
 * Encodes, checks the structure, decodes the drawing, and checks the text comes back, as one
 * byte-mode segment (no ECI header, no mode switches).
 */
function roundTrip(text: string, ecc: Ecc): QrCode {
  const code = encodeQr(text, ecc);
  checkStructure(code, ecc);
  const decoded = decodeImage(render(code));
  expect(decoded.text, `bytes read back at ${ecc}`).to.equal(text);
  expect(decoded.data, `text read back at ${ecc}`).to.equal(text);
  expect(decoded.version, `version read back at ${ecc}`).to.equal(versionOf(code));
  expect(decoded.modes, `segments read back at ${ecc}`).to.deep.equal(['byte']);
  return code;
}

function darkCount(code: QrCode): number {
  return code.modules.flat().filter(Boolean).length;
}

describe('encodeQr', () => {
  it('chooses the smallest version that fits: HELLO at M is version 1 (21 × 21)', () => {
    const hello = encodeQr('HELLO');
    expect(hello.size).to.equal(21);
    checkStructure(hello, 'M');
    // Byte capacities of versions 1 and 2 (ISO/IEC 18004 table 7): the next byte takes the next version.
    const capacities: Record<Ecc, [number, number]> = { L: [17, 32], M: [14, 26], Q: [11, 20], H: [7, 14] };
    for (const ecc of LEVELS) {
      const [v1, v2] = capacities[ecc];
      expect(encodeQr('a'.repeat(v1), ecc).size, `${v1} bytes at ${ecc}`).to.equal(21);
      expect(encodeQr('a'.repeat(v1 + 1), ecc).size, `${v1 + 1} bytes at ${ecc}`).to.equal(25);
      expect(encodeQr('a'.repeat(v2), ecc).size, `${v2} bytes at ${ecc}`).to.equal(25);
      expect(encodeQr('a'.repeat(v2 + 1), ecc).size, `${v2 + 1} bytes at ${ecc}`).to.equal(29);
    }
    // Counted in UTF-8 bytes, not characters: 7 two-byte letters are 14 bytes, version 1 at M.
    expect(encodeQr('ü'.repeat(7)).size).to.equal(21);
    expect(encodeQr('ü'.repeat(8)).size).to.equal(25);
  });

  it('decodes a short ASCII string at each level', () => {
    for (const ecc of LEVELS) expect(roundTrip('Hello, world!', ecc).size).to.be.at.most(25);
  });

  it('decodes a Sumsub liveness URL at each level', () => {
    for (const ecc of LEVELS) checkAlignment(roundTrip(SUMSUB_URL, ecc));
    expect(encodeQr(SUMSUB_URL).size).to.equal(33); // version 4 at M
  });

  it('decodes a ~300-character URL at each level, with the version information of version ≥ 7', () => {
    expect(LONG_URL.length).to.be.within(290, 310);
    const versions = LEVELS.map((ecc) => versionOf(roundTrip(LONG_URL, ecc)));
    expect(versions).to.deep.equal([11, 13, 16, 18]);
  });

  it('decodes UTF-8 text with non-ASCII characters (2-, 3- and 4-byte sequences)', () => {
    roundTrip('Zürich – Рига', 'M');
    roundTrip('Zürich – Рига · 東京 · 👋🏽 ok', 'Q');
  });

  it('keeps UTF-8 bytes for text that ISO-8859-1 could hold (lean-qr on its own would switch to ECI 3, which jsQR misreads)', () => {
    roundTrip('Zürich, Genève, Malmö', 'M');
    roundTrip('ü', 'L');
  });

  it('encodes the empty string as version 1', () => {
    const code = roundTrip('', 'M');
    expect(code.size).to.equal(21);
    expect(encodeQr('', 'H').size).to.equal(21);
  });

  it('fills version 40 to its capacity and throws RangeError beyond it', () => {
    const full = 'x'.repeat(1273); // version 40 at H
    expect(roundTrip(full, 'H').size).to.equal(177);
    expect(() => encodeQr(`${full}x`, 'H')).to.throw(RangeError);
    expect(encodeQr('x'.repeat(2953), 'L').size).to.equal(177);
    expect(() => encodeQr('x'.repeat(2954), 'L')).to.throw(RangeError);
    expect(() => encodeQr('x'.repeat(5000), 'H')).to.throw(RangeError);
    expect(() => encodeQr('ü'.repeat(1500), 'L')).to.throw(RangeError); // 3000 bytes
  });

  it('chooses the version by the byte capacity of every version at every level (table 7)', () => {
    for (const ecc of LEVELS) {
      BYTE_CAPACITY[ecc].forEach((capacity, i) => {
        expect(versionOf(encodeQr('x'.repeat(capacity), ecc)), `${capacity} bytes at ${ecc}`).to.equal(i + 1);
        if (i < 39) expect(versionOf(encodeQr('x'.repeat(capacity + 1), ecc)), `${capacity + 1} bytes at ${ecc}`).to.equal(i + 2);
        else expect(() => encodeQr('x'.repeat(capacity + 1), ecc), `${capacity + 1} bytes at ${ecc}`).to.throw(RangeError);
      });
    }
  });

  it('fills every version 1–40 to its capacity, with its alignment patterns (annex E), and decodes', () => {
    for (let version = 1; version <= 40; version++) {
      const ecc = LEVELS[version % 4];
      // Varied bytes (not one repeated), so that the blocks and the mask differ from version to version.
      const text = Array.from({ length: BYTE_CAPACITY[ecc][version - 1] }, (_, i) =>
        String.fromCharCode(33 + ((i * 7 + version) % 94)),
      ).join('');
      const code = roundTrip(text, ecc);
      expect(versionOf(code), `${text.length} bytes at ${ecc}`).to.equal(version);
      checkAlignment(code);
      if (version < 40) expect(versionOf(encodeQr(`${text}x`, ecc)), `${text.length + 1} bytes at ${ecc}`).to.equal(version + 1);
    }
  });

  it('rejects an unknown error correction level, and text that is not a string', () => {
    expect(() => encodeQr('x', 'X' as Ecc)).to.throw(RangeError);
    expect(() => encodeQr('x', 'LM' as Ecc)).to.throw(RangeError);
    expect(() => encodeQr('x', '' as Ecc)).to.throw(RangeError);
    expect(() => encodeQr(42 as unknown as string)).to.throw(TypeError);
  });

  it('is pure: the same text gives the same modules, in fresh arrays', () => {
    const first = encodeQr(SUMSUB_URL, 'Q');
    const second = encodeQr(SUMSUB_URL, 'Q');
    expect(second).to.deep.equal(first);
    expect(second.modules).to.not.equal(first.modules);
  });

  it('chooses among the masks by content (penalty), not a fixed one', () => {
    const masks = new Set<number>();
    for (let i = 0; i < 24; i++) masks.add(checkStructure(encodeQr(`${SUMSUB_URL}?n=${i}`), 'M'));
    expect(masks.size).to.be.at.least(3);
  });
});

describe('qrPath', () => {
  it('draws each run of dark modules as M x y h n v1 h-n z, as many modules as are dark', () => {
    for (const text of ['HELLO', SUMSUB_URL, LONG_URL]) {
      const code = encodeQr(text);
      const d = qrPath(code);
      expect(d).to.match(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
      const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
      let drawn = 0;
      for (const [, x, y, width, back] of runs) {
        expect(back).to.equal(width);
        drawn += Number(width);
        expect(Number(x)).to.be.within(4, code.size + 3);
        expect(Number(y)).to.be.within(4, code.size + 3);
        expect(Number(x) + Number(width)).to.be.at.most(code.size + 4);
      }
      expect(drawn).to.equal(darkCount(code));
    }
  });

  it('offsets by the margin (4 modules by default)', () => {
    const code = encodeQr('HELLO');
    // The top-left finder's first row: 7 dark modules at the top-left corner.
    expect(qrPath(code).startsWith('M4 4h7v1h-7z')).to.equal(true);
    expect(qrPath(code, 0).startsWith('M0 0h7v1h-7z')).to.equal(true);
    expect(qrPath(code, 2).startsWith('M2 2h7v1h-7z')).to.equal(true);
  });

  it('filled as a Path2D, draws the same pixels as the modules, and decodes', () => {
    for (const text of [SUMSUB_URL, LONG_URL]) {
      const code = encodeQr(text);
      const fromPath = renderPath(code);
      expect(Array.from(fromPath.data)).to.deep.equal(Array.from(render(code).data));
      expect(decodeImage(fromPath).text).to.equal(text);
    }
  });

  it('draws nothing for an all-light code and rejects a bad margin or a non-square code', () => {
    expect(
      qrPath({
        size: 2,
        modules: [
          [false, false],
          [false, false],
        ],
      }),
    ).to.equal('');
    const code = encodeQr('HELLO');
    expect(() => qrPath(code, -1)).to.throw(RangeError);
    expect(() => qrPath(code, 1.5)).to.throw(RangeError);
    expect(() => qrPath(code, Number.NaN)).to.throw(RangeError);
    expect(() => qrPath({ size: 3, modules: [[true, true, true]] })).to.throw(RangeError);
    expect(() => qrPath({ size: 2, modules: [[true, true], [true]] })).to.throw(RangeError);
  });
});
