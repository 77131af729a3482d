import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, type DemoClient } from '../../src/server/sandbox/index.js';
import {
  attributes,
  call,
  clientWithApplication,
  completeBasic,
  freshClient,
  makeDocument,
  openApplication,
  patch,
  sendCode,
  upload,
  png,
} from './sandbox-harness.js';

const ALL_TYPES = [
  'string',
  'text',
  'email',
  'phone',
  'date',
  'integer',
  'decimal',
  'boolean',
  'reference_data',
  'legal_document',
  'document',
  'sumsub_liveness_check_token',
  'sumsub_liveness_check_url',
];

function demo(sandbox: ReturnType<typeof createSandbox>, label: string): DemoClient {
  const client = sandbox.demoClients.find((candidate) => candidate.label === label);
  assert.ok(client, label);
  return client;
}

describe('sandbox: the seeded showcase', () => {
  const sandbox = createSandbox();

  it('lists its demo clients, in one legal entity, on the control too', async () => {
    assert.ok(sandbox.demoClients.length >= 5);
    assert.equal(new Set(sandbox.demoClients.map((client) => client.client_uuid)).size, sandbox.demoClients.length);
    for (const client of sandbox.demoClients) {
      assert.equal(client.legal_entity_uuid, sandbox.legalEntityUuid);
      assert.ok(client.label && client.description);
    }
    const listed = await call(sandbox, 'GET', '/sandbox/v1/clients/');
    assert.deepEqual(listed.body, sandbox.demoClients);
  });

  it('derives the same uuids on every run', async () => {
    const other = createSandbox();
    assert.equal(other.legalEntityUuid, sandbox.legalEntityUuid);
    assert.deepEqual(other.demoClients, sandbox.demoClients);
    const scope = demo(sandbox, 'Draft in progress');
    const [a, b] = await Promise.all([sandbox, other].map((s) => call(s, 'GET', '/v1/clients/kyc-level-info/', { scope })));
    assert.deepEqual(a.body, b.body);
  });

  it('starts each demo client in its own state', async () => {
    const info = async (label: string) => (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope: demo(sandbox, label) })).body;
    const fresh = await info('New client');
    assert.equal(fresh.allowed_to_create_kyc_application, true);
    assert.equal(fresh.last_kyc_application_uuid, null);
    assert.deepEqual(
      fresh.available_levels_for_upgrade.map((level: { name: string }) => level.name),
      ['Basic', 'Standard', 'Advanced'],
    );
    assert.equal(fresh.current_level, null);

    const draft = await info('Draft in progress');
    assert.equal(draft.allowed_to_create_kyc_application, false);
    const draftApplication = await call(sandbox, 'GET', `/v1/kyc/${draft.last_kyc_application_uuid}/`, {
      scope: demo(sandbox, 'Draft in progress'),
    });
    assert.equal(draftApplication.body.status, 'draft');
    assert.equal(draftApplication.body.kyc_level.name, 'Standard');
    const draftAnswers = attributes(draftApplication.body);
    assert.equal(draftAnswers['first_name'].value, 'Jānis');
    assert.equal(draftAnswers['phone'].value, null);

    const pendingScope = demo(sandbox, 'Returned for correction');
    const pending = await call(sandbox, 'GET', `/v1/kyc/${(await info('Returned for correction')).last_kyc_application_uuid}/`, {
      scope: pendingScope,
    });
    assert.equal(pending.body.status, 'pending');
    assert.match(pending.body.comment, /correct/);
    assert.equal(attributes(pending.body)['date_of_birth'].errors.length, 1);
    assert.equal(attributes(pending.body)['last_name'].errors.length, 1);
    assert.deepEqual(attributes(pending.body)['first_name'].errors, []);

    const upgrade = await info('Approved at Basic');
    assert.equal(upgrade.current_level.name, 'Basic');
    assert.equal(upgrade.allowed_to_create_kyc_application, true);
    assert.deepEqual(
      upgrade.available_levels_for_upgrade.map((level: { name: string }) => level.name),
      ['Standard', 'Advanced'],
    );

    const blocked = await info('Not allowed to apply');
    assert.equal(blocked.allowed_to_create_kyc_application, false);
    assert.equal(blocked.last_kyc_application_uuid, null);
    const refused = await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', {
      scope: demo(sandbox, 'Not allowed to apply'),
      body: { kyc_level_uuid: blocked.available_levels_for_upgrade[0].uuid },
    });
    assert.equal(refused.status, 400);
    assert.match(refused.body.non_field_errors[0], /not allowed/);
  });

  it('asks, across its levels, every attribute type; the lowest level without documents or liveness', async () => {
    const types = new Set<string>();
    let required = 0;
    let optional = 0;
    const signers = new Set<string>();
    let readOnly = 0;
    for (const name of ['Basic', 'Standard', 'Advanced']) {
      const { application } = await clientWithApplication(sandbox, name);
      assert.ok(application.kyc_steps.length >= 3);
      for (const step of application.kyc_steps) {
        assert.ok(step.title);
        for (const question of step.questions) {
          assert.ok(question.title);
          assert.ok('description' in question);
          const attribute = question.attribute;
          types.add(attribute.type);
          if (attribute.required) required += 1;
          else optional += 1;
          if (attribute.read_only) readOnly += 1;
          signers.add(attribute.sign_providers.join('+'));
          if (name === 'Basic')
            assert.ok(!['document', 'sumsub_liveness_check_token', 'sumsub_liveness_check_url'].includes(attribute.type));
        }
      }
    }
    assert.deepEqual([...types].sort(), [...ALL_TYPES].sort());
    assert.ok(required > 0 && optional > 0 && readOnly > 0);
    assert.ok(signers.has('sms') && signers.has('email') && signers.has('sms+email'));
    const advanced = attributes((await clientWithApplication(sandbox, 'Advanced')).application);
    const documentKeys = Object.values(advanced)
      .filter((attribute) => attribute.type === 'document')
      .map((attribute) => attribute.key);
    const standard = attributes((await clientWithApplication(sandbox, 'Standard')).application);
    assert.ok(standard['id_card_front_side'] && standard['id_card_back_side'], 'a two-sided document');
    assert.ok(documentKeys.length >= 2);
    assert.equal(advanced['client_number'].value.startsWith('CL-'), true);
  });
});

