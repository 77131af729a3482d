import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createKycClient, type KycAttribute } from '../../api/index.js';
import { answersOf } from '../../../test/helpers/kyc.js';
import { fakeClock } from '../../../test/helpers/clock.js';
import type { KycClock } from '../../internal/clock.js';
import {
  ENDPOINT,
  injectFault,
  loggedInClient,
  login,
  logout,
  setStatus,
  SIGN_CODE,
  type SandboxClient,
} from '../../../test/helpers/sandbox.js';
import { FlowController, signatureGroups } from './flow-controller.js';

class FlowHost extends LitElement {
  readonly flow = new FlowController(this);
  readonly events: { type: string; detail: unknown }[] = [];
  constructor() {
    super();
    for (const type of [
      'kyc-ready',
      'kyc-level-select',
      'kyc-application-create',
      'kyc-step-change',
      'kyc-save',
      'kyc-signature-request',
      'kyc-submit',
      'kyc-status-change',
      'kyc-complete',
      'kyc-reject',
      'kyc-error',
    ]) {
      this.addEventListener(type, (event) => this.events.push({ type, detail: (event as CustomEvent).detail }));
    }
  }
  eventsOf(type: string): unknown[] {
    return this.events.filter((event) => event.type === type).map((event) => event.detail);
  }
}
customElements.define('test-flow-host', FlowHost);

/** A host whose flow has started for the logged-in client. */
async function startedFlow(options: { applicationUuid?: string; pollIntervalMs?: number; clock?: KycClock } = {}) {
  const host = await fixture<FlowHost>(html`<test-flow-host></test-flow-host>`);
  const client = createKycClient({ endpoint: ENDPOINT, retry: { retries: 0 } });
  await host.flow.start(client, { pollIntervalMs: 30, ...options });
  return { host, flow: host.flow, client };
}

/** A started flow whose client passes every request on, keeping the bodies of its PATCHes. */
async function flowRecordingPatches(): Promise<{ host: FlowHost; sent: string[] }> {
  const sent: string[] = [];
  const host = await fixture<FlowHost>(html`<test-flow-host></test-flow-host>`);
  const recording: typeof fetch = async (input, init) => {
    if (init?.method === 'PATCH') sent.push(String(init.body));
    return fetch(input, init);
  };
  await host.flow.start(createKycClient({ endpoint: ENDPOINT, fetch: recording }), {});
  return { host, sent };
}

function attribute(key: string, signProviders: string[]): KycAttribute {
  return {
    key,
    type: 'string',
    value: null,
    verification: null,
    additionalInfo: null,
    required: false,
    readOnly: false,
    signProviders,
    errors: [],
  };
}

const PERSONAL = { first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-01-01', citizenship: 'LV' };

async function chooseBasic(flow: FlowController): Promise<void> {
  expect(flow.screen.name).to.equal('levels');
  const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
  await flow.selectLevel(levels.find((level) => level.name === 'Basic')!.uuid);
}

function answer(flow: FlowController, values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) flow.setAnswer(key, value);
}

/** Signs the pending request: a code per group, the sandbox's code unless `wrong`. */
async function sign(flow: FlowController, wrong?: string): Promise<void> {
  while (flow.signature) {
    const request = flow.signature;
    const provider = request.groups[request.index][0];
    expect(await flow.sendCode(provider)).to.equal(true);
    const last = request.index === request.groups.length - 1;
    await flow.confirmCode(last && wrong ? wrong : SIGN_CODE);
    if (last && wrong) return;
  }
}

/** Saves Basic's personal data and answers its contacts: the save waits for their codes. */
async function toContactCodes(flow: FlowController): Promise<void> {
  answer(flow, PERSONAL);
  await flow.continue();
  answer(flow, { email: 'jane@example.com', phone: '+37120000009' });
  await flow.continue();
}

