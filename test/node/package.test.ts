import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KycApplicationQuestion } from '../../src/index.js';

describe('package entries', () => {
  test('the browser entries import in Node without a window or document (SSR frameworks)', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const entry = await import('../../src/index.js');
    assert.equal(typeof entry.createKycClient, 'function');
    assert.equal(typeof entry.KycApiError, 'function');
    assert.equal(typeof entry.KycOnboarding, 'function');
    // The API's question object keeps a name of its own next to the element class KycQuestion (type-checked).
    const question: Pick<KycApplicationQuestion, 'title'> = { title: 'Passport' };
    assert.equal(question.title, 'Passport');
    // Lit's Node build provides a stand-in `customElements` registry: the registering entry defines
    // the element there, and still touches no window or document.
    const registering = await import('../../src/kyc-onboarding.js');
    assert.equal(registering.createKycClient, entry.createKycClient);
    const cdn = await import('../../src/cdn.js'); // the CDN bundle's entry, server-side imported as well
    assert.equal(cdn.KycOnboarding, entry.KycOnboarding);
    assert.equal(cdn.defineKycElements, entry.defineKycElements);
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined', 'no window made');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined', 'no document made');
  });
});
