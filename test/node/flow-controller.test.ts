// The flow controller (src/flow/flow-controller.ts) against the sandbox, in
// Node: the whole chain (client → host proxy → sandbox) runs in this process, time runs on a fake
// clock, and the page and the tab's storage are stand-ins installed by the tests that read them.
// What needs rendering, focus or a real browser is tested in the browser (src/components/…).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { KycAttribute, KycClient } from '../../src/api/index.js';
import { FlowController, SLOW_AFTER_MS } from '../../src/flow/flow-controller.js';
import { signatureGroups } from '../../src/flow/signatures.js';
import type { KycClock } from '../../src/internal/clock.js';
import type { ApplicationInspection } from '../../src/server/sandbox/control.js';
import { SANDBOX_SIGN_CODE as SIGN_CODE } from '../../src/server/sandbox/index.js';
import { attributeOf } from '../helpers/attributes.js';
import { fakeClock, type FakeClock } from '../helpers/clock.js';
import { pdfFile } from '../helpers/files.js';
import {
  answersOf,
  apiClient,
  chain,
  control,
  FlowHost,
  injectFault,
  installGlobal,
  loggedInClient,
  login,
  logout,
  MemoryStorage,
  moveSandboxClock,
  newClient,
  PageStandIn,
  setStatus,
  until,
  type SandboxClient,
} from './flow-harness.js';

/** Every test's time: the flows' polling runs on it, and only the test moves it. */
let clock: FakeClock;
/** Hosts to take out of the page after the test, and globals to remove. */
let hosts: FlowHost[] = [];
let cleanups: (() => void)[] = [];

/** A connected host. */
function connectedHost(): FlowHost {
  const host = new FlowHost().connect();
  hosts.push(host);
  return host;
}

/** A host whose flow has started for the logged-in client. */
async function startedFlow(
  options: { applicationUuid?: string; pollIntervalMs?: number; clock?: KycClock; consent?: boolean; welcome?: boolean } = {},
) {
  const host = connectedHost();
  const client = apiClient({ retries: 0 });
  await host.flow.start(client, { pollIntervalMs: 30, clock, ...options });
  return { host, flow: host.flow, client };
}

/** A started flow whose client passes every request on, keeping the bodies of its PATCHes. */
async function flowRecordingPatches(): Promise<{ host: FlowHost; sent: string[] }> {
  const sent: string[] = [];
  const host = connectedHost();
  const recording: typeof fetch = async (input, init) => {
    if (init?.method === 'PATCH') sent.push(String(init.body));
    return chain(input, init);
  };
  await host.flow.start(apiClient({ fetch: recording }), { clock });
  return { host, sent };
}

/** The tab's sessionStorage, for a test that reloads the flow (removed after the test). */
function tabStorage(): MemoryStorage {
  const storage = new MemoryStorage();
  cleanups.push(installGlobal('sessionStorage', storage));
  return storage;
}

/** The page, for a test of its visibility (removed after the test); install it before the hosts connect. */
function page(): PageStandIn {
  const stand = new PageStandIn();
  cleanups.push(installGlobal('document', stand));
  return stand;
}

/**
 * Lets the polls come due one by one, each answered before the next, until `done`: a poll is
 * answered when it set the next one, or when the flow left the waiting screen.
 */
async function pollUntil(flow: FlowController, done: () => boolean, what: string, most = 10): Promise<void> {
  for (let polls = 0; !done(); polls += 1) {
    assert.ok(polls < most, `${what}: not after ${most} polls`);
    assert.ok(await clock.next(), `${what}: a poll is due`);
    await until(() => done() || clock.pending().length > 0 || flow.screen.name !== 'waiting', `${what}: the poll is answered`);
  }
}

/** `actual` has each property of `expected`, with its value (chai's `include` of an object). */
function assertIncludes(actual: object | null | undefined, expected: Record<string, unknown>, message?: string): void {
  assert.ok(actual, message);
  const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]));
  assert.deepEqual(picked, expected, message);
}

const attribute = (key: string, signProviders: string[]): KycAttribute => attributeOf(key, { signProviders });

