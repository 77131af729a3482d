// The sandbox's stand-in for an image decoder (src/server/sandbox/decoder-checks.ts): what a
// decoder would refuse in a file that is whole by its structure. test/browser/hostile-files.test.ts
// holds the same checks against Chromium's decoder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { isLikelyDecodable } from '../../src/server/sandbox/decoder-checks.js';
import type { StructureCheckedKind } from '../../src/shared/file-type.js';
import { bytes, u32le } from '../helpers/bytes.js';
import { chunk, DHT, DQT, makeJpeg, makePng, rows, sof, sos } from './image-builders.js';
import { heic, jpeg, pdf, png, webp } from './sandbox-harness.js';

const complete: Record<StructureCheckedKind, Uint8Array> = { jpeg: jpeg(), png: png(), pdf: pdf(), webp: webp(), heic: heic() };

describe('isLikelyDecodable', () => {
  it('passes the well-formed files of every format', async () => {
    for (const [kind, file] of Object.entries(complete))
      assert.equal(await isLikelyDecodable(kind as StructureCheckedKind, file), true, kind);
    assert.equal(await isLikelyDecodable('png', makePng(3, 2, rows(2, 1), { depth: 2, color: 0 })), true); // 3 pixels × 2 bits in 1 byte
    assert.equal(await isLikelyDecodable('png', makePng(2, 2, rows(2, 16), { depth: 16, color: 6 })), true);
    // Adam7 on 5 × 3 RGB: passes 1, 2, 4, 5, 6 (2 rows), 7, of 1, 1, 1, 3, 2 and 5 pixels.
    const interlaced = bytes(rows(1, 3), rows(1, 3), rows(1, 3), rows(1, 9), rows(2, 6), rows(1, 15));
    assert.equal(await isLikelyDecodable('png', makePng(5, 3, interlaced, { interlace: 1 })), true);
    assert.equal(await isLikelyDecodable('png', makePng(5, 3, interlaced.subarray(0, interlaced.length - 1), { interlace: 1 })), false);
    assert.equal(await isLikelyDecodable('gif', bytes('GIF89a')), true);
  });

  it('refuses JPEG tables a decoder refuses', async () => {
    const check = (segments: [number, Uint8Array][]) => isLikelyDecodable('jpeg', makeJpeg(segments));
    assert.equal(await check([DQT, sof(), DHT, sos()]), true);
    assert.equal(await check([sof(), DQT, DHT, sos()]), true, 'a table may follow the frame, before the scan');
    assert.equal(await check([sof(), DHT, sos()]), false, 'no quantization table');
    assert.equal(await check([DQT, sof(0xc0, { components: [[1, 0x11, 2]] }), DHT, sos()]), false, 'an undefined table');
    assert.equal(await check([[0xdb, bytes([0x20], new Array(64).fill(1))], sof(), DHT, sos()]), false, 'precision 2');
    assert.equal(await check([[0xdb, bytes([0x10], new Array(64).fill(1))], sof(), DHT, sos()]), false, '16-bit table cut short');
    assert.equal(
      await check([DQT, sof(), [0xc4, bytes([0x00], [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1])], sos()]),
      false,
      'two 1-bit codes',
    );
    assert.equal(
      await check([DQT, sof(), [0xc4, bytes([0x00], [1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1, 2])], sos()]),
      false,
      'an all-ones code',
    );
    assert.equal(
      await check([DQT, sof(), [0xc4, bytes([0x00], [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [16])], sos()]),
      false,
      'a DC symbol over 15',
    );
    assert.equal(
      await check([DQT, sof(), [0xc4, bytes([0x20], [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0])], sos()]),
      false,
      'class 2',
    );
    assert.equal(
      await check([DQT, sof(), [0xc4, bytes([0x10], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3], [0])], sos()]),
      false,
      'symbols cut short',
    );
    assert.equal(await check([DQT, sof(0xc0, { precision: 12 }), DHT, sos()]), false, '12-bit');
    assert.equal(await check([DQT, sof(0xc3), DHT, sos()]), false, 'lossless');
    assert.equal(await check([DQT, sof(0xc9), sos()]), true, 'arithmetic coding (no Huffman table)');
    assert.equal(await check([DQT, sof(), DHT, sos([2])]), false, 'a scan component the frame lacks');
  });

  it('refuses PNG image data that is not zlib, stops short, or has an unknown filter; stops at the declared size', async () => {
    assert.equal(await isLikelyDecodable('png', makePng(4, 4, rows(4, 12))), true);
    assert.equal(await isLikelyDecodable('png', makePng(4, 4, rows(3, 12))), false);
    const filtered = rows(4, 12);
    filtered[13 * 2] = 5;
    assert.equal(await isLikelyDecodable('png', makePng(4, 4, filtered)), false);
    const notZlib = bytes(
      makePng(4, 4, rows(4, 12)).subarray(0, 33),
      chunk('IDAT', bytes('not zlib at all')),
      chunk('IEND', new Uint8Array(0)),
    );
    assert.equal(await isLikelyDecodable('png', notZlib), false);
    // Data split over several IDAT chunks, and more than needed after the last row.
    const data = deflateSync(bytes(rows(4, 12), new Array(1000).fill(0)));
    const split = bytes(
      makePng(4, 4, rows(4, 12)).subarray(0, 33),
      chunk('IDAT', data.subarray(0, 5)),
      chunk('IDAT', data.subarray(5)),
      chunk('IEND', new Uint8Array(0)),
    );
    assert.equal(await isLikelyDecodable('png', split), true);
    // A bomb: 1 GB of zeros in a 1 MB stream, for a 1 × 1 image, is read no further than its first row.
    const bomb = makePng(1, 1, new Uint8Array(64 * 1024 * 1024));
    assert.equal(await isLikelyDecodable('png', bomb), true);
  });

  it('refuses a WebP bitstream header a decoder refuses', async () => {
    const lossy = (tag: number[], size = 10) =>
      bytes('RIFF', u32le(4 + 8 + size), 'WEBP', 'VP8 ', u32le(size), tag, [0x9d, 0x01, 0x2a, 1, 0, 1, 0], new Array(size - 10).fill(0));
    const tag = (partition: number, keyFrame = true, version = 0) =>
      u32le((partition << 5) | (1 << 4) | (version << 1) | (keyFrame ? 0 : 1)).slice(0, 3);
    assert.equal(await isLikelyDecodable('webp', lossy(tag(6), 16)), true);
    assert.equal(await isLikelyDecodable('webp', lossy(tag(7), 16)), false, 'first partition past the chunk');
    assert.equal(await isLikelyDecodable('webp', lossy(tag(0, false), 16)), false, 'not a key frame');
    assert.equal(await isLikelyDecodable('webp', lossy(tag(0, true, 4), 16)), false, 'version 4');
    const lossless = webp().slice();
    lossless[24] |= 0x20; // version bits
    assert.equal(await isLikelyDecodable('webp', lossless), false);
  });
});
