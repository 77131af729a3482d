import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_QUEUED_FAULTS } from '../../src/server/sandbox/control.js';
import { createSandbox, type DemoClient } from '../../src/server/sandbox/index.js';
import {
  attributes,
  call,
  clientWithApplication,
  completeBasic,
  freshClient,
  makeDocument,
  patch,
  sendCode,
  url,
  type Scope,
} from './sandbox-harness.js';

const sandbox = createSandbox();

/** A fresh client whose Basic application is complete and in review. */
async function inReview(): Promise<{ scope: Scope; uuid: string }> {
  const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
  await completeBasic(sandbox, scope, uuid);
  assert.equal((await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} })).status, 200);
  return { scope, uuid };
}

const testCompleted = (uuid: string, body: unknown) =>
  call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/testCompleted`, { body });

describe('sandbox control: clients', () => {
  it('creates isolated legal entities with the same seed', async () => {
    const a = await freshClient(sandbox);
    const b = await freshClient(sandbox);
    assert.notEqual(a.legal_entity_uuid, b.legal_entity_uuid);
    assert.notEqual(a.legal_entity_uuid, sandbox.legalEntityUuid);
    const levels = async (scope: Scope) =>
      (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body.available_levels_for_upgrade;
    const [levelsA, levelsB] = [await levels(a), await levels(b)];
    assert.deepEqual(
      levelsA.map((level: { name: string }) => level.name),
      levelsB.map((level: { name: string }) => level.name),
    );
    assert.notEqual(levelsA[0].uuid, levelsB[0].uuid);
  });

  it('creates a client not allowed to apply, and validates the body', async () => {
    const scope = await freshClient(sandbox, { allowed_to_create_kyc_application: false });
    assert.equal((await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body.allowed_to_create_kyc_application, false);
    const bad = await call(sandbox, 'POST', '/sandbox/v1/clients/', {
      body: { dialect: { lists: 'sometimes', colour: 'red', page_size: 0 } },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.body.dialect).sort(), ['colour', 'lists', 'page_size']);
    assert.equal((await call(sandbox, 'POST', '/sandbox/v1/clients/', { body: { allowed_to_create_kyc_application: 'yes' } })).status, 400);
  });
});

describe('sandbox control: statuses', () => {
  it('sets any status, with a comment and remarks shown on the attributes', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    const set = await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, {
      body: {
        status: 'pending',
        comment: 'Please fix two answers.',
        remarks: { first_name: ['Too short.'], citizenship: ['Not matching.', 'Check it.'] },
      },
    });
    assert.equal(set.status, 200);
    assert.equal(set.body.status, 'pending');
    const read = (await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body;
    assert.equal(read.comment, 'Please fix two answers.');
    assert.deepEqual(attributes(read)['citizenship'].errors, ['Not matching.', 'Check it.']);
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body: { status: 'awaiting_documents' } });
    const unknown = (await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body;
    assert.equal(unknown.status, 'awaiting_documents');
    assert.equal(unknown.comment, null);
    assert.deepEqual(attributes(unknown)['citizenship'].errors, []);
  });

  it('validates the status body, and 404s an unknown application', async () => {
    const { uuid } = await clientWithApplication(sandbox, 'Basic');
    const post = (body: unknown) => call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body });
    assert.ok((await post({})).body.status);
    assert.ok((await post({ status: '' })).body.status);
    assert.ok((await post({ status: 'pending', comment: 5 })).body.comment);
    assert.deepEqual(Object.keys((await post({ status: 'pending', remarks: { passport: ['x'] } })).body.remarks), ['passport']);
    assert.ok((await post({ status: 'pending', remarks: { first_name: 'x' } })).body.remarks.first_name);
    assert.equal(
      (await call(sandbox, 'POST', `/sandbox/v1/applications/${crypto.randomUUID()}/status/`, { body: { status: 'approved' } })).status,
      404,
    );
  });
});

describe('sandbox control: Sumsub review results (testCompleted)', () => {
  it('GREEN approves and raises the client level', async () => {
    const { scope, uuid } = await inReview();
    const answer = await testCompleted(uuid, { reviewAnswer: 'GREEN', rejectLabels: [] });
    assert.equal(answer.status, 200);
    assert.equal((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body.status, 'approved');
    assert.equal((await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body.current_level.name, 'Basic');
  });

  it('RED + RETRY returns the application with the moderation comment; labels and client comment stay internal', async () => {
    const { scope, uuid } = await inReview();
    await testCompleted(uuid, {
      reviewAnswer: 'RED',
      reviewRejectType: 'RETRY',
      rejectLabels: ['UNSATISFACTORY_PHOTOS', 'SCREENSHOTS'],
      moderationComment: 'We do not accept screenshots. Please upload an original photo.',
      clientComment: 'Screenshots are not accepted; suspicious.',
    });
    const read = await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope });
    assert.equal(read.body.status, 'pending');
    assert.equal(read.body.comment, 'We do not accept screenshots. Please upload an original photo.');
    const level = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope });
    const attribute = await call(sandbox, 'GET', `/v1/kyc/${uuid}/attributes/first_name/`, { scope });
    for (const answer of [read, level, attribute]) {
      const text = JSON.stringify(answer.body);
      for (const secret of ['UNSATISFACTORY_PHOTOS', 'SCREENSHOTS', 'suspicious', 'rejectLabels', 'clientComment'])
        assert.ok(!text.includes(secret), secret);
    }
    const inspected = (await call(sandbox, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`)).body;
    assert.deepEqual(inspected.review_results[0].rejectLabels, ['UNSATISFACTORY_PHOTOS', 'SCREENSHOTS']);
    assert.equal(inspected.review_results[0].clientComment, 'Screenshots are not accepted; suspicious.');
    assert.equal((await patch(sandbox, scope, uuid, { first_name: 'Ada' })).status, 200, 'a returned application is editable');
  });

  for (const reviewRejectType of ['FINAL', 'EXTERNAL', undefined]) {
    it(`RED + ${reviewRejectType ?? 'no type'} rejects for good`, async () => {
      const { scope, uuid } = await inReview();
      const body = {
        reviewAnswer: 'RED',
        rejectLabels: ['FORGERY'],
        moderationComment: 'We cannot verify you.',
        ...(reviewRejectType ? { reviewRejectType } : {}),
      };
      assert.equal((await testCompleted(uuid, body)).status, 200);
      const read = (await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body;
      assert.equal(read.status, 'rejected');
      assert.equal(read.comment, 'We cannot verify you.');
      assert.ok(!JSON.stringify(read).includes('FORGERY'));
      assert.equal((await patch(sandbox, scope, uuid, { first_name: 'Ada' })).status, 409);
      assert.equal((await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body.allowed_to_create_kyc_application, true);
    });
  }

  it('requires reviewAnswer and rejectLabels, and an application in review', async () => {
    const { uuid } = await inReview();
    assert.deepEqual(Object.keys((await testCompleted(uuid, {})).body).sort(), ['rejectLabels', 'reviewAnswer']);
    assert.ok((await testCompleted(uuid, { reviewAnswer: 'YELLOW', rejectLabels: [] })).body.reviewAnswer);
    assert.ok((await testCompleted(uuid, { reviewAnswer: 'RED', rejectLabels: 'FORGERY' })).body.rejectLabels);
    assert.ok((await testCompleted(uuid, { reviewAnswer: 'RED', rejectLabels: [], reviewRejectType: 'SOFT' })).body.reviewRejectType);
    assert.ok((await testCompleted(uuid, { reviewAnswer: 'RED', rejectLabels: [], clientComment: 1 })).body.clientComment);
    const draft = await clientWithApplication(sandbox, 'Basic');
    assert.equal((await testCompleted(draft.uuid, { reviewAnswer: 'GREEN', rejectLabels: [] })).status, 409);
  });
});