describe('sandbox: level info and applications (1-3)', () => {
  const sandbox = createSandbox();

  it('creates an application, which closes creation until it is decided', async () => {
    const scope = await freshClient(sandbox);
    const application = await openApplication(sandbox, scope, 'Basic');
    assert.equal(application.status, 'draft');
    assert.equal(application.kyc_level.name, 'Basic');
    assert.equal(application.comment, null);
    const info = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope });
    assert.equal(info.body.allowed_to_create_kyc_application, false);
    assert.equal(info.body.last_kyc_application_uuid, application.uuid);
    const again = await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', {
      scope,
      body: { kyc_level_uuid: application.kyc_level.uuid },
    });
    assert.equal(again.status, 400);
    assert.match(again.body.non_field_errors[0], /open/);
    const read = await call(sandbox, 'GET', `/v1/kyc/${application.uuid}/`, { scope });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, application);
  });

  it('validates the level to create', async () => {
    const scope = await freshClient(sandbox);
    const create = (body: unknown) => call(sandbox, 'POST', '/v1/clients/kyc-level-info/', { scope, body });
    assert.deepEqual((await create({})).body, { kyc_level_uuid: ['This field is required.'] });
    assert.deepEqual((await create({ kyc_level_uuid: 'nope' })).body, { kyc_level_uuid: ['Must be a valid UUID.'] });
    const unknown = await create({ kyc_level_uuid: crypto.randomUUID() });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.kyc_level_uuid[0], /does not exist/);
    const otherEntity = createSandbox().demoClients[0];
    const foreignLevel = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope: otherEntity })).body
      .available_levels_for_upgrade[0].uuid;
    assert.equal((await create({ kyc_level_uuid: foreignLevel })).status, 400, 'a level of another legal entity does not exist here');
  });

  it('offers only higher levels once one is approved, and the same level again after a rejection', async () => {
    const { scope, uuid, application } = await clientWithApplication(sandbox, 'Basic');
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body: { status: 'rejected' } });
    let info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.equal(info.allowed_to_create_kyc_application, true);
    assert.equal(info.available_levels_for_upgrade[0].name, 'Basic');
    const second = await openApplication(sandbox, scope, 'Basic');
    await call(sandbox, 'POST', `/sandbox/v1/applications/${second.uuid}/status/`, { body: { status: 'approved' } });
    info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.deepEqual(info.current_level, application.kyc_level);
    assert.equal(info.last_kyc_application_uuid, second.uuid);
    assert.deepEqual(
      info.available_levels_for_upgrade.map((level: { name: string }) => level.name),
      ['Standard', 'Advanced'],
    );
    const basicAgain = await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', {
      scope,
      body: { kyc_level_uuid: application.kyc_level.uuid },
    });
    assert.deepEqual(basicAgain.body, { kyc_level_uuid: ['This level is not available for upgrade.'] });
  });

  it('allows no creation once the highest level is held', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body: { status: 'approved' } });
    const info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.equal(info.allowed_to_create_kyc_application, false);
    assert.deepEqual(info.available_levels_for_upgrade, []);
  });

  it('runs a whole Basic application: answers, send-to-review, approval', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    const saved = await completeBasic(sandbox, scope, uuid);
    assert.equal(attributes(saved.body)['phone'].value, '+37120000009');
    const sent = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.status, 'in_review');
    assert.equal((await patch(sandbox, scope, uuid, { first_name: 'Eve' })).status, 409);
    assert.equal((await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} })).status, 409);
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body: { status: 'approved' } });
    const read = await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope });
    assert.equal(read.body.status, 'approved');
    const info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.equal(info.current_level.name, 'Basic');
    assert.equal(info.allowed_to_create_kyc_application, true);
  });

  it('refuses editing in any status but draft and pending, unknown ones included', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    for (const status of ['in_review', 'approved', 'rejected', 'frozen_by_compliance']) {
      await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body: { status } });
      const edit = await patch(sandbox, scope, uuid, { first_name: 'Eve' });
      assert.equal(edit.status, 409, status);
      assert.equal(typeof edit.body.detail, 'string');
      assert.equal((await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope })).status, 409, status);
    }
    assert.equal((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body.status, 'frozen_by_compliance');
    const info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.equal(info.allowed_to_create_kyc_application, false, 'an unknown status keeps the application open');
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body: { status: 'pending' } });
    assert.equal((await patch(sandbox, scope, uuid, { first_name: 'Eve' })).status, 200);
  });
});

