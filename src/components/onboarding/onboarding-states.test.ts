// <kyc-onboarding> in the states around the questionnaire: where the person is (progress), the
// choice of how a code comes and a new code, failures while saving, the review's polling,
// resuming and naming an application, a new application after a rejection, and a language
// switched at run time. Against the real chain (proxy → sandbox) like onboarding.test.ts.
import { expectAccessible } from '../../../test/helpers/axe.js';
import { record, stopRecording } from '../../../test/helpers/events.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SLOW_AFTER_MS } from '../../flow/flow-controller.js';
import { sendKeys } from '@web/test-runner-commands';
import { answersOf, fillBasic } from '../../../test/helpers/kyc.js';
import {
  $,
  applicationOf,
  basicInReview,
  composedTexts,
  englishLeft,
  expectHeadingFocused,
  fillPersonal,
  heading,
  pick,
  primary,
  proceed,
  promptOf,
  question,
  renderedTree,
  settled,
  startLevel,
  type,
  widget,
  type Widget,
} from '../../../test/helpers/onboarding.js';
import {
  completeReview,
  countRequests,
  ENDPOINT,
  injectFault,
  loggedInBlockedClient,
  loggedInClient,
  logout,
  setStatus,
  SIGN_CODE,
  signCodeSends,
  type SandboxClient,
} from '../../../test/helpers/sandbox.js';
import { createKycClient } from '../../api/index.js';
import de from '../../translations/de.js';
import en from '../../translations/en.js';
import { fakeClock } from '../../../test/helpers/clock.js';

const api = () => createKycClient({ endpoint: ENDPOINT });

/** Answers the Basic level's first step with the keyboard. */
async function answerPersonalData(el: Widget): Promise<void> {
  expect(heading(el)).to.equal('Personal data');
  await fillPersonal(el);
}

/** The answers of the first step are still in their fields, as typed. */
async function expectPersonalDataKept(el: Widget): Promise<void> {
  for (const [key, value] of [
    ['first_name', 'Jane'],
    ['last_name', 'Doe'],
  ] as const) {
    const field = question(el, key);
    await field.updateComplete;
    expect(field.value, key).to.equal(value);
    expect(field.shadowRoot!.querySelector('input')!.value, `the field of ${key}`).to.equal(value);
  }
}