describe('sandbox control: liveness and inspect', () => {
  it('blocks send-to-review until the required liveness check passed', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const refusal = async () =>
      (await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} })).body.attribute_changes
        ?.sumsub_liveness_check_token;
    assert.match((await refusal())[0], /take the liveness check/);
    assert.equal((await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/liveness/`, { body: { result: 'failed' } })).status, 200);
    assert.match((await refusal())[0], /failed/);
    assert.equal((await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/liveness/`, { body: { result: 'maybe' } })).status, 400);
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/liveness/`, { body: { result: 'passed' } });
    assert.equal(await refusal(), undefined);
  });

  it('shows internal state: status, level, documents, files, sends, liveness', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    await makeDocument(sandbox, scope, 'passport');
    await makeDocument(sandbox, scope, 'proof_of_address');
    await sendCode(sandbox, scope, uuid, 'email', 'ada@example.com');
    const inspected = await call(sandbox, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`);
    assert.equal(inspected.status, 200);
    const { items, ...documents } = inspected.body.documents;
    assert.deepEqual(
      items.map((item: { key: string; files: { content_type: string }[] }) => [item.key, item.files.map((file) => file.content_type)]),
      [
        ['passport', ['image/png']],
        ['proof_of_address', ['image/png']],
      ],
    );
    assert.deepEqual(
      { ...inspected.body, documents, kyc_level: inspected.body.kyc_level.name },
      {
        uuid,
        legal_entity_uuid: scope.legal_entity_uuid,
        client_uuid: scope.client_uuid,
        kyc_level: 'Advanced',
        status: 'draft',
        comment: null,
        remarks: {},
        liveness: null,
        documents: { count: 2, keys: ['passport', 'proof_of_address'] },
        uploaded_files: 2,
        review_results: [],
        sign_code_sends: [{ provider: 'email', count: 1 }],
      },
    );
    assert.equal((await call(sandbox, 'GET', `/sandbox/v1/applications/${crypto.randomUUID()}/inspect/`)).status, 404);
  });
});

