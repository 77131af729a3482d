import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { syntheticPhoto } from '../../../test/helpers/corpus.js';
import { answersOf, pdfFile } from '../../../test/helpers/kyc.js';
import {
  $,
  advancedBeforeDocuments,
  composedTexts,
  englishLeft,
  provideDocument,
  standardBeforeDocuments,
  heading,
  pickFiles,
  primary,
  proceed,
  question,
  reload,
  settled,
  uploadOf,
  widget,
  type Widget,
} from '../../../test/helpers/onboarding.js';
import { countRequests, injectFault, inspect, loggedInClient, logout, type SandboxClient } from '../../../test/helpers/sandbox.js';

import en from '../../translations/en.js';

const FILES = '/v1/documents/files/';

/** The widget on the identity document step of a Standard application. */
async function onDocumentStep(): Promise<Widget> {
  const el = await widget();
  const index = el.flow.steps.findIndex((step) => step.title === 'Identity document');
  el.flow.goToStep(index);
  await el.updateComplete;
  expect(heading(el)).to.equal('Identity document');
  // The file chooser's code arrives with the first document question (a chunk of its own).
  await waitUntil(() => uploadOf(el, 'id_card_front_side')?.matches(':defined'), 'the file chooser is loaded');
  await uploadOf(el, 'id_card_front_side').updateComplete;
  return el;
}

/** Chooses files in a document question's file dialog, and waits for their upload. */
async function chooseFiles(el: Widget, key: string, ...files: File[]): Promise<void> {
  const upload = uploadOf(el, key);
  pickFiles(el, key, ...files);
  await waitUntil(() => !upload.pending && upload.hasFiles, `the upload of ${key}`, { timeout: 10_000 });
  await el.updateComplete;
}

const noBackSideBox = (el: Widget) => $<HTMLInputElement>(el, '.sides input[type="checkbox"]')!;

let sandbox: SandboxClient;
let uuid: string;

