import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  claimedFileKinds,
  FILE_KIND_MIME_TYPES,
  imageDimensions,
  isStructurallyComplete,
  jpegOrientation,
  sniffFileType,
  type StructureCheckedKind,
} from '../../src/shared/file-type.js';
import { bytes, u16be, u32be, u32le } from '../helpers/bytes.js';
import { DHT, DQT, makeJpeg, makePng, rows, sof, sos } from './image-builders.js';
import { heic, jpeg, pdf, png, webp } from './sandbox-harness.js';

const complete: Record<StructureCheckedKind, Uint8Array> = { jpeg: jpeg(), png: png(), pdf: pdf(), webp: webp(), heic: heic() };

describe('sniffFileType', () => {
  it('recognises the accepted formats by their bytes', () => {
    for (const [kind, file] of Object.entries(complete)) assert.equal(sniffFileType(file), kind);
  });

  it('recognises the unsupported image formats', () => {
    assert.equal(sniffFileType(bytes([0x49, 0x49, 0x2a, 0x00], [8, 0, 0, 0])), 'tiff');
    assert.equal(sniffFileType(bytes([0x4d, 0x4d, 0x00, 0x2a], [0, 0, 0, 8])), 'tiff');
    assert.equal(sniffFileType(bytes('GIF89a', [1, 0, 1, 0])), 'gif');
    assert.equal(sniffFileType(bytes('GIF87a')), 'gif');
    assert.equal(sniffFileType(bytes('BM', new Array(12).fill(0), [40, 0, 0, 0], new Array(8).fill(0))), 'bmp');
    const avif = bytes([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0], 'mif1avif');
    assert.equal(sniffFileType(avif), 'avif');
  });

  it('knows nothing of text, markup, executables, videos or garbage', () => {
    const unknown = [
      bytes('<!DOCTYPE html><html><body>hi</body></html>'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      bytes('MZ', new Array(64).fill(0)),
      bytes([0x7f], 'ELF', new Array(16).fill(0)),
      bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 2, 0], 'isomiso2'),
      bytes('BM is how this sentence starts'),
      bytes('%PD'),
      new Uint8Array(0),
      new Uint8Array([0xff]),
      new Uint8Array([0xff, 0xd8]),
    ];
    for (const file of unknown) assert.equal(sniffFileType(file), null, new TextDecoder().decode(file));
  });

  it('never trusts a name: a PDF is a PDF whatever it is called', () => {
    assert.equal(sniffFileType(pdf()), 'pdf');
    assert.equal(FILE_KIND_MIME_TYPES.pdf, 'application/pdf');
  });

  it('treats an ftyp box that claims more bytes than exist, or an implausibly large one, as unknown', () => {
    assert.equal(sniffFileType(bytes([0, 0, 1, 0], 'ftypheic', [0, 0, 0, 0])), null);
    const huge = new Uint8Array(1 << 20);
    huge.set(bytes([0, 0x10, 0, 0], 'ftypheic'));
    assert.equal(sniffFileType(huge), null);
  });
});

