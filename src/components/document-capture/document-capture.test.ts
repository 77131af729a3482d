// The document camera where there is none to use (this Chromium has no camera, or the page's
// getUserMedia fails as a busy or missing camera would: faults injected). The camera's own tests,
// with a fake camera playing videos of documents, are in test/camera/.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { record, stopRecording } from '../../../test/helpers/events.js';
import { KycDocumentCapture, problemOf } from './document-capture.js';

KycDocumentCapture.define('kyc-document-capture');

const getUserMedia = navigator.mediaDevices.getUserMedia;
/** getUserMedia fails with `name`, as a browser does when the camera is busy or missing. */
const failCamera = (name: string) => {
  navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('fault injected', name));
};

describe('<kyc-document-capture> without a camera', () => {
  afterEach(() => {
    navigator.mediaDevices.getUserMedia = getUserMedia;
    stopRecording();
  });

  it('tells why the camera failed, by the browser’s error', () => {
    expect(problemOf(new DOMException('', 'NotAllowedError'))).to.equal('refused');
    expect(problemOf(new DOMException('', 'SecurityError'))).to.equal('refused');
    expect(problemOf(new DOMException('', 'NotReadableError'))).to.equal('busy');
    expect(problemOf(new DOMException('', 'NotFoundError'))).to.equal('missing');
    expect(problemOf(new DOMException('', 'OverconstrainedError'))).to.equal('missing');
    expect(problemOf(new TypeError('no camera API'))).to.equal('missing');
  });

  for (const [name, words, retry] of [
    ['NotReadableError', 'The camera is being used by another app.', true],
    ['NotFoundError', 'No camera was found.', false],
  ] as const) {
    it(`${name}: says so, offers the file chooser${retry ? ' and another try' : ''}, one kyc-error`, async () => {
      failCamera(name);
      const errors = record<{ code: string }>('kyc-error');
      const el = await fixture<KycDocumentCapture>(
        html`<kyc-document-capture attribute-key="passport" label="Passport"></kyc-document-capture>`,
      );
      await waitUntil(() => el.status === 'unavailable', 'the camera failed');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(words);
      expect(el.shadowRoot!.querySelector('[part~="button-choose"]')).to.exist;
      expect(Boolean(el.shadowRoot!.querySelector('[part~="button-retry"]'))).to.equal(retry);
      expect(errors.map((error) => error.code)).to.deep.equal(['camera_unavailable']);
      await expectAccessible(el);
    });
  }

  it('says it is starting the camera while the browser asks the person, and stops asking when removed', async () => {
    let answer: (stream: MediaStream) => void = () => undefined;
    navigator.mediaDevices.getUserMedia = () => new Promise((resolve) => (answer = resolve));
    const el = await fixture<KycDocumentCapture>(
      html`<kyc-document-capture attribute-key="passport" label="Passport"></kyc-document-capture>`,
    );
    expect(el.status).to.equal('starting');
    expect(el.shadowRoot!.querySelector('.starting')!.textContent.trim()).to.equal('Starting the camera…');
    // Not disabled (it would drop the focus while a photo is checked): said unavailable, and a press does nothing.
    const shutter = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-shutter"]')!;
    expect(shutter.getAttribute('aria-disabled')).to.equal('true');
    shutter.click();
    expect(el.status).to.equal('starting');
    await expectAccessible(el);
    // The person answers after the element left: the camera it got is stopped at once.
    el.remove();
    const stream = document.createElement('canvas').captureStream(); // a video track standing in for the camera's
    const [track] = stream.getVideoTracks();
    answer(stream);
    await waitUntil(() => track.readyState === 'ended', 'the late camera stopped');
  });

  it('asks for the camera again on "Try the camera again"', async () => {
    failCamera('NotReadableError');
    const el = await fixture<KycDocumentCapture>(
      html`<kyc-document-capture attribute-key="passport" label="Passport"></kyc-document-capture>`,
    );
    await waitUntil(() => el.status === 'unavailable', 'the camera failed');
    await el.updateComplete;
    let asked = 0;
    navigator.mediaDevices.getUserMedia = () => {
      asked += 1;
      return Promise.reject(new DOMException('still busy', 'NotReadableError'));
    };
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-retry"]')!.click();
    await waitUntil(() => asked === 1 && el.status === 'unavailable', 'asked again');
    expect(el.cameraProblem).to.equal('busy');
  });
});
