// Uploads stream through the sandbox: the multipart reader (multipart.ts) and the file checks
// (file-stream.ts) hold a bounded number of bytes whatever the size of the upload, and judge a
// large file as the pure checks judge it whole.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { isLikelyDecodable } from '../../src/server/sandbox/decoder-checks.js';
import { checkFileStream, WHOLE_CHECK_BYTES, type FileCheckStats } from '../../src/server/sandbox/file-stream.js';
import { createSandbox, SANDBOX_MAX_FILE_BYTES, type UploadReadStats } from '../../src/server/sandbox/index.js';
import { boundaryOf, MAX_HEADER_BYTES, MultipartError, MultipartReader } from '../../src/server/sandbox/multipart.js';
import { isStructurallyComplete, sniffFileType, type StructureCheckedKind } from '../../src/shared/file-type.js';
import { bytes, pngChunk, u32be, u32le } from '../helpers/bytes.js';
import { call, freshClient, heic, jpeg, url, webp } from './sandbox-harness.js';

/** A stream of `body` in pieces of `size` bytes. */
function pieces(body: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= body.length) controller.close();
      else controller.enqueue(body.slice(at, (at += size)));
    },
  });
}

/** A stream of what `make` yields, made as it is read (copies: a piece may be yielded again). */
function streamOf(make: () => Generator<Uint8Array>): ReadableStream<Uint8Array> {
  const source = make();
  return new ReadableStream({
    pull(controller) {
      const next = source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value.slice());
    },
  });
}

/** A multipart body as undici's FormData serializes it, with its boundary. */
async function serialized(form: FormData): Promise<{ body: Uint8Array; boundary: string }> {
  const request = new Request('http://x/', { method: 'POST', body: form });
  const boundary = boundaryOf(request.headers.get('content-type'))!;
  return { body: new Uint8Array(await request.arrayBuffer()), boundary };
}

type ReadPart = { name: string | null; filename: string | null; contentType: string; body: string };

async function readAll(stream: ReadableStream<Uint8Array>, boundary: string, options = { maxBytes: 1 << 30, maxParts: 100 }) {
  const reader = new MultipartReader(stream, boundary, options);
  const parts: ReadPart[] = [];
  for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
    const chunks: Uint8Array[] = [];
    for (let piece = await reader.readBody(); piece; piece = await reader.readBody()) chunks.push(piece.slice());
    parts.push({ ...part, body: Buffer.concat(chunks).toString('utf8') });
  }
  return { parts, reader };
}

