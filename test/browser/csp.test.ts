import { expect, waitUntil } from '@open-wc/testing';
import type { KycOnboarding } from '../../src/components/onboarding/onboarding.js';
import { loggedInClient, logout } from '../helpers/sandbox.js';

describe('<kyc-onboarding> under a strict Content-Security-Policy', () => {
  after(logout);

  it('renders and runs with no violation (no inline style or script, no eval, Trusted Types required)', async () => {
    await loggedInClient();
    const frame = document.createElement('iframe');
    frame.src = '/test/csp/widget.html';
    document.body.append(frame);
    try {
      await waitUntil(() => frame.contentDocument?.querySelector('kyc-onboarding'), 'the page loads', { timeout: 10000 });
      const page = frame.contentWindow as Window & { cspViolations: string[] };
      const widget = () => frame.contentDocument!.querySelector('kyc-onboarding') as KycOnboarding;
      await waitUntil(() => widget().flow?.screen.name === 'levels', 'the widget reaches the level choice', { timeout: 10000 });
      await waitUntil(() => widget().shadowRoot!.querySelector('#heading')!.textContent!.includes('Verifizierungsstufe'), 'German arrives', { timeout: 10000 });
      expect(page.cspViolations).to.deep.equal([]);
      const policy = await fetch('/test/csp/widget.html').then((response) => response.headers.get('content-security-policy'));
      expect(policy).to.contain("require-trusted-types-for 'script'").and.contain("style-src 'self'").and.not.contain('unsafe');
    } finally {
      frame.remove();
    }
  });
});
