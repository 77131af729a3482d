// The widget on a page served with the demo's strict Content-Security-Policy (test/csp/widget.html,
// web-test-runner.config.mjs), in a frame of the test page; the page records every violation.
import { waitUntil } from '@open-wc/testing';
import type { KycOnboarding } from '../../src/components/onboarding/onboarding.js';

/** The widget on a page served with the strict policy (in a frame of the test page), once it loaded. */
export async function strictPage() {
  const frame = document.createElement('iframe');
  // As wide as a desk's screen: there the liveness link comes with its QR code, which is drawn too.
  frame.width = '1024';
  frame.height = '768';
  frame.allow = 'camera'; // the document camera's tests (test/camera/)
  frame.src = '/test/csp/widget.html';
  document.body.append(frame);
  await waitUntil(() => frame.contentDocument?.querySelector('kyc-onboarding'), 'the page loads', { timeout: 10000 });
  const page = frame.contentWindow as Window & { cspViolations: string[]; File: typeof File };
  const widget = () => frame.contentDocument!.querySelector('kyc-onboarding') as KycOnboarding;
  return { frame, page, widget };
}