describe('sandbox control: request log', () => {
  it('records method, path, query and header flags, never bodies, header values or codes', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    await sendCode(sandbox, scope, uuid, 'sms', '+37120000000');
    await sandbox.fetch(
      new Request(url(`/v1/kyc/${uuid}/`, scope, { sms_sign_code: '111111' }), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token', cookie: 'session=abc' },
        body: JSON.stringify({ attribute_changes: [{ key: 'phone', value: '+37120000000' }] }),
      }),
    );
    await call(sandbox, 'GET', '/v1/legal_documents/', { scope: { legal_entity_uuid: scope.legal_entity_uuid } });
    const log = await call(sandbox, 'GET', '/sandbox/v1/requests/', { query: { client_uuid: scope.client_uuid } });
    assert.equal(log.status, 200);
    const entries = log.body as {
      method: string;
      path: string;
      query: Record<string, string>;
      at: string;
      headers: Record<string, unknown>;
    }[];
    assert.deepEqual(
      entries.map((entry) => `${entry.method} ${entry.path}`),
      [
        'GET /v1/clients/kyc-level-info/',
        'POST /v1/clients/kyc-level-info/',
        'POST /v1/signatures/send-code/',
        `PATCH /v1/kyc/${uuid}/`,
        'GET /v1/legal_documents/',
      ],
    );
    const patched = entries[3];
    assert.deepEqual(patched.query, { ...scope, sms_sign_code: '***' });
    assert.equal(patched.headers['authorization'], true);
    assert.equal(patched.headers['cookie'], true);
    assert.equal(patched.headers['content_type'], 'application/json');
    assert.equal(entries[0].headers['authorization'], false);
    assert.equal(entries[0].headers['cookie'], false);
    assert.equal(entries[0].headers['content_type'], null);
    assert.ok(!Number.isNaN(Date.parse(patched.at)));
    const text = JSON.stringify(entries);
    for (const secret of ['secret-token', 'session=abc', '+37120000000', '111111']) assert.ok(!text.includes(secret), secret);
  });

  it('keeps the last 100 requests per client, and only that client’s', async () => {
    const a = await freshClient(sandbox);
    const b = await freshClient(sandbox);
    for (let i = 0; i < 105; i += 1) await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope: a, query: { n: String(i) } });
    await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope: b });
    const log = (await call(sandbox, 'GET', '/sandbox/v1/requests/', { query: { client_uuid: a.client_uuid } })).body;
    assert.equal(log.length, 100);
    assert.equal(log[0].query.n, '5');
    assert.equal(log[99].query.n, '104');
    assert.equal((await call(sandbox, 'GET', '/sandbox/v1/requests/', { query: { client_uuid: b.client_uuid } })).body.length, 1);
    assert.equal((await call(sandbox, 'GET', '/sandbox/v1/requests/')).status, 400);
    assert.equal((await call(sandbox, 'GET', '/sandbox/v1/requests/', { query: { client_uuid: crypto.randomUUID() } })).status, 404);
  });
});