describe('sandbox multipart reader', () => {
  it('reads what FormData sends, split anywhere: names, file names, types and bodies', async () => {
    const form = new FormData();
    form.append('files', new Blob(['first file\r\n--not a boundary'], { type: 'image/png' }), 'a "quoted" name.png');
    form.append('note', 'a plain field');
    form.append('files', new Blob([''], { type: 'application/pdf' }), 'empty.pdf');
    form.append('files', new Blob(['Ünïcödé'], { type: 'text/plain' }), 'Résumé – ünïcödé.txt');
    const { body, boundary } = await serialized(form);
    const expected = [
      { name: 'files', filename: 'a %22quoted%22 name.png', contentType: 'image/png', body: 'first file\r\n--not a boundary' },
      { name: 'note', filename: null, contentType: '', body: 'a plain field' },
      { name: 'files', filename: 'empty.pdf', contentType: 'application/pdf', body: '' },
      { name: 'files', filename: 'Résumé – ünïcödé.txt', contentType: 'text/plain', body: 'Ünïcödé' },
    ];
    for (const size of [1, 2, 3, 7, 41, 64, 1000, body.length]) {
      assert.deepEqual((await readAll(pieces(body, size), boundary)).parts, expected, `pieces of ${size}`);
    }
  });

  it('takes a preamble, transport padding, RFC 5987 file names and an epilogue', async () => {
    const text = [
      'preamble to ignore',
      '--b0undary   ',
      'Content-Disposition: form-data; name="files"; filename="fallback.png"; filename*=UTF-8\'\'%C3%A9t%C3%A9.png',
      'Content-Type: image/png',
      '',
      'x',
      '--b0undary',
      '',
      'no headers at all',
      '--b0undary--',
      'epilogue to ignore',
    ].join('\r\n');
    const { parts } = await readAll(pieces(new TextEncoder().encode(text), 5), 'b0undary');
    assert.deepEqual(parts, [
      { name: 'files', filename: 'été.png', contentType: 'image/png', body: 'x' },
      { name: null, filename: null, contentType: '', body: 'no headers at all' },
    ]);
  });

  it('refuses malformed bodies and bodies past its limits', async () => {
    const refused = async (text: string | Uint8Array, options = { maxBytes: 1 << 20, maxParts: 3 }, what = String(text).slice(0, 40)) => {
      const body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
      await assert.rejects(readAll(pieces(body, 3), 'b', options), MultipartError, what);
    };
    await refused('no boundary anywhere');
    await refused('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end');
    await refused('--b\r\nContent-Disposition: form-data; name="a"\r\n');
    await refused('--bX\r\n\r\nx\r\n--b--', undefined, 'a boundary followed by other characters');
    await refused('--b\r\nnot a header\r\n\r\nx\r\n--b--');
    await refused('--b\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--b--');
    await refused(`--b\r\nX-Long: ${'x'.repeat(MAX_HEADER_BYTES)}\r\n\r\nx\r\n--b--`, undefined, 'a header block over its limit');
    await refused('--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b\r\n\r\n3\r\n--b\r\n\r\n4\r\n--b--', undefined, 'four parts of three');
    await refused(`--b\r\n\r\n${'x'.repeat(2000)}\r\n--b--`, { maxBytes: 1000, maxParts: 3 }, 'a body over maxBytes');
    for (const type of [
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/mixed; boundary=b',
      'multipart/form-data; boundary="a b "',
      `multipart/form-data; boundary=${'b'.repeat(71)}`,
    ]) {
      assert.equal(boundaryOf(type), null, type);
    }
    assert.equal(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary="----x y"'), '----x y');
  });

  it('holds one piece and a boundary at a time, however large the body', async () => {
    const boundary = '----sandbox-streaming-test';
    const size = 32 * 1024 * 1024;
    const piece = 64 * 1024;
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    const filler = new Uint8Array(piece).fill(0x41);
    const stream = streamOf(function* () {
      yield new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.bin"\r\n\r\n`);
      for (let sent = 0; sent < size; sent += piece) yield filler;
      yield tail;
    });
    const reader = new MultipartReader(stream, boundary, { maxBytes: size + 1024, maxParts: 2 });
    assert.equal((await reader.nextPart())?.filename, 'big.bin');
    let read = 0;
    for (let bodyPiece = await reader.readBody(); bodyPiece; bodyPiece = await reader.readBody()) read += bodyPiece.length;
    assert.equal(read, size);
    assert.equal(await reader.nextPart(), null);
    assert.ok(reader.bytesRead > size);
    assert.ok(reader.peakBuffered <= piece + tail.length + boundary.length + 8, `held at most ${reader.peakBuffered} bytes`);
  });
});

// ── large files, checked as they stream ───────────────────────────────────────

/** What the pure checks say of a whole file (what the widget and a small upload get). */
async function pure(bytes: Uint8Array): Promise<boolean> {
  const kind = sniffFileType(bytes) as StructureCheckedKind;
  return isStructurallyComplete(kind, bytes) && (await isLikelyDecodable(kind, bytes));
}

/** The streaming verdict on `file` sent in pieces of 64 KiB, with what it held. */
async function streamed(file: Uint8Array, name: string) {
  const stream = pieces(file, 64 * 1024).getReader();
  const stats: FileCheckStats = { peakHeld: 0 };
  const next = async () => {
    const { done, value } = await stream.read();
    return done ? null : value;
  };
  const verdict = await checkFileStream(next, { name, type: '', maxBytes: SANDBOX_MAX_FILE_BYTES }, stats);
  return { verdict, stats };
}

/** Asserts that the stream and the pure checks agree on a large file, and that the stream held at most the head and a piece. */
async function agrees(file: Uint8Array, name: string, accepted: boolean): Promise<void> {
  assert.ok(file.length > WHOLE_CHECK_BYTES, `${name} is large (${file.length} bytes)`);
  assert.equal(await pure(file), accepted, `${name}: the pure checks`);
  const { verdict, stats } = await streamed(file, name);
  assert.equal(verdict.ok, accepted, `${name}: the stream (${JSON.stringify(verdict)})`);
  if (verdict.ok) {
    assert.equal(verdict.size, file.length);
    assert.equal(verdict.sha256, createHash('sha256').update(file).digest('hex'));
  } else assert.equal(verdict.errorCode, 1004, name);
  assert.ok(stats.peakHeld <= WHOLE_CHECK_BYTES + 2 * 64 * 1024, `${name}: held ${stats.peakHeld} bytes`);
}

const MiB = 1024 * 1024;

describe('sandbox uploads: large files checked as they stream, as the pure checks judge them whole', () => {
  it('JPEG: image data running past the first MiB, with and without its end', async () => {
    const small = jpeg('large');
    const end = small.length - 2; // before FF D9
    const large = bytes(small.subarray(0, end), new Uint8Array(3 * MiB).fill(0x12), [0xff, 0x00, 0x34], small.subarray(end));
    await agrees(large, 'large.jpg', true);
    await agrees(large.subarray(0, large.length - 2), 'cut.jpg', false);
    await agrees(large.subarray(0, 2 * MiB), 'half.jpg', false);
    const split = bytes(large.subarray(0, WHOLE_CHECK_BYTES + 1 + 64 * 1024 - 1), [0xff, 0xd9]); // the end marker across two pieces
    await agrees(split, 'end-across-pieces.jpg', true);
  });

  it('PDF: %%EOF at its end, or not', async () => {
    const filler = new Uint8Array(2 * MiB).fill(0x20);
    await agrees(bytes('%PDF-1.7\n', filler, '%%EOF\n'), 'large.pdf', true);
    await agrees(bytes('%PDF-1.7\n', filler, '%%EOF\n', new Uint8Array(2000).fill(0x20)), 'eof-too-early.pdf', false);
  });

  it('PNG: every chunk CRC-checked, the image data inflated to every row, in the stream', async () => {
    const width = 700;
    const height = 600;
    const rows = (filter: (row: number) => number) =>
      bytes(...Array.from({ length: height }, (_, row) => bytes([filter(row)], randomBytes(width * 3))));
    const image = (idat: Uint8Array, more: Uint8Array[] = []) =>
      bytes(
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        pngChunk('IHDR', bytes(u32be(width), u32be(height), [8, 2, 0, 0, 0])),
        ...more,
        ...split(idat),
        pngChunk('IEND', new Uint8Array(0)),
      );
    const split = (data: Uint8Array) =>
      Array.from({ length: Math.ceil(data.length / 100_000) }, (_, i) => pngChunk('IDAT', data.subarray(i * 100_000, (i + 1) * 100_000)));
    const good = deflateSync(rows(() => 1));
    await agrees(image(good), 'large.png', true);
    await agrees(image(deflateSync(rows((row) => (row === height - 1 ? 7 : 0)))), 'bad-filter-in-the-last-row.png', false);
    await agrees(image(good.subarray(0, good.length - 100_000)), 'rows-missing.png', false);
    const damaged = image(good);
    damaged[damaged.length - 200_000] ^= 0xff;
    await agrees(damaged, 'crc-mismatch.png', false);
    const whole = image(good);
    await agrees(whole.subarray(0, whole.length - 100_000), 'cut.png', false);
    await agrees(bytes(image(good, [pngChunk('tEXt', new Uint8Array(2 * MiB))])), 'large-text-chunk.png', true);
  });

  it('WebP: chunks tiling the RIFF size, the first bitstream header sound', async () => {
    const small = webp('large');
    const chunk = (type: string, data: Uint8Array) => bytes(type, u32le(data.length), data, data.length % 2 ? [0] : []);
    const body = bytes(small.subarray(12), chunk('EXIF', new Uint8Array(2 * MiB + 1)));
    await agrees(bytes('RIFF', u32le(4 + body.length), 'WEBP', body), 'large.webp', true);
    await agrees(bytes('RIFF', u32le(4 + body.length + 10), 'WEBP', body), 'riff-overruns.webp', false);
    const broken = bytes(small.subarray(12, 20), [0x2f, 0, 0, 0, 0xe0], small.subarray(25));
    const bad = bytes(broken, chunk('EXIF', new Uint8Array(2 * MiB)));
    await agrees(bytes('RIFF', u32le(4 + bad.length), 'WEBP', bad), 'lossless-version-7.webp', false);
  });

  it('HEIC: boxes tiling the file', async () => {
    const small = heic('large');
    const box = (type: string, data: Uint8Array) => bytes(u32be(8 + data.length), type, data);
    await agrees(bytes(small, box('free', new Uint8Array(2 * MiB))), 'large.heic', true);
    const cut = bytes(small, box('free', new Uint8Array(2 * MiB)));
    await agrees(cut.subarray(0, cut.length - 1), 'cut.heic', false);
  });
});

describe('sandbox uploads: memory does not grow with the upload', () => {
  it('a 48 MiB file, sent in pieces, is checked and hashed holding about 1 MiB; its hash and size are right', async () => {
    const seen: UploadReadStats[] = [];
    const sandbox = createSandbox({ onUploadRead: (stats) => seen.push(stats) });
    const scope = await freshClient(sandbox);
    const boundary = '----sandbox-memory-test';
    const small = jpeg('48 MiB');
    const fill = 48 * MiB;
    const piece = new Uint8Array(64 * 1024).fill(0x12);
    // The JPEG's headers, 48 MiB of image data, its end: made as they are sent, never whole.
    const parts = function* () {
      yield new TextEncoder().encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      );
      yield small.subarray(0, small.length - 2);
      for (let sent = 0; sent < fill; sent += piece.length) yield piece;
      yield small.subarray(small.length - 2);
      yield new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    };
    const hash = createHash('sha256').update(small.subarray(0, small.length - 2));
    for (let sent = 0; sent < fill; sent += piece.length) hash.update(piece);
    hash.update(small.subarray(small.length - 2));
    const fileBytes = small.length + fill;
    const body = streamOf(parts);
    const request = new Request(url('/v1/documents/files/', scope), {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const answer = await sandbox.fetch(request);
    assert.equal(answer.status, 201, await answer.clone().text());
    const [file] = (await answer.json()) as { uuid: string; size: number }[];
    assert.equal(file.size, fileBytes);
    assert.equal(seen.length, 1);
    assert.ok(seen[0].bytes > fill, `read the whole body (${seen[0].bytes} bytes)`);
    assert.ok(seen[0].peakBufferedBytes < 2 * MiB, `held at most ${seen[0].peakBufferedBytes} bytes of ${seen[0].bytes}`);
    const level = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body.available_levels_for_upgrade[0].uuid;
    const application = (await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', { scope, body: { kyc_level_uuid: level } })).body.uuid;
    const made = await call(sandbox, 'POST', '/v1/documents/', { scope, body: { attribute_key: 'passport', files: [file.uuid] } });
    assert.equal(made.status, 201);
    const inspected = (await call(sandbox, 'GET', `/sandbox/v1/applications/${application}/inspect/`)).body;
    assert.deepEqual(inspected.documents.items[0].files, [{ content_type: 'image/jpeg', size: fileBytes, sha256: hash.digest('hex') }]);
  });

  it('refuses a malformed multipart body with 400, and one with no boundary', async () => {
    const sandbox = createSandbox();
    const scope = await freshClient(sandbox);
    const send = (type: string, body: string) =>
      sandbox.fetch(new Request(url('/v1/documents/files/', scope), { method: 'POST', headers: { 'content-type': type }, body }));
    assert.equal((await send('multipart/form-data', '--b\r\n\r\nx\r\n--b--')).status, 400);
    assert.equal(
      (await send('multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\ncut'))
        .status,
      400,
    );
  });
});