describe('<kyc-onboarding> states', () => {
  let client: SandboxClient;
  beforeEach(async () => {
    client = await loggedInClient();
  });
  afterEach(async () => {
    stopRecording();
    await logout();
  });

  it('says a first load that takes long after 10 s, announced, and lets the person stop waiting', async () => {
    await injectFault(client, { method: 'GET', path_contains: '/v1/clients/kyc-level-info/', kind: 'hang' });
    const errors = record<{ code: string }>('kyc-error');
    const clock = fakeClock();
    const el = await fixture<Widget>(html`<kyc-onboarding endpoint=${ENDPOINT} lang="en" .clock=${clock}></kyc-onboarding>`);
    await waitUntil(() => clock.pending().length === 1, 'the "taking long" timer is set');
    expect(clock.pending()).to.deep.equal([SLOW_AFTER_MS]);
    const region = $(el, '[part~="body"][role="status"]')!;
    expect(region.textContent.trim(), 'nothing said yet').to.equal('');
    await clock.next();
    await el.updateComplete;
    expect(heading(el)).to.equal(en.loading);
    expect(region.textContent.trim(), 'said in the region that was there').to.equal(en.loadingSlow);
    const stop = $<HTMLButtonElement>(el, '[part~="button-cancel"]')!;
    expect(stop.textContent.trim()).to.equal(en.stopWaiting);
    await expectAccessible(el);
    stop.click();
    await el.updateComplete;
    expect(heading(el)).to.equal(en.errorSummaryTitle);
    expect(primary(el).textContent.trim()).to.equal(en.retry);
    expect(errors.map((error) => error.code)).to.deep.equal(['timeout']);
    primary(el).click();
    await waitUntil(() => el.flow.screen.name === 'levels', 'Try again loads');
    await el.updateComplete;
    expect(heading(el)).to.equal(en.chooseLevelTitle);
  });

  it("reads a platform's own status words through its profile; without one, says so and keeps a way on", async () => {
    await logout();
    await loggedInClient({ statuses: 'foreign' });
    const el = await widget();
    await startLevel(el, 'Basic');
    await waitUntil(() => heading(el) === en.unknownStatusTitle, 'the status "opened" means nothing to the widget');
    expect(composedTexts(el.shadowRoot).join(' ')).to.contain('opened');
    expect(primary(el).textContent.trim()).to.equal(en.retry);
    await expectAccessible(el);
    el.platform = { statuses: { opened: 'draft', checking: 'in_review', returned: 'pending', passed: 'approved', declined: 'rejected' } };
    await waitUntil(() => heading(el) === 'Personal data', 'the profile says "opened" is a draft');
  });

  it('shows "Step 2 of 3", every step title in order, the current step marked and the earlier one done', async () => {
    const uuid = await applicationOf('Basic');
    await api().updateApplication(uuid, [
      { key: 'first_name', value: 'Jane' },
      { key: 'last_name', value: 'Doe' },
      { key: 'date_of_birth', value: '1990-01-01' },
      { key: 'citizenship', value: 'LV' },
    ]);
    const el = await widget();
    expect(heading(el)).to.equal('Contact details');
    const progress = $(el, '[part~="progress"]')!;
    expect(progress.getAttribute('aria-label')).to.equal(en.stepsLabel);
    const counter = [...progress.querySelectorAll('p')].find((p) => p.textContent.trim() === 'Step 2 of 3');
    expect(counter, '"Step 2 of 3" in the progress').to.exist;
    expect(counter!.checkVisibility(), 'the counter is visible').to.equal(true);
    const items = () => [...progress.querySelectorAll('li')];
    expect(items().map((li) => li.textContent.trim())).to.deep.equal(['Personal data', 'Contact details', 'Agreements']);
    expect(items().map((li) => li.getAttribute('aria-current'))).to.deep.equal(['false', 'step', 'false']);
    expect(items().map((li) => li.classList.contains('done'))).to.deep.equal([true, false, false]);
    // Done is seen as a check mark before the title.
    expect(getComputedStyle(items()[0], '::before').content).to.contain('✓');
    expect(getComputedStyle(items()[1], '::before').content).to.not.contain('✓');

    $<HTMLButtonElement>(el, '[part~="button-back"]')!.click();
    await settled(el);
    const back = $(el, '[part~="progress"]')!;
    expect(composedTexts(back)).to.include('Step 1 of 3');
    expect([...back.querySelectorAll('li')].map((li) => li.getAttribute('aria-current'))).to.deep.equal(['step', 'false', 'false']);
    expect(back.querySelectorAll('li.done')).to.have.length(0);
  });

  it('lets the person choose e-mail for the code, send a new one after the countdown, and saves the signed step', async () => {
    const kyc = api();
    const uuid = await applicationOf('Standard');
    await fillBasic(kyc, uuid); // personal data, contacts (signed), agreements
    await kyc.updateApplication(uuid, [
      { key: 'country_of_residence', value: 'LV' },
      { key: 'city', value: 'Riga' },
      { key: 'address', value: 'Brivibas iela 1' },
    ]);
    const el = await widget();
    expect(heading(el)).to.equal('Financial profile');
    await pick(el, 'employment_status', 'Retired');
    await pick(el, 'source_of_funds', 'Salary');
    await type(el, 'annual_income', '50000');
    const before = await signCodeSends(uuid);
    await proceed(el); // is_pep (unticked: "false") is signed by SMS or e-mail

    const prompt = await promptOf(el);
    prompt.resendDelay = 1;
    const root = prompt.shadowRoot!;
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"][name="provider"]')];
    expect(radios.map((radio) => radio.closest('label')!.textContent.trim())).to.deep.equal([en.providerSms, en.providerEmail]);
    expect(radios.map((radio) => radio.checked)).to.deep.equal([true, false]);
    radios[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await prompt.updateComplete;
    expect(radios.map((radio) => radio.checked)).to.deep.equal([false, true]);
    expect(composedTexts(root).join(' ')).to.contain('jane@example.com');
    root.querySelector<HTMLButtonElement>('[part~="button-send"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(await signCodeSends(uuid), 'one code sent by e-mail').to.deep.equal({ sms: before['sms'], email: before['email'] + 1 });

    const resend = () => root.querySelector<HTMLButtonElement>('[part~="button-resend"]')!;
    await prompt.updateComplete;
    expect(resend().disabled, 'no new code during the countdown').to.equal(true);
    const countdown = root.querySelector<HTMLElement>('#countdown')!;
    expect(countdown.textContent.trim()).to.equal('You can ask for a new code in 1 second.');
    expect(countdown.checkVisibility(), 'the countdown is visible').to.equal(true);
    await waitUntil(() => !resend().disabled, 'the countdown ends', { timeout: 3000 });
    expect(root.querySelector('#countdown'), 'no countdown once a new code may be asked for').to.equal(null);
    resend().focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(await signCodeSends(uuid), 'a second code by e-mail').to.deep.equal({ sms: before['sms'], email: before['email'] + 2 });
    await prompt.updateComplete;
    expect(composedTexts(root)).to.include(en.codeSentAgain);

    const code = root.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
    code.focus();
    await sendKeys({ type: SIGN_CODE });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(el.flow.signature).to.equal(null);
    expect(heading(el)).to.equal('Identity document');
    const stored = answersOf(await kyc.getApplication(uuid));
    expect(stored).to.include({ employment_status: 'retired', source_of_funds: 'salary', is_pep: 'false' });
    expect(Number(stored['annual_income'])).to.equal(50000);
  });

  it('says a save met a network failure in an alert, reports one kyc-error "network", and keeps the answers', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    await answerPersonalData(el);
    const errors = record<{ code: string }>('kyc-error');
    const original = window.fetch;
    let broken = 0;
    // Only the save breaks, as when the connection drops: fetch rejects with a TypeError.
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      if (method === 'PATCH' && url.includes('/v1/kyc/')) {
        broken += 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return original.call(window, input, init);
    };
    try {
      await proceed(el);
    } finally {
      window.fetch = original;
    }
    expect(broken, 'the save was attempted').to.be.greaterThan(0);
    expect(heading(el)).to.equal('Personal data');
    const notice = $(el, '#notice')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent.trim()).to.equal(en.errorNetwork);
    expect(errors.map((error) => error.code)).to.deep.equal(['network']);
    await expectAccessible(el);
    await expectPersonalDataKept(el);
    expect(await countRequests(client, 'PATCH'), 'nothing reached the platform').to.equal(0);

    await proceed(el);
    expect(heading(el)).to.equal('Contact details');
    expect(errors, 'no further error').to.have.length(1);
  });

  it('says a save timed out in an alert, reports one kyc-error "timeout", and keeps the answers', async () => {
    const el = await widget();
    await startLevel(el, 'Basic');
    const uuid = el.flow.application!.uuid;
    // A timeout is the client's own time limit running out (src/api/http.ts), 30 s in the widget
    // with no attribute to change it: the flow gets the same client with a limit of 400 ms, and
    // the platform answers the save only after 3 s (a 503, so nothing is stored meanwhile).
    await el.flow.start(createKycClient({ endpoint: ENDPOINT, timeoutMs: 400 }), { applicationUuid: uuid, pollIntervalMs: 40 });
    await settled(el);
    await answerPersonalData(el);
    await injectFault(client, { method: 'PATCH', path_contains: uuid, delay_ms: 3000, status: 503 });
    const errors = record<{ code: string }>('kyc-error');
    await proceed(el);
    expect(heading(el)).to.equal('Personal data');
    const notice = $(el, '#notice')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent.trim()).to.equal(en.errorTimeout);
    expect(errors.map((error) => error.code)).to.deep.equal(['timeout']);
    await expectPersonalDataKept(el);

    await proceed(el);
    expect(heading(el)).to.equal('Contact details');
    expect(errors, 'no further error').to.have.length(1);
  });

  it('asks for the review result less and less often while nothing changes', async () => {
    const uuid = await basicInReview();
    const clock = fakeClock();
    const el = await widget({ pollInterval: 100, clock });
    expect(el.flow.screen.name).to.equal('waiting');
    const reads = () => countRequests(client, 'GET', `/v1/kyc/${uuid}/`);
    expect(await reads(), 'the load').to.equal(1);
    for (let poll = 1; poll <= 6; poll += 1) {
      expect(await clock.next(), `poll ${poll} is scheduled`).to.equal(true);
      await waitUntil(async () => clock.pending().length === 1 && (await reads()) === 1 + poll, `poll ${poll} answered, the next one set`);
    }
    el.remove();
    // The first load's "taking long" timer (ended by the load), then ×1.5 per poll that found
    // nothing new, from the first interval.
    expect(clock.delays).to.deep.equal([SLOW_AFTER_MS, 100, 150, 225, 337.5, 506.25, 759.375, 1139.0625]);
    expect(clock.pending(), 'a widget removed asks nothing more').to.deep.equal([]);
  });

  it('resumes an application in review on load, asking nothing, and shows the approval once it comes', async () => {
    const uuid = await basicInReview();
    const ready = record<{ applicationUuid: string; status: string }>('kyc-ready');
    const completed = record<{ applicationUuid: string; status: string }>('kyc-complete');
    const clock = fakeClock();
    const el = await widget({ clock });
    expect(heading(el)).to.equal(en.inReviewTitle);
    expect(composedTexts(el.shadowRoot)).to.include(en.inReviewBody);
    expect(el.shadowRoot.querySelectorAll('kyc-question, kyc-signature-prompt, input, textarea, select, button')).to.have.length(0);
    expect(ready).to.have.length(1);
    expect(ready[0]).to.include({ applicationUuid: uuid, status: 'in_review' });

    await setStatus(uuid, 'approved');
    expect(await clock.next(), 'the next poll').to.equal(true);
    await waitUntil(() => heading(el) === en.approvedTitle, 'the approval', { timeout: 5000 });
    expect(composedTexts(el.shadowRoot)).to.include(en.approvedBody);
    // A decision ends the polling: no timer is left that could ask, or announce, again.
    expect(clock.pending()).to.deep.equal([]);
    expect(completed).to.have.length(1);
    expect(completed[0]).to.include({ applicationUuid: uuid, status: 'approved' });
  });

  it('keeps the focus in a date field while the person types over a date already given', async () => {
    await applicationOf('Basic');
    const el = await widget();
    await settled(el);
    await type(el, 'date_of_birth', '01011985');
    await type(el, 'first_name', 'Jane');
    const field = question(el, 'date_of_birth');
    field.focus();
    await sendKeys({ type: '04121990' });
    await settled(el);
    // The focus rescue is deferred to the next task (a setTimeout of 0, set before this one): once
    // this task runs, it has run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const active = document.activeElement === el && el.shadowRoot.activeElement === field;
    expect(active, 'the date field keeps the focus').to.equal(true);
    expect(field.value).to.equal('1990-04-12');
  });

  it("shows the reviewer's comment on the review when the application comes back without remarks", async () => {
    const uuid = await basicInReview();
    await setStatus(uuid, 'pending', 'Please check the spelling of your street.');
    const el = await widget();
    await settled(el);
    // Every answer is given: the person lands on the review, which says why they are there.
    expect(heading(el)).to.equal(en.reviewTitle);
    const texts = composedTexts(el.shadowRoot);
    expect(texts).to.include(en.pendingTitle);
    expect(texts).to.include(en.pendingBodyNoRemarks);
    expect(texts).to.include('Please check the spelling of your street.');
    expect(texts).not.to.include(en.pendingBody);
    await expectAccessible(el);
  });

  it('shows a decision at once when the host calls refresh(), without waiting for the next poll', async () => {
    const uuid = await basicInReview();
    const clock = fakeClock();
    const el = await widget({ pollInterval: 60_000, clock });
    await settled(el);
    expect(heading(el)).to.equal(en.inReviewTitle);
    expect(clock.pending(), 'the next poll, a minute away').to.deep.equal([60_000]);
    const reads = () => countRequests(client, 'GET', `/kyc/${uuid}/`);
    const before = await reads();
    await setStatus(uuid, 'approved');
    el.refresh();
    await waitUntil(() => heading(el) === en.approvedTitle, 'the approval', { timeout: 3000 });
    expect(clock.pending(), 'no poll left to ask again').to.deep.equal([]);
    expect((await reads()) - before, 'one read of the application').to.equal(1);
  });

  it("shows the application named by application-uuid, and the client's last one without it", async () => {
    const older = await applicationOf('Basic');
    await setStatus(older, 'rejected', 'The photo of your document is not readable.');
    const newer = await applicationOf('Basic');
    expect((await api().getLevelInfo()).lastKycApplicationUuid).to.equal(newer);

    const named = await widget({ applicationUuid: older });
    expect(named.flow.application?.uuid).to.equal(older);
    expect(heading(named)).to.equal(en.rejectedTitle);
    expect(composedTexts(named.shadowRoot)).to.include('The photo of your document is not readable.');
    // An application is open: no new one is offered.
    expect($(named, '[part~="button-continue"]')).to.equal(null);
    named.remove();

    const last = await widget();
    expect(last.flow.application?.uuid).to.equal(newer);
    expect(heading(last)).to.equal('Personal data');
  });

  it('shows the approval of an application named by application-uuid instead of offering the next level', async () => {
    const approved = await applicationOf('Basic');
    await setStatus(approved, 'approved');
    const unnamed = await widget();
    expect(heading(unnamed), 'without the attribute, the next level is offered').to.equal(en.chooseLevelTitle);
    unnamed.remove();

    const el = await widget({ applicationUuid: approved });
    expect(heading(el)).to.equal(en.approvedTitle);
    expect(composedTexts(el.shadowRoot)).to.include(en.approvedBody);
    expect(el.shadowRoot.querySelectorAll('input[name="level"]')).to.have.length(0);
  });

  it('starts a new application from a final rejection with the keyboard, with the level choice focused', async () => {
    const rejected = await applicationOf('Basic');
    await setStatus(rejected, 'in_review');
    await completeReview(rejected, {
      reviewAnswer: 'RED',
      reviewRejectType: 'FINAL',
      rejectLabels: ['FORGERY'],
      moderationComment: 'We could not verify your identity.',
    });
    const el = await widget();
    expect(heading(el)).to.equal(en.rejectedTitle);
    expect(composedTexts(el.shadowRoot)).to.include('We could not verify your identity.');
    const created = record<{ applicationUuid: string; levelUuid: string }>('kyc-application-create');
    expect(primary(el).textContent.trim()).to.equal(en.startNewApplication);
    primary(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.flow.screen.name === 'levels', 'the level choice');
    await el.updateComplete;
    expectHeadingFocused(el, en.chooseLevelTitle);

    await startLevel(el, 'Basic');
    const fresh = el.flow.application!.uuid;
    expect(fresh).to.not.equal(rejected);
    expect(created).to.have.length(1);
    expect(created[0]).to.include({ applicationUuid: fresh });
    expect((await api().getLevelInfo()).lastKycApplicationUuid).to.equal(fresh);
    expect(heading(el)).to.equal('Personal data');
    for (const key of ['first_name', 'last_name', 'date_of_birth']) {
      const field = question(el, key);
      await field.updateComplete;
      expect(field.value, key).to.equal('');
      expect(field.shadowRoot!.querySelector('input')!.value, `the field of ${key}`).to.equal('');
    }
  });

  // Resumed while in review, the platform said "no new application" (one is open); after the
  // rejection arrives by polling it allows one, and the widget must know.
  it('offers a new application when a final rejection arrives for an application resumed in review', async () => {
    const uuid = await basicInReview();
    const rejections = record<{ canCreateNew: boolean }>('kyc-reject');
    const el = await widget();
    expect(heading(el)).to.equal(en.inReviewTitle);
    await completeReview(uuid, { reviewAnswer: 'RED', reviewRejectType: 'FINAL' });
    await waitUntil(() => heading(el) === en.rejectedTitle, 'the rejection', { timeout: 5000 });
    expect((await api().getLevelInfo()).allowedToCreateKycApplication, 'the platform allows a new one').to.equal(true);
    expect($(el, '[part~="button-continue"]')?.textContent?.trim(), 'the offer of a new application').to.equal(en.startNewApplication);
    expect(rejections).to.have.length(1);
    expect(rejections[0]).to.include({ canCreateNew: true });
  });

  describe('switching the language at run time', () => {
    /** German terms that differ from the English ones. */
    const german = Object.entries(de as Record<string, unknown>)
      .filter(([key, value]) => !key.startsWith('$') && typeof value === 'string' && value !== (en as Record<string, unknown>)[key])
      .map(([, value]) => value as string);

    /** Renders in English, switches `lang` to German, and finds no English catalog text left. */
    async function switchesToGerman(el: Widget): Promise<void> {
      expect(await englishLeft(el, 'de'), 'English catalog strings before the switch').to.not.be.empty;
      el.lang = 'de';
      await waitUntil(() => composedTexts(el.shadowRoot).some((text) => german.includes(text)), 'German texts', {
        timeout: 5000,
      });
      await renderedTree(el);
      expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('de');
      const left = await englishLeft(el, 'de');
      expect(left, 'English catalog strings after the switch').to.deep.equal([]);
    }

    // The root's polite live region (#status) announced the English heading on the first render;
    // after a switch to German it must not keep English words in a section marked lang="de".
    it('leaves no English in the announcement region after the switch', async () => {
      const uuid = await applicationOf('Basic');
      await setStatus(uuid, 'approved');
      const el = await widget({ applicationUuid: uuid });
      expect($(el, '#status')!.textContent).to.equal(en.approvedTitle);
      el.lang = 'de';
      await waitUntil(() => heading(el) === de.approvedTitle, 'the German heading', { timeout: 5000 });
      await renderedTree(el);
      expect(await englishLeft(el, 'de'), 'English catalog strings after the switch').to.deep.equal([]);
    });

    it('on the approval', async () => {
      const uuid = await applicationOf('Basic');
      await setStatus(uuid, 'approved');
      const el = await widget({ applicationUuid: uuid });
      expect(heading(el)).to.equal(en.approvedTitle);
      await switchesToGerman(el);
      expect(heading(el)).to.equal(de.approvedTitle);
    });

    it('on the rejection, with its comment and the offer of a new application', async () => {
      const uuid = await applicationOf('Basic');
      await setStatus(uuid, 'rejected', 'The photo of your document is not readable.');
      const el = await widget();
      expect(heading(el)).to.equal(en.rejectedTitle);
      expect(primary(el)).to.exist;
      await switchesToGerman(el);
      expect(heading(el)).to.equal(de.rejectedTitle);
      expect(primary(el).textContent.trim()).to.equal(de.startNewApplication);
    });

    it('on an unknown status', async () => {
      const uuid = await applicationOf('Basic');
      await setStatus(uuid, 'frozen_by_compliance');
      const el = await widget();
      expect(heading(el)).to.equal(en.unknownStatusTitle);
      await switchesToGerman(el);
      expect(heading(el)).to.equal(de.unknownStatusTitle);
      expect(composedTexts(el.shadowRoot).join(' ')).to.contain('frozen_by_compliance');
    });

    it('on an application returned for correction, with the comment and a remark', async () => {
      const uuid = await applicationOf('Basic');
      await fillBasic(api(), uuid);
      await setStatus(uuid, 'in_review');
      await setStatus(uuid, 'pending', 'Your last name does not match your document.', {
        last_name: ['Spell it exactly as in your identity document.'],
      });
      const el = await widget();
      expect(heading(el)).to.equal('Personal data');
      expect(composedTexts(el.shadowRoot)).to.include(en.pendingTitle);
      await switchesToGerman(el);
      expect(composedTexts(el.shadowRoot)).to.include(de.pendingTitle);
      expect(composedTexts(el.shadowRoot)).to.include('Spell it exactly as in your identity document.');
    });

    it('when loading failed', async () => {
      await injectFault(client, { path_contains: 'kyc-level-info', status: 500, times: 10 });
      const el = await widget();
      expect(el.flow.screen.name).to.equal('failed');
      await switchesToGerman(el);
      expect(primary(el).textContent.trim()).to.equal(de.retry);
    });

    it('when no application may be made', async () => {
      await loggedInBlockedClient();
      const el = await widget();
      expect(heading(el)).to.equal(en.notAllowedTitle);
      await switchesToGerman(el);
      expect(heading(el)).to.equal(de.notAllowedTitle);
    });
  });
});
