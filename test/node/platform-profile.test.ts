// The platform profile (src/api/platform.ts): what a host tells the widget of its platform, read by
// the client and the flow against the sandbox's dialects, through the proxy, in Node, on a fake clock.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createKycClient, type KycAttribute, type KycPlatformProfile } from '../../src/api/index.js';
import { errorFromResponse } from '../../src/api/errors.js';
import { profiledAttribute, resolvePlatform } from '../../src/api/platform.js';
import { SANDBOX_SIGN_CODE as SIGN_CODE } from '../../src/server/sandbox/index.js';
import { attributeOf } from '../helpers/attributes.js';
import { fakeClock, type FakeClock } from '../helpers/clock.js';
import { pdfFile } from '../helpers/files.js';
import { chain, ENDPOINT, FlowHost, login, logout, newClient, setStatus, until } from './flow-harness.js';

let clock: FakeClock;
let hosts: FlowHost[] = [];

/** A started flow whose client reads answers by `platform`, on the test's clock. */
async function flowWith(platform?: KycPlatformProfile, fetch: typeof globalThis.fetch = chain) {
  const host = new FlowHost().connect();
  hosts.push(host);
  const client = createKycClient({ endpoint: ENDPOINT, fetch, retry: { retries: 0 }, ...(platform ? { platform } : {}) });
  await host.flow.start(client, { clock, pollIntervalMs: 30 });
  return { host, flow: host.flow, client };
}

const FOREIGN: KycPlatformProfile = {
  statuses: { opened: 'draft', checking: 'in_review', returned: 'pending', passed: 'approved', declined: 'rejected' },
};

beforeEach(() => {
  clock = fakeClock();
});
afterEach(() => {
  for (const host of hosts) host.disconnect();
  hosts = [];
  logout();
});

describe('statuses', () => {
  test('a status the widget does not know is no dead end: it is reported raw, polled, and left when it changes', async () => {
    const sandbox = await newClient();
    login(sandbox);
    const { flow: first } = await flowWith();
    const levels = first.screen.name === 'levels' ? first.screen.levels : [];
    await first.selectLevel(levels.find((level) => level.name === 'Basic')!.uuid);
    const uuid = first.application!.uuid;
    await setStatus(uuid, 'frozen_by_compliance');
    const { host, flow } = await flowWith();
    assert.deepEqual(flow.screen, { name: 'outcome', status: 'unknown' });
    assert.deepEqual(host.eventsOf('kyc-status-change'), [
      { applicationUuid: uuid, status: 'unknown', rawStatus: 'frozen_by_compliance', previous: null },
    ]);
    assert.ok(clock.pending().length > 0, 'the platform is asked again');
    await setStatus(uuid, 'in_review');
    assert.ok(await clock.next(), 'a poll comes due');
    await until(() => flow.screen.name === 'waiting', 'the flow follows the platform');
  });

  test('foreign status words make the questionnaire unreachable without a profile, and reachable with one', async () => {
    login(await newClient({ dialect: { statuses: 'foreign' } }));
    const { flow: bare } = await flowWith();
    const levels = bare.screen.name === 'levels' ? bare.screen.levels : [];
    await bare.selectLevel(levels.find((level) => level.name === 'Basic')!.uuid);
    assert.deepEqual(bare.screen, { name: 'outcome', status: 'unknown' }, '"opened" means nothing to the widget');
    const { flow } = await flowWith(FOREIGN);
    assert.deepEqual(flow.screen, { name: 'step', index: 0 }, 'the profile says "opened" is a draft');
    assert.equal(flow.application?.rawStatus, 'opened');
  });
});

describe('uploads', () => {
  test("the multipart field of uploads is the profile's", async () => {
    login(await newClient({ dialect: { upload_field: 'file' } }));
    const plain = createKycClient({ endpoint: ENDPOINT, fetch: chain, retry: { retries: 0 } });
    await assert.rejects(plain.uploadFiles([pdfFile('a.pdf', 2048)]), 'the field "files" finds no file there');
    const profiled = createKycClient({ endpoint: ENDPOINT, fetch: chain, platform: { uploadField: 'file' } });
    const [file] = await profiled.uploadFiles([pdfFile('b.pdf', 2048)]);
    assert.ok(file.uuid);
  });
});

