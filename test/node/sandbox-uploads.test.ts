import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { createSandbox, SANDBOX_MAX_FILE_BYTES } from '../../src/server/sandbox/index.js';
import { bytes, type Bytes } from '../helpers/bytes.js';
import { call, freshClient, heic, jpeg, pdf, png, upload, webp, type Answer, type Scope } from './sandbox-harness.js';

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

  it('accepts the same bytes again, across requests and within one, each as a new file (duplicates are judged per document)', async () => {
    const scope = await freshClient(sandbox);
    const first = await upload(sandbox, scope, [['a.png', png('same')]]);
    assert.equal(first.status, 201);
    const again = await upload(sandbox, scope, [['b.png', png('same')]]);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    const twins = await upload(sandbox, scope, [
      ['c.png', png('same')],
      ['d.png', png('same')],
    ]);
    assert.equal(twins.status, 201, JSON.stringify(twins.body));
    const uuids = [first, again, twins].flatMap((answer) => answer.body.map((file: { uuid: string }) => file.uuid));
    assert.equal(new Set(uuids).size, 4, 'four file uuids');
    assert.equal(await uploadedCount(scope), 4);
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
    for (const [name, file] of [
      ['scan.tiff', tiff],
      ['scan.jpg', gif],
      ['scan.bmp', bmp],
    ] as const) {
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
    assert.deepEqual((await call(sandbox, 'POST', '/v1/documents/files/', { scope, body: none })).body, {
      files: ['No file was submitted.'],
    });
    const text = new FormData();
    text.append('files', 'not a file');
    assert.match((await call(sandbox, 'POST', '/v1/documents/files/', { scope, body: text })).body.files[0], /not a file/);
    const many = Array.from({ length: 11 }, (_, i) => [`${i}.png`, png(`many ${i}`)] as const);
    assert.match((await upload(sandbox, scope, many)).body.files[0], /no more than 10/);
  });
});

describe('sandbox documents', () => {
  it('1000 for a second document of the same key made of the same bytes, whichever upload they came from', async () => {
    const scope = await freshClient(sandbox);
    const [first, second] = (
      await upload(sandbox, scope, [
        ['a.jpg', jpeg('passport')],
        ['b.jpg', jpeg('passport')],
      ])
    ).body;
    const create = (attribute_key: string, files: string[]) =>
      call(sandbox, 'POST', '/v1/documents/', { scope, body: { attribute_key, files } });
    assert.equal((await create('passport', [first.uuid])).status, 201);
    assertSumsubError(await create('passport', [second.uuid]), 1000, 'the same picture, uploaded again, for the same key');
    assertSumsubError(await create('passport', [first.uuid]), 1000, 'the same file for the same key');
    const [other] = (await upload(sandbox, scope, [['c.jpg', jpeg('another passport photo')]])).body;
    assertSumsubError(await create('passport', [other.uuid, second.uuid]), 1000, 'one duplicate among new files');
    assert.equal((await create('passport', [other.uuid])).status, 201, 'new bytes for the same key');
    const stranger = await freshClient(sandbox);
    const [theirs] = (await upload(sandbox, stranger, [['a.jpg', jpeg('passport')]])).body;
    const theirDocument = await call(sandbox, 'POST', '/v1/documents/', {
      scope: stranger,
      body: { attribute_key: 'passport', files: [theirs.uuid] },
    });
    assert.equal(theirDocument.status, 201, 'another client may use the same picture');
  });

  it('1000 for the same bytes twice in one document', async () => {
    const scope = await freshClient(sandbox);
    const [first, second] = (
      await upload(sandbox, scope, [
        ['a.pdf', pdf('statement')],
        ['b.pdf', pdf('statement')],
      ])
    ).body;
    const create = (files: string[]) =>
      call(sandbox, 'POST', '/v1/documents/', { scope, body: { attribute_key: 'proof_of_funds', files } });
    assertSumsubError(await create([first.uuid, second.uuid]), 1000, 'twins');
    assertSumsubError(await create([first.uuid, first.uuid]), 1000, 'one file twice');
    assert.equal((await create([first.uuid])).status, 201, 'a refused document is not kept');
  });

  it('takes the front side picture, uploaded again, as the back side of a single-sided document', async () => {
    const scope = await freshClient(sandbox);
    const create = (attribute_key: string, file: string) =>
      call(sandbox, 'POST', '/v1/documents/', { scope, body: { attribute_key, files: [file] } });
    const [front] = (await upload(sandbox, scope, [['card.jpg', jpeg('single-sided card')]])).body;
    assert.equal((await create('id_card_front_side', front.uuid)).status, 201);
    const [back] = (await upload(sandbox, scope, [['card.jpg', jpeg('single-sided card')]])).body;
    const backDocument = await create('id_card_back_side', back.uuid);
    assert.equal(backDocument.status, 201, JSON.stringify(backDocument.body));
    assert.equal(backDocument.body.attribute_key, 'id_card_back_side');
  });

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
    assert.deepEqual((await create({ attribute_key: 'first_name', files: [file.uuid] })).body, {
      attribute_key: ['"first_name" is not a valid choice.'],
    });
    assert.deepEqual((await create({ attribute_key: 'passport' })).body, { files: ['This field is required.'] });
    assert.match((await create({ attribute_key: 'passport', files: [] })).body.files[0], /non-empty/);
    assert.match((await create({ attribute_key: 'passport', files: [crypto.randomUUID()] })).body.files[0], /does not exist/);
    assert.match((await create({ attribute_key: 'passport', files: [42] })).body.files[0], /does not exist/);
  });
});

