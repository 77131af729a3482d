// The document camera with a sharp ID card held in its frame (the fake camera's "sharp" video):
// the photo is taken by itself, reviewed, used; front then back; the camera stops when it should.
import { expect, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '../helpers/axe.js';
import { camera, inCapture, liveTracks, measure, partOf, removeCameras, STEADY_CHECKS, textOf, watchCamera } from '../helpers/capture.js';
import { record, stopRecording } from '../helpers/events.js';
import { settled, uploadOf, widget, type Widget } from '../helpers/onboarding.js';
import { loggedInClient, logout } from '../helpers/sandbox.js';
import { standardBeforeDocuments } from '../helpers/onboarding.js';
import { fakeClock } from '../helpers/clock.js';
import { strictPage } from '../helpers/strict-page.js';
import type { KycDocumentCapture } from '../../src/components/document-capture/document-capture.js';

const button = (el: KycDocumentCapture, part: string) => partOf(el, part)!;
const text = textOf;
const announced = (el: KycDocumentCapture) => inCapture(el, '[role="status"]')!.textContent.trim();

/** What a used photo is: a JPEG at the camera's full size. */
async function sizeOf(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const size = `${bitmap.width}x${bitmap.height}`;
  bitmap.close();
  return size;
}

describe('document camera: a sharp card in the frame', () => {
  afterEach(() => {
    removeCameras();
    stopRecording();
  });

  it('shows the picture with the frame, says the picture is good, and takes the photo by itself', async () => {
    const starts = record('kyc-capture-start');
    const results = record('kyc-capture-result');
    const { el, clock } = await camera();
    expect(starts).to.deep.equal([{ attributeKey: 'id_card_front_side', shape: 'card', side: 'single' }]);
    expect(liveTracks()).to.have.length(1);
    expect(inCapture<HTMLVideoElement>(el, 'video')!.videoWidth).to.equal(1280);
    expect(inCapture(el, '[part~="frame"]')).to.exist;
    // Ready, but not yet long enough.
    await measure(el, clock, STEADY_CHECKS - 1);
    expect(el.guidance).to.equal('ready');
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(text(el, 'guidance')).to.equal('Good. Hold still…');
    expect(announced(el)).to.equal('Good. Hold still…');
    expect(results).to.deep.equal([]);
    await expectAccessible(el);
    await measure(el, clock);
    expect(el.status).to.equal('review');
    expect(results).to.deep.equal([
      { attributeKey: 'id_card_front_side', shape: 'card', side: 'single', auto: true, problems: [], accepted: true },
    ]);
    expect(inCapture(el, 'canvas[part~="preview"]')).to.exist;
    expect(inCapture(el, '[part~="problems"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    await expectAccessible(el);

    let changed = 0;
    el.addEventListener('change', () => (changed += 1));
    button(el, 'button-use').click();
    await el.updateComplete;
    expect(changed).to.equal(1);
    expect(el.status).to.equal('done');
    expect(el.files).to.have.length(1);
    expect(el.files[0].type).to.equal('image/jpeg');
    expect(await sizeOf(el.files[0])).to.equal('1280x720');
    expect(liveTracks(), 'the camera stopped').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('takes the front, then the back, with the camera on between them', async () => {
    const results = record<{ side: string; auto: boolean }>('kyc-capture-result');
    const { el, clock } = await camera({ backLabel: 'ID card, back side' });
    await measure(el, clock, STEADY_CHECKS);
    expect(el.status).to.equal('review');
    button(el, 'button-use').click();
    await el.updateComplete;
    expect(el.status).to.equal('live');
    expect(liveTracks()).to.have.length(1);
    expect(text(el, 'title')).to.equal('Photo: ID card, back side');
    expect(announced(el)).to.equal('Now the ID card, back side.');
    await measure(el, clock, STEADY_CHECKS);
    expect(el.status).to.equal('review');
    button(el, 'button-use').click();
    await el.updateComplete;
    expect(results.map(({ side, auto }) => [side, auto])).to.deep.equal([
      ['front', true],
      ['back', true],
    ]);
    expect(el.files.map((file) => file.name)).to.deep.equal(['id_card_front_side-front.jpg', 'id_card_front_side-back.jpg']);
    expect(liveTracks()).to.deep.equal([]);
  });

  it('takes the photo with the shutter at any time, and retakes it', async () => {
    const results = record<{ auto: boolean }>('kyc-capture-result');
    const { el, clock } = await camera();
    button(el, 'button-shutter').click();
    await el.settled(); // the shot is taken and checked
    expect(el.status).to.equal('review');
    expect(results.map((result) => result.auto)).to.deep.equal([false]);
    button(el, 'button-retake').click();
    await el.updateComplete;
    expect(el.status).to.equal('live');
    expect(liveTracks()).to.have.length(1);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button-shutter');
    // The retake measures afresh: not ready before it has been ready long enough again.
    await measure(el, clock, STEADY_CHECKS - 1);
    expect(el.status).to.equal('live');
    await measure(el, clock);
    expect(el.status).to.equal('review');
  });

  it('stops the camera when the element is removed, and when it is closed', async () => {
    const first = await camera();
    await measure(first.el, first.clock);
    first.el.remove();
    expect(liveTracks()).to.deep.equal([]);
    // Removed, nothing is measured any more.
    expect(first.clock.pending()).to.deep.equal([]);

    const closes = record('kyc-capture-close');
    const second = await camera();
    button(second.el, 'button-close').click();
    expect(closes).to.deep.equal([{ reason: 'close', camera: null }]);
    expect(liveTracks()).to.deep.equal([]);
    // Closed, it offers to open the camera again (no dead picture, no shutter).
    await second.el.updateComplete;
    expect(second.el.status).to.equal('idle');
    expect(partOf(second.el, 'button-shutter')).to.equal(null);
    await expectAccessible(second.el);
    button(second.el, 'button-open').click();
    await waitUntil(() => second.el.matches(':state(live)'), 'the camera again', { timeout: 10_000 });
    expect(liveTracks()).to.have.length(1);
  });

  it('measures less often where a measure is slow, so that the page stays responsive', async () => {
    const { el, clock } = await camera();
    await measure(el, clock);
    expect(clock.pending(), 'a quick measure: the next in 200 ms').to.deep.equal([200]);
    // A device where a measure takes 100 ms: the element's clock moves on while it measures.
    let spent = 0;
    el.clock = { ...clock, now: () => clock.now() + (spent += 100) };
    await measure(el, clock);
    expect(clock.pending(), 'at most a quarter of the time').to.deep.equal([400]);
  });

  it('guides in Arabic, right to left', async () => {
    const { el, clock } = await camera({ lang: 'ar', dir: 'rtl' });
    await waitUntil(() => text(el, 'button-shutter') === 'التقط الصورة', 'the Arabic words');
    await measure(el, clock);
    expect(text(el, 'guidance')).to.equal('جيد. اثبت…');
    expect(getComputedStyle(inCapture(el, '.base')!).direction).to.equal('rtl');
    await expectAccessible(el);
  });

  describe('in the widget', () => {
    beforeEach(async () => {
      await loggedInClient();
      await standardBeforeDocuments();
    });
    afterEach(logout);

    /** The widget on the ID card step, "Take a photo" offered. */
    async function onDocumentStep(): Promise<{ el: Widget; clock: ReturnType<typeof fakeClock> }> {
      const clock = fakeClock();
      const el = await widget({ camera: 'always', clock });
      el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === 'Identity document'));
      await el.updateComplete;
      await waitUntil(() => uploadOf(el, 'id_card_front_side')?.matches(':defined'), 'the file chooser is loaded');
      await uploadOf(el, 'id_card_front_side').updateComplete;
      return { el, clock };
    }

    const captureIn = (el: Widget) => uploadOf(el, 'id_card_front_side').shadowRoot.querySelector('kyc-document-capture')!;

    it('"Take a photo" opens the camera, which takes both sides of the card for their questions', async () => {
      const { el, clock } = await onDocumentStep();
      uploadOf(el, 'id_card_front_side').shadowRoot.querySelector<HTMLButtonElement>('[part~="button-camera"]')!.click();
      await waitUntil(() => captureIn(el)?.matches(':state(live)'), 'the camera in the widget', { timeout: 10_000 });
      const capture = captureIn(el);
      expect(capture.clock, "the widget's clock").to.equal(clock);
      for (const side of ['front', 'back']) {
        await measure(capture, clock, STEADY_CHECKS);
        expect(capture.status, side).to.equal('review');
        inCapture<HTMLButtonElement>(capture, '[part~="button-use"]')!.click();
        await capture.updateComplete;
      }
      const front = uploadOf(el, 'id_card_front_side');
      const back = uploadOf(el, 'id_card_back_side');
      await waitUntil(() => front.hasFiles && back.hasFiles && !front.pending && !back.pending, 'both sides uploaded', { timeout: 10_000 });
      expect(front.files.map((file) => file.type)).to.deep.equal(['image/jpeg']);
      expect(back.files.map((file) => file.type)).to.deep.equal(['image/jpeg']);
      expect(captureIn(el), 'the camera closed').to.equal(null);
      expect(liveTracks()).to.deep.equal([]);
      await settled(el);
      await expectAccessible(el);
    });

    it('runs under the demo’s strict CSP, in German, with no violation', async () => {
      const { frame, page, widget } = await strictPage();
      try {
        await waitUntil(() => widget().flow?.screen.name === 'step', 'the application is resumed', { timeout: 10_000 });
        watchCamera(page);
        const clock = fakeClock();
        widget().clock = clock;
        widget().camera = 'always';
        const flow = widget().flow;
        flow.goToStep(flow.steps.findIndex((step) => step.title === 'Identity document'));
        const upload = () =>
          widget().shadowRoot!.querySelector('kyc-question[data-key="id_card_front_side"]')?.shadowRoot?.querySelector('kyc-file-upload');
        await waitUntil(() => upload()?.shadowRoot?.querySelector('[part~="button-camera"]'), 'the file chooser', { timeout: 10_000 });
        upload()!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-camera"]')!.click();
        const capture = () => upload()!.shadowRoot!.querySelector('kyc-document-capture')!;
        await waitUntil(() => capture()?.matches(':state(live)'), 'the camera in the strict page', { timeout: 10_000 });
        expect(textOf(capture(), 'button-shutter')).to.equal('Foto aufnehmen');
        await measure(capture(), clock, STEADY_CHECKS);
        expect(capture().status).to.equal('review');
        expect(inCapture(capture(), 'canvas[part~="preview"]')).to.exist;
        expect(page.cspViolations).to.deep.equal([]);
        expect(liveTracks()).to.have.length(1);
      } finally {
        frame.remove();
      }
      expect(liveTracks(), 'the frame gone, its camera stopped').to.deep.equal([]);
    });

    it('keeps the front side when the camera is closed before the back', async () => {
      const { el, clock } = await onDocumentStep();
      const closes = record('kyc-capture-close');
      uploadOf(el, 'id_card_front_side').shadowRoot.querySelector<HTMLButtonElement>('[part~="button-camera"]')!.click();
      await waitUntil(() => captureIn(el)?.matches(':state(live)'), 'the camera in the widget', { timeout: 10_000 });
      const capture = captureIn(el);
      await measure(capture, clock, STEADY_CHECKS);
      inCapture<HTMLButtonElement>(capture, '[part~="button-use"]')!.click();
      await capture.settled();
      expect(textOf(capture, 'title')).to.equal('Photo: ID card: back');
      inCapture<HTMLButtonElement>(capture, '[part~="button-close"]')!.click();
      const front = uploadOf(el, 'id_card_front_side');
      await waitUntil(() => front.hasFiles && !front.pending, 'the front uploaded', { timeout: 10_000 });
      expect(uploadOf(el, 'id_card_back_side').hasFiles).to.equal(false);
      expect(closes, "the camera's close stays inside the file chooser").to.deep.equal([]);
      expect(liveTracks()).to.deep.equal([]);
    });

    it('stops the camera when the person leaves the step', async () => {
      const { el } = await onDocumentStep();
      uploadOf(el, 'id_card_front_side').shadowRoot.querySelector<HTMLButtonElement>('[part~="button-camera"]')!.click();
      await waitUntil(() => captureIn(el)?.matches(':state(live)'), 'the camera in the widget', { timeout: 10_000 });
      expect(liveTracks()).to.have.length(1);
      el.flow.back();
      await settled(el);
      expect(liveTracks()).to.deep.equal([]);
    });
  });
});
