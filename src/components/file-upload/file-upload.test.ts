import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { hostileCorpus, syntheticPhoto } from '../../../test/helpers/corpus.js';
import { documentCorpus } from '../../../test/helpers/document-corpus.js';
import { pdfFile } from '../../../test/helpers/kyc.js';
import { applicationOf } from '../../../test/helpers/onboarding.js';
import {
  countRequests,
  ENDPOINT,
  injectFault,
  inspect,
  loggedInClient,
  logout,
  type SandboxClient,
} from '../../../test/helpers/sandbox.js';
import { createKycClient, type KycClient } from '../../api/index.js';
import type { FileProblem } from '../../internal/file-check.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../internal/upload-limits.js';
import en from '../../translations/en.js';
import { KycFileUpload } from './file-upload.js';

KycFileUpload.define('kyc-file-upload');

type Upload = KycFileUpload & { shadowRoot: ShadowRoot };

const FILES = '/v1/documents/files/';

let sandbox: SandboxClient;
let client: KycClient;
/** An application of the logged-in client (to inspect its client's documents). */
let application: string;

async function upload(attributes: { key?: string; label?: string; multiple?: boolean; max?: number } = {}): Promise<Upload> {
  const el = await fixture<Upload>(html`<kyc-file-upload
    attribute-key=${attributes.key ?? 'passport'}
    label=${attributes.label ?? 'Passport'}
    ?multiple=${attributes.multiple ?? false}
    max-file-size=${attributes.max ?? DEFAULT_MAX_FILE_BYTES}
    .client=${client}
  ></kyc-file-upload>`);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Upload, selector: string) => el.shadowRoot.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Upload, selector: string) => [...el.shadowRoot.querySelectorAll<T>(selector)];
const texts = (el: Upload) => el.shadowRoot.textContent.replace(/\s+/g, ' ');