describe('sandbox control: clients of one legal entity are isolated', () => {
  const shared = createSandbox();
  const [a, b] = shared.demoClients as [DemoClient, DemoClient];
  const entityScope = { legal_entity_uuid: a.legal_entity_uuid };
  const levelInfo = (client: DemoClient, query: Record<string, string> = {}) =>
    call(shared, 'GET', '/v1/clients/kyc-level-info/', { scope: client, query });
  const legalDocuments = () => call(shared, 'GET', '/v1/legal_documents/', { scope: entityScope });
  const logOf = async (client: DemoClient) =>
    (await call(shared, 'GET', '/sandbox/v1/requests/', { query: { client_uuid: client.client_uuid } })).body.map(
      (entry: { method: string; path: string; query: Record<string, string> }) =>
        `${entry.method} ${entry.path}${entry.query['n'] ? ` ${entry.query['n']}` : ''}`,
    );
  const fault = (body: Record<string, unknown>) => call(shared, 'POST', '/sandbox/v1/faults/', { body });

  it('logs a request naming a client in that client’s log only, and one naming none in every client’s', async () => {
    assert.equal(a.legal_entity_uuid, b.legal_entity_uuid, 'two demo clients share the showcase entity');
    await levelInfo(a, { n: 'a' });
    await levelInfo(b, { n: 'b' });
    await legalDocuments();
    await call(shared, 'GET', '/v1/clients/kyc-level-info/', {
      scope: { ...entityScope, client_uuid: crypto.randomUUID() },
      query: { n: 'nobody' },
    });
    assert.deepEqual(await logOf(a), ['GET /v1/clients/kyc-level-info/ a', 'GET /v1/legal_documents/']);
    assert.deepEqual(await logOf(b), ['GET /v1/clients/kyc-level-info/ b', 'GET /v1/legal_documents/']);
  });

  it('serves a client’s fault to its own requests and to requests naming no client, never to another client’s', async () => {
    assert.equal((await fault({ client_uuid: a.client_uuid, status: 503 })).status, 201);
    assert.equal((await levelInfo(b)).status, 200, 'B never gets A’s fault');
    assert.equal((await levelInfo(a)).status, 503);
    await fault({ client_uuid: a.client_uuid, path_contains: '/legal_documents/', status: 502 });
    assert.equal((await legalDocuments()).status, 502, 'a request naming no client may take any fault of its entity');
    assert.equal((await legalDocuments()).status, 200);
    await fault({ client_uuid: b.client_uuid, status: 500 });
    await call(shared, 'DELETE', '/sandbox/v1/faults/', { query: { client_uuid: a.client_uuid } });
    assert.equal((await levelInfo(b)).status, 500, 'clearing A’s faults leaves B’s');
  });
});