describe('sniffFileType, edges', () => {
  const ftyp = (major: string, ...compatible: string[]) =>
    bytes(u32be(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible);

  it('reads ISO brands whole, at their 4-byte places, AVIF before HEIC', () => {
    assert.equal(sniffFileType(ftyp('avis')), 'avif');
    assert.equal(sniffFileType(ftyp('isom', 'msf1')), 'heic');
    assert.equal(sniffFileType(ftyp('heix')), 'heic');
    assert.equal(sniffFileType(ftyp('isom', 'mif1', 'avif')), 'avif');
    assert.equal(sniffFileType(ftyp('isom', 'xavi', 'fmif', '1xxx')), null); // "avif" and "mif1" straddle two brands
    assert.equal(sniffFileType(bytes(ftyp('isom', 'iso2'), 'avif')), null); // a brand after the box
  });

  it('tells a BMP by its info header size, and tries the signatures in order', () => {
    const bmp = (size: number) => bytes('BM', new Array(12).fill(0), u32le(size), new Array(8).fill(0));
    assert.deepEqual(
      [12, 40, 52, 56, 64, 108, 124, 41, 0].map((size) => sniffFileType(bmp(size))),
      ['bmp', 'bmp', 'bmp', 'bmp', 'bmp', 'bmp', 'bmp', null, null],
    );
    assert.equal(sniffFileType(bytes('BM', new Array(12).fill(0), [40, 0, 0])), null); // cut in its header size
    assert.equal(sniffFileType(bytes('RIFF', [0, 0, 0, 0], 'WEBPftyp')), 'webp');
    assert.equal(sniffFileType(bytes('II*', [0], 'ftypheic', [0, 0, 0, 0])), null); // an ftyp box first: judged as one
  });
});

describe('claimedFileKinds, edges', () => {
  it('claims nothing for names and types that are only inherited property names', () => {
    assert.deepEqual(claimedFileKinds('x.constructor', 'constructor'), []);
    assert.deepEqual(claimedFileKinds('x.hasOwnProperty', '__proto__'), []);
  });

  it('keeps extensions and declared types apart', () => {
    assert.deepEqual(claimedFileKinds('a.pjpeg', 'jpeg'), []);
    assert.deepEqual(claimedFileKinds('a.jfif', 'image/jfif'), ['jpeg']);
    assert.deepEqual(claimedFileKinds('a.tif', 'image/x-ms-bmp'), ['tiff', 'bmp']);
  });
});

describe('isStructurallyComplete', () => {
  it('accepts whole files of each checked format', () => {
    for (const [kind, file] of Object.entries(complete))
      assert.equal(isStructurallyComplete(kind as StructureCheckedKind, file), true, kind);
  });

  it('refuses every truncation of each format', () => {
    for (const [kind, file] of Object.entries(complete)) {
      // PDFs are only checked for their end marker; cut through it.
      const cuts = kind === 'pdf' ? [file.length - 3, 20] : Array.from({ length: file.length - 1 }, (_, i) => i + 1);
      for (const cut of cuts) {
        assert.equal(isStructurallyComplete(kind as StructureCheckedKind, file.subarray(0, cut)), false, `${kind} cut at ${cut}`);
      }
    }
  });

  it('refuses a PNG signature followed by garbage, and a PNG with a bad CRC', () => {
    const garbage = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'this is not a chunk at all, just text');
    assert.equal(isStructurallyComplete('png', garbage), false);
    const corrupted = png().slice();
    corrupted[20] ^= 0xff; // inside IHDR's data
    assert.equal(isStructurallyComplete('png', corrupted), false);
  });

  it('refuses a PNG without image data or whose first chunk is not IHDR', () => {
    const file = png();
    const withoutIdat = bytes(file.subarray(0, 33), file.subarray(file.length - 12));
    assert.equal(isStructurallyComplete('png', withoutIdat), false);
    assert.equal(isStructurallyComplete('png', bytes(file.subarray(0, 8), file.subarray(33))), false);
  });

  it('refuses a JPEG whose scan comes before any frame, or whose segment length overruns', () => {
    const file = jpeg();
    const sof = file.indexOf(0xc0, 2) - 1;
    const noFrame = bytes(file.subarray(0, sof), file.subarray(sof + 2 + 11));
    assert.equal(isStructurallyComplete('jpeg', noFrame), false);
    const overrun = file.slice();
    overrun[4] = 0xff; // APP0 length far past the end
    assert.equal(isStructurallyComplete('jpeg', overrun), false);
  });

  it('tolerates bytes after a JPEG end marker and whitespace after %%EOF', () => {
    assert.equal(isStructurallyComplete('jpeg', bytes(jpeg(), 'trailer data')), true);
    assert.equal(isStructurallyComplete('pdf', bytes(pdf(), '\n\n  \n')), true);
  });

  it('refuses HEIC boxes that do not tile the file, or that lack meta or mdat', () => {
    assert.equal(isStructurallyComplete('heic', bytes(heic(), [0, 0])), false);
    const box = (type: string, data: Uint8Array) => bytes([0, 0, 0, 8 + data.length], type, data);
    assert.equal(isStructurallyComplete('heic', bytes(box('ftyp', bytes('heic', [0, 0, 0, 0])), box('mdat', bytes('x')))), false);
    assert.equal(isStructurallyComplete('heic', bytes([0, 0, 0, 4], 'ftyp')), false);
  });

  it('survives hostile sizes without hanging: zero-size and 64-bit boxes, huge chunk lengths', () => {
    const zeroSized = bytes([0, 0, 0, 16], 'ftypheic', [0, 0, 0, 0], [0, 0, 0, 9], 'meta', [0], [0, 0, 0, 0], 'mdat', [1, 2, 3]);
    assert.equal(isStructurallyComplete('heic', zeroSized), true); // a size-0 box runs to the end
    const largeSize = bytes(
      [0, 0, 0, 16],
      'ftypheic',
      [0, 0, 0, 0],
      [0, 0, 0, 1],
      'meta',
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    );
    assert.equal(isStructurallyComplete('heic', largeSize), false);
    const hugeChunk = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xff, 0xff, 0xff], 'IHDR', new Array(20).fill(0));
    assert.equal(isStructurallyComplete('png', hugeChunk), false);
    const riffOverrun = bytes('RIFF', [0xff, 0xff, 0xff, 0x7f], 'WEBPVP8L', [0xff, 0xff, 0xff, 0xff]);
    assert.equal(isStructurallyComplete('webp', riffOverrun), false);
  });

  it('survives random bytes behind every signature', () => {
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) & 0xff;
    for (const [kind, file] of Object.entries(complete)) {
      for (let round = 0; round < 200; round += 1) {
        const noise = Uint8Array.from({ length: 1 + (round % 64) }, random);
        const hostile = bytes(file.subarray(0, 12), noise);
        assert.equal(typeof isStructurallyComplete(kind as StructureCheckedKind, hostile), 'boolean');
        assert.ok([null, 'jpeg', 'png', 'pdf', 'webp', 'heic', 'avif'].includes(sniffFileType(hostile)));
      }
    }
  });
});