describe('sandbox: scope and isolation', () => {
  const sandbox = createSandbox();

  it('requires legal_entity_uuid and client_uuid, as uuids', async () => {
    const missing = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/');
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { legal_entity_uuid: ['This field is required.'], client_uuid: ['This field is required.'] });
    const malformed = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', {
      scope: { legal_entity_uuid: 'x', client_uuid: sandbox.demoClients[0].client_uuid },
    });
    assert.deepEqual(malformed.body, { legal_entity_uuid: ['Must be a valid UUID.'] });
  });

  it('answers 404 for a client of another legal entity, or an unknown one', async () => {
    const a = await freshClient(sandbox);
    const b = await freshClient(sandbox);
    const crossed = { legal_entity_uuid: a.legal_entity_uuid, client_uuid: b.client_uuid };
    assert.equal((await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope: crossed })).status, 404);
    const unknown = { legal_entity_uuid: a.legal_entity_uuid, client_uuid: crypto.randomUUID() };
    const answer = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope: unknown });
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.body, { detail: 'Not found.' });
  });

  it("never lets client A read, change, send, or sign B's application, nor use B's files", async () => {
    const a = await freshClient(sandbox);
    const b = await clientWithApplication(sandbox, 'Standard');
    const attacks = [
      call(sandbox, 'GET', `/v1/kyc/${b.uuid}/`, { scope: a }),
      patch(sandbox, a, b.uuid, { first_name: 'Mallory' }),
      call(sandbox, 'GET', `/v1/kyc/${b.uuid}/attributes/first_name/`, { scope: a }),
      call(sandbox, 'POST', `/v1/kyc/${b.uuid}/send-to-review/`, { scope: a, body: {} }),
    ];
    for (const attack of await Promise.all(attacks)) {
      assert.equal(attack.status, 404);
      assert.deepEqual(attack.body, { detail: 'Not found.' });
    }
    const missing = await call(sandbox, 'GET', `/v1/kyc/${crypto.randomUUID()}/`, { scope: a });
    assert.deepEqual(missing.body, { detail: 'Not found.' }, 'same answer as for a missing application');
    const code = await sendCode(sandbox, a, b.uuid, 'sms', '+37120000000');
    assert.equal(code.status, 404, 'send-code for B’s application');
    assert.deepEqual(code.body, { detail: 'Not found.' });
    const inspected = await call(sandbox, 'GET', `/sandbox/v1/applications/${b.uuid}/inspect/`);
    assert.deepEqual(inspected.body.sign_code_sends, [], 'no code was armed for B');

    const uploaded = await upload(sandbox, b.scope, [['b.png', png('b')]]);
    const document = await call(sandbox, 'POST', '/v1/documents/', {
      scope: a,
      body: { attribute_key: 'passport', files: [uploaded.body[0].uuid] },
    });
    assert.equal(document.status, 400);
    assert.match(document.body.files[0], /does not exist/);
    const bDocument = await makeDocument(sandbox, b.scope, 'id_card_front_side');
    const aApplication = await openApplication(sandbox, a, 'Standard');
    const stolen = await patch(sandbox, a, aApplication.uuid, { id_card_front_side: bDocument.uuid });
    assert.equal(stolen.status, 400);
    assert.ok(stolen.body.attribute_changes.id_card_front_side);

    const untouched = await call(sandbox, 'GET', `/v1/kyc/${b.uuid}/`, { scope: b.scope });
    assert.equal(attributes(untouched.body)['first_name'].value, null);
  });
});

