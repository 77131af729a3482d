// `kyc-onboarding doctor` (src/doctor/doctor.ts) against the sandbox served over HTTP, in each
// dialect: what it prints, the profile it proposes, its exit code, that it only reads, and that no
// personal value reaches its output.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { doctorMain, type DoctorReport } from '../../src/doctor/doctor.js';
import { createSandbox, SANDBOX_SIGN_CODE } from '../../src/server/sandbox/index.js';

const API_KEY = 'doctor-test-key';
const sandbox = createSandbox({ apiKey: API_KEY });
let server: Server;
let upstream: string;
/** Every method the platform received. */
const methods: string[] = [];

before(async () => {
  server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : null;
      if (incoming.url?.startsWith('/v1/')) methods.push(incoming.method ?? '');
      const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        ...(body && incoming.method !== 'GET' ? { body } : {}),
      });
      void sandbox.fetch(request).then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Calls the platform (setting the stage) as the partner's backend would. */
async function platform(method: string, path: string, scope: { legal_entity_uuid: string; client_uuid: string }, body?: unknown) {
  const query = new URLSearchParams(scope);
  const response = await fetch(`${upstream}${path}?${query}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** A client of a fresh entity in `dialect`, with a Basic application whose personal data is answered. */
async function clientWith(dialect: Record<string, unknown> = {}) {
  const response = await fetch(`${upstream}/sandbox/v1/clients/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dialect }),
  });
  const scope = (await response.json()) as { legal_entity_uuid: string; client_uuid: string };
  const info = await platform('GET', '/v1/clients/kyc-level-info/', scope);
  const levels = info['available_levels_for_upgrade'] as Record<string, unknown>[] | { results: Record<string, unknown>[] };
  const list = Array.isArray(levels) ? levels : levels.results;
  // Levels as bare uuids (one dialect) have no name: the first is Basic.
  const basic = list.find((level) => typeof level === 'object' && (level['name'] ?? level['title']) === 'Basic') ?? list[0];
  const levelUuid = typeof basic === 'string' ? basic : (basic['uuid'] ?? basic['id']);
  const application = await platform('POST', '/v1/clients/kyc-level-info/', scope, { kyc_level_uuid: levelUuid });
  const uuid = (application['uuid'] ?? application['id']) as string;
  await platform('PATCH', `/v1/kyc/${uuid}/`, scope, {
    attribute_changes: [
      { key: 'first_name', value: 'Jocasta' },
      { key: 'last_name', value: 'Nu' },
    ],
  });
  return scope;
}

/** Runs the doctor for a client; its exit code, its output and (with --json) its report. */
async function doctor(scope: { legal_entity_uuid: string; client_uuid: string }, ...extra: string[]) {
  let out = '';
  let err = '';
  methods.length = 0;
  const code = await doctorMain(
    [
      '--upstream',
      upstream,
      '--header',
      `Authorization: Bearer ${API_KEY}`,
      '--legal-entity',
      scope.legal_entity_uuid,
      '--client',
      scope.client_uuid,
      ...extra,
    ],
    { out: (text) => (out += text), err: (text) => (err += text) },
  );
  return { code, out, err, report: extra.includes('--json') ? (JSON.parse(out) as DoctorReport) : null };
}

describe('kyc-onboarding doctor', () => {
  test('on the canonical platform: every endpoint understood, no profile needed, exit 0, reads only', async () => {
    const scope = await clientWith();
    const { code, out } = await doctor(scope);
    assert.equal(code, 0, out);
    assert.match(out, /^ok +GET \/v1\/clients\/kyc-level-info\//m);
    assert.match(out, /^ok +GET \/v1\/kyc\/\{uuid\}\/$/m);
    assert.match(out, /status "draft" read as draft/);
    assert.match(out, /^ok +GET \/v1\/attributes\/citizenship\/definitions\/$/m);
    assert.match(out, /^ok +GET \/v1\/legal_documents\/ \(key terms_of_service\)$/m);
    assert.match(out, /The widget can run against this platform\./);
    assert.doesNotMatch(out, /platform profile that fits/);
    assert.deepEqual([...new Set(methods)], ['GET'], 'it never writes');
    for (const secret of ['Jocasta', API_KEY, SANDBOX_SIGN_CODE]) assert.equal(out.includes(secret), false, `no "${secret}" in the output`);
  });

  for (const dialect of [
    { names: 'renamed' },
    { pagination: 'limit_offset', page_size: 7 },
    { pagination: 'cursor', page_size: 7 },
    { lists: 'bare' },
    { statuses: 'synonyms' },
    { omit_optional: true },
    { level_items: 'uuids' },
    { upload_answer: 'single' },
    { liveness: 'source' },
    { liveness_timeline: true },
    { sumsub_errors: 'wrapped' },
    { upload_field: 'file' },
    { attribute_errors: 'list' },
  ]) {
    test(`reads a platform in the dialect ${JSON.stringify(dialect)}`, async () => {
      const { code, report, out } = await doctor(await clientWith(dialect), '--json');
      assert.equal(code, 0, out);
      assert.equal(report!.ok, true);
      assert.deepEqual(report!.profile, {});
      assert.ok(
        report!.checks.every((check) => check.ok),
        out,
      );
    });
  }

  test('a platform with status words the widget does not know: exit 1, and the profile that says them', async () => {
    const scope = await clientWith({ statuses: 'foreign' });
    const { code, report } = await doctor(scope, '--json');
    assert.equal(code, 1);
    assert.equal(report!.ok, false);
    assert.deepEqual(report!.profile, { statuses: { opened: 'draft' } });
    const application = report!.checks.find((check) => check.endpoint === 'GET /v1/kyc/{uuid}/')!;
    assert.equal(application.fatal, true);
    assert.match(application.problems.join(' '), /"opened" is not one the widget knows/);
    const text = await doctor(scope);
    assert.match(text.out, /^FAIL +GET \/v1\/kyc\/\{uuid\}\/$/m);
    assert.match(text.out, /"statuses": \{\s+"opened": "draft"/);
  });

  test('an unknown attribute type is named with a profile mapping it, and the widget still runs', async () => {
    const { code, report } = await doctor(await clientWith({ extra_fields: true }), '--json');
    assert.equal(code, 0);
    const types = report!.profile.types ?? {};
    assert.ok(Object.keys(types).length > 0, 'the unknown type is mapped');
    assert.ok(Object.values(types).every((type) => type === 'string'));
  });

  test('an answer it cannot read: where, and the shape there, never the value; exit 1', async () => {
    const scope = await clientWith();
    await fetch(`${upstream}/sandbox/v1/faults/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_uuid: scope.client_uuid,
        method: 'GET',
        path_contains: '/v1/clients/kyc-level-info/',
        status: 200,
        body: JSON.stringify({
          allowed_to_create_kyc_application: true,
          available_levels_for_upgrade: [{ uuid: 'Jocasta Nu, born 1955-02-03'.repeat(20), name: 'Basic' }],
        }),
      }),
    });
    const { code, out } = await doctor(scope);
    assert.equal(code, 1);
    assert.match(out, /^FAIL +GET \/v1\/clients\/kyc-level-info\//m);
    assert.match(out, /at available_levels_for_upgrade\.0\.uuid, found a string of 540 character\(s\)/);
    assert.equal(out.includes('Jocasta'), false, 'the value stays out');
  });

  test('usage errors exit 2 and say what is missing', async () => {
    let err = '';
    assert.equal(await doctorMain(['--upstream', upstream], { err: (text) => (err += text) }), 2);
    assert.match(err, /--legal-entity and --client are required/);
  });
});
