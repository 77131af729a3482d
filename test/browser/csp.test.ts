import { expect, waitUntil } from '@open-wc/testing';
import { strictPage } from '../helpers/strict-page.js';
import { syntheticPhoto } from '../helpers/corpus.js';
import { advancedBeforeLiveness, applicationOf, standardBeforeDocuments } from '../helpers/onboarding.js';
import { fillBasic } from '../helpers/kyc.js';
import { ENDPOINT } from '../helpers/sandbox.js';
import { createKycClient } from '../../src/api/index.js';
import { loggedInClient, logout } from '../helpers/sandbox.js';
import type { KycFileUpload } from '../../src/components/file-upload/file-upload.js';

describe('<kyc-onboarding> under a strict Content-Security-Policy', () => {
  after(logout);

  it('renders and runs with no violation (no inline style or script, no eval, Trusted Types required)', async () => {
    await loggedInClient();
    const { frame, page, widget } = await strictPage();
    try {
      await waitUntil(() => widget().flow?.screen.name === 'levels', 'the widget reaches the level choice', { timeout: 10000 });
      // The level choice's screen renders once its chunk arrived: until then there is no heading.
      await waitUntil(() => widget().shadowRoot!.querySelector('#heading')?.textContent.includes('Verifizierungsstufe'), 'German arrives', {
        timeout: 10000,
      });
      expect(page.cspViolations).to.deep.equal([]);
      const policy = await fetch('/test/csp/widget.html').then((response) => response.headers.get('content-security-policy'));
      expect(policy).to.contain("require-trusted-types-for 'script'").and.contain("style-src 'self'").and.not.contain('unsafe');
    } finally {
      frame.remove();
    }
  });

  it('launches Sumsub’s check (the SDK sizing its frame) and draws the QR code with no violation', async () => {
    await loggedInClient();
    await advancedBeforeLiveness();
    const { frame, page, widget } = await strictPage();
    try {
      await waitUntil(() => widget().flow?.screen.name === 'step', 'the application is resumed', { timeout: 10000 });
      const flow = widget().flow;
      flow.goToStep(flow.steps.findIndex((step) => step.title === 'Liveness check'));
      const inQuestion = (key: string, selector: string) =>
        widget()
          .shadowRoot!.querySelector(`kyc-question[data-key="${key}"]`)
          ?.shadowRoot?.querySelector('kyc-liveness')
          ?.shadowRoot?.querySelector(selector);
      await waitUntil(() => inQuestion('sumsub_liveness_check_token', '.frame--ready iframe'), 'the check is ready', { timeout: 10000 });
      await waitUntil(
        () => (inQuestion('sumsub_liveness_check_token', 'iframe') as HTMLIFrameElement).getBoundingClientRect().height > 100,
        'sized',
      );
      await waitUntil(() => inQuestion('sumsub_liveness_check_url', 'svg path'), 'the QR code');
      expect(page.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it("formats a legal text's markup through the widget's own Trusted Types policy, with no violation", async () => {
    await loggedInClient();
    await fillBasic(createKycClient({ endpoint: ENDPOINT }), await applicationOf('Basic'));
    const { frame, page, widget } = await strictPage();
    try {
      await waitUntil(() => widget().flow?.screen.name === 'review', 'the application is resumed', { timeout: 10000 });
      const flow = widget().flow;
      flow.goToStep(flow.steps.findIndex((step) => step.title === 'Agreements'));
      const text = () =>
        widget()
          .shadowRoot!.querySelector('kyc-question[data-key="terms_of_service"]')
          ?.shadowRoot?.querySelector('[part~="document-text"]');
      await waitUntil(() => text()?.querySelector('b'), 'the terms formatted', { timeout: 10000 });
      expect(text()!.querySelector('b')!.textContent).to.equal('Company');
      expect(page.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('checks, fixes, draws and uploads a photo on the document step with no violation', async () => {
    await loggedInClient();
    await standardBeforeDocuments();
    const { frame, page, widget } = await strictPage();
    try {
      await waitUntil(() => widget().flow?.screen.name === 'step', 'the application is resumed', { timeout: 10000 });
      const flow = widget().flow;
      flow.goToStep(flow.steps.findIndex((step) => step.title === 'Identity document'));
      await widget().updateComplete;
      const front = () =>
        widget().shadowRoot!.querySelector('kyc-question[data-key="id_card_front_side"]')?.shadowRoot?.querySelector('kyc-file-upload') as
          (KycFileUpload & { shadowRoot: ShadowRoot }) | null;
      await waitUntil(() => front()?.matches(':defined'), 'the file chooser', { timeout: 10000 });
      const photo = await syntheticPhoto(3000, 2000, { name: 'front.png', type: 'image/png', seed: 'fresh' });
      // A File of the frame's own realm, as its file dialog would give.
      await front()!.addFiles([new page.File([photo], photo.name, { type: photo.type })]);
      await waitUntil(() => front()!.hasFiles, 'uploaded', { timeout: 10000 });
      expect(front()!.shadowRoot.querySelectorAll('canvas')).to.have.length(1);
      expect(page.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