describe('<kyc-onboarding> documents', () => {
  beforeEach(async () => {
    sandbox = await loggedInClient();
    uuid = await standardBeforeDocuments();
  });
  afterEach(logout);

  it('asks both sides of an ID card side by side, uploads them, and stores both documents on Continue', async () => {
    const el = await onDocumentStep();
    const pair = [...$(el, '.sides__pair')!.querySelectorAll('kyc-question')].map((q) => q.getAttribute('data-key'));
    expect(pair).to.deep.equal(['id_card_front_side', 'id_card_back_side']);
    await expectAccessible(el);
    const saves: unknown[] = [];
    el.addEventListener('kyc-save', (event) => saves.push(event.detail));
    await chooseFiles(el, 'id_card_front_side', await syntheticPhoto(1200, 800, { name: 'front.jpg', seed: 'fresh' }));
    await chooseFiles(el, 'id_card_back_side', await syntheticPhoto(1200, 800, { name: 'back.jpg', seed: 'fresh' }));
    await expectAccessible(el);
    await proceed(el);
    expect(heading(el)).to.equal('Agreements');
    const answers = answersOf(el.flow.application!);
    const held = await inspect(uuid);
    const byKey = Object.fromEntries(held.documents.items.map((document) => [document.key, document]));
    expect(answers['id_card_front_side']).to.equal(byKey['id_card_front_side'].uuid);
    expect(answers['id_card_back_side']).to.equal(byKey['id_card_back_side'].uuid);
    expect(held.documents.count).to.equal(2);
    expect(saves).to.deep.equal([{ applicationUuid: uuid, keys: ['id_card_front_side', 'id_card_back_side'] }]);
  });

  it('keeps the files chosen on a step when the person goes back and returns, and stores them then', async () => {
    const el = await onDocumentStep();
    await chooseFiles(el, 'id_card_front_side', await syntheticPhoto(1200, 800, { name: 'front.jpg', seed: 'fresh' }));
    $<HTMLButtonElement>(el, '[part~="button-back"]')!.click();
    await settled(el);
    expect(heading(el)).not.to.equal('Identity document');
    primary(el).click(); // Continue: nothing changed on that step
    await settled(el);
    expect(heading(el)).to.equal('Identity document');
    await waitUntil(() => uploadOf(el, 'id_card_front_side')?.matches(':defined'), 'the file chooser');
    await uploadOf(el, 'id_card_front_side').updateComplete;
    expect(
      uploadOf(el, 'id_card_front_side').shadowRoot.querySelectorAll('[part~="file"]').length,
      'the front picture is still there',
    ).to.equal(1);
    await chooseFiles(el, 'id_card_back_side', await syntheticPhoto(1200, 800, { name: 'back.jpg', seed: 'fresh' }));
    await proceed(el);
    expect(heading(el)).to.equal('Agreements');
    expect((await inspect(uuid)).documents.count).to.equal(2);
  });

  it('hands its file settings to the document questions, and lets the page style them through parts', async () => {
    const style = document.createElement('style');
    style.textContent = 'kyc-onboarding::part(question__upload-button-choose) { outline: 3px solid rgb(7, 8, 9); }';
    document.head.append(style);
    const el = await onDocumentStep();
    const choose = uploadOf(el, 'id_card_front_side').shadowRoot.querySelector('[part~="button-choose"]')!;
    expect(getComputedStyle(choose).outlineColor).to.equal('rgb(7, 8, 9)');
    style.remove();
    el.setAttribute('max-file-size', String(1024 * 1024));
    el.setAttribute('photo-max-side', '1600');
    el.toggleAttribute('original-photos', true);
    await el.updateComplete;
    await question(el, 'id_card_front_side').updateComplete;
    expect(uploadOf(el, 'id_card_front_side')).to.include({ maxFileSize: 1024 * 1024, photoMaxSide: 1600, originalPhotos: true });
    pickFiles(el, 'id_card_back_side', pdfFile('back.pdf', 1024 * 1024 + 1));
    await waitUntil(() => uploadOf(el, 'id_card_back_side').shadowRoot.textContent.includes('larger than 1 MB'), 'refused by size');
  });

  it('a document with no back side: the front picture is sent again as the back side', async () => {
    const el = await onDocumentStep();
    noBackSideBox(el).click();
    await el.updateComplete;
    expect(question(el, 'id_card_back_side'), 'the back side is not asked').to.equal(null);
    await chooseFiles(el, 'id_card_front_side', await syntheticPhoto(1200, 800, { name: 'front.jpg', seed: 'fresh' }));
    expect($(el, '.sides')!.textContent).to.contain('The picture of the front side will be sent again as the back side.');
    await expectAccessible(el);
    await proceed(el);
    expect(heading(el)).to.equal('Agreements');
    const held = await inspect(uuid);
    const byKey = Object.fromEntries(held.documents.items.map((document) => [document.key, document]));
    expect(byKey['id_card_back_side'].files[0].sha256).to.equal(byKey['id_card_front_side'].files[0].sha256);
    const answers = answersOf(el.flow.application!);
    expect(answers['id_card_back_side']).to.equal(byKey['id_card_back_side'].uuid);
  });

  it('no back side, after a failed save: the next Continue stores both without making the back side again', async () => {
    const el = await onDocumentStep();
    noBackSideBox(el).click();
    await el.updateComplete;
    await chooseFiles(el, 'id_card_front_side', await syntheticPhoto(1200, 800, { name: 'front.jpg', seed: 'fresh' }));
    const errors: { code: string }[] = [];
    el.addEventListener('kyc-error', (event) => errors.push(event.detail));
    await injectFault(sandbox, { method: 'PATCH', status: 500, times: 1 });
    await proceed(el);
    expect(heading(el)).to.equal('Identity document');
    expect(errors.map((e) => e.code)).to.deep.equal(['server']);
    await proceed(el);
    expect(heading(el)).to.equal('Agreements');
    const held = await inspect(uuid);
    expect(held.documents.keys).to.deep.equal(['id_card_back_side', 'id_card_front_side']);
    expect(held.documents.count).to.equal(2);
    // Back on the step: the back side is stored, nothing is asked again.
    $<HTMLButtonElement>(el, '[part~="button-back"]')!.click();
    await el.updateComplete;
    expect($(el, '.sides')!.textContent).to.contain('The picture of the front side will be sent again as the back side.');
    expect(question(el, 'id_card_back_side')).to.equal(null);
  });

  it('the document step in German, with a refused and an uploaded file, has no English left', async () => {
    const el = await onDocumentStep();
    el.lang = 'de';
    await el.updateComplete;
    // German arrives (a chunk of its own) before the person acts: an announcement made before it would be English.
    await waitUntil(() => noBackSideBox(el).closest('label')!.textContent.includes('Rückseite'), 'German arrives');
    pickFiles(el, 'id_card_back_side', new File([], 'empty.jpg', { type: 'image/jpeg' }));
    await chooseFiles(el, 'id_card_front_side', pdfFile('front.pdf', 2048));
    await waitUntil(() => uploadOf(el, 'id_card_back_side').hasProblems, 'the back side refused');
    noBackSideBox(el).click();
    await el.updateComplete;
    noBackSideBox(el).click();
    await el.updateComplete;
    expect(await englishLeft(el, 'de')).to.deep.equal([]);
  });

  it('works with the keyboard: the choose button opens the file dialog, the box takes Space, Remove takes Enter', async () => {
    const el = await onDocumentStep();
    let dialogs = 0;
    const picker = uploadOf(el, 'id_card_front_side').shadowRoot.querySelector<HTMLInputElement>('#picker')!;
    picker.addEventListener('click', (event) => {
      dialogs++;
      event.preventDefault(); // no system dialog in a test
    });
    question(el, 'id_card_front_side').focus();
    await sendKeys({ press: 'Enter' });
    expect(dialogs).to.equal(1);
    await chooseFiles(el, 'id_card_front_side', pdfFile('front.pdf', 2048));
    const remove = uploadOf(el, 'id_card_front_side').shadowRoot.querySelector<HTMLButtonElement>('[part~="button-remove"]')!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !uploadOf(el, 'id_card_front_side').hasFiles, 'removed');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const active = () => {
      let node: Element | null = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return node;
    };
    for (let presses = 0; presses < 6 && active() !== noBackSideBox(el); presses++) await sendKeys({ press: 'Tab' });
    expect(active() === noBackSideBox(el), 'Tab reaches "no back side"').to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(noBackSideBox(el).checked).to.equal(true);
    expect(question(el, 'id_card_back_side') === null, 'the back side is no longer asked').to.equal(true);
  });

  it('while Continue makes the documents, no file can be added or removed', async () => {
    const el = await onDocumentStep();
    await chooseFiles(el, 'id_card_front_side', pdfFile('front.pdf', 2048));
    await chooseFiles(el, 'id_card_back_side', pdfFile('back.pdf', 2048));
    await injectFault(sandbox, { method: 'POST', path_contains: '/v1/documents/', delay_ms: 600, times: 1 });
    primary(el).click();
    await waitUntil(() => el.flow.busy === 'saving', 'saving');
    await el.updateComplete;
    await question(el, 'id_card_back_side').updateComplete;
    const back = uploadOf(el, 'id_card_back_side');
    await back.updateComplete;
    expect(back.disabled).to.equal(true);
    expect(back.shadowRoot.querySelector<HTMLButtonElement>('[part~="button-remove"]')!.disabled).to.equal(true);
    await settled(el);
    await waitUntil(() => heading(el) === 'Agreements', 'saved', { timeout: 10_000 });
  });

  it('says to wait while a file is still uploading, and sends nothing', async () => {
    const el = await onDocumentStep();
    const upload = uploadOf(el, 'id_card_front_side');
    pickFiles(el, 'id_card_front_side', pdfFile('front.pdf', 400_000));
    await waitUntil(() => upload.pending, 'uploading');
    primary(el).click();
    await el.updateComplete;
    expect($(el, '[part~="error-summary"]')!.textContent).to.contain('Please wait until the upload has finished.');
    await waitUntil(() => !upload.pending, 'uploaded', { timeout: 10_000 });
  });

  it('after a reload, stored documents show as uploaded and nothing is asked or sent again', async () => {
    let el = await onDocumentStep();
    await chooseFiles(el, 'id_card_front_side', pdfFile('front.pdf', 2048));
    await chooseFiles(el, 'id_card_back_side', pdfFile('back.pdf', 2048));
    await proceed(el);
    const uploads = await countRequests(sandbox, 'POST', FILES);
    el = await reload(el);
    el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === 'Identity document'));
    await el.updateComplete;
    for (const key of ['id_card_front_side', 'id_card_back_side']) {
      await waitUntil(() => uploadOf(el, key)?.shadowRoot?.textContent?.includes('Uploaded'), `${key} shows as uploaded`);
      expect(uploadOf(el, key).shadowRoot.querySelector('[part~="button-choose"]')!.textContent.trim()).to.equal('Replace');
    }
    await proceed(el);
    await settled(el);
    expect(heading(el)).to.equal('Agreements');
    expect(await countRequests(sandbox, 'POST', FILES)).to.equal(uploads);
    expect((await inspect(uuid)).documents.count).to.equal(2);
  });
});