/** Fills and saves the three Basic steps, ending on the review. */
async function fillBasic(flow: FlowController): Promise<void> {
  await toContactCodes(flow);
  await sign(flow);
  const client = createKycClient({ endpoint: ENDPOINT });
  const [terms] = await client.getLegalDocuments('terms_of_service');
  const [privacy] = await client.getLegalDocuments('privacy_policy');
  answer(flow, { terms_of_service: terms.uuid, privacy_policy: privacy.uuid });
  await flow.continue();
}

describe('signatureGroups', () => {
  it('asks one code per provider that some answer takes alone, and one of the shared ones otherwise', () => {
    expect(signatureGroups([attribute('a', [])])).to.deep.equal([]);
    expect(signatureGroups([attribute('email', ['email']), attribute('phone', ['sms'])])).to.deep.equal([['email'], ['sms']]);
    expect(signatureGroups([attribute('pep', ['sms', 'email'])])).to.deep.equal([['sms', 'email']]);
    expect(signatureGroups([attribute('pep', ['sms', 'email']), attribute('phone', ['sms'])])).to.deep.equal([['sms']]);
    expect(signatureGroups([attribute('x', ['push']), attribute('pep', ['email', 'sms'])])).to.deep.equal([['email', 'sms']]);
  });
});

describe('FlowController against the sandbox', () => {
  let sandbox: SandboxClient;
  beforeEach(async () => {
    sandbox = await loggedInClient();
  });
  afterEach(logout);

  it('offers the levels to a new client, and fires kyc-ready without an application', async () => {
    const { host, flow } = await startedFlow();
    expect(flow.screen.name).to.equal('levels');
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    expect(levels.map((level) => level.name)).to.deep.equal(['Basic', 'Standard', 'Advanced']);
    expect(host.eventsOf('kyc-ready')).to.deep.equal([{ applicationUuid: null, levelUuid: null, status: null }]);
  });

  it('explains when the client may create no application and has none to resume', async () => {
    const made = await fetch('/sandbox/v1/clients/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowed_to_create_kyc_application: false }),
    });
    await login((await made.json()) as SandboxClient);
    const { flow } = await startedFlow();
    expect(flow.screen.name).to.equal('not-allowed');
  });

  it('creates the application for the chosen level and opens its first step', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    expect(flow.screen).to.deep.equal({ name: 'step', index: 0 });
    expect(flow.steps.map((step) => step.title)).to.deep.equal(['Personal data', 'Contact details', 'Agreements']);
    const [selected] = host.eventsOf('kyc-level-select') as { levelUuid: string }[];
    expect(host.eventsOf('kyc-application-create')).to.deep.equal([
      { applicationUuid: flow.application!.uuid, levelUuid: selected.levelUuid },
    ]);
  });

  it('saves only the changed answers of the step on Continue, then moves on', async () => {
    const { host, sent } = await flowRecordingPatches();
    const flow = host.flow;
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    flow.setAnswer('middle_name', 'Q');
    flow.setAnswer('middle_name', ''); // typed, then cleared: no change
    await flow.continue();
    expect(flow.screen).to.deep.equal({ name: 'step', index: 1 });
    expect(sent).to.have.length(1);
    expect(JSON.parse(sent[0]).attribute_changes.map((c: { key: string }) => c.key)).to.have.members(Object.keys(PERSONAL));
    expect(flow.drafts.size).to.equal(0);
    expect(host.eventsOf('kyc-save')).to.deep.equal([{ applicationUuid: flow.application!.uuid, keys: Object.keys(PERSONAL) }]);
    flow.back();
    await flow.continue(); // nothing changed: no request
    expect(sent).to.have.length(1);
    expect(flow.screen).to.deep.equal({ name: 'step', index: 1 });
  });

  it('keeps every typed answer when a save fails, reports one kyc-error, and saves on retry', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await injectFault(sandbox, { method: 'PATCH', status: 503 });
    await flow.continue();
    expect(flow.screen).to.deep.equal({ name: 'step', index: 0 });
    expect(flow.notice?.code).to.equal('server');
    expect(Object.fromEntries(flow.drafts)).to.deep.equal(PERSONAL);
    expect(host.eventsOf('kyc-error')).to.have.length(1);
    await flow.continue();
    expect(flow.screen).to.deep.equal({ name: 'step', index: 1 });
    expect(answersOf(flow.application!)).to.include(PERSONAL);
  });

  it('stores an unticked yes/no question as "false" (signed like any change of it)', async () => {
    const { flow } = await startedFlow();
    expect(flow.screen.name).to.equal('levels');
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Standard')!.uuid);
    const finances = flow.steps.findIndex((step) => step.title === 'Financial profile');
    flow.goToStep(finances);
    answer(flow, { employment_status: 'employed', source_of_funds: 'salary', annual_income: '50000' });
    await flow.continue();
    expect(flow.signature?.keys).to.include('is_pep');
    expect(flow.signature?.groups).to.deep.equal([['sms', 'email']]);
    await flow.sendCode('sms', '+37120000009');
    await flow.confirmCode(SIGN_CODE);
    expect(answersOf(flow.application!)['is_pep']).to.equal('false');
  });

  it("maps the platform's validation messages onto the answers they concern", async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, { ...PERSONAL, date_of_birth: '2020-01-01' });
    await flow.continue();
    expect(flow.screen).to.deep.equal({ name: 'step', index: 0 });
    expect(flow.notice?.code).to.equal('validation');
    expect(flow.fieldErrors['date_of_birth']).to.have.length.greaterThan(0);
    flow.setAnswer('date_of_birth', '1990-01-01');
    expect(flow.fieldErrors['date_of_birth']).to.equal(undefined);
  });

  it('signs changed contacts with a code per provider, keeps the answers on a wrong code, and saves with the right one', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await toContactCodes(flow);
    expect(flow.signature?.groups).to.deep.equal([['email'], ['sms']]);
    expect(flow.signature?.destinations).to.deep.equal({ email: 'jane@example.com', sms: '+37120000009' });
    expect(host.eventsOf('kyc-signature-request'), 'no code sent yet').to.deep.equal([]);

    await sign(flow, '000000');
    const keys = ['email', 'phone'];
    const uuid = flow.application!.uuid;
    expect(host.eventsOf('kyc-signature-request'), 'one event per code sent').to.deep.equal([
      { applicationUuid: uuid, provider: 'email', keys },
      { applicationUuid: uuid, provider: 'sms', keys },
    ]);
    expect(JSON.stringify(host.events)).to.not.contain('jane@example.com').and.not.contain('+3712');
    expect(flow.notice?.code).to.equal('signature_invalid');
    expect(flow.signature).to.not.equal(null);
    expect(flow.drafts.get('phone')).to.equal('+37120000009');
    expect(flow.screen).to.deep.equal({ name: 'step', index: 1 });

    await flow.confirmCode(SIGN_CODE);
    expect(flow.signature).to.equal(null);
    expect(flow.screen).to.deep.equal({ name: 'step', index: 2 });
    expect(answersOf(flow.application!)).to.include({ email: 'jane@example.com', phone: '+37120000009' });
  });

  it('after a wrong code for the first of two providers, asks again for that code only', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await toContactCodes(flow);
    expect(flow.signature?.groups).to.deep.equal([['email'], ['sms']]);
    await flow.sendCode('email');
    await flow.confirmCode('000000'); // wrong, found out only when the save is tried
    await flow.sendCode('sms');
    await flow.confirmCode(SIGN_CODE);
    expect(flow.notice?.code).to.equal('signature_invalid');
    expect(flow.signature).to.include({ index: 0, sentWith: 'email' });
    expect(flow.signature!.codes).to.deep.equal({ sms: SIGN_CODE });

    await flow.sendCode('email'); // a fresh code (the sandbox takes it after a send)
    await flow.confirmCode(SIGN_CODE);
    expect(flow.signature, 'the SMS code is not asked again').to.equal(null);
    expect(flow.screen).to.deep.equal({ name: 'step', index: 2 });
    expect(answersOf(flow.application!)).to.include({ email: 'jane@example.com', phone: '+37120000009' });
    expect(host.eventsOf('kyc-signature-request').map((e) => (e as { provider: string }).provider)).to.deep.equal([
      'email',
      'sms',
      'email',
    ]);
  });

  it('a submission with answers typed but not stored takes the person to their step and says so', async () => {
    const { host, sent } = await flowRecordingPatches();
    const { flow } = host;
    await chooseBasic(flow);
    await fillBasic(flow);
    expect(flow.screen.name).to.equal('review');
    flow.goToStep(0); // "Change" on the review…
    flow.setAnswer('first_name', 'Janet');
    flow.review(); // …and back to the review without Continue
    const patches = sent.length;
    await flow.submit();
    expect(flow.screen).to.deep.equal({ name: 'step', index: 0 });
    expect(flow.unsavedAnswers).to.equal(true);
    expect(host.eventsOf('kyc-submit')).to.deep.equal([]);
    expect(flow.application!.status).to.equal('draft');

    await flow.continue();
    expect(flow.unsavedAnswers).to.equal(false);
    expect(sent.slice(patches)).to.have.length(1);
    expect(answersOf(flow.application!)['first_name']).to.equal('Janet');
    flow.review();
    await flow.submit();
    expect(flow.screen.name).to.equal('waiting');
  });

  it('a signature request cancelled while its code is on the way stays closed', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await toContactCodes(flow);
    const sending = flow.sendCode('email');
    flow.cancelSignature();
    expect(await sending).to.equal(false);
    expect(flow.signature).to.equal(null);
    expect(flow.drafts.get('email')).to.equal('jane@example.com');
  });

  it('sends to review, polls, and ends approved with kyc-complete once', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    expect(flow.screen.name).to.equal('review');
    await flow.submit();
    expect(flow.screen.name).to.equal('waiting');
    expect(host.eventsOf('kyc-submit')).to.deep.equal([{ applicationUuid: flow.application!.uuid }]);
    await setStatus(flow.application!.uuid, 'approved');
    await waitUntil(() => flow.screen.name === 'outcome', 'the poll sees the approval', { timeout: 5000 });
    expect(flow.screen).to.deep.equal({ name: 'outcome', status: 'approved' });
    expect(host.eventsOf('kyc-complete')).to.deep.equal([{ applicationUuid: flow.application!.uuid, status: 'approved' }]);
    expect((host.eventsOf('kyc-status-change') as { status: string }[]).map((e) => e.status)).to.deep.equal(['in_review', 'approved']);
  });

  it('keeps polling through an outage, saying so, with one kyc-error for the outage', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    expect(flow.screen.name).to.equal('waiting');
    await injectFault(sandbox, { method: 'GET', path_contains: `/v1/kyc/${flow.application!.uuid}/`, status: 503, times: 3 });
    await waitUntil(() => flow.notice?.code === 'server', 'the outage is noticed', { timeout: 5000 });
    await waitUntil(() => flow.notice === null, 'the polling recovers', { timeout: 10_000 });
    expect(host.eventsOf('kyc-error')).to.have.length(1);
    await setStatus(flow.application!.uuid, 'approved');
    await waitUntil(() => flow.screen.name === 'outcome', 'the approval', { timeout: 10_000 });
  });

  it('pauses the review polling while the page is hidden, and asks at once when it shows again', async () => {
    const clock = fakeClock();
    const { flow } = await startedFlow({ clock });
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    const setHidden = (hidden: boolean) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      expect(clock.pending(), 'a poll is due').to.have.length(1);
      setHidden(true);
      await setStatus(flow.application!.uuid, 'approved');
      // A hidden page asks nothing: no poll is left to come due, however long it stays hidden.
      expect(clock.pending()).to.deep.equal([]);
      expect(flow.screen.name).to.equal('waiting');
      setHidden(false);
      await waitUntil(() => flow.screen.name === 'outcome', 'the visible page asks again', { timeout: 5000 });
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
  });

  it('a host may veto the submission by cancelling kyc-submit', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    host.addEventListener('kyc-submit', (event) => event.preventDefault());
    await flow.submit();
    expect(flow.screen.name).to.equal('review');
    expect(flow.application!.status).to.equal('draft');
  });

  it('returned for correction: shows the remarks and takes the person to the first step that needs a change', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    await setStatus(flow.application!.uuid, 'pending', 'Fix your phone.', { phone: ['Not reachable.'] });
    await waitUntil(() => flow.screen.name === 'step', 'the poll sees the return', { timeout: 5000 });
    expect(flow.screen).to.deep.equal({ name: 'step', index: 1 });
    expect(flow.application!.comment).to.equal('Fix your phone.');
    const phone = flow.steps[1].questions.find((q) => q.attribute.key === 'phone')!.attribute;
    expect(flow.errorsOf(phone)).to.deep.equal(['Not reachable.']);
    expect(flow.editable).to.equal(true);
  });

  it('a remark already answered in this tab stays answered after a reload, until the next decision', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    const uuid = flow.application!.uuid;
    await setStatus(uuid, 'pending', 'Fix your names.', { first_name: ['As in the passport.'], last_name: ['Typo?'] });
    await waitUntil(() => flow.screen.name === 'step', 'the poll sees the return', { timeout: 5000 });
    flow.setAnswer('first_name', 'Janet');
    await flow.continue();
    const remarked = (f: FlowController, key: string) => f.errorsOf(f.questionOf(key)!.attribute);
    expect(remarked(flow, 'first_name')).to.deep.equal([]);

    const { flow: reloaded } = await startedFlow();
    expect(reloaded.questionOf('first_name')!.attribute.errors, 'the platform still has the remark').to.not.be.empty;
    expect(remarked(reloaded, 'first_name'), 'corrected here').to.deep.equal([]);
    expect(remarked(reloaded, 'last_name'), 'not corrected yet').to.deep.equal(['Typo?']);

    // The next decision brings its own remarks, shown even on answers corrected before.
    reloaded.review();
    await reloaded.submit();
    expect(reloaded.screen.name).to.equal('waiting');
    await setStatus(uuid, 'pending', undefined, { first_name: ['Still not as in the passport.'] });
    await waitUntil(() => reloaded.screen.name === 'step', 'the poll sees the second return', { timeout: 5000 });
    const { flow: again } = await startedFlow();
    expect(remarked(again, 'first_name')).to.deep.equal(['Still not as in the passport.']);
  });

  it('rejected: fires kyc-reject and offers a new application when allowed', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    await setStatus(flow.application!.uuid, 'rejected');
    await waitUntil(() => flow.screen.name === 'outcome', 'the poll sees the rejection', { timeout: 5000 });
    expect(flow.screen).to.deep.equal({ name: 'outcome', status: 'rejected' });
    expect(host.eventsOf('kyc-reject')).to.deep.equal([{ applicationUuid: flow.application!.uuid, canCreateNew: true }]);
    await flow.retry(); // what a reload does
    expect(flow.screen).to.deep.equal({ name: 'outcome', status: 'rejected' });
    expect(flow.levelInfo!.allowedToCreateKycApplication).to.equal(true);
    flow.startNewApplication();
    expect(flow.screen.name).to.equal('levels');
  });

  it('an unknown status is shown as such, with editing disabled', async () => {
    const { flow, client } = await startedFlow();
    await chooseBasic(flow);
    await setStatus(flow.application!.uuid, 'frozen_by_compliance');
    await flow.start(client, { pollIntervalMs: 30 });
    expect(flow.screen).to.deep.equal({ name: 'outcome', status: 'unknown' });
    expect(flow.application!.rawStatus).to.equal('frozen_by_compliance');
    expect(flow.editable).to.equal(false);
  });

  it('after a reload, resumes on the step the person was on, with every saved answer', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await flow.continue();
    flow.setAnswer('email', 'not saved@example.com');
    const { flow: reloaded } = await startedFlow();
    expect(reloaded.screen).to.deep.equal({ name: 'step', index: 1 });
    expect(answersOf(reloaded.application!)).to.include(PERSONAL);
    expect(reloaded.drafts.size).to.equal(0);
  });

  it('after a reload on the review, resumes on the review', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    expect(flow.screen.name).to.equal('review');
    const { flow: reloaded } = await startedFlow();
    expect(reloaded.screen.name).to.equal('review');
    sessionStorage.clear();
    const { flow: elsewhere } = await startedFlow();
    expect(elsewhere.screen.name, 'on another device, with every answer given').to.equal('review');
  });

  it('keeps an answer typed again while its save was on the way', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    const saving = flow.continue();
    flow.setAnswer('first_name', 'Janet');
    await saving;
    expect(answersOf(flow.application!)['first_name']).to.equal('Jane');
    expect(flow.drafts.get('first_name')).to.equal('Janet');
  });

  it('ignores a second Continue while the first is saving', async () => {
    const { host, sent } = await flowRecordingPatches();
    await chooseBasic(host.flow);
    answer(host.flow, PERSONAL);
    await Promise.all([host.flow.continue(), host.flow.continue()]);
    expect(sent).to.have.length(1);
    expect(host.flow.screen).to.deep.equal({ name: 'step', index: 1 });
  });

  it('after a reload past a document step (documents not uploaded yet), resumes where the person was', async () => {
    const { flow } = await startedFlow();
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Standard')!.uuid);
    const agreements = flow.steps.findIndex((step) => step.title === 'Agreements');
    flow.goToStep(agreements);
    const { flow: reloaded } = await startedFlow();
    expect(reloaded.screen).to.deep.equal({ name: 'step', index: agreements });
  });

  it('forgets the answers typed for another application when asked to show a different one', async () => {
    const { flow, client } = await startedFlow();
    await chooseBasic(flow);
    const first = flow.application!.uuid;
    flow.setAnswer('first_name', 'Typed for the first');
    await setStatus(first, 'rejected');
    await flow.start(client, { pollIntervalMs: 30 });
    flow.startNewApplication();
    await chooseBasic(flow);
    expect(flow.application!.uuid).to.not.equal(first);
    await flow.start(client, { applicationUuid: first, pollIntervalMs: 30 });
    expect(flow.application!.uuid).to.equal(first);
    const second = (await client.getLevelInfo()).lastKycApplicationUuid!;
    flow.setAnswer('first_name', 'Typed for the first again');
    await flow.start(client, { applicationUuid: second, pollIntervalMs: 30 });
    expect(flow.application!.uuid).to.equal(second);
    expect(flow.drafts.size).to.equal(0);
  });

  it('on another device (no hint in this tab), resumes on the first step with a missing answer', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await flow.continue();
    sessionStorage.clear();
    const { flow: elsewhere } = await startedFlow();
    expect(elsewhere.screen).to.deep.equal({ name: 'step', index: 1 });
  });

  it('a failed first load shows the failure with one kyc-error, and retry recovers', async () => {
    await injectFault(sandbox, { path_contains: 'kyc-level-info', status: 500 });
    const { host, flow } = await startedFlow();
    expect(flow.screen.name).to.equal('failed');
    const { error } = flow.screen as { error: Error };
    expect(host.eventsOf('kyc-error')).to.deep.equal([{ code: 'server', message: error.message, recoverable: true }]);
    await flow.retry();
    expect(flow.screen.name).to.equal('levels');
  });
});