describe('claimedFileKinds', () => {
  it('reads a claim from the name and from the declared type, and none from generic ones', () => {
    assert.deepEqual(claimedFileKinds('Passport.JPG', ''), ['jpeg']);
    assert.deepEqual(claimedFileKinds('scan', 'application/pdf'), ['pdf']);
    assert.deepEqual(claimedFileKinds('photo.heif', 'image/jpg; charset=binary'), ['heic', 'jpeg']);
    assert.deepEqual(claimedFileKinds('archive.tar.gz', 'application/octet-stream'), []);
    assert.deepEqual(claimedFileKinds('', ''), []);
  });
});

// ── dimensions, orientation, and stricter structure ─────────────────────────

/** An Exif APP1 segment whose IFD0 holds one entry (tag, type, value as a SHORT), in either byte order. */
function exif(order: 'II' | 'MM', tag: number, type: number, value: number): [number, Uint8Array] {
  const be = order === 'MM';
  const u16 = (v: number) => (be ? u16be(v) : u16be(v).reverse());
  const u32 = (v: number) => (be ? u32be(v) : u32le(v));
  return [0xe1, bytes('Exif', [0, 0], order, u16(42), u32(8), u16(1), u16(tag), u16(type), u32(1), u16(value), [0, 0], u32(0))];
}