describe('sandbox control: faults', () => {
  const fault = (body: Record<string, unknown>) => call(sandbox, 'POST', '/sandbox/v1/faults/', { body });
  const levelInfo = (scope: Scope, signal?: AbortSignal) =>
    call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope, ...(signal ? { signal } : {}) });

  it('serves a status instead of the next matching request(s), then the real answers again', async () => {
    const scope = await freshClient(sandbox);
    assert.equal((await fault({ client_uuid: scope.client_uuid, status: 503, times: 2 })).status, 201);
    const first = await levelInfo(scope);
    assert.equal(first.status, 503);
    assert.equal(typeof first.body.detail, 'string');
    assert.equal((await levelInfo(scope)).status, 503);
    assert.equal((await levelInfo(scope)).status, 200);
    const log = (await call(sandbox, 'GET', '/sandbox/v1/requests/', { query: { client_uuid: scope.client_uuid } })).body;
    assert.equal(log.length, 3, 'faulted requests reached the server and are logged');
  });

  it('serves 429 with Retry-After, and a custom body', async () => {
    const scope = await freshClient(sandbox);
    await fault({ client_uuid: scope.client_uuid, status: 429, headers: { 'Retry-After': '2' } });
    const throttled = await levelInfo(scope);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.response.headers.get('retry-after'), '2');
    assert.match(throttled.body.detail, /throttled/);
    await fault({ client_uuid: scope.client_uuid, status: 400, body: '{"non_field_errors": ["Custom."]}' });
    assert.deepEqual((await levelInfo(scope)).body, { non_field_errors: ['Custom.'] });
  });

  it('serves an HTML page, truncated JSON, a non-JSON body and a wrong shape', async () => {
    const scope = await freshClient(sandbox);
    for (const kind of ['html', 'truncated', 'not_json', 'wrong_shape']) await fault({ client_uuid: scope.client_uuid, kind });
    const html = await levelInfo(scope);
    assert.equal(html.status, 502);
    assert.match(html.response.headers.get('content-type')!, /text\/html/);
    assert.match(html.body, /<html>/);
    const truncated = await sandbox.fetch(new Request(url('/v1/clients/kyc-level-info/', scope)));
    assert.equal(truncated.status, 200);
    assert.equal(truncated.headers.get('content-type'), 'application/json');
    const text = await truncated.text();
    assert.throws(() => JSON.parse(text));
    const notJson = await levelInfo(scope);
    assert.equal(notJson.status, 200);
    assert.equal(notJson.response.headers.get('content-type'), 'application/json');
    assert.equal(typeof notJson.body, 'string');
    const wrong = await levelInfo(scope);
    assert.equal(wrong.status, 200);
    assert.equal(wrong.body.allowed_to_create_kyc_application, undefined);
    assert.equal((await levelInfo(scope)).body.allowed_to_create_kyc_application, true);
  });

  it('cuts the connection mid-body: a JSON answer whose body breaks off after its first part', async () => {
    const scope = await freshClient(sandbox);
    await fault({ client_uuid: scope.client_uuid, kind: 'cut' });
    const cut = await sandbox.fetch(new Request(url('/v1/clients/kyc-level-info/', scope)));
    assert.equal(cut.status, 200);
    assert.equal(cut.headers.get('content-type'), 'application/json');
    const reader = cut.body!.getReader();
    const first = await reader.read();
    assert.match(new TextDecoder().decode(first.value), /^\{"uuid": /);
    await assert.rejects(reader.read(), /cut/);
    assert.equal((await levelInfo(scope)).status, 200);
    await fault({ client_uuid: scope.client_uuid, kind: 'cut' });
    await assert.rejects((await sandbox.fetch(new Request(url('/v1/clients/kyc-level-info/', scope)))).text());
  });

  it('matches by method and path, by legal entity for calls without a client, and only that client', async () => {
    const scope = await freshClient(sandbox);
    const bystander = await freshClient(sandbox);
    await fault({ client_uuid: scope.client_uuid, method: 'post', path_contains: '/send-code/', status: 500 });
    await fault({ client_uuid: scope.client_uuid, path_contains: '/definitions/', status: 502 });
    assert.equal((await levelInfo(scope)).status, 200);
    assert.equal((await levelInfo(bystander)).status, 200);
    const definitions = await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', {
      scope: { legal_entity_uuid: scope.legal_entity_uuid },
    });
    assert.equal(definitions.status, 502, 'a request with only legal_entity_uuid matches the client’s faults');
    const { uuid } = await clientWithApplication(sandbox, 'Basic');
    assert.equal((await sendCode(sandbox, scope, uuid, 'sms', '+37120000000')).status, 500);
  });

  it('clears a client’s faults', async () => {
    const scope = await freshClient(sandbox);
    await fault({ client_uuid: scope.client_uuid, status: 500, times: 5 });
    const cleared = await call(sandbox, 'DELETE', '/sandbox/v1/faults/', { query: { client_uuid: scope.client_uuid } });
    assert.equal(cleared.status, 204);
    assert.equal((await levelInfo(scope)).status, 200);
  });

  it('delays the real answer, and ends a delay or a hang when the request is aborted', async () => {
    const scope = await freshClient(sandbox);
    await fault({ client_uuid: scope.client_uuid, delay_ms: 5 });
    assert.equal((await levelInfo(scope)).status, 200, 'a delay-only fault lets the real answer through');

    for (const body of [{ delay_ms: 30_000, status: 500 }, { kind: 'hang' }]) {
      await fault({ client_uuid: scope.client_uuid, ...body });
      const controller = new AbortController();
      const pending = levelInfo(scope, controller.signal);
      setImmediate(() => controller.abort());
      await assert.rejects(pending, { name: 'AbortError' });
    }
    assert.equal((await levelInfo(scope)).status, 200, 'the aborted faults were consumed');
  });

  it('validates faults: capped delay, known kind, existing client', async () => {
    const scope = await freshClient(sandbox);
    assert.ok((await fault({ client_uuid: scope.client_uuid, delay_ms: 30_001 })).body.delay_ms);
    assert.ok((await fault({ client_uuid: scope.client_uuid, kind: 'explode' })).body.kind);
    assert.ok((await fault({ client_uuid: scope.client_uuid, status: 99 })).body.status);
    assert.ok((await fault({ client_uuid: scope.client_uuid, kind: 'html', body: 'x' })).body.body);
    assert.ok((await fault({ client_uuid: 'nope' })).body.client_uuid);
    assert.equal((await fault({ client_uuid: crypto.randomUUID() })).status, 404);
    assert.ok((await fault({ client_uuid: scope.client_uuid, body: 'x'.repeat(64 * 1024 + 1) })).body.body, 'a body over 64 KiB');
    const headers = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`x-${i}`, 'v']));
    assert.ok((await fault({ client_uuid: scope.client_uuid, headers })).body.headers, '33 headers');
  });

  it('caps the queue: 20 faults per client, 409 beyond; clearing or serving them makes room', async () => {
    const scope = await freshClient(sandbox);
    const other = await freshClient(sandbox);
    for (let i = 1; i <= MAX_QUEUED_FAULTS; i += 1) {
      const queued = await fault({ client_uuid: scope.client_uuid, status: 500, times: 1000 });
      assert.equal(queued.status, 201);
      assert.deepEqual(queued.body, { queued: i });
    }
    const refused = await fault({ client_uuid: scope.client_uuid, status: 500 });
    assert.equal(refused.status, 409);
    assert.match(refused.body.detail, /20 queued faults/);
    assert.equal((await fault({ client_uuid: other.client_uuid, status: 500 })).status, 201, 'another client has its own room');
    await call(sandbox, 'DELETE', '/sandbox/v1/faults/', { query: { client_uuid: scope.client_uuid } });
    assert.equal((await fault({ client_uuid: scope.client_uuid, status: 503 })).status, 201);
    assert.equal((await levelInfo(scope)).status, 503, 'served');
    for (let i = 1; i <= MAX_QUEUED_FAULTS; i += 1)
      assert.equal((await fault({ client_uuid: scope.client_uuid, status: 500 })).status, 201, `fault ${i}`);
  });
});

