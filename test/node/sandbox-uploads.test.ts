import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, SANDBOX_MAX_FILE_BYTES } from '../../src/server/sandbox/index.js';
import { bytes, call, freshClient, heic, jpeg, pdf, png, upload, webp, type Answer, type Bytes, type Scope } from './sandbox-harness.js';

const sandbox = createSandbox();

const SUMSUB_NAMES: Record<number, string> = {
  1000: 'duplicate-document',
  1001: 'too-many-documents',
  1002: 'file-too-big',
  1003: 'empty-file',
  1004: 'corrupted-file',
  1005: 'unsupported-file-format',
};

/** Expects Sumsub's error body with this code. */
function assertSumsubError(answer: Answer, errorCode: number, what: string): void {
  assert.equal(answer.status, 400, what);
  assert.deepEqual(Object.keys(answer.body).sort(), ['code', 'correlationId', 'description', 'errorCode', 'errorName'], what);
  assert.equal(answer.body.code, 400);
  assert.equal(answer.body.errorCode, errorCode, what);
  assert.equal(answer.body.errorName, SUMSUB_NAMES[errorCode]);
  assert.ok(answer.body.description.length > 10);
  assert.ok(answer.body.correlationId.length > 10);
}

async function uploadedCount(scope: Scope): Promise<number> {
  // Any application of the client carries the client's counts on inspect.
  const info = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope });
  let uuid = info.body.last_kyc_application_uuid;
  if (!uuid) {
    const level = info.body.available_levels_for_upgrade[0].uuid;
    uuid = (await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', { scope, body: { kyc_level_uuid: level } })).body.uuid;
  }
  return (await call(sandbox, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`)).body.uploaded_files;
}

describe('sandbox uploads: accepted files', () => {
  it('accepts JPEG, PNG, PDF, HEIC and WebP in one request, typed by their bytes', async () => {
    const scope = await freshClient(sandbox);
    const answer = await upload(sandbox, scope, [
      ['photo.jpg', jpeg()],
      ['scan.png', png()],
      ['statement.pdf', pdf()],
      ['IMG_0001.HEIC', heic()],
      ['picture.webp', webp()],
      ['no-extension', pdf('unnamed')],
    ]);
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.deepEqual(
      answer.body.map((file: { name: string; content_type: string }) => [file.name, file.content_type]),
      [
        ['photo.jpg', 'image/jpeg'],
        ['scan.png', 'image/png'],
        ['statement.pdf', 'application/pdf'],
        ['IMG_0001.HEIC', 'image/heic'],
        ['picture.webp', 'image/webp'],
        ['no-extension', 'application/pdf'],
      ],
    );
    for (const file of answer.body) {
      assert.match(file.uuid, /^[0-9a-f-]{36}$/);
      assert.equal(typeof file.size, 'number');
    }
    assert.equal(answer.body[1].size, png().length);
    assert.equal(await uploadedCount(scope), 6);
  });
});

describe('sandbox uploads: refused files, with Sumsub error codes', () => {
  it('1003 for an empty file', async () => {
    const scope = await freshClient(sandbox);
    assertSumsubError(await upload(sandbox, scope, [['empty.jpg', new Uint8Array(0)]]), 1003, 'empty');
  });

  it('1002 for a file over 64 MiB', async () => {
    const scope = await freshClient(sandbox);
    const big = new Uint8Array(SANDBOX_MAX_FILE_BYTES + 1);
    big.set(jpeg());
    assertSumsubError(await upload(sandbox, scope, [['big.jpg', big]]), 1002, '64 MiB + 1');
  });

  it('1005 for known but unsupported formats (TIFF, GIF, BMP)', async () => {
    const scope = await freshClient(sandbox);
    const tiff = bytes([0x49, 0x49, 0x2a, 0x00], [8, 0, 0, 0], new Array(32).fill(0));
    const gif = bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0], ';');
    const bmp = bytes('BM', [58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0], [40, 0, 0, 0], new Array(40).fill(0));
    for (const [name, file] of [['scan.tiff', tiff], ['scan.jpg', gif], ['scan.bmp', bmp]] as const) {
      assertSumsubError(await upload(sandbox, scope, [[name, file]]), 1005, name);
    }
  });

  it('1004 for other content renamed, truncated or damaged files', async () => {
    const scope = await freshClient(sandbox);
    const whole = jpeg();
    const cases: [string, Bytes][] = [
      ['page.jpg', bytes('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
      ['drawing.png', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['setup.pdf', bytes('MZ', new Array(200).fill(0x90))],
      ['notes.jpg', bytes('just some text')],
      ['really-a-pdf.jpg', pdf('renamed')],
      ['really-a-png.pdf', png()],
      ['half.jpg', whole.subarray(0, Math.floor(whole.length / 2))],
      ['cut.jpg', whole.subarray(0, whole.length - 2)],
      ['garbage.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'garbage garbage garbage garbage')],
      ['broken.pdf', bytes('%PDF-1.7\n1 0 obj << >> endobj\n')],
    ];
    for (const [name, file] of cases) assertSumsubError(await upload(sandbox, scope, [[name, file]]), 1004, name);
    assert.equal(await uploadedCount(scope), 0, 'nothing refused is kept');
  });

  it('1004 when the declared type contradicts the bytes; a generic declared type claims nothing', async () => {
    const scope = await freshClient(sandbox);
    const send = (type: string, marker: string) => {
      const form = new FormData();
      form.append('files', new Blob([jpeg(marker)], { type }), 'scan');
      return call(sandbox, 'POST', '/v1/documents/files/', { scope, body: form });
    };
    assertSumsubError(await send('application/pdf', 'declared pdf'), 1004, 'a JPEG declared as PDF');
    assert.equal((await send('application/octet-stream', 'generic')).status, 201);
    assert.equal((await send('image/jpg', 'alias')).status, 201);
  });

  it('1000 for the same bytes twice, across requests and within one', async () => {
    const scope = await freshClient(sandbox);
    assert.equal((await upload(sandbox, scope, [['a.png', png('same')]])).status, 201);
    assertSumsubError(await upload(sandbox, scope, [['b.png', png('same')]]), 1000, 'again, under another name');
    assertSumsubError(await upload(sandbox, scope, [['c.png', png('twin')], ['d.png', png('twin')]]), 1000, 'twins in one request');
    assert.equal(await uploadedCount(scope), 1, 'a refused request keeps none of its files');
    const other = await freshClient(sandbox);
    assert.equal((await upload(sandbox, other, [['a.png', png('same')]])).status, 201, 'another client may upload the same picture');
  });

  it('1001 once the client holds too many files', async () => {
    const scope = await freshClient(sandbox);
    const batch = (from: number) => Array.from({ length: 10 }, (_, i) => [`${from + i}.png`, png(`file ${from + i}`)] as const);
    for (const from of [0, 10, 20]) assert.equal((await upload(sandbox, scope, batch(from))).status, 201);
    assertSumsubError(await upload(sandbox, scope, [['one-more.png', png('one more')]]), 1001, 'the 31st file');
  });

  it('refuses requests that are not multipart uploads of files', async () => {
    const scope = await freshClient(sandbox);
    const json = await call(sandbox, 'POST', '/v1/documents/files/', { scope, body: { files: [] } });
    assert.equal(json.status, 415);
    const none = new FormData();
    none.append('file', new Blob([png()]), 'a.png');
    assert.deepEqual((await call(sandbox, 'POST', '/v1/documents/files/', { scope, body: none })).body, { files: ['No file was submitted.'] });
    const text = new FormData();
    text.append('files', 'not a file');
    assert.match((await call(sandbox, 'POST', '/v1/documents/files/', { scope, body: text })).body.files[0], /not a file/);
    const many = Array.from({ length: 11 }, (_, i) => [`${i}.png`, png(`many ${i}`)] as const);
    assert.match((await upload(sandbox, scope, many)).body.files[0], /no more than 10/);
  });
});

describe('sandbox documents', () => {
  it('makes a document of uploaded files; one file may serve two documents (a single-sided back side)', async () => {
    const scope = await freshClient(sandbox);
    const [front] = (await upload(sandbox, scope, [['card.jpg', jpeg('card')]])).body;
    const create = (body: unknown) => call(sandbox, 'POST', '/v1/documents/', { scope, body });
    const frontDocument = await create({ attribute_key: 'id_card_front_side', files: [front.uuid] });
    assert.equal(frontDocument.status, 201);
    assert.deepEqual(frontDocument.body.files, [front]);
    assert.equal(frontDocument.body.attribute_key, 'id_card_front_side');
    assert.match(frontDocument.body.uuid, /^[0-9a-f-]{36}$/);
    const backDocument = await create({ attribute_key: 'id_card_back_side', files: [front.uuid] });
    assert.equal(backDocument.status, 201);
    assert.notEqual(backDocument.body.uuid, frontDocument.body.uuid);
  });

  it('validates the attribute key and the files', async () => {
    const scope = await freshClient(sandbox);
    const [file] = (await upload(sandbox, scope, [['card.jpg', jpeg('validate')]])).body;
    const create = (body: unknown) => call(sandbox, 'POST', '/v1/documents/', { scope, body });
    assert.deepEqual((await create({ files: [file.uuid] })).body, { attribute_key: ['This field is required.'] });
    assert.deepEqual((await create({ attribute_key: 'first_name', files: [file.uuid] })).body, { attribute_key: ['"first_name" is not a valid choice.'] });
    assert.deepEqual((await create({ attribute_key: 'passport' })).body, { files: ['This field is required.'] });
    assert.match((await create({ attribute_key: 'passport', files: [] })).body.files[0], /non-empty/);
    assert.match((await create({ attribute_key: 'passport', files: [crypto.randomUUID()] })).body.files[0], /does not exist/);
    assert.match((await create({ attribute_key: 'passport', files: [42] })).body.files[0], /does not exist/);
  });
});
