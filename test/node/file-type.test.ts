import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimedFileKinds, FILE_KIND_MIME_TYPES, isStructurallyComplete, sniffFileType, type StructureCheckedKind } from '../../src/internal/file-type.js';
import { bytes, heic, jpeg, pdf, png, webp } from './sandbox-harness.js';

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

describe('isStructurallyComplete', () => {
  it('accepts whole files of each checked format', () => {
    for (const [kind, file] of Object.entries(complete)) assert.equal(isStructurallyComplete(kind as StructureCheckedKind, file), true, kind);
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
    const largeSize = bytes([0, 0, 0, 16], 'ftypheic', [0, 0, 0, 0], [0, 0, 0, 1], 'meta', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
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
