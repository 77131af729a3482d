// The liveness step of <kyc-onboarding> with the real @sumsub/websdk pointed (by the sandbox's
// token) at the sandbox's stand-in on another origin.
import { expect, waitUntil } from '@open-wc/testing';
import { SLOW_AFTER_MS } from '../../flow/flow-controller.js';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { fakeClock } from '../../../test/helpers/clock.js';
import { $, advancedBeforeLiveness, englishLeft, heading, primary, widget, type Widget } from '../../../test/helpers/onboarding.js';
import en from '../../translations/en.js';
import { control, injectFault, loggedInClient, logout, platformRequests, type SandboxClient } from '../../../test/helpers/sandbox.js';
import type { KycLiveness } from '../liveness/liveness.js';

const STAND_IN = 'http://127.0.0.1:8765';
const TOKEN_KEY = 'sumsub_liveness_check_token';

let sandbox: SandboxClient;
let uuid: string;

const livenessOf = (el: Widget, key = TOKEN_KEY) =>
  el.shadowRoot.querySelector(`kyc-question[data-key="${key}"]`)?.shadowRoot?.querySelector('kyc-liveness') as
    (KycLiveness & { shadowRoot: ShadowRoot }) | null;

const tokenReads = async () =>
  (await platformRequests(sandbox)).filter((request) => request.method === 'GET' && request.path.includes(`/attributes/${TOKEN_KEY}/`))
    .length;
const applicationReads = async () =>
  (await platformRequests(sandbox)).filter((request) => request.method === 'GET' && request.path.endsWith(`/v1/kyc/${uuid}/`)).length;

async function toLivenessStep(el: Widget): Promise<void> {
  el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === 'Liveness check'));
  await el.updateComplete;
  expect(heading(el)).to.equal('Liveness check');
  await waitUntil(() => livenessOf(el)?.shadowRoot?.querySelector('.frame--ready iframe'), 'the check is ready', { timeout: 10_000 });
}

/** Makes the stand-in post `message` to the page as Sumsub's frame would. */
function emit(el: Widget, message: Record<string, unknown>): void {
  livenessOf(el)!.shadowRoot.querySelector('iframe')!.contentWindow!.postMessage({ method: 'standin.emit', message }, STAND_IN);
}

const pass = () => control('POST', `/sandbox/v1/applications/${uuid}/liveness/`, { result: 'passed' });