describe('signatures', () => {
  test('a profile that signs submissions asks the code before sending, and sends once with it', async () => {
    login(await newClient());
    const sent: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (String(input).includes('/send-to-review/'))
        sent.push(new Headers(init?.headers).has('kyc-sms-sign-code') ? 'signed' : 'unsigned');
      return chain(input, init);
    };
    const { flow, client } = await flowWith({ submitSignature: 'sms' }, recording);
    const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
    await flow.selectLevel(levels.find((level) => level.name === 'Basic')!.uuid);
    const answers: Record<string, string> = { first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-01-01', citizenship: 'LV' };
    for (const [key, value] of Object.entries(answers)) flow.setAnswer(key, value);
    await flow.continue();
    flow.setAnswer('email', 'jane@example.com');
    flow.setAnswer('phone', '+37120000009');
    await flow.continue();
    const sign = async () => {
      while (flow.signature) {
        const request = flow.signature;
        assert.equal(await flow.sendCode(request.groups[request.index][0]), true);
        await flow.confirmCode(SIGN_CODE);
      }
    };
    await sign();
    const [terms] = await client.getLegalDocuments('terms_of_service');
    const [privacy] = await client.getLegalDocuments('privacy_policy');
    flow.setAnswer('terms_of_service', terms.uuid);
    flow.setAnswer('privacy_policy', privacy.uuid);
    await flow.continue();
    assert.equal(flow.screen.name, 'review');
    await flow.submit();
    assert.deepEqual(sent, [], 'nothing sent before the code');
    assert.equal(flow.signature?.purpose, 'submit');
    assert.deepEqual(flow.signature?.groups, [['sms']]);
    await sign();
    assert.deepEqual(sent, ['signed']);
    assert.equal(flow.screen.name, 'waiting');
  });

  for (const [what, status, body] of [
    ['a detail naming the code', 403, { detail: 'sms_sign_code is required for this change.' }],
    ['a non-field error naming it', 422, { non_field_errors: ['Provide email_sign_code.'] }],
  ] as const) {
    test(`a refusal for want of a code in ${what} (${status}) asks for it`, () => {
      const error = errorFromResponse({ status, body }, { method: 'PATCH', path: '/v1/kyc/x/' });
      assert.equal(error.code, 'signature_required');
      assert.deepEqual(error.providers, [status === 403 ? 'sms' : 'email']);
    });
  }
});

describe('attributes', () => {
  const attribute = (fields: Partial<KycAttribute>): KycAttribute => attributeOf('x', fields);

  test("the guide's document keys are documents whatever their type; the profile's types and keys are read", () => {
    const defaults = resolvePlatform();
    assert.equal(profiledAttribute(defaults, attribute({ key: 'passport', type: 'file' })).type, 'document');
    assert.equal(profiledAttribute(defaults, attribute({ key: 'proof_of_funds', type: 'upload' })).type, 'document');
    assert.equal(profiledAttribute(defaults, attribute({ key: 'nickname', type: 'file' })).type, 'file');
    const profile = resolvePlatform({ types: { txt: 'text', choice: 'reference_data' }, documentKeys: ['selfie_with_card'] });
    assert.equal(profiledAttribute(profile, attribute({ type: 'txt' })).type, 'text');
    assert.equal(profiledAttribute(profile, attribute({ type: 'choice' })).type, 'reference_data');
    assert.equal(profiledAttribute(profile, attribute({ key: 'selfie_with_card', type: 'image' })).type, 'document');
  });

  test("a liveness check's result words are the profile's, as done or failed", () => {
    const verification = (status: string) => ({ verificator: 'sumsub', status, clientNote: null });
    const profile = resolvePlatform({ liveness: { done: ['GREEN_LIGHT'], failed: ['retry_needed'] } });
    const liveness = (status: string) => attribute({ key: 'sumsub_liveness_check_token', verification: verification(status) });
    assert.equal(profiledAttribute(profile, liveness('green_light')).verification?.status, 'completed');
    assert.equal(profiledAttribute(profile, liveness('Retry_Needed')).verification?.status, 'failed');
    assert.equal(profiledAttribute(profile, liveness('ignored')).verification?.status, 'ignored', 'the guide\'s "ignored" is not done');
    assert.equal(profiledAttribute(resolvePlatform(), liveness('green_light')).verification?.status, 'green_light');
    const document = attribute({ key: 'passport', type: 'document', verification: verification('green_light') });
    assert.equal(profiledAttribute(profile, document).verification?.status, 'green_light', 'only a liveness check');
  });
});