describe('sandbox: attributes, reference data, legal documents (5, 7, 8)', () => {
  const sandbox = createSandbox();

  it('reads one attribute of an application, 404 for a key it does not ask', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    await patch(sandbox, scope, uuid, { first_name: 'Ada' });
    const answer = await call(sandbox, 'GET', `/v1/kyc/${uuid}/attributes/first_name/`, { scope });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      key: 'first_name',
      type: 'string',
      value: 'Ada',
      additional_info: null,
      required: true,
      read_only: false,
      sign_providers: [],
      errors: [],
    });
    assert.equal((await call(sandbox, 'GET', `/v1/kyc/${uuid}/attributes/passport/`, { scope })).status, 404);
  });

  it('serves every ISO 3166-1 country and the short lists, by legal entity only', async () => {
    const scope = { legal_entity_uuid: sandbox.legalEntityUuid };
    const countries = await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query: { page_size: '1000' } });
    assert.equal(countries.status, 200);
    assert.equal(countries.body.count, 249);
    const byKey = new Map(countries.body.results.map((item: { key: string; title: string }) => [item.key, item.title]));
    assert.equal(byKey.get('LV'), 'Latvia');
    assert.equal(byKey.get('DE'), 'Germany');
    assert.equal(byKey.get('KN'), 'Saint Kitts and Nevis');
    for (const [key, title] of byKey) assert.ok(/^[A-Z]{2}$/.test(key as string) && title !== key, `${String(key)}: ${String(title)}`);
    const funds = await call(sandbox, 'GET', '/v1/attributes/source_of_funds/definitions/', { scope });
    assert.ok(funds.body.results.some((item: { key: string }) => item.key === 'salary'));
    assert.ok((await call(sandbox, 'GET', '/v1/attributes/employment_status/definitions/', { scope })).body.count >= 3);
    assert.equal((await call(sandbox, 'GET', '/v1/attributes/first_name/definitions/', { scope })).status, 404);
    assert.equal((await call(sandbox, 'GET', '/v1/attributes/nope/definitions/', { scope })).status, 404);
    assert.equal((await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/')).status, 400);
    assert.equal(
      (await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope: { legal_entity_uuid: crypto.randomUUID() } })).status,
      404,
    );
  });

  it('publishes legal documents with text to escape, filtered by key and client type', async () => {
    const scope = { legal_entity_uuid: sandbox.legalEntityUuid };
    const all = await call(sandbox, 'GET', '/v1/legal_documents/', { scope, query: { client_type: 'individual' } });
    assert.equal(all.status, 200);
    assert.ok(all.body.count >= 2);
    for (const document of all.body.results) {
      assert.deepEqual(Object.keys(document).sort(), ['key', 'text', 'title', 'url', 'uuid', 'version']);
      assert.match(document.url, /^https:\/\//);
    }
    const terms = await call(sandbox, 'GET', '/v1/legal_documents/', { scope, query: { key: 'terms_of_service' } });
    assert.equal(terms.body.count, 1);
    assert.match(terms.body.results[0].text, /<b>/);
    assert.match(terms.body.results[0].text, /&/);
    assert.match(terms.body.results[0].text, /"/);
    assert.equal((await call(sandbox, 'GET', '/v1/legal_documents/', { scope, query: { client_type: 'corporate' } })).body.count, 0);
  });
});