describe('imageDimensions', () => {
  it('reads a JPEG frame, a PNG header, and the three WebP headers', () => {
    assert.deepEqual(imageDimensions('jpeg', makeJpeg([DQT, sof(0xc2, { height: 480, width: 640 }), DHT, sos()])), {
      width: 640,
      height: 480,
    });
    assert.deepEqual(imageDimensions('jpeg', jpeg()), { width: 1, height: 1 });
    assert.deepEqual(imageDimensions('png', makePng(300, 200, rows(200, 900))), { width: 300, height: 200 });
    const riff = (type: string, data: Uint8Array) => bytes('RIFF', u32le(4 + 8 + data.length), 'WEBP', type, u32le(data.length), data);
    // Lossy: frame tag, start code, 14-bit sizes (the top 2 bits are a scale).
    assert.deepEqual(imageDimensions('webp', riff('VP8 ', bytes([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a], [0x80, 0xc7], [0x38, 0x04]))), {
      width: 1920,
      height: 1080,
    });
    // Lossless: 0x2F, then width − 1 and height − 1 in 14 bits each.
    const bits = 3999 | (2999 << 14);
    assert.deepEqual(imageDimensions('webp', riff('VP8L', bytes([0x2f], u32le(bits)))), { width: 4000, height: 3000 });
    assert.deepEqual(imageDimensions('webp', riff('VP8X', bytes([0, 0, 0, 0], [0x0f, 0x27, 0], [0x0f, 0x27, 0]))), {
      width: 10000,
      height: 10000,
    });
    assert.deepEqual(imageDimensions('gif', bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00], [0, 0, 0])), { width: 320, height: 240 });
    const bmp = bytes('BM', new Array(12).fill(0), [40, 0, 0, 0], u32le(800), u32le(-600 >>> 0), new Array(28).fill(0));
    assert.deepEqual(imageDimensions('bmp', bmp), { width: 800, height: 600 });
  });

  it('answers null for formats without readable dimensions, zero sizes, and cut or wrong headers', () => {
    assert.equal(imageDimensions('pdf', pdf()), null);
    assert.equal(imageDimensions('heic', heic()), null);
    assert.equal(imageDimensions('jpeg', makeJpeg([DQT, sof(0xc0, { height: 0 }), DHT, sos()])), null);
    assert.equal(imageDimensions('jpeg', jpeg().subarray(0, 30)), null); // cut before the frame
    assert.equal(imageDimensions('png', makePng(0, 1, rows(1, 0))), null);
    assert.equal(imageDimensions('webp', bytes('RIFF', u32le(20), 'WEBPVP8 ', u32le(10), [0, 0, 0, 0x9d, 0x01, 0x2b, 1, 0, 1, 0])), null); // wrong start code
    assert.equal(imageDimensions('webp', bytes('RIFF', u32le(12), 'WEBPVP8L', u32le(5), [0x2e, 0, 0, 0, 0])), null); // wrong signature
    for (let cut = 0; cut < 25; cut += 1) assert.equal(imageDimensions('webp', webp().subarray(0, cut)), null, `cut at ${cut}`);
  });
});

describe('jpegOrientation', () => {
  it('reads the Orientation tag of IFD0 in either byte order', () => {
    for (const order of ['II', 'MM'] as const) {
      for (let value = 1; value <= 8; value += 1) {
        assert.equal(jpegOrientation(makeJpeg([exif(order, 0x0112, 3, value), DQT, sof(), DHT, sos()])), value, `${order} ${value}`);
      }
    }
  });

  it('is 1 without Exif, for another tag, a wrong type or value, and for a cut or hostile segment', () => {
    assert.equal(jpegOrientation(jpeg()), 1);
    assert.equal(jpegOrientation(makeJpeg([exif('MM', 0x0110, 3, 6), DQT, sof(), DHT, sos()])), 1);
    assert.equal(jpegOrientation(makeJpeg([exif('MM', 0x0112, 4, 6), DQT, sof(), DHT, sos()])), 1);
    assert.equal(jpegOrientation(makeJpeg([exif('MM', 0x0112, 3, 9), DQT, sof(), DHT, sos()])), 1);
    const whole = makeJpeg([exif('II', 0x0112, 3, 6)]);
    for (let cut = 0; cut < whole.length; cut += 1) assert.ok([1, 6].includes(jpegOrientation(whole.subarray(0, cut))));
    // An IFD offset or entry count pointing far past the segment.
    const [, data] = exif('MM', 0x0112, 3, 6);
    const far = data.slice();
    far.set(u32be(0x7ffffff0), 10);
    assert.equal(jpegOrientation(makeJpeg([[0xe1, far]])), 1);
    const many = data.slice();
    many.set(u16be(0xffff), 14);
    assert.equal(jpegOrientation(makeJpeg([[0xe1, many.subarray(0, 20)]])), 1);
  });
});