/** Chooses files through the file input, as the system dialog hands them over. */
async function choose(el: Upload, ...files: File[]): Promise<void> {
  const picker = $<HTMLInputElement>(el, '#picker')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  picker.files = transfer.files;
  picker.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Drops files on the element, as a drag from the desktop does. */
function drop(el: Upload, ...files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
}

/** A PDF of `pages` page objects, padded to 200 kB (so its upload reports progress), unique each time. */
function pdfWithPages(name: string, pages: number): File {
  const objects = Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj`);
  const head = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count ${pages} >> endobj\n${objects.join('\n')}\n% ${crypto.randomUUID()}\n`;
  return new File([head, new Uint8Array(200_000), '\n%%EOF\n'], name, { type: 'application/pdf' });
}

async function uploaded(el: Upload, count = 1): Promise<void> {
  await waitUntil(() => $$(el, '.file--uploaded').length === count, `${count} file(s) uploaded`, { timeout: 10_000 });
}

describe('<kyc-file-upload>', () => {
  beforeEach(async () => {
    sandbox = await loggedInClient();
    client = createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1 } });
    application = await applicationOf('Advanced');
  });
  afterEach(logout);

  it('offers a keyboard-operable choose button named by the document, and is accessible when empty', async () => {
    const el = await upload();
    const button = $<HTMLButtonElement>(el, '[part~="button-choose"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Choose a file: Passport');
    let opened = 0;
    $<HTMLInputElement>(el, '#picker')!.addEventListener('click', (event) => {
      opened++;
      event.preventDefault(); // no system dialog in a test
    });
    el.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened, 'Enter on the button opens the file dialog').to.equal(1);
    expect($(el, '[part~="button-camera"]'), 'no camera button with a mouse').to.equal(null);
    el.camera = 'always';
    await el.updateComplete;
    const camera = $<HTMLInputElement>(el, '#camera-picker')!;
    expect(camera.getAttribute('capture')).to.equal('environment');
    expect($(el, '[part~="button-camera"]')!.getAttribute('aria-label')).to.equal('Take a photo: Passport');
    await expectAccessible(el);
  });

  it('uploads a chosen PDF with monotonic progress to 100 %, then makes exactly one document on commit', async () => {
    const el = await upload();
    const progress: { attributeKey: string; loaded: number; total: number }[] = [];
    el.addEventListener('kyc-upload-progress', (event) => progress.push(event.detail));
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push(el.value));
    await choose(el, pdfWithPages('my-passport-scan.pdf', 2));
    await uploaded(el);
    expect(progress.length).to.be.greaterThan(0);
    expect(
      progress.every((p, i) => i === 0 || p.loaded >= progress[i - 1].loaded),
      'monotonic',
    ).to.equal(true);
    expect(progress.at(-1)!.loaded).to.equal(progress.at(-1)!.total);
    expect(JSON.stringify(progress)).to.not.contain('my-passport-scan');
    expect($(el, '[role="status"]')!.textContent, 'the end of the upload is announced').to.equal('Uploaded: Passport');
    expect(progress.every((p) => p.attributeKey === 'passport')).to.equal(true);
    expect($(el, '[part~="thumbnail"] svg'), 'a PDF icon').to.not.equal(null);
    expect(texts(el)).to.contain('2 pages');
    expect(el.value).to.equal('');

    const uuid = await el.commit();
    expect(changes).to.deep.equal([uuid]);
    expect(el.value).to.equal(uuid);
    expect(await el.commit(), 'the same files make nothing new').to.equal(uuid);
    const held = await inspect(application);
    expect(held.documents.items.map((d) => [d.uuid, d.key, d.files.length])).to.deep.equal([[uuid, 'passport', 1]]);
    await expectAccessible(el);
  });

  it('takes dropped files, and several pages when the document allows it, each named by its place', async () => {
    const el = await upload({ multiple: true });
    drop(el, pdfFile('a.pdf', 2048), pdfFile('b.pdf', 2048));
    await uploaded(el, 2);
    const removes = $$(el, '[part~="button-remove"]').map((b) => b.getAttribute('aria-label'));
    expect(removes).to.deep.equal(['Remove Passport, page 1', 'Remove Passport, page 2']);
    expect($(el, '[part~="button-choose"]')!.getAttribute('aria-label')).to.equal('Add a page: Passport');
    await el.commit();
    const held = await inspect(application);
    expect(held.documents.items.map((d) => d.files.length)).to.deep.equal([2]);
  });

  it('takes at most max-files pages, and says so instead of dropping the rest silently', async () => {
    const el = await upload({ multiple: true });
    el.maxFiles = 2;
    drop(el, pdfFile('a.pdf', 2048), pdfFile('b.pdf', 2048), pdfFile('c.pdf', 2048));
    await uploaded(el, 2);
    expect($(el, '[role="alert"]')!.textContent).to.contain('You can add up to 2 pages to this document.');
    expect($$(el, '[part~="button-choose"]'), 'no way to add a third').to.have.length(0);
  });

  it('removing a page moves the focus to the next remove button, and its file is never sent in the document', async () => {
    const el = await upload({ multiple: true });
    await choose(el, pdfFile('a.pdf', 2048), pdfFile('b.pdf', 2048));
    await uploaded(el, 2);
    $$<HTMLButtonElement>(el, '[part~="button-remove"]')[0].click();
    await el.updateComplete;
    await waitUntil(
      () => el.shadowRoot.activeElement?.getAttribute('aria-label') === 'Remove Passport, page 1',
      'focus on the remaining file',
    );
    await el.commit();
    expect((await inspect(application)).documents.items.map((d) => d.files.length)).to.deep.equal([1]);
  });

  it('refuses an empty file before any byte is sent, says why, and reports one kyc-error without its name', async () => {
    const el = await upload();
    const errors: unknown[] = [];
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    await choose(el, new File([], 'secret-name.pdf', { type: 'application/pdf' }));
    await waitUntil(() => $(el, '.file--refused'), 'refused');
    expect($(el, '[role="alert"]')!.textContent).to.contain('This file is empty');
    expect(errors).to.have.length(1);
    expect(JSON.stringify(errors)).to.not.contain('secret-name');
    expect(await countRequests(sandbox, 'POST', FILES)).to.equal(0);
    expect(el.hasProblems).to.equal(true);
    await expectAccessible(el);
  });

  it('refuses a file over the configured limit with the limit in the message', async () => {
    const el = await upload({ max: 1024 * 1024 });
    await choose(el, pdfFile('big.pdf', 1024 * 1024 + 1));
    await waitUntil(() => $(el, '.file--refused'), 'refused');
    expect($(el, '[role="alert"]')!.textContent).to.contain('larger than 1 MB');
    expect(await countRequests(sandbox, 'POST', FILES)).to.equal(0);
  });

  it('shows a failed upload with a retry that succeeds (accessible while failed and while uploading)', async () => {
    const el = await upload();
    const errors: { code: string }[] = [];
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    await injectFault(sandbox, { method: 'POST', path_contains: FILES, status: 500, times: 1 });
    await choose(el, pdfFile('a.pdf', 4096));
    await waitUntil(() => $(el, '.file--failed'), 'failed');
    expect(errors.map((e) => e.code)).to.deep.equal(['server']);
    expect($(el, '[role="alert"]')!.textContent).to.contain(en.errorServer);
    await expectAccessible(el);
    await injectFault(sandbox, { method: 'POST', path_contains: FILES, delay_ms: 400, times: 1 });
    $<HTMLButtonElement>(el, '[part~="button-retry"]')!.click();
    await waitUntil(() => $(el, 'progress'), 'uploading');
    expect($(el, 'progress')!.getAttribute('aria-label')).to.equal('Uploading Passport');
    await expectAccessible(el);
    await uploaded(el);
  });

  it('cancels an upload: the file is gone and no document can be made of it', async () => {
    const el = await upload();
    await injectFault(sandbox, { method: 'POST', path_contains: FILES, delay_ms: 2000, times: 1 });
    await choose(el, pdfFile('a.pdf', 4096));
    await waitUntil(() => $(el, '[part~="button-cancel"]'), 'uploading');
    expect($(el, '[part~="button-cancel"]')!.getAttribute('aria-label')).to.equal('Cancel the upload: Passport');
    $<HTMLButtonElement>(el, '[part~="button-cancel"]')!.click();
    await el.updateComplete;
    expect($$(el, '.file')).to.have.length(0);
    expect(el.pending).to.equal(false);
    expect(await el.commit()).to.equal('');
    expect((await inspect(application)).documents.count).to.equal(0);
  });

  it('a connection dropped mid-upload is retried on its own and yields exactly one document', async () => {
    const Real = globalThis.XMLHttpRequest;
    let dropped = 0;
    // A connection that breaks halfway through the first upload (no server can do that on
    // request): the first send reports progress, then the network error a reset gives.
    class DroppingXhr extends Real {
      #url = '';
      override open(method: string, url: string | URL, ...rest: unknown[]): void {
        this.#url = String(url);
        (super.open as (...args: unknown[]) => void)(method, url, ...rest);
      }
      override send(body?: Document | XMLHttpRequestBodyInit | null): void {
        if (dropped === 0 && this.#url.includes(FILES)) {
          dropped++;
          setTimeout(() => {
            (this.upload.onprogress as ((event: ProgressEvent) => void) | null)?.(
              new ProgressEvent('progress', { lengthComputable: true, loaded: 2048, total: 4096 }),
            );
            this.onerror?.call(this, new ProgressEvent('error'));
          });
          return;
        }
        super.send(body);
      }
    }
    globalThis.XMLHttpRequest = DroppingXhr;
    try {
      const el = await upload();
      const progress: number[] = [];
      el.addEventListener('kyc-upload-progress', (event) => progress.push(event.detail.loaded / event.detail.total));
      await choose(el, pdfFile('a.pdf', 4096));
      await uploaded(el);
      await el.commit();
      expect(dropped).to.equal(1);
      expect(
        progress.every((p, i) => i === 0 || p >= progress[i - 1]),
        'progress never goes back',
      ).to.equal(true);
    } finally {
      globalThis.XMLHttpRequest = Real;
    }
    expect(await countRequests(sandbox, 'POST', FILES), 'one upload reached the platform').to.equal(1);
    expect((await inspect(application)).documents.count).to.equal(1);
  });

  it('shows a thumbnail of a photo, and sends a large photo scaled down as JPEG (original-photos sends it as chosen)', async () => {
    const el = await upload({ key: 'id_card_front_side', label: 'ID card: front side' });
    const photo = await syntheticPhoto(3200, 2400, { name: 'front.png', type: 'image/png', seed: 'fresh' });
    await choose(el, photo);
    await uploaded(el);
    expect($$(el, '[part~="thumbnail"] canvas'), 'a thumbnail').to.have.length(1);
    await expectAccessible(el);
    expect($(el, '[part~="button-remove"]')!.getAttribute('aria-label')).to.equal('Remove ID card: front side');
    await el.commit();
    let document = (await inspect(application)).documents.items[0];
    expect(document.files[0].content_type).to.equal('image/jpeg');
    expect(document.files[0].size).to.be.lessThan(photo.size);

    const original = await upload({ key: 'id_card_back_side', label: 'ID card: back side' });
    original.originalPhotos = true;
    const back = await syntheticPhoto(3200, 2400, { name: 'back.png', type: 'image/png', seed: 'fresh' });
    await choose(original, back);
    await uploaded(original);
    await original.commit();
    document = (await inspect(application)).documents.items.find((d) => d.key === 'id_card_back_side')!;
    expect(document.files[0]).to.include({ content_type: 'image/png', size: back.size });
  });

  it("explains Sumsub's refusal of a duplicate when the document is made, keeping the files", async () => {
    const el = await upload();
    const same = pdfFile('a.pdf', 2048);
    await choose(el, same);
    await uploaded(el);
    await el.commit();
    const again = await upload();
    await choose(again, same);
    await uploaded(again);
    let failure: unknown;
    await again.commit().catch((error) => (failure = error));
    expect(failure).to.include({ code: 'upload_rejected' });
    expect($(again, '[role="alert"]')!.textContent).to.contain('already been uploaded for this document');
    expect(again.hasFiles).to.equal(true);
    await expectAccessible(again);
  });

  it("explains the platform's DRF refusal of the document in words, with one kyc-error", async () => {
    const el = await upload();
    const errors: { code: string }[] = [];
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    await choose(el, pdfFile('a.pdf', 2048));
    await uploaded(el);
    await injectFault(sandbox, {
      method: 'POST',
      path_contains: '/v1/documents/',
      status: 400,
      body: { files: ['Invalid pk "x" - object does not exist.'] },
    });
    await el.commit().catch(() => {});
    expect(errors.map((e) => e.code)).to.deep.equal(['validation']);
    expect($(el, '[role="alert"]')!.textContent).to.contain(en.errorUploadRejected);
  });

  it('refuses every file of the hostile corpus before upload, each with its own message', async () => {
    const limit = 1024 * 1024;
    const corpus = await hostileCorpus(limit);
    const messages: Record<FileProblem, string> = {
      empty: en.fileEmpty,
      'too-big': 'larger than 1 MB',
      unsupported: en.fileUnsupported,
      mismatch: en.fileMismatch,
      corrupted: en.fileCorrupted,
      undecodable: en.fileUndecodable,
      'too-many-pixels': en.fileTooManyPixels,
    };
    const el = await upload({ max: limit });
    for (const entry of corpus) {
      await choose(el, entry.file);
      await waitUntil(() => $(el, '.file--refused'), `${entry.name} is refused`);
      expect($(el, '[role="alert"]')!.textContent, entry.name).to.contain(messages[entry.expected]);
      $<HTMLButtonElement>(el, '[part~="button-remove"]')!.click();
      await el.updateComplete;
    }
    expect(corpus.length).to.be.at.least(25);
    expect(await countRequests(sandbox, 'POST', FILES), 'no hostile byte reached the platform').to.equal(0);
  });

  for (const [code, message] of [
    [1001, en.fileTooMany],
    [1002, 'larger than 64 MB'],
    [1003, en.fileEmpty],
    [1004, en.fileCorrupted],
    [1005, en.fileUnsupported],
  ] as const) {
    it(`explains Sumsub's upload error ${code} in words`, async () => {
      const el = await upload();
      const body = { description: 'Sumsub says no', code: 400, correlationId: 'x', errorCode: code, errorName: 'refused' };
      await injectFault(sandbox, { method: 'POST', path_contains: FILES, status: 400, body, times: 1 });
      await choose(el, pdfFile('a.pdf', 2048));
      await waitUntil(() => $(el, '.file--failed'), 'refused by the platform');
      expect($(el, '[role="alert"]')!.textContent).to.contain(message);
      expect($$(el, '[part~="button-retry"]'), 'a refused file is not retried').to.have.length(0);
    });
  }

  it('shows a stored document as uploaded, with a Replace button', async () => {
    const el = await upload();
    el.value = 'a-stored-document-uuid';
    await el.updateComplete;
    expect(texts(el)).to.contain('Uploaded');
    expect($(el, '[part~="button-choose"]')!.getAttribute('aria-label')).to.equal('Replace Passport');
    await expectAccessible(el);
  });

  describe('quality checks', () => {
    const pictures = () => documentCorpus();
    const named = async (name: string) => (await pictures()).find((picture) => picture.name === name)!;

    it('warn (default): says what to fix in a blurred photo, and uploads it as the person may send it', async () => {
      const el = await upload({ key: 'id_card_front_side', label: 'ID card: front' });
      await choose(el, (await named('a card blurred (8 px)')).file);
      await uploaded(el);
      const message = $(el, '[part~="quality"]')!;
      expect(message.textContent.replace(/\s+/g, ' ').trim()).to.equal(`${en.qualityBlur} ${en.qualityMaySend}`);
      expect(message.getAttribute('role')).to.equal('status');
      // With an example of a good photo, in the card's shape.
      const example = $(el, '[part~="example"]')!;
      expect(example.querySelector('svg[role="img"]')!.getAttribute('aria-label')).to.equal(en.qualityExample);
      expect(example.querySelector('figcaption')!.textContent.trim()).to.equal(en.qualityExampleCaption);
      const documentShape = example.querySelector('.example__document')!;
      const ratio = Number(documentShape.getAttribute('width')) / Number(documentShape.getAttribute('height'));
      expect(ratio).to.be.closeTo(85.6 / 54, 0.001);
      await expectAccessible(el);
    });

    it('offers to take it again: the photo goes, and the chooser opens in the same click', async () => {
      const el = await upload({ key: 'id_card_front_side', label: 'ID card: front' });
      await choose(el, (await named('a card with glare')).file);
      await uploaded(el);
      let opened = 0;
      $(el, '#picker')!.addEventListener('click', (event) => {
        opened += 1;
        event.preventDefault(); // no dialog in a test
      });
      const retake = $<HTMLButtonElement>(el, '[part~="button-retake"]')!;
      expect(retake.getAttribute('aria-label')).to.equal(en.fileRetakeFor('ID card: front'));
      retake.click();
      expect(opened).to.equal(1);
      await el.updateComplete;
      expect(el.files).to.deep.equal([]);
      expect($(el, '[part~="button-retake"]')).to.equal(null);
    });

    it('strict: refuses a photo of too few pixels before any byte is sent, and a sharp one goes', async () => {
      const el = await upload({ key: 'id_card_front_side', label: 'ID card: front' });
      el.quality = 'strict';
      const before = await countRequests(sandbox, 'POST', FILES);
      await choose(el, (await named('a card of 160 × 120 pixels')).file);
      await waitUntil(() => $(el, '.file--refused'), 'refused');
      expect($(el, '.file--refused [role="alert"]')!.textContent.trim()).to.equal(en.qualityResolution);
      expect(await countRequests(sandbox, 'POST', FILES), 'nothing sent').to.equal(before);
      expect($(el, '[part~="example"]'), 'with an example').to.exist;
      await expectAccessible(el);

      $<HTMLButtonElement>(el, '[part~="button-remove"]')!.click();
      await el.updateComplete;
      await choose(el, (await named('a sharp ID card')).file);
      await uploaded(el);
      expect($(el, '[part~="quality"]'), 'nothing to say of a good photo').to.equal(null);
      expect($(el, '[part~="example"]')).to.equal(null);
    });

    it('takes the host’s thresholds: a softer photo passes a lower sharpness floor', async () => {
      const el = await upload({ key: 'id_card_front_side', label: 'ID card: front' });
      el.qualityThresholds = { minSharpness: 0 };
      await choose(el, (await named('a card blurred (8 px)')).file);
      await uploaded(el);
      expect($(el, '[part~="quality"]')).to.equal(null);
    });

    it('off: checks nothing', async () => {
      const el = await upload({ key: 'id_card_front_side', label: 'ID card: front' });
      el.quality = 'off';
      await choose(el, (await named('a card in the dark')).file);
      await uploaded(el);
      expect($(el, '[part~="quality"]')).to.equal(null);
    });
  });
});
