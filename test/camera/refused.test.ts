// The document camera when the person refuses the camera (this Chromium has one, and answers its
// prompt "no"): said plainly, one kyc-error, and the file chooser offered instead.
import { expect, waitUntil } from '@open-wc/testing';
import { KycFileUpload } from '../../src/components/file-upload/file-upload.js';
import { expectAccessible } from '../helpers/axe.js';
import { camera, liveTracks, partOf, removeCameras, textOf } from '../helpers/capture.js';
import { record, stopRecording } from '../helpers/events.js';

KycFileUpload.define('kyc-file-upload');

describe('document camera: refused', () => {
  afterEach(() => {
    removeCameras();
    document.querySelectorAll('kyc-file-upload').forEach((el) => el.remove());
    stopRecording();
  });

  it('says the camera may not be used, offers the file chooser, and reports one kyc-error', async () => {
    const errors = record('kyc-error');
    const closes = record('kyc-capture-close');
    const { el } = await camera();
    expect(el.status).to.equal('unavailable');
    expect(el.cameraProblem).to.equal('refused');
    expect(liveTracks()).to.deep.equal([]);
    expect(textOf(el, 'guidance')).to.match(/^The camera may not be used on this page\. Choose a photo or a file instead/);
    expect(inRole(el, 'alert')).to.exist;
    expect(errors).to.deep.equal([{ code: 'camera_unavailable', message: 'The camera could not be used: refused.', recoverable: true }]);
    expect(el.shadowRoot!.activeElement?.id, 'the focus on what happened').to.equal('title');
    await expectAccessible(el);
    partOf(el, 'button-choose')!.click();
    expect(closes).to.deep.equal([{ reason: 'choose-file', camera: 'refused' }]);
  });

  it('"Take a photo" in the file chooser falls back to choosing a file, from the same click', async () => {
    const upload = document.createElement('kyc-file-upload');
    upload.attributeKey = 'passport';
    upload.label = 'Passport';
    upload.camera = 'always';
    document.body.append(upload);
    await upload.updateComplete;
    upload.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-camera"]')!.click();
    const capture = () => upload.shadowRoot!.querySelector('kyc-document-capture');
    await waitUntil(() => capture()?.status === 'unavailable', 'the camera refused', { timeout: 10_000 });
    await capture()!.updateComplete;
    let chooserOpened = 0;
    upload.shadowRoot!.querySelector('#picker')!.addEventListener('click', (event) => {
      chooserOpened += 1;
      event.preventDefault(); // no dialog in a test
    });
    partOf(capture()!, 'button-choose')!.click();
    expect(chooserOpened).to.equal(1);
    await upload.updateComplete;
    expect(capture(), 'the camera closed').to.equal(null);
    expect(upload.shadowRoot!.activeElement?.id).to.equal('choose');
    await expectAccessible(upload);
  });
});

const inRole = (el: HTMLElement, role: string) => el.shadowRoot!.querySelector(`[role="${role}"]`);