describe('sandbox uploads: images no decoder could take (1004)', () => {
  const crc = (data: Uint8Array) => {
    let c = 0xffffffff;
    for (const byte of data) {
      c ^= byte;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const u32be = (value: number) => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  const chunk = (type: string, data: Uint8Array) => bytes(u32be(data.length), bytes(type, data), u32be(crc(bytes(type, data))));
  const rgbPng = (width: number, height: number, idat: Uint8Array) =>
    bytes(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      chunk('IHDR', bytes(u32be(width), u32be(height), [8, 2, 0, 0, 0])),
      chunk('IDAT', idat),
      chunk('IEND', new Uint8Array(0)),
    );
  /** The harness's JPEG with its frame header's bytes (precision, height, width…) changed. */
  const jpegWithFrame = (change: (frame: Bytes) => void) => {
    const file = jpeg('frame').slice();
    const frame = file.indexOf(0xc0, 2) + 3; // after FF C0 and the length
    change(file.subarray(frame));
    return file;
  };

  it('refuses images whose header declares more than 100 megapixels, small as the file is', async () => {
    const scope = await freshClient(sandbox);
    const hugeJpeg = jpegWithFrame((frame) => frame.set([0x9c, 0x40, 0x9c, 0x40], 1)); // 40000 × 40000
    const hugePng = rgbPng(30000, 30000, deflateSync(new Uint8Array(1000)));
    const hugeWebp = webp('huge').slice();
    hugeWebp.set([0xff, 0xff, 0xff, 0x0f], 21); // VP8L: 16384 × 16384
    for (const [name, file] of [
      ['bomb.jpg', hugeJpeg],
      ['bomb.png', hugePng],
      ['bomb.webp', hugeWebp],
    ] as const) {
      assertSumsubError(await upload(sandbox, scope, [[name, file]]), 1004, name);
    }
    // 10000 × 10000 is exactly the limit.
    const atLimit = jpegWithFrame((frame) => frame.set([0x27, 0x10, 0x27, 0x10], 1));
    assert.equal((await upload(sandbox, scope, [['big.jpg', atLimit]])).status, 201);
  });

  it('refuses whole files whose image data no decoder could read', async () => {
    const scope = await freshClient(sandbox);
    const cases: [string, Bytes][] = [
      ['twelve-bit.jpg', jpegWithFrame((frame) => (frame[0] = 12))],
      ['undefined-table.jpg', jpegWithFrame((frame) => (frame[8] = 3))],
      ['not-zlib.png', rgbPng(1, 1, bytes('not a zlib stream'))],
      ['one-row-of-two.png', rgbPng(1, 2, deflateSync(new Uint8Array(4)))],
      ['bad-filter.png', rgbPng(1, 1, deflateSync(Uint8Array.from([9, 1, 2, 3])))],
    ];
    for (const [name, file] of cases) assertSumsubError(await upload(sandbox, scope, [[name, file]]), 1004, name);
    assert.equal((await upload(sandbox, scope, [['fine.png', rgbPng(1, 2, deflateSync(new Uint8Array(8)))]])).status, 201);
    assert.equal(await uploadedCount(scope), 1);
  });
});