describe('sandbox: scenario clients for a demo visitor, and forgetting them', () => {
  const levelInfo = (scope: Scope) => call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope });

  it('seeds a fresh legal entity with one client per demo scenario, in the same states, with new uuids', async () => {
    const first = sandbox.seedScenarios();
    const second = sandbox.seedScenarios();
    assert.deepEqual(
      first.map(({ label }) => label),
      sandbox.demoClients.map(({ label }) => label),
    );
    assert.equal(new Set(first.map((client) => client.legal_entity_uuid)).size, 1, 'one legal entity');
    assert.notEqual(first[0].legal_entity_uuid, sandbox.legalEntityUuid);
    assert.notEqual(first[0].legal_entity_uuid, second[0].legal_entity_uuid);
    const uuids = new Set([...first, ...second, ...sandbox.demoClients].map((client) => client.client_uuid));
    assert.equal(uuids.size, 3 * first.length, 'no client uuid shared');
    for (const [index, client] of first.entries()) {
      const mine = (await levelInfo(client)).body;
      const showcase = (await levelInfo(sandbox.demoClients[index])).body;
      assert.equal(mine.allowed_to_create_kyc_application, showcase.allowed_to_create_kyc_application, client.label);
      assert.equal(mine.last_kyc_application_uuid === null, showcase.last_kyc_application_uuid === null, client.label);
      assert.notEqual(mine.last_kyc_application_uuid ?? 'none', showcase.last_kyc_application_uuid, client.label);
    }
  });

  it('tells whose an application is', async () => {
    const draft = sandbox.seedScenarios().find(({ label }) => label === 'Draft in progress')!;
    const uuid = (await levelInfo(draft)).body.last_kyc_application_uuid;
    assert.deepEqual(sandbox.applicationOwner(uuid), { legal_entity_uuid: draft.legal_entity_uuid, client_uuid: draft.client_uuid });
    assert.equal(sandbox.applicationOwner(crypto.randomUUID()), null);
  });

  it('forgets a legal entity with its clients and applications; the showcase stays', async () => {
    const clients = sandbox.seedScenarios();
    const draft = clients.find(({ label }) => label === 'Draft in progress')!;
    const uuid = (await levelInfo(draft)).body.last_kyc_application_uuid;
    sandbox.forget(draft.legal_entity_uuid);
    for (const client of clients) assert.equal((await levelInfo(client)).status, 404, client.label);
    assert.equal(sandbox.applicationOwner(uuid), null);
    assert.equal((await call(sandbox, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`)).status, 404);
    sandbox.forget(sandbox.legalEntityUuid);
    assert.equal((await levelInfo(sandbox.demoClients[0])).status, 200, 'the showcase is never forgotten');
  });

  it('keeps at most maxFreshEntities legal entities made after the showcase, forgetting the oldest', async () => {
    const small = createSandbox({ maxFreshEntities: 2 });
    const [a, b, c] = [small.seedScenarios()[0], await freshClient(small), small.seedScenarios()[0]];
    assert.equal((await call(small, 'GET', '/v1/clients/kyc-level-info/', { scope: a })).status, 404, 'the oldest is forgotten');
    for (const scope of [b, c, small.demoClients[0]])
      assert.equal((await call(small, 'GET', '/v1/clients/kyc-level-info/', { scope })).status, 200);
  });
});

describe('sandbox: API key', () => {
  const secured = createSandbox({ apiKey: 'platform-key' });
  const scope = secured.demoClients[0];
  const get = (headers: Record<string, string>) => call(secured, 'GET', '/v1/clients/kyc-level-info/', { scope, headers });

  it('requires the Bearer key on platform calls', async () => {
    const missing = await get({});
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.body, { detail: 'Authentication credentials were not provided.' });
    assert.equal(missing.response.headers.get('www-authenticate'), 'Bearer');
    for (const authorization of ['Bearer wrong', 'platform-key', 'Bearer platform-key2', 'Basic cGxhdGZvcm0ta2V5']) {
      const wrong = await get({ authorization });
      assert.equal(wrong.status, 401, authorization);
      assert.deepEqual(wrong.body, { detail: 'Invalid token.' });
    }
    assert.equal((await get({ authorization: 'Bearer platform-key' })).status, 200);
  });

  it('leaves the control open', async () => {
    assert.equal((await call(secured, 'GET', '/sandbox/v1/clients/')).status, 200);
  });
});