describe('sandbox: liveness and volatile fields', () => {
  it('makes the token on read, keeps it while valid, renews it on demand or when too short-lived', async () => {
    let now = new Date('2030-06-01T12:00:00Z');
    const sandbox = createSandbox({ now: () => now });
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    await patch(sandbox, scope, uuid, { first_name: 'Ada' });
    const read = (query: Record<string, string> = {}) =>
      call(sandbox, 'GET', `/v1/kyc/${uuid}/attributes/sumsub_liveness_check_token/`, { scope, query });

    const first = await read();
    assert.equal(first.status, 200);
    assert.equal(first.body.read_only, true);
    assert.equal(typeof first.body.value, 'string');
    assert.ok(first.body.value.length > 20);
    assert.deepEqual(first.body.additional_info, { email: null, phone: null });
    assert.equal((await read()).body.value, first.body.value, 'stable while valid');
    const renewed = await read({ ttl_renew: 'true' });
    assert.notEqual(renewed.body.value, first.body.value);
    assert.equal((await read()).body.value, renewed.body.value);

    now = new Date(now.getTime() + 3000 * 1000); // 600 s left of the default 3600
    assert.equal((await read()).body.value, renewed.body.value, 'ttl_min 600 still met');
    assert.notEqual((await read({ ttl_min: '601' })).body.value, renewed.body.value, 'less than ttl_min left: renewed');
    const short = await read({ ttl_renew: '1', ttl_max: '60', ttl_min: '0' });
    now = new Date(now.getTime() + 61 * 1000);
    assert.notEqual((await read({ ttl_min: '0' })).body.value, short.body.value, 'expired: renewed');

    assert.deepEqual((await read({ ttl_min: 'soon' })).body, { ttl_min: ['A valid non-negative integer is required.'] });
    assert.equal((await read({ ttl_min: '100', ttl_max: '50' })).status, 400);
    assert.equal((await read({ ttl_renew: 'maybe' })).status, 400);
  });

  it('fills additional_info from the answers, gives an https URL, and empties volatile fields on request', async () => {
    const sandbox = createSandbox();
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    await sendCode(sandbox, scope, uuid, 'sms', '+37120000003');
    await sendCode(sandbox, scope, uuid, 'email', 'ada@example.com');
    await patch(
      sandbox,
      scope,
      uuid,
      { phone: '+37120000003', email: 'ada@example.com' },
      { sms_sign_code: '111111', email_sign_code: '111111' },
    );

    const full = attributes((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body);
    const token = full['sumsub_liveness_check_token'];
    assert.deepEqual(token.additional_info, { email: 'ada@example.com', phone: '+37120000003' });
    assert.equal(typeof token.value, 'string');
    assert.match(full['sumsub_liveness_check_url'].value, /^https:\/\//);

    const again = attributes((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body);
    assert.equal(again['sumsub_liveness_check_token'].value, token.value);
    const renewed = await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope, query: { 'sumsub_liveness_check_token.ttl_renew': 'true' } });
    const renewedAttributes = attributes(renewed.body);
    assert.notEqual(renewedAttributes['sumsub_liveness_check_token'].value, token.value);
    assert.equal(
      renewedAttributes['sumsub_liveness_check_url'].value,
      full['sumsub_liveness_check_url'].value,
      'only the named attribute renews',
    );
    const badDotted = await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope, query: { 'sumsub_liveness_check_token.ttl_max': '0' } });
    assert.ok(badDotted.body['sumsub_liveness_check_token.ttl_max']);

    const emptied = attributes((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope, query: { empty_volatile_fields: 'true' } })).body);
    assert.equal(emptied['sumsub_liveness_check_token'].value, null);
    assert.equal(emptied['sumsub_liveness_check_url'].value, null);
    assert.deepEqual(emptied['sumsub_liveness_check_token'].additional_info, { email: 'ada@example.com', phone: '+37120000003' });
    assert.equal(
      attributes((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope, query: { empty_volatile_fields: 'false' } })).body)[
        'sumsub_liveness_check_token'
      ].value,
      renewedAttributes['sumsub_liveness_check_token'].value,
    );
  });

  it('refuses changes to the liveness attributes', async () => {
    const sandbox = createSandbox();
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const answer = await patch(sandbox, scope, uuid, { sumsub_liveness_check_token: 'mine' });
    assert.deepEqual(answer.body, { attribute_changes: { sumsub_liveness_check_token: ['This attribute is read-only.'] } });
  });
});