describe('<kyc-onboarding> liveness step', () => {
  beforeEach(async () => {
    sandbox = await loggedInClient();
    uuid = await advancedBeforeLiveness();
  });
  afterEach(logout);

  it('resumes at the check (the first step not done), reads its token once, and shows the QR code for a phone', async () => {
    const el = await widget({ pollInterval: 60_000 });
    // Issue 15: the first step with something required not done, here the check (it was "not the
    // check" while a tab's memory decided; the token is still read only once the step is shown).
    expect(heading(el)).to.equal('Liveness check');
    await toLivenessStep(el);
    expect(await tokenReads()).to.equal(1);
    await waitUntil(() => livenessOf(el, 'sumsub_liveness_check_url')?.shadowRoot?.querySelector('[part~="qr-code"]'), 'the QR code');
    await expectAccessible(el);
  });

  it("when Sumsub's frame cannot go on, the level's link and its QR code remain a way to take the check", async () => {
    const el = await widget({ pollInterval: 60_000 });
    await toLivenessStep(el);
    emit(el, { method: 'idCheck.onError', code: 'initialization-error' });
    await waitUntil(() => livenessOf(el)?.shadowRoot.querySelector('[part~="retry-button"]'), 'the frame failed');
    expect(livenessOf(el)!.shadowRoot.querySelector('iframe'), 'the frame is gone').to.equal(null);
    const phone = livenessOf(el, 'sumsub_liveness_check_url')!;
    await waitUntil(() => phone.shadowRoot.querySelector('[part~="qr-code"]'), 'the QR code');
    const link = phone.shadowRoot.querySelector<HTMLAnchorElement>('[part~="link"]')!;
    expect(new URL(link.href).origin, "Sumsub's page (here the sandbox's stand-in)").to.equal(STAND_IN);
    await expectAccessible(el);
  });

  it('Continue does not skip a required check that is not done: the summary says so, on the step', async () => {
    const el = await widget({ pollInterval: 60_000 });
    await toLivenessStep(el);
    primary(el).click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Liveness check');
    const summary = $(el, '#error-summary')!;
    expect(summary.textContent).to.contain(en.livenessRequired);
    expect(el.shadowRoot.activeElement ?? document.activeElement).to.equal(summary);
    await expectAccessible(el);
  });

  it('moves on only when the platform says the check is done, not when Sumsub says the person finished', async () => {
    const clock = fakeClock();
    const el = await widget({ pollInterval: 60_000, clock });
    await toLivenessStep(el);
    const base = clock.delays.filter((ms) => ms !== 30_000 && ms !== SLOW_AFTER_MS).length;
    const before = await applicationReads();
    emit(el, { method: 'idCheck.onApplicantSubmitted' });
    await waitUntil(async () => (await applicationReads()) > before, 'the platform is asked');
    // The answer is read once the flow sets its next poll again (30 s is the check's own wait, and
    // SLOW_AFTER_MS the first load's "taking long" timer).
    const polls = () => clock.delays.filter((ms) => ms !== 30_000 && ms !== SLOW_AFTER_MS);
    await waitUntil(() => polls().length === base + 1 && clock.pending().length === 1, 'the answer is read');
    expect(heading(el), 'the platform has no result yet').to.equal('Liveness check');
    await pass();
    emit(el, { method: 'idCheck.onApplicantStatusChanged', reviewStatus: 'completed' });
    await waitUntil(() => heading(el) === 'Agreements', 'on to the next step', { timeout: 5000 });
  });

  it('waits for Sumsub’s check on the widget’s clock', async () => {
    const clock = fakeClock();
    const el = await widget({ pollInterval: 60_000, clock });
    await toLivenessStep(el);
    expect(livenessOf(el)!.clock).to.equal(clock);
    expect(clock.delays, 'the 30 s wait for the check, set and ended when it appeared').to.include(30_000);
    expect(clock.pending(), 'only the next poll waits').to.deep.equal([60_000]);
  });

  it('a finish told while the platform is being read is checked again after that read', async () => {
    const el = await widget({ pollInterval: 60_000, clock: fakeClock() });
    await toLivenessStep(el);
    await injectFault(sandbox, { method: 'GET', path_contains: `/v1/kyc/${uuid}/`, delay_ms: 800, times: 1 });
    const before = await applicationReads();
    el.flow.checkNow(); // a read that leaves before the result exists…
    await waitUntil(async () => (await applicationReads()) > before, 'the read reached the platform');
    await pass();
    emit(el, { method: 'idCheck.onApplicantSubmitted' }); // …and Sumsub's finish while it is out
    await waitUntil(() => heading(el) === 'Agreements', 'on to the next step', { timeout: 4000 });
  });

  it('checks again when the person comes back to the tab (the check taken on a phone)', async () => {
    const clock = fakeClock();
    const el = await widget({ pollInterval: 60_000, clock });
    await toLivenessStep(el);
    const before = await applicationReads();
    await pass();
    // Nothing asks until the next poll, a minute away on a clock that does not move.
    expect(clock.pending()).to.deep.equal([60_000]);
    expect(await applicationReads(), 'nothing asked yet').to.equal(before);
    expect(heading(el)).to.equal('Liveness check');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => heading(el) === 'Agreements', 'on to the next step', { timeout: 5000 });
  });

  it('finds out by polling, with nothing said by Sumsub or the tab (the check taken on a phone)', async () => {
    const el = await widget({ pollInterval: 100 });
    await toLivenessStep(el);
    await pass();
    await waitUntil(() => heading(el) === 'Agreements', 'on to the next step', { timeout: 5000 });
  });

  it('on a platform whose application read says nothing of the result (as the guide shows it), asks the attribute itself', async () => {
    await logout();
    sandbox = await loggedInClient({ liveness: 'source' });
    uuid = await advancedBeforeLiveness();
    const el = await widget({ pollInterval: 100 });
    await toLivenessStep(el);
    await pass();
    await waitUntil(() => heading(el) === 'Agreements', 'on to the next step', { timeout: 5000 });
    const renewals = (await platformRequests(sandbox)).filter(
      (request) =>
        request.path.includes(`/attributes/${TOKEN_KEY}/`) &&
        (request as { query?: Record<string, string> }).query?.['ttl_renew'] === 'true',
    );
    expect(renewals, 'the token is never renewed to ask').to.have.length(0);
  });

  it('the review marks a skipped check "not done" with a link to it, and Send waits for it', async () => {
    const el = await widget({ pollInterval: 60_000 });
    el.flow.review();
    await el.updateComplete;
    await waitUntil(() => $(el, '#review-missing'), 'what is not done is listed');
    const row = [...el.shadowRoot.querySelectorAll('dl.review > div')].find(
      (div) => div.querySelector('dt')!.textContent.trim() === en.guideLiveness,
    )!;
    expect(row.querySelector('.answer')!.textContent.trim()).to.equal(en.notDone);
    const missing = [...$(el, '#review-missing')!.querySelectorAll('li')].map((li) => li.textContent.trim());
    expect(missing).to.include(en.guideLiveness);
    const send = primary(el);
    expect(send.getAttribute('aria-disabled'), 'Send waits for what is missing').to.equal('true');
    expect(send.getAttribute('aria-describedby')).to.equal('review-missing');
    await expectAccessible(el);
    send.click(); // still focusable and said; pressed, it shows what is missing, and nothing is sent
    await el.updateComplete;
    expect(el.shadowRoot.activeElement).to.equal($(el, '#review-missing'));
    expect(el.flow.screen.name).to.equal('review');

    const link = [...$(el, '#review-missing')!.querySelectorAll('button')].find(
      (button) => button.textContent.trim() === en.guideLiveness,
    )!;
    link.click();
    await waitUntil(() => heading(el) === 'Liveness check', 'the link leads to the check');
  });

  it('the liveness step in German has no English left', async () => {
    const el = await widget({ pollInterval: 60_000, lang: 'de' });
    el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === 'Liveness check'));
    await el.updateComplete;
    await waitUntil(() => livenessOf(el)?.shadowRoot?.querySelector('.frame--ready iframe'), 'the check is ready', { timeout: 10_000 });
    expect(await englishLeft(el, 'de')).to.deep.equal([]);
  });

  it('a passed check shows as done when the person comes back to its step', async () => {
    await pass();
    const el = await widget({ pollInterval: 60_000 });
    el.flow.goToStep(el.flow.steps.findIndex((step) => step.title === 'Liveness check'));
    await el.updateComplete;
    const question = el.shadowRoot.querySelector(`kyc-question[data-key="${TOKEN_KEY}"]`)!;
    await waitUntil(() => question.shadowRoot?.textContent?.includes('Done'), 'done');
    expect(livenessOf(el) === null, 'no check launched again').to.equal(true);
  });
});