describe('isStructurallyComplete, stricter', () => {
  it('refuses a JPEG with two frames, a frame or scan whose length does not fit its components, or a zero size', () => {
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, sof(), DHT, sos()])), true);
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, sof(), sof(), DHT, sos()])), false);
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, [0xc0, bytes(sof()[1], [0])], DHT, sos()])), false);
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, sof(0xc0, { width: 0 }), DHT, sos()])), false);
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, sof(), DHT, [0xda, bytes([2, 1, 0], [0, 0x3f, 0])]])), false);
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, sof(), DHT, sos([1, 2, 3, 4, 5])])), false);
  });

  it('finds a JPEG end marker after a run of 0xFF bytes, and only after the scan', () => {
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, sof(), DHT, sos()], [0x12, 0xff, 0xff, 0xff])), true);
    assert.equal(
      isStructurallyComplete('jpeg', makeJpeg([DQT, sof(), DHT, sos()], [0x12, 0xff, 0x00, 0xff, 0xd0, 0x34, 0xff, 0xd9]).subarray(0, -2)),
      true,
    );
    assert.equal(isStructurallyComplete('jpeg', makeJpeg([DQT, sof(), DHT, sos()], [0x12, 0xff]).subarray(0, -1)), false);
    const beforeScan = makeJpeg([[0xfe, bytes([0xff, 0xd9])], DQT, sof(), DHT, sos()], [0x12]);
    assert.equal(isStructurallyComplete('jpeg', beforeScan.subarray(0, -2)), false);
  });

  it('refuses PNG bit depths their colour type does not allow, whatever their size', () => {
    const ok: [number, number][] = [
      [0, 1],
      [0, 2],
      [0, 4],
      [0, 8],
      [0, 16],
      [2, 8],
      [2, 16],
      [3, 1],
      [3, 2],
      [3, 4],
      [3, 8],
      [4, 8],
      [4, 16],
      [6, 8],
      [6, 16],
    ];
    for (let color = 0; color < 9; color += 1) {
      for (const depth of [0, 1, 2, 3, 4, 5, 8, 16, 17, 32, 33, 40, 48, 255]) {
        const file = makePng(1, 1, rows(1, 8), { depth, color, palette: color === 3 });
        const allowed = ok.some(([c, d]) => c === color && d === depth);
        assert.equal(isStructurallyComplete('png', file), allowed, `colour type ${color}, depth ${depth}`);
        assert.equal(imageDimensions('png', file) !== null, allowed, `colour type ${color}, depth ${depth}`);
      }
    }
    const file = makePng(1, 1, rows(1, 3)).slice();
    file[11] = 14; // IHDR's length
    assert.equal(sniffFileType(file), 'png');
    assert.equal(imageDimensions('png', file), null);
  });

  it('refuses a PNG with an impossible header, or a palette image without its palette', () => {
    assert.equal(isStructurallyComplete('png', makePng(2, 2, rows(2, 2), { color: 3, palette: true })), true);
    assert.equal(isStructurallyComplete('png', makePng(2, 2, rows(2, 2), { color: 3 })), false);
    assert.equal(isStructurallyComplete('png', makePng(2, 2, rows(2, 6), { depth: 4, color: 2 })), false);
    assert.equal(isStructurallyComplete('png', makePng(2, 2, rows(2, 6), { interlace: 2 })), false);
    assert.equal(isStructurallyComplete('png', makePng(0x80000000, 1, rows(1, 6))), false);
  });

  it('refuses a WebP without an image chunk or with an unreadable first header', () => {
    const extendedOnly = bytes('RIFF', u32le(4 + 18), 'WEBP', 'VP8X', u32le(10), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(isStructurallyComplete('webp', extendedOnly), false);
    const badSignature = webp().slice();
    badSignature[20] = 0x2e;
    assert.equal(isStructurallyComplete('webp', badSignature), false);
  });
});
