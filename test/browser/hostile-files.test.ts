// Hostile and broken files (test/helpers/corpus.ts): refused by the widget's own check before any
// byte is sent, and refused by the platform too when they are sent anyway, straight through the
// proxy to the sandbox (browser → /kyc → sandbox), with Sumsub's error codes.
import { expect } from '@open-wc/testing';
import { createKycClient, type KycClient } from '../../src/api/index.js';
import { checkFile, DEFAULT_MAX_PIXELS, type FileProblem } from '../../src/internal/file-check.js';
import { isLikelyDecodable } from '../../src/server/sandbox/decoder-checks.js';
import { imageDimensions, isStructurallyComplete, sniffFileType } from '../../src/shared/file-type.js';
import { bytes } from '../helpers/bytes.js';
import { deflate, handmadePng, hostileCorpus, pngRows, validSamples, type CorpusEntry } from '../helpers/corpus.js';
import { rejectionOf } from '../helpers/kyc.js';
import { ENDPOINT, inspect, loggedInClient, logout } from '../helpers/sandbox.js';

/** The limit the over-the-limit entry is one byte past, instead of the real 64 MiB. */
const LIMIT = 1024 * 1024;
const PROBLEMS: readonly FileProblem[] = ['empty', 'too-big', 'unsupported', 'mismatch', 'corrupted', 'undecodable', 'too-many-pixels'];

describe('hostile files', () => {
  let corpus: CorpusEntry[];
  before(async () => {
    corpus = await hostileCorpus(LIMIT);
  });
  after(logout);

  it('are many, of every kind of problem', () => {
    expect(corpus.length).to.be.at.least(25);
    expect(new Set(corpus.map((entry) => entry.expected))).to.deep.equal(new Set(PROBLEMS));
  });

  it('are each refused by checkFile with the expected problem', async () => {
    const found: string[] = [];
    for (const entry of corpus) {
      const verdict = await checkFile(entry.file, { maxBytes: LIMIT });
      found.push(`${entry.name}: ${verdict.ok ? 'accepted' : verdict.problem}`);
    }
    expect(found).to.deep.equal(corpus.map((entry) => `${entry.name}: ${entry.expected}`));
  });

  it('are each refused by the platform when sent anyway, with Sumsub’s code, and none is kept', async () => {
    await loggedInClient();
    const client: KycClient = createKycClient({ endpoint: ENDPOINT });
    const answers: string[] = [];
    // The sandbox's limit is Sumsub's 64 MiB and has no smaller test setting: the over-the-limit
    // entry (1 MiB + 1 here) would be accepted, and uploading 64 MiB is no test to run every time.
    // test/node/sandbox-uploads.test.ts sends 64 MiB + 1 to the sandbox in process (1002).
    const sent = corpus.filter((entry) => entry.expected !== 'too-big');
    for (const entry of sent) {
      const error = await rejectionOf(client.uploadFiles([entry.file]));
      answers.push(`${entry.name}: ${error.code} ${error.uploadError?.errorCode}`);
    }
    expect(answers).to.deep.equal(sent.map((entry) => `${entry.name}: upload_rejected ${entry.sumsub}`));

    const info = await client.getLevelInfo();
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    expect((await inspect(application.uuid)).uploaded_files).to.equal(0);
  });

  it('leave the valid files made by the browser accepted by both', async () => {
    await loggedInClient();
    const client = createKycClient({ endpoint: ENDPOINT });
    const samples = Object.values(await validSamples());
    for (const file of samples) expect(await checkFile(file), file.name).to.include({ ok: true });
    const uploaded = await client.uploadFiles(samples);
    expect(uploaded.map((file) => file.contentType)).to.deep.equal([
      'image/jpeg',
      'image/png',
      'image/webp',
      'application/pdf',
      'image/heic',
    ]);
  });
});

/** Whether Chromium decodes the bytes. */
async function chromiumDecodes(file: Blob): Promise<boolean> {
  try {
    (await createImageBitmap(file)).close();
    return true;
  } catch {
    return false;
  }
}

describe("the sandbox's stand-in for a decoder (isLikelyDecodable)", () => {
  it("agrees with Chromium's decoder on every whole file of the corpus and on the valid samples", async () => {
    const files = [...(await hostileCorpus(LIMIT)).map((entry) => entry.file), ...Object.values(await validSamples())];
    const verdicts: string[] = [];
    const expected: string[] = [];
    for (const file of files) {
      const content = new Uint8Array(await file.arrayBuffer());
      const kind = sniffFileType(content);
      if (kind !== 'jpeg' && kind !== 'png' && kind !== 'webp') continue;
      // Only what gets that far: whole, and within the pixel limit (a bomb is refused before).
      const size = imageDimensions(kind, content);
      if (!isStructurallyComplete(kind, content) || !size || size.width * size.height > DEFAULT_MAX_PIXELS) continue;
      verdicts.push(`${file.name} (${content.length} B): ${await isLikelyDecodable(kind, content)}`);
      expected.push(`${file.name} (${content.length} B): ${await chromiumDecodes(file)}`);
    }
    expect(verdicts.length).to.be.at.least(12);
    expect(verdicts).to.deep.equal(expected);
  });

  it('reads PNG rows as Chromium does: interlaced, 2-bit grey, 16-bit RGBA, palette', async () => {
    // Adam7 on 5 × 3 RGB: passes 1, 2, 4, 5, 6 (2 rows), 7, of 1, 1, 1, 3, 2 and 5 pixels.
    const interlaced = bytes(pngRows(1, 3), pngRows(1, 3), pngRows(1, 3), pngRows(1, 9), pngRows(2, 6), pngRows(1, 15));
    const cases: [string, Uint8Array][] = [
      ['interlaced', handmadePng(5, 3, await deflate(interlaced), { interlace: 1 })],
      ['interlaced, one byte short', handmadePng(5, 3, await deflate(interlaced.subarray(1)), { interlace: 1 })],
      ['2-bit grey', handmadePng(7, 2, await deflate(pngRows(2, 2)), { colorType: 0, bitDepth: 2 })],
      ['2-bit grey, one row short', handmadePng(7, 2, await deflate(pngRows(1, 2)), { colorType: 0, bitDepth: 2 })],
      ['16-bit RGBA', handmadePng(3, 2, await deflate(pngRows(2, 24)), { colorType: 6, bitDepth: 16 })],
      ['16-bit RGBA, one row short', handmadePng(3, 2, await deflate(pngRows(1, 24)), { colorType: 6, bitDepth: 16 })],
      ['4-bit palette', handmadePng(5, 5, await deflate(pngRows(5, 3)), { colorType: 3, bitDepth: 4, palette: true })],
    ];
    const ours: string[] = [];
    const chromium: string[] = [];
    for (const [name, content] of cases) {
      ours.push(`${name}: ${await isLikelyDecodable('png', content)}`);
      chromium.push(`${name}: ${await chromiumDecodes(new Blob([content as Uint8Array<ArrayBuffer>]))}`);
    }
    expect(ours).to.deep.equal(chromium);
    expect(ours.filter((verdict) => verdict.endsWith('true'))).to.have.length(4);
  });
});