describe("<kyc-onboarding> Sumsub's note on a stored document", () => {
  beforeEach(() => loggedInClient());
  afterEach(logout);

  it('is read once the document is stored, shown on its step at once without a tick, and on the review beside it', async () => {
    const uuid = await advancedBeforeDocuments();
    await provideDocument(uuid, 'passport');
    const el = await widget({ pollInterval: 60_000 });
    expect(heading(el), 'resumed at the first step not done').to.equal('Proofs');
    await waitUntil(() => uploadOf(el, 'proof_of_address')?.matches(':defined'), 'the file chooser is loaded');
    await chooseFiles(el, 'proof_of_address', pdfFile('utility-bill.pdf', 4096));
    await proceed(el);

    expect(heading(el), 'the person stays to read the note').to.equal('Proofs');
    const panel = $(el, '#document-note')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    const note = question(el, 'proof_of_address').shadowRoot!.querySelector('[part~="note"]')!;
    expect(note.textContent).to.contain('There is no available data to recognize from image');
    const upload = uploadOf(el, 'proof_of_address');
    await upload.updateComplete;
    expect(upload.shadowRoot.querySelector('.status--done'), 'no green "Uploaded" beside the note').to.equal(null);
    expect(upload.shadowRoot.textContent).to.not.contain('✓');
    expect(composedTexts(upload.shadowRoot)).to.include(en.fileStoredWithNote);
    await expectAccessible(el);

    await proceed(el);
    expect(heading(el), 'Continue goes on').to.equal('Liveness check');
    el.flow.review();
    await el.updateComplete;
    await waitUntil(() => $(el, 'kyc-review-screen dl'), 'the review');
    const row = [...el.shadowRoot.querySelectorAll('dl.review > div')].find(
      (div) => div.querySelector('dt')!.textContent.trim() === 'Proof of address',
    )!;
    expect(row.querySelector('.note')!.textContent).to.contain('There is no available data to recognize from image');
  });
});