describe('sandbox: document values and Sumsub diagnostics', () => {
  it('answers a document attribute with its uuid, and proof_of_address with the diagnostics object', async () => {
    const sandbox = createSandbox();
    const { scope, uuid } = await clientWithApplication(sandbox, 'Advanced');
    const passport = await makeDocument(sandbox, scope, 'passport');
    const proof = await makeDocument(sandbox, scope, 'proof_of_address');
    const saved = await patch(sandbox, scope, uuid, { passport: passport.uuid, proof_of_address: proof.uuid });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const answers = attributes(saved.body);
    assert.equal(answers['passport'].value, passport.uuid);
    assert.deepEqual(answers['proof_of_address'].value, {
      uuid: proof.uuid,
      verification: {
        sumsub: { verificator: 'sumsub', status: 'ignored', client_note: 'There is no available data to recognize from image' },
      },
    });
  });
});

describe('sandbox: routing and request bodies', () => {
  const sandbox = createSandbox();
  const scope = sandbox.demoClients[0];

  it('answers 404 {"detail"} off the map, 405 with Allow for a wrong method', async () => {
    for (const path of ['/', '/v1/', '/v1/clients/kyc-level-info', '/v2/clients/kyc-level-info/', '/sandbox/v1/nope/']) {
      const answer = await call(sandbox, 'GET', path, { scope });
      assert.equal(answer.status, 404, path);
      assert.equal(typeof answer.body.detail, 'string');
    }
    const wrong = await call(sandbox, 'DELETE', '/v1/clients/kyc-level-info/', { scope });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.response.headers.get('allow'), 'GET, POST');
    assert.deepEqual(wrong.body, { detail: 'Method "DELETE" not allowed.' });
  });

  it('reads JSON bodies as DRF does', async () => {
    const post = (body: string, contentType = 'application/json') =>
      sandbox.fetch(
        new Request(
          `http://sandbox.test/v1/clients/kyc-level-info/?legal_entity_uuid=${scope.legal_entity_uuid}&client_uuid=${scope.client_uuid}`,
          {
            method: 'POST',
            body,
            headers: { 'content-type': contentType },
          },
        ),
      );
    const broken = await post('{"kyc_level_uuid": ');
    assert.equal(broken.status, 400);
    assert.match((await broken.json()).detail, /JSON parse error/);
    const text = await post('kyc_level_uuid=1', 'text/plain');
    assert.equal(text.status, 415);
    const list = await post('[]');
    assert.deepEqual(await list.json(), { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    assert.equal(list.headers.get('content-type'), 'application/json');
  });

  it('answers 413 to a JSON body over 1 MiB without Content-Length, and stops reading it there', async () => {
    const chunk = 64 * 1024;
    const total = 16 * 1024 * 1024;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) {
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(chunk).fill(0x20));
        pulled += chunk;
      },
    });
    const answer = await sandbox.fetch(
      new Request(
        `http://sandbox.test/v1/clients/kyc-level-info/?legal_entity_uuid=${scope.legal_entity_uuid}&client_uuid=${scope.client_uuid}`,
        {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
          duplex: 'half',
        } as RequestInit,
      ),
    );
    assert.equal(answer.status, 413);
    assert.equal(typeof (await answer.json()).detail, 'string');
    assert.ok(pulled <= 2 * 1024 * 1024, `read ${pulled} bytes of ${total}`);
  });
});