const PERSONAL = { first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-01-01', citizenship: 'LV' };

async function chooseBasic(flow: FlowController): Promise<void> {
  assert.equal(flow.screen.name, 'levels');
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
    assert.equal(await flow.sendCode(provider), true);
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
  const client: KycClient = apiClient();
  const [terms] = await client.getLegalDocuments('terms_of_service');
  const [privacy] = await client.getLegalDocuments('privacy_policy');
  answer(flow, { terms_of_service: terms.uuid, privacy_policy: privacy.uuid });
  await flow.continue();
}

describe('signatureGroups', () => {
  test('asks one code per provider that some answer takes alone, and one of the shared ones otherwise', () => {
    assert.deepEqual(signatureGroups([attribute('a', [])]), []);
    assert.deepEqual(signatureGroups([attribute('email', ['email']), attribute('phone', ['sms'])]), [['email'], ['sms']]);
    assert.deepEqual(signatureGroups([attribute('pep', ['sms', 'email'])]), [['sms', 'email']]);
    assert.deepEqual(signatureGroups([attribute('pep', ['sms', 'email']), attribute('phone', ['sms'])]), [['sms']]);
    assert.deepEqual(signatureGroups([attribute('x', ['push']), attribute('pep', ['email', 'sms'])]), [['email', 'sms']]);
  });
});

describe('FlowController against the sandbox', () => {
  let sandbox: SandboxClient;
  beforeEach(async () => {
    clock = fakeClock();
    sandbox = await loggedInClient();
  });
  afterEach(() => {
    for (const host of hosts) host.disconnect();
    for (const cleanup of cleanups.reverse()) cleanup();
    hosts = [];
    cleanups = [];
    logout();
  });

  test('offers the levels to a new client, and fires kyc-ready without an application', async () => {
    const { host, flow } = await startedFlow();
    assert.equal(flow.screen.name, 'levels');
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    assert.deepEqual(
      levels.map((level) => level.name),
      ['Basic', 'Standard', 'Advanced'],
    );
    assert.deepEqual(host.eventsOf('kyc-ready'), [{ applicationUuid: null, levelUuid: null, status: null }]);
  });

  test('explains when the client may create no application and has none to resume', async () => {
    login(await newClient({ allowed_to_create_kyc_application: false }));
    const { flow } = await startedFlow();
    assert.equal(flow.screen.name, 'not-allowed');
  });

  test('creates the application for the chosen level and opens its first step', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    assert.deepEqual(
      flow.steps.map((step) => step.title),
      ['Personal data', 'Contact details', 'Agreements'],
    );
    const [selected] = host.eventsOf('kyc-level-select') as { levelUuid: string }[];
    assert.deepEqual(host.eventsOf('kyc-application-create'), [{ applicationUuid: flow.application!.uuid, levelUuid: selected.levelUuid }]);
  });

  test('saves only the changed answers of the step on Continue, then moves on', async () => {
    const { host, sent } = await flowRecordingPatches();
    const flow = host.flow;
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    flow.setAnswer('middle_name', 'Q');
    flow.setAnswer('middle_name', ''); // typed, then cleared: no change
    await flow.continue();
    assert.deepEqual(flow.screen, { name: 'step', index: 1 });
    assert.equal(sent.length, 1);
    assert.deepEqual(
      JSON.parse(sent[0])
        .attribute_changes.map((c: { key: string }) => c.key)
        .sort(),
      Object.keys(PERSONAL).sort(),
      'the same members',
    );
    assert.equal(flow.drafts.size, 0);
    assert.deepEqual(host.eventsOf('kyc-save'), [{ applicationUuid: flow.application!.uuid, keys: Object.keys(PERSONAL) }]);
    flow.back();
    await flow.continue(); // nothing changed: no request
    assert.equal(sent.length, 1);
    assert.deepEqual(flow.screen, { name: 'step', index: 1 });
  });

  test('reads the titles of the chosen options for the review, once for the questions and the review', async () => {
    const requests: string[] = [];
    const host = connectedHost();
    const counting: typeof fetch = async (input, init) => {
      requests.push(String(input));
      return chain(input, init);
    };
    const client = apiClient({ fetch: counting });
    await host.flow.start(client, { clock });
    const flow = host.flow;
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await flow.continue();
    const read = await flow.referenceData.definitionsOf(client, 'citizenship');
    const reads = () => requests.filter((url) => url.includes('/attributes/citizenship/definitions/')).length;
    const before = reads();
    assert.ok(before > 0);
    flow.review();
    await until(() => flow.labels['citizenship'] !== undefined, 'the labels');
    assert.equal(flow.labels['citizenship']['LV'], read.find((option) => option.key === 'LV')!.title);
    assert.equal(reads(), before, 'the review reads nothing again');
  });

  test('resumes at the first step with something required not done, even when this tab went further', async () => {
    tabStorage();
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    flow.goToStep(2); // the person looked ahead; nothing of step 1 is stored
    const { flow: again } = await startedFlow();
    assert.deepEqual(again.screen, { name: 'step', index: 0 }, 'the unanswered personal data first');
    answer(again, PERSONAL);
    await again.continue();
    again.review(); // this tab remembers the review
    const { flow: third } = await startedFlow();
    assert.deepEqual(third.screen, { name: 'step', index: 1 }, 'the unsigned contacts come before the review');
  });

  test('an earlier refusal is cleared when the code prompt opens for the corrected answers', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await flow.continue();
    answer(flow, { email: 'jane@example.com', phone: '+37120000009' });
    await injectFault(sandbox, {
      method: 'PATCH',
      path_contains: '/v1/kyc/',
      status: 400,
      body: { attribute_changes: { phone: ['Enter a valid phone number.'] } },
    });
    await flow.continue(); // the code prompt first…
    await sign(flow); // …then the platform refuses the phone
    assert.ok(flow.summary.length > 0, 'the refusal is listed');
    flow.setAnswer('phone', '+37120000008');
    await flow.continue();
    assert.ok(flow.signature, 'the prompt asks for the codes again');
    assert.deepEqual(flow.summary, [], 'the old summary is gone');
    assert.equal(flow.notice, null, 'and the old notice');
  });

  test("lists a refusal of the step's answers in the error summary, by question, until the person moves", async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, { ...PERSONAL, date_of_birth: '2020-01-01' });
    await flow.continue();
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    assert.deepEqual(flow.summary, [
      { key: 'date_of_birth', title: flow.questionOf('date_of_birth')!.title, message: 'You must be at least 18 years old.' },
    ]);
    flow.showProblems([{ key: 'first_name', title: 'First name', message: 'Required.' }]);
    assert.equal(flow.summary.length, 1);
    assert.equal(flow.summary[0].key, 'first_name');
    flow.goToStep(1);
    assert.deepEqual(flow.summary, [], 'another step: the summary is gone');
    flow.showProblems([{ key: 'first_name', title: 'First name', message: 'Required.' }]);
    assert.equal(flow.summary.length, 1, 'the checks of this step');
    flow.review();
    flow.showProblems([{ key: 'first_name', title: 'First name', message: 'Required.' }]);
    assert.deepEqual(flow.summary, [], 'no summary outside a step');
  });

  test('keeps every typed answer when a save fails, reports one kyc-error, and saves on retry', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await injectFault(sandbox, { method: 'PATCH', status: 503 });
    await flow.continue();
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    assert.equal(flow.notice?.code, 'server');
    assert.deepEqual(Object.fromEntries(flow.drafts), PERSONAL);
    assert.equal(host.eventsOf('kyc-error').length, 1);
    await flow.continue();
    assert.deepEqual(flow.screen, { name: 'step', index: 1 });
    assertIncludes(answersOf(flow.application!), PERSONAL);
  });

  test("makes the step's documents from the files chosen, a missing back side from the front picture, once", async () => {
    const { host, flow } = await startedFlow();
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Standard')!.uuid);
    flow.goToStep(flow.steps.findIndex((step) => step.title === 'Identity document'));
    const front = flow.documents.filesOf('id_card_front_side');
    await front.add([pdfFile('front.pdf', 2048)]);
    assert.deepEqual(
      front.items.map((item) => item.status),
      ['uploaded'],
    );
    flow.documents.setNoBackSide('id_card_front_side', true);
    // The save after the documents fails: they were made, and are not made again.
    await injectFault(sandbox, { method: 'PATCH', status: 503 });
    await flow.continue();
    assert.equal(flow.notice?.code, 'server');
    const uuid = flow.application!.uuid;
    const inspect = async () => (await control('GET', `/sandbox/v1/applications/${uuid}/inspect/`)) as ApplicationInspection;
    assert.equal((await inspect()).documents.count, 2);
    await flow.continue();
    assert.equal(flow.screen.name === 'step' && flow.steps[flow.screen.index].title, 'Agreements');
    const held = await inspect();
    const byKey = Object.fromEntries(held.documents.items.map((document) => [document.key, document]));
    assert.equal(held.documents.count, 2, 'made once, whatever the failed save');
    assert.equal(byKey['id_card_back_side'].files[0].sha256, byKey['id_card_front_side'].files[0].sha256);
    const answers = answersOf(flow.application!);
    assert.equal(answers['id_card_front_side'], byKey['id_card_front_side'].uuid);
    assert.equal(answers['id_card_back_side'], byKey['id_card_back_side'].uuid);
    assert.deepEqual(host.eventsOf('kyc-save'), [{ applicationUuid: uuid, keys: ['id_card_front_side', 'id_card_back_side'] }]);
  });

  test('keeps the files chosen for a document across steps, and forgets them with the application', async () => {
    const { flow } = await startedFlow();
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Standard')!.uuid);
    const step = flow.steps.findIndex((candidate) => candidate.title === 'Identity document');
    flow.goToStep(step);
    const files = flow.documents.filesOf('id_card_front_side');
    await files.add([pdfFile('front.pdf', 2048)]);
    flow.goToStep(0);
    flow.goToStep(step);
    assert.equal(flow.documents.filesOf('id_card_front_side'), files);
    assert.equal(files.hasFiles, true);
    await flow.retry(); // the same application, loaded again
    assert.equal(flow.documents.filesOf('id_card_front_side').hasFiles, true);
    await setStatus(flow.application!.uuid, 'rejected');
    await flow.retry();
    flow.startNewApplication(); // towards another application
    assert.equal(flow.screen.name, 'levels');
    assert.equal(files.hasFiles, false, 'another application: the files are dropped');
    assert.notEqual(flow.documents.filesOf('id_card_front_side'), files);
  });

  test('asks the consent for each application, and lets the host drop it without starting again', async () => {
    const { host, flow } = await startedFlow({ consent: true, welcome: true });
    await chooseBasic(flow);
    assert.deepEqual(flow.screen, { name: 'welcome' });
    flow.goToStep(0);
    assert.deepEqual(flow.screen, { name: 'welcome' }, 'no step before the consent');
    flow.begin();
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    const first = flow.application!.uuid;
    await setStatus(first, 'rejected');
    await flow.retry();
    flow.startNewApplication();
    await chooseBasic(flow);
    assert.deepEqual(flow.screen, { name: 'welcome' }, 'a new application: asked again');
    flow.begin();
    assert.deepEqual(
      host.eventsOf('kyc-consent').map((detail) => (detail as { applicationUuid: string }).applicationUuid),
      [first, flow.application!.uuid],
    );

    flow.configure({ consent: false, welcome: true, autosave: false }); // the host recorded it
    assert.deepEqual(flow.screen, { name: 'step', index: 0 }, 'nothing starts again');
    assert.equal(flow.awaitingConsent, false);
  });

  test('stores an unticked yes/no question as "false" (signed like any change of it)', async () => {
    const { flow } = await startedFlow();
    assert.equal(flow.screen.name, 'levels');
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Standard')!.uuid);
    const finances = flow.steps.findIndex((step) => step.title === 'Financial profile');
    flow.goToStep(finances);
    answer(flow, { employment_status: 'employed', source_of_funds: 'salary', annual_income: '50000' });
    await flow.continue();
    assert.ok(flow.signature?.keys.includes('is_pep'), 'the signature covers is_pep');
    assert.deepEqual(flow.signature?.groups, [['sms', 'email']]);
    await flow.sendCode('sms', '+37120000009');
    await flow.confirmCode(SIGN_CODE);
    assert.equal(answersOf(flow.application!)['is_pep'], 'false');
  });

  test("maps the platform's validation messages onto the answers they concern", async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, { ...PERSONAL, date_of_birth: '2020-01-01' });
    await flow.continue();
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    assert.equal(flow.notice?.code, 'validation');
    assert.ok((flow.fieldErrors['date_of_birth']?.length ?? 0) > 0, 'a message on date_of_birth');
    flow.setAnswer('date_of_birth', '1990-01-01');
    assert.equal(flow.fieldErrors['date_of_birth'], undefined);
  });

  for (const lost of [{ status: 502 }, { kind: 'cut' as const }]) {
    test(`a signed save whose answer was lost after the platform stored it (${JSON.stringify(lost)}) is settled by reading, not re-sent`, async () => {
      const { host, flow } = await startedFlow();
      await chooseBasic(flow);
      await toContactCodes(flow);
      await injectFault(sandbox, { method: 'PATCH', path_contains: '/v1/kyc/', applied: true, ...lost });
      await sign(flow);
      assert.deepEqual(flow.screen, { name: 'step', index: 2 }, 'moved on: the change was stored');
      assert.equal(flow.notice, null, 'never told the code was wrong');
      assert.equal(flow.signature, null, 'no new code asked');
      assertIncludes(answersOf(flow.application!), { email: 'jane@example.com', phone: '+37120000009' });
      assert.deepEqual(host.eventsOf('kyc-error'), []);
      assert.deepEqual(host.eventsOf('kyc-save'), [
        { applicationUuid: flow.application!.uuid, keys: Object.keys(PERSONAL) },
        { applicationUuid: flow.application!.uuid, keys: ['email'] },
        { applicationUuid: flow.application!.uuid, keys: ['phone'] },
      ]);
    });
  }

  test('a signed save the connection lost after it reached the platform is not sent again with the spent codes', async () => {
    const host = connectedHost();
    const patches: string[] = [];
    let resetOnce = true;
    // The connection breaks after the request reached the platform: the page's fetch rejects.
    const resetting: typeof fetch = async (input, init) => {
      const answer = await chain(input, init);
      if (init?.method !== 'PATCH') return answer;
      const headers = new Headers(init.headers);
      patches.push(headers.has('kyc-email-sign-code') ? 'email' : headers.has('kyc-sms-sign-code') ? 'sms' : 'unsigned');
      if (resetOnce && patches.at(-1) === 'sms') {
        resetOnce = false;
        throw new TypeError('Failed to fetch');
      }
      return answer;
    };
    await host.flow.start(apiClient({ fetch: resetting }), { clock });
    const flow = host.flow;
    await chooseBasic(flow);
    await toContactCodes(flow);
    await sign(flow);
    assert.deepEqual(patches, ['unsigned', 'email', 'sms'], 'each signed PATCH went once');
    assert.deepEqual(flow.screen, { name: 'step', index: 2 });
    assert.equal(flow.notice, null);
    assertIncludes(answersOf(flow.application!), { email: 'jane@example.com', phone: '+37120000009' });
  });

  for (const [what, body] of [
    ['an empty array where an object belongs', []],
    ['a string of 60,000 characters', 'x'.repeat(60_000)],
    ['an object of another shape', { unexpected: { nested: [1, 2, 3] } }],
  ] as const) {
    test(`after ${what}, Try again asks again and the next move works`, async () => {
      await injectFault(sandbox, { method: 'GET', path_contains: '/v1/clients/kyc-level-info/', status: 200, body: JSON.stringify(body) });
      const { host, flow } = await startedFlow();
      const shown = (): string => flow.screen.name;
      assert.equal(shown(), 'failed');
      assert.equal(host.eventsOf('kyc-error').length, 1);
      await flow.retry();
      assert.equal(shown(), 'levels', 'the retry read the level info again');
      await injectFault(sandbox, { method: 'POST', path_contains: '/v1/clients/kyc-level-info/', status: 201, body: JSON.stringify(body) });
      const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
      await flow.selectLevel(levels[0].uuid);
      assert.equal(flow.notice?.code, 'malformed_response');
      assert.equal(flow.busy, null);
      await flow.selectLevel(levels[0].uuid);
      assert.deepEqual(flow.screen, { name: 'step', index: 0 }, 'the next Start works');
      assert.equal(host.eventsOf('kyc-application-create').length, 1);
    });
  }

  test('a first load that takes long is said after 10 s on the clock, and the person may stop waiting', async () => {
    await injectFault(sandbox, { method: 'GET', path_contains: '/v1/clients/kyc-level-info/', kind: 'hang' });
    const host = connectedHost();
    const flow = host.flow;
    const started = flow.start(apiClient({ retries: 0 }), { clock });
    await until(() => clock.pending().length > 0, 'the slow timer is set');
    assert.equal(flow.slow, false);
    assert.deepEqual(clock.pending(), [SLOW_AFTER_MS], 'said after 10 s');
    assert.ok(await clock.next());
    assert.equal(flow.slow, true, 'the person is told');
    assert.equal(flow.screen.name, 'loading', 'still trying');
    flow.stopWaiting();
    await started;
    const screen = flow.screen as { name: string; error?: { code: string } };
    assert.equal(screen.name, 'failed');
    assert.equal(screen.error?.code, 'timeout');
    assert.equal(flow.slow, false);
    assert.deepEqual(
      (host.eventsOf('kyc-error') as { code: string }[]).map((error) => error.code),
      ['timeout'],
    );
    await flow.retry();
    assert.equal((flow.screen as { name: string }).name, 'levels', 'Try again reads again');
  });

  test('a save whose answer was lost before the platform stored anything still fails, with the answers kept', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await injectFault(sandbox, { method: 'PATCH', path_contains: '/v1/kyc/', status: 502 });
    await flow.continue();
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    assert.equal(flow.notice?.code, 'server');
    assert.deepEqual(Object.fromEntries(flow.drafts), PERSONAL);
    assert.equal(host.eventsOf('kyc-error').length, 1);
  });

  test('a submission whose answer was lost after the platform took it shows the wait for the review', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    assert.equal(flow.screen.name, 'review');
    await injectFault(sandbox, { method: 'POST', path_contains: '/send-to-review/', applied: true, status: 502 });
    await flow.submit();
    assert.equal(flow.screen.name, 'waiting');
    assert.equal(flow.notice, null);
    assert.deepEqual(host.eventsOf('kyc-error'), []);
  });

  test('creating an application whose answer was lost after the platform made it opens that one, and makes no second', async () => {
    const { host, flow } = await startedFlow();
    assert.equal(flow.screen.name, 'levels');
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await injectFault(sandbox, { method: 'POST', path_contains: '/v1/clients/kyc-level-info/', applied: true, kind: 'cut' });
    await flow.selectLevel(levels.find((level) => level.name === 'Basic')!.uuid);
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    const info = await apiClient().getLevelInfo();
    assert.equal(flow.application?.uuid, info.lastKycApplicationUuid, 'the one the platform made');
    assert.deepEqual(host.eventsOf('kyc-error'), []);
    assert.equal(host.eventsOf('kyc-application-create').length, 1);
    await flow.retry();
    assert.equal(flow.application?.uuid, info.lastKycApplicationUuid, 'still the only one');
  });

  test('signs changed contacts with a code per provider, keeps the answers on a wrong code, and saves with the right one', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await toContactCodes(flow);
    assert.deepEqual(flow.signature?.groups, [['email'], ['sms']]);
    assert.deepEqual(flow.signature?.destinations, { email: 'jane@example.com', sms: '+37120000009' });
    assert.deepEqual(host.eventsOf('kyc-signature-request'), [], 'no code sent yet');

    await sign(flow, '000000');
    const keys = ['email', 'phone'];
    const uuid = flow.application!.uuid;
    assert.deepEqual(
      host.eventsOf('kyc-signature-request'),
      [
        { applicationUuid: uuid, provider: 'email', keys },
        { applicationUuid: uuid, provider: 'sms', keys },
      ],
      'one event per code sent',
    );
    const events = JSON.stringify(host.events);
    assert.equal(events.includes('jane@example.com'), false, 'no e-mail address in the events');
    assert.equal(events.includes('+3712'), false, 'no phone number in the events');
    assert.equal(flow.notice?.code, 'signature_invalid');
    assert.notEqual(flow.signature, null);
    assert.equal(flow.drafts.get('phone'), '+37120000009');
    assert.deepEqual(flow.screen, { name: 'step', index: 1 });

    await flow.confirmCode(SIGN_CODE);
    assert.equal(flow.signature, null);
    assert.deepEqual(flow.screen, { name: 'step', index: 2 });
    assertIncludes(answersOf(flow.application!), { email: 'jane@example.com', phone: '+37120000009' });
  });

  test("says a wrong first code of two at once, before the second is asked, and stores each code's answers", async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await toContactCodes(flow);
    assert.deepEqual(flow.signature?.groups, [['email'], ['sms']]);
    await flow.sendCode('email');
    await flow.confirmCode('000000'); // wrong: said now, not after the SMS code
    assert.equal(flow.notice?.code, 'signature_invalid');
    assertIncludes(flow.signature, { index: 0, sentWith: 'email' });
    assert.equal(flow.drafts.get('email'), 'jane@example.com');

    await flow.sendCode('email'); // a fresh code (the sandbox takes it after a send)
    await flow.confirmCode(SIGN_CODE);
    assert.equal(flow.notice, null);
    assertIncludes(flow.signature, { index: 1, sentWith: null });
    assertIncludes(answersOf(flow.application!), { email: 'jane@example.com' });
    assert.equal(answersOf(flow.application!)['phone'] ?? null, null, 'the phone waits for its own code');
    assert.deepEqual(flow.screen, { name: 'step', index: 1 });

    await flow.sendCode('sms');
    await flow.confirmCode(SIGN_CODE);
    assert.equal(flow.signature, null, 'every code given');
    assert.deepEqual(flow.screen, { name: 'step', index: 2 });
    assertIncludes(answersOf(flow.application!), { email: 'jane@example.com', phone: '+37120000009' });
    assert.deepEqual(
      host.eventsOf('kyc-signature-request').map((e) => (e as { provider: string }).provider),
      ['email', 'email', 'sms'],
    );
    assert.deepEqual(
      host.eventsOf('kyc-save').map((e) => (e as { keys: string[] }).keys),
      [['first_name', 'last_name', 'date_of_birth', 'citizenship'], ['email'], ['phone']],
    );
  });

  test('a submission with answers typed but not stored takes the person to their step and says so', async () => {
    const { host, sent } = await flowRecordingPatches();
    const { flow } = host;
    await chooseBasic(flow);
    await fillBasic(flow);
    assert.equal(flow.screen.name, 'review');
    flow.goToStep(0); // "Change" on the review…
    flow.setAnswer('first_name', 'Janet');
    flow.review(); // …and back to the review without Continue
    const patches = sent.length;
    await flow.submit();
    assert.deepEqual(flow.screen, { name: 'step', index: 0 });
    assert.equal(flow.unsavedAnswers, true);
    assert.deepEqual(host.eventsOf('kyc-submit'), []);
    assert.equal(flow.application!.status, 'draft');

    await flow.continue();
    assert.equal(flow.unsavedAnswers, false);
    assert.equal(sent.slice(patches).length, 1);
    assert.equal(answersOf(flow.application!)['first_name'], 'Janet');
    flow.review();
    await flow.submit();
    assert.equal(flow.screen.name, 'waiting');
  });

  test('a signature request cancelled while its code is on the way stays closed', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await toContactCodes(flow);
    const sending = flow.sendCode('email');
    flow.cancelSignature();
    assert.equal(await sending, false);
    assert.equal(flow.signature, null);
    assert.equal(flow.drafts.get('email'), 'jane@example.com');
  });

  test('sends to review, polls, and ends approved with kyc-complete once', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    assert.equal(flow.screen.name, 'review');
    await flow.submit();
    assert.equal(flow.screen.name, 'waiting');
    assert.deepEqual(host.eventsOf('kyc-submit'), [{ applicationUuid: flow.application!.uuid }]);
    assert.deepEqual(clock.pending(), [30], 'the first poll, one interval from now');
    await setStatus(flow.application!.uuid, 'approved');
    await pollUntil(flow, () => flow.screen.name === 'outcome', 'the poll sees the approval');
    assert.deepEqual(flow.screen, { name: 'outcome', status: 'approved' });
    assert.deepEqual(host.eventsOf('kyc-complete'), [{ applicationUuid: flow.application!.uuid, status: 'approved' }]);
    assert.deepEqual(
      (host.eventsOf('kyc-status-change') as { status: string }[]).map((e) => e.status),
      ['in_review', 'approved'],
    );
    assert.deepEqual(clock.pending(), [], 'nothing more is asked after the decision');
  });

  test('keeps polling through an outage, saying so, with one kyc-error for the outage', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    assert.equal(flow.screen.name, 'waiting');
    await injectFault(sandbox, { method: 'GET', path_contains: `/v1/kyc/${flow.application!.uuid}/`, status: 503, times: 3 });
    await pollUntil(flow, () => flow.notice?.code === 'server', 'the outage is noticed');
    await pollUntil(flow, () => flow.notice === null, 'the polling recovers');
    assert.equal(host.eventsOf('kyc-error').length, 1);
    // The first load's "taking long" timer, then the polls: slower after each failed one, and after
    // the answer that says nothing changed.
    assert.deepEqual(clock.delays, [SLOW_AFTER_MS, 30, 45, 67.5, 101.25, 151.875]);
    await setStatus(flow.application!.uuid, 'approved');
    await pollUntil(flow, () => flow.screen.name === 'outcome', 'the approval');
  });

  test('pauses the review polling while the page is hidden, and asks at once when it shows again', async () => {
    const shown = page();
    const { flow } = await startedFlow({ clock });
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    assert.equal(clock.pending().length, 1, 'a poll is due');
    shown.setHidden(true);
    await setStatus(flow.application!.uuid, 'approved');
    // A hidden page asks nothing: no poll is left to come due, however long it stays hidden.
    assert.deepEqual(clock.pending(), []);
    assert.equal(flow.screen.name, 'waiting');
    shown.setHidden(false);
    await until(() => flow.screen.name === 'outcome', 'the visible page asks again');
  });

  test('a host may veto the submission by cancelling kyc-submit', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    host.addEventListener('kyc-submit', (event) => event.preventDefault());
    await flow.submit();
    assert.equal(flow.screen.name, 'review');
    assert.equal(flow.application!.status, 'draft');
  });

  test('returned for correction: shows the remarks and takes the person to the first step that needs a change', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    await setStatus(flow.application!.uuid, 'pending', 'Fix your phone.', { phone: ['Not reachable.'] });
    await pollUntil(flow, () => flow.screen.name === 'step', 'the poll sees the return');
    assert.deepEqual(flow.screen, { name: 'step', index: 1 });
    assert.equal(flow.application!.comment, 'Fix your phone.');
    const phone = flow.steps[1].questions.find((q) => q.attribute.key === 'phone')!.attribute;
    assert.deepEqual(flow.errorsOf(phone), ['Not reachable.']);
    assert.equal(flow.editable, true);
  });

  test('a remark already answered in this tab stays answered after a reload, until the next decision', async () => {
    tabStorage();
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    const uuid = flow.application!.uuid;
    await setStatus(uuid, 'pending', 'Fix your names.', { first_name: ['As in the passport.'], last_name: ['Typo?'] });
    await pollUntil(flow, () => flow.screen.name === 'step', 'the poll sees the return');
    flow.setAnswer('first_name', 'Janet');
    await flow.continue();
    const remarked = (f: FlowController, key: string) => f.errorsOf(f.questionOf(key)!.attribute);
    assert.deepEqual(remarked(flow, 'first_name'), []);

    const { flow: reloaded } = await startedFlow();
    assert.notEqual(reloaded.questionOf('first_name')!.attribute.errors.length, 0, 'the platform still has the remark');
    assert.deepEqual(remarked(reloaded, 'first_name'), [], 'corrected here');
    assert.deepEqual(remarked(reloaded, 'last_name'), ['Typo?'], 'not corrected yet');

    // The next decision brings its own remarks, shown even on answers corrected before.
    reloaded.review();
    await reloaded.submit();
    assert.equal(reloaded.screen.name, 'waiting');
    await setStatus(uuid, 'pending', undefined, { first_name: ['Still not as in the passport.'] });
    await pollUntil(reloaded, () => reloaded.screen.name === 'step', 'the poll sees the second return');
    const { flow: again } = await startedFlow();
    assert.deepEqual(remarked(again, 'first_name'), ['Still not as in the passport.']);
  });

  test('rejected: fires kyc-reject and offers a new application when allowed', async () => {
    const { host, flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    await flow.submit();
    await setStatus(flow.application!.uuid, 'rejected');
    await pollUntil(flow, () => flow.screen.name === 'outcome', 'the poll sees the rejection');
    assert.deepEqual(flow.screen, { name: 'outcome', status: 'rejected' });
    assert.deepEqual(host.eventsOf('kyc-reject'), [{ applicationUuid: flow.application!.uuid, canCreateNew: true }]);
    await flow.retry(); // what a reload does
    assert.deepEqual(flow.screen, { name: 'outcome', status: 'rejected' });
    assert.equal(flow.levelInfo!.allowedToCreateKycApplication, true);
    flow.startNewApplication();
    assert.equal(flow.screen.name, 'levels');
  });

  test('an unknown status is shown as such, with editing disabled', async () => {
    const { flow, client } = await startedFlow();
    await chooseBasic(flow);
    await setStatus(flow.application!.uuid, 'frozen_by_compliance');
    await flow.start(client, { pollIntervalMs: 30, clock });
    assert.deepEqual(flow.screen, { name: 'outcome', status: 'unknown' });
    assert.equal(flow.application!.rawStatus, 'frozen_by_compliance');
    assert.equal(flow.editable, false);
  });

  test('after a reload, resumes on the step the person was on, with every saved answer', async () => {
    tabStorage();
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await flow.continue();
    flow.setAnswer('email', 'not saved@example.com');
    const { flow: reloaded } = await startedFlow();
    assert.deepEqual(reloaded.screen, { name: 'step', index: 1 });
    assertIncludes(answersOf(reloaded.application!), PERSONAL);
    assert.equal(reloaded.drafts.size, 0);
  });

  test('after a reload on the review, resumes on the review', async () => {
    const storage = tabStorage();
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    await fillBasic(flow);
    assert.equal(flow.screen.name, 'review');
    const { flow: reloaded } = await startedFlow();
    assert.equal(reloaded.screen.name, 'review');
    storage.clear();
    const { flow: elsewhere } = await startedFlow();
    assert.equal(elsewhere.screen.name, 'review', 'on another device, with every answer given');
  });

  test('keeps an answer typed again while its save was on the way', async () => {
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    const saving = flow.continue();
    flow.setAnswer('first_name', 'Janet');
    await saving;
    assert.equal(answersOf(flow.application!)['first_name'], 'Jane');
    assert.equal(flow.drafts.get('first_name'), 'Janet');
  });

  test('ignores a second Continue while the first is saving', async () => {
    const { host, sent } = await flowRecordingPatches();
    await chooseBasic(host.flow);
    answer(host.flow, PERSONAL);
    await Promise.all([host.flow.continue(), host.flow.continue()]);
    assert.equal(sent.length, 1);
    assert.deepEqual(host.flow.screen, { name: 'step', index: 1 });
  });

  test('after a reload past a document step (documents not uploaded yet), resumes at the first step not done (issue 15)', async () => {
    tabStorage();
    const { flow } = await startedFlow();
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Standard')!.uuid);
    const agreements = flow.steps.findIndex((step) => step.title === 'Agreements');
    flow.goToStep(agreements);
    const { flow: reloaded } = await startedFlow();
    // It was "where the person was" (the Agreements); nothing before it is done, so the first step.
    assert.deepEqual(reloaded.screen, { name: 'step', index: 0 });
  });

  test('forgets the answers typed for another application when asked to show a different one', async () => {
    const { flow, client } = await startedFlow();
    await chooseBasic(flow);
    const first = flow.application!.uuid;
    flow.setAnswer('first_name', 'Typed for the first');
    await setStatus(first, 'rejected');
    await flow.start(client, { pollIntervalMs: 30, clock });
    flow.startNewApplication();
    await chooseBasic(flow);
    assert.notEqual(flow.application!.uuid, first);
    await flow.start(client, { applicationUuid: first, pollIntervalMs: 30, clock });
    assert.equal(flow.application!.uuid, first);
    const second = (await client.getLevelInfo()).lastKycApplicationUuid!;
    flow.setAnswer('first_name', 'Typed for the first again');
    await flow.start(client, { applicationUuid: second, pollIntervalMs: 30, clock });
    assert.equal(flow.application!.uuid, second);
    assert.equal(flow.drafts.size, 0);
  });

  test('on another device (no hint in this tab), resumes on the first step with a missing answer', async () => {
    const storage = tabStorage();
    const { flow } = await startedFlow();
    await chooseBasic(flow);
    answer(flow, PERSONAL);
    await flow.continue();
    storage.clear();
    const { flow: elsewhere } = await startedFlow();
    assert.deepEqual(elsewhere.screen, { name: 'step', index: 1 });
  });

  test('a failed first load shows the failure with one kyc-error, and retry recovers', async () => {
    await injectFault(sandbox, { path_contains: 'kyc-level-info', status: 500 });
    const { host, flow } = await startedFlow();
    assert.equal(flow.screen.name, 'failed');
    const { error } = flow.screen as { error: Error };
    assert.deepEqual(host.eventsOf('kyc-error'), [{ code: 'server', message: error.message, recoverable: true }]);
    await flow.retry();
    assert.equal(flow.screen.name, 'levels');
  });
});

describe('FlowController on a liveness step, against Sumsub-like timing', () => {
  beforeEach(() => {
    clock = fakeClock();
  });
  afterEach(() => {
    for (const host of hosts) host.disconnect();
    hosts = [];
    moveSandboxClock(null);
    logout();
  });

  test("waits through Sumsub's pending and queued words, and moves on at its completed", async () => {
    login(await newClient({ dialect: { liveness_timeline: true } }));
    const { flow, client } = await startedFlow();
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Advanced')!.uuid);
    const step = flow.steps.findIndex((candidate) => candidate.title === 'Liveness check');
    flow.goToStep(step);
    const uuid = flow.application!.uuid;
    const token = (await client.getAttribute(uuid, 'sumsub_liveness_check_token')).value!;
    await control('POST', '/sandbox/v1/liveness-by-token/', { token, result: 'passed' });
    const onStep = () => flow.screen.name === 'step' && flow.screen.index === step;
    const poll = async () => {
      assert.ok(await clock.next(), 'a poll is due');
      await until(() => clock.pending().length > 0 || !onStep(), 'the poll is answered');
    };
    await poll();
    assert.ok(onStep(), '"pending" is not done');
    moveSandboxClock(30_000);
    await poll();
    assert.ok(onStep(), '"queued" is not done');
    moveSandboxClock(40_000);
    await poll();
    assert.equal(flow.steps[(flow.screen as { index: number }).index]?.title, 'Agreements', '"completed": on to the next step');
  });
});
