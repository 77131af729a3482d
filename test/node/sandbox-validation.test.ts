import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, SANDBOX_SIGN_CODE } from '../../src/server/sandbox/index.js';
import { attributes, call, clientWithApplication, completeBasic, makeDocument, patch, sendCode, type Scope } from './sandbox-harness.js';

const TODAY = new Date('2030-06-15T09:00:00Z');
const sandbox = createSandbox({ now: () => TODAY });

/** Expects a PATCH of one answer to be refused with one message on that key. */
async function refused(scope: Scope, uuid: string, key: string, value: string, message: RegExp): Promise<void> {
  const answer = await patch(sandbox, scope, uuid, { [key]: value });
  assert.equal(answer.status, 400, `${key}=${value}: ${JSON.stringify(answer.body)}`);
  assert.deepEqual(Object.keys(answer.body.attribute_changes), [key]);
  assert.match(answer.body.attribute_changes[key][0], message, `${key}=${value}`);
}

async function accepted(scope: Scope, uuid: string, key: string, value: string): Promise<void> {
  const answer = await patch(sandbox, scope, uuid, { [key]: value });
  assert.equal(answer.status, 200, `${key}=${value}: ${JSON.stringify(answer.body)}`);
  assert.equal(attributes(answer.body)[key].value, value.trim());
}

describe('sandbox validation: formats', () => {
  it('checks strings, e-mail and phone formats (signed attributes validated before any code is asked)', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Standard');
    await refused(scope, uuid, 'first_name', 'x'.repeat(256), /no more than 255/);
    await accepted(scope, uuid, 'first_name', '  Ada  ');
    await accepted(scope, uuid, 'address', 'y'.repeat(1000));
    for (const email of ['ada', 'ada@', 'ada@example', 'a da@example.com', '<ada@example.com>'])
      await refused(scope, uuid, 'email', email, /valid email/);
    for (const phone of ['12345678', '+0123456789', '+371 2000 0000', '+3712', '+12345678901234567', 'phone'])
      await refused(scope, uuid, 'phone', phone, /phone number/);
  });

  it('checks dates: format, real day, and the age of majority on the injected clock', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    for (const date of ['15.06.1990', '1990-6-15', '1990-06-15T00:00:00Z', 'yesterday'])
      await refused(scope, uuid, 'date_of_birth', date, /YYYY-MM-DD/);
    for (const date of ['1990-02-30', '1990-13-01', '1990-00-10', '2001-02-29'])
      await refused(scope, uuid, 'date_of_birth', date, /real date/);
    await refused(scope, uuid, 'date_of_birth', '1899-12-31', /real date of birth/);
    await refused(scope, uuid, 'date_of_birth', '2012-06-16', /at least 18/); // 18 tomorrow
    await refused(scope, uuid, 'date_of_birth', '2040-01-01', /at least 18/);
    await accepted(scope, uuid, 'date_of_birth', '2012-06-15'); // 18 today
    await accepted(scope, uuid, 'date_of_birth', '1996-02-29');
  });

  it('checks integers, decimals and booleans, with their bounds', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Standard');
    for (const value of ['1.5', 'two', '1e3']) await refused(scope, uuid, 'number_of_dependants', value, /valid integer/);
    await refused(scope, uuid, 'number_of_dependants', '-1', /greater than or equal to 0/);
    await refused(scope, uuid, 'number_of_dependants', '51', /less than or equal to 50/);
    await accepted(scope, uuid, 'number_of_dependants', '3');
    for (const value of ['1,5', 'abc', '1.2.3', '.5']) await refused(scope, uuid, 'annual_income', value, /valid number/);
    await refused(scope, uuid, 'annual_income', '10.123', /2 decimal places/);
    await refused(scope, uuid, 'annual_income', '-5', /greater than or equal to 0/);
    await accepted(scope, uuid, 'annual_income', '52000.50');
    for (const value of ['yes', 'True', '1']) {
      const answer = await patch(sandbox, scope, uuid, { is_pep: value });
      assert.equal(answer.status, 400);
      assert.match(answer.body.attribute_changes.is_pep[0], /"true" or "false"/);
    }
  });

  it('checks reference data keys, legal document uuids and document uuids', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Standard');
    await refused(scope, uuid, 'citizenship', 'XX', /not a valid choice/);
    await refused(scope, uuid, 'citizenship', 'lv', /not a valid choice/);
    await refused(scope, uuid, 'employment_status', 'salary', /not a valid choice/);
    await accepted(scope, uuid, 'citizenship', 'LV');

    const legal = (await call(sandbox, 'GET', '/v1/legal_documents/', { scope: { legal_entity_uuid: scope.legal_entity_uuid } })).body
      .results;
    const uuidOf = (key: string) => legal.find((document: { key: string }) => document.key === key).uuid;
    await refused(scope, uuid, 'terms_of_service', uuidOf('privacy_policy'), /current "Terms of service"/);
    await refused(scope, uuid, 'terms_of_service', crypto.randomUUID(), /current "Terms of service"/);
    await accepted(scope, uuid, 'terms_of_service', uuidOf('terms_of_service'));

    const front = await makeDocument(sandbox, scope, 'id_card_front_side');
    await refused(scope, uuid, 'id_card_back_side', front.uuid, /document created for this question/);
    await refused(scope, uuid, 'id_card_front_side', crypto.randomUUID(), /document created for this question/);
    await accepted(scope, uuid, 'id_card_front_side', front.uuid);
  });
});

describe('sandbox validation: changes', () => {
  it('refuses unknown keys, twice-changed keys, read-only changes; accepts a read-only value unchanged', async () => {
    const { scope, uuid, application } = await clientWithApplication(sandbox, 'Basic');
    const number = attributes(application)['client_number'].value;
    await refused(scope, uuid, 'passport', 'x', /Unknown attribute/); // a key of another level
    await refused(scope, uuid, 'nickname', 'x', /Unknown attribute/);
    await refused(scope, uuid, 'client_number', 'CL-OTHER', /read-only/);
    assert.equal((await patch(sandbox, scope, uuid, { client_number: number })).status, 200);
    const twice = await call(sandbox, 'PATCH', `/v1/kyc/${uuid}/`, {
      scope,
      body: {
        attribute_changes: [
          { key: 'first_name', value: 'A' },
          { key: 'first_name', value: 'B' },
        ],
      },
    });
    assert.deepEqual(twice.body, { attribute_changes: { first_name: ['This attribute is changed twice.'] } });
  });

  it('saves nothing when any change is refused, and reports every refused key', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    const answer = await patch(sandbox, scope, uuid, { first_name: 'Ada', citizenship: 'XX', date_of_birth: '2020-01-01' });
    assert.equal(answer.status, 400);
    assert.deepEqual(Object.keys(answer.body.attribute_changes).sort(), ['citizenship', 'date_of_birth']);
    const read = await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope });
    assert.equal(attributes(read.body)['first_name'].value, null);
  });

  it('lets PATCH leave answers empty, and clears an answer with null or an empty string', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    await accepted(scope, uuid, 'first_name', 'Ada');
    await accepted(scope, uuid, 'last_name', 'Lovelace');
    const cleared = await patch(sandbox, scope, uuid, { first_name: null, last_name: '  ' });
    assert.equal(cleared.status, 200);
    assert.equal(attributes(cleared.body)['first_name'].value, null);
    assert.equal(attributes(cleared.body)['last_name'].value, null);
  });

  it('checks the shape of attribute_changes', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    const send = (body: unknown) => call(sandbox, 'PATCH', `/v1/kyc/${uuid}/`, { scope, body });
    assert.deepEqual((await send({})).body, { attribute_changes: ['This field is required.'] });
    assert.deepEqual((await send({ attribute_changes: { first_name: 'Ada' } })).body, {
      attribute_changes: ['Expected a list of items but got type "dict".'],
    });
    assert.match((await send({ attribute_changes: ['first_name'] })).body.attribute_changes[0], /Item 1: expected an object/);
    assert.match((await send({ attribute_changes: [{ value: 'Ada' }] })).body.attribute_changes[0], /"key" must be/);
    assert.match(
      (await send({ attribute_changes: [{ key: 'first_name', value: 7 }] })).body.attribute_changes[0],
      /"value" must be a string or null/,
    );
  });

  it('requires every required answer on send-to-review, per attribute, and saves the status only then', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    await patch(sandbox, scope, uuid, { first_name: 'Ada' });
    const early = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(early.status, 400);
    assert.deepEqual(Object.keys(early.body.attribute_changes).sort(), [
      'citizenship',
      'date_of_birth',
      'email',
      'last_name',
      'phone',
      'privacy_policy',
      'terms_of_service',
    ]);
    assert.deepEqual(early.body.attribute_changes.last_name, ['This field is required.']);
    assert.equal((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body.status, 'draft');
    await completeBasic(sandbox, scope, uuid);
    const sent = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope });
    assert.equal(sent.status, 200, 'no body at all is accepted too');
    assert.equal(sent.body.status, 'in_review');
  });

  it('clears the reviewer comment and remarks once a returned application is sent again', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    await completeBasic(sandbox, scope, uuid);
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, {
      body: { status: 'pending', comment: 'Fix your name.', remarks: { first_name: ['Not as in your passport.'] } },
    });
    const returned = await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope });
    assert.equal(returned.body.comment, 'Fix your name.');
    assert.deepEqual(attributes(returned.body)['first_name'].errors, ['Not as in your passport.']);
    await patch(sandbox, scope, uuid, { first_name: 'Augusta' });
    const sent = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(sent.body.comment, null);
    assert.deepEqual(attributes(sent.body)['first_name'].errors, []);
  });
});

describe('sandbox signatures', () => {
  it('asks for the code of a signed attribute, refuses a wrong one and saves nothing', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    const missing = await patch(sandbox, scope, uuid, { first_name: 'Ada', phone: '+37120000004' });
    assert.equal(missing.status, 400);
    assert.deepEqual(Object.keys(missing.body), ['sms_sign_code']);
    assert.match(missing.body.sms_sign_code[0], /required/);

    const notSent = await patch(sandbox, scope, uuid, { first_name: 'Ada', phone: '+37120000004' }, { sms_sign_code: SANDBOX_SIGN_CODE });
    assert.match(notSent.body.sms_sign_code[0], /invalid/, 'a code is only valid after send-code');

    assert.equal((await sendCode(sandbox, scope, uuid, 'sms', '+37120000004')).status, 204);
    const wrong = await patch(sandbox, scope, uuid, { first_name: 'Ada', phone: '+37120000004' }, { sms_sign_code: '123456' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.sms_sign_code[0], /invalid/);
    const unsaved = attributes((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body);
    assert.equal(unsaved['first_name'].value, null, 'nothing of a refused PATCH is saved');
    assert.equal(unsaved['phone'].value, null);

    const right = await patch(sandbox, scope, uuid, { first_name: 'Ada', phone: '+37120000004' }, { sms_sign_code: SANDBOX_SIGN_CODE });
    assert.equal(right.status, 200);
    assert.equal(attributes(right.body)['phone'].value, '+37120000004');
    assert.equal(attributes(right.body)['first_name'].value, 'Ada');
  });

  it('uses a code once: the next change needs a new send-code; an unchanged value needs none', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    await sendCode(sandbox, scope, uuid, 'sms', '+37120000004');
    assert.equal((await patch(sandbox, scope, uuid, { phone: '+37120000004' }, { sms_sign_code: SANDBOX_SIGN_CODE })).status, 200);
    assert.equal((await patch(sandbox, scope, uuid, { phone: '+37120000004', first_name: 'Ada' })).status, 200, 'unchanged: no code');
    const reused = await patch(sandbox, scope, uuid, { phone: '+37120000005' }, { sms_sign_code: SANDBOX_SIGN_CODE });
    assert.match(reused.body.sms_sign_code[0], /invalid/);
    await sendCode(sandbox, scope, uuid, 'sms');
    assert.equal((await patch(sandbox, scope, uuid, { phone: '+37120000005' }, { sms_sign_code: SANDBOX_SIGN_CODE })).status, 200);
  });

  it('signs every attribute of a provider with one code, and takes either code for an attribute with both', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Standard');
    await sendCode(sandbox, scope, uuid, 'sms', '+37120000006');
    const both = await patch(sandbox, scope, uuid, { phone: '+37120000006', is_pep: 'false' }, { sms_sign_code: SANDBOX_SIGN_CODE });
    assert.equal(both.status, 200, JSON.stringify(both.body));
    assert.equal(attributes(both.body)['is_pep'].value, 'false');

    const missing = await patch(sandbox, scope, uuid, { is_pep: 'true' });
    assert.match(missing.body.sms_sign_code[0], /required \(or email_sign_code\)/);
    await sendCode(sandbox, scope, uuid, 'email', 'ada@example.com');
    const byEmail = await patch(sandbox, scope, uuid, { is_pep: 'true' }, { email_sign_code: SANDBOX_SIGN_CODE });
    assert.equal(byEmail.status, 200, 'the e-mail code signs an attribute signed by SMS or e-mail');
  });

  it('asks each provider for its own attributes: an SMS code does not sign the e-mail', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    await sendCode(sandbox, scope, uuid, 'sms', '+37120000007');
    const answer = await patch(
      sandbox,
      scope,
      uuid,
      { phone: '+37120000007', email: 'ada@example.com' },
      { sms_sign_code: SANDBOX_SIGN_CODE },
    );
    assert.equal(answer.status, 400);
    assert.deepEqual(Object.keys(answer.body), ['email_sign_code']);
    const read = attributes((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body);
    assert.equal(read['phone'].value, null);
  });

  it('needs an SMS code on send-to-review where the level asks for one', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Standard');
    await completeBasic(sandbox, scope, uuid); // the Basic answers are part of Standard's questionnaire
    const legalAndRest = {
      country_of_residence: 'LV',
      city: 'Riga',
      address: 'Brīvības iela 1',
      employment_status: 'employed',
      source_of_funds: 'salary',
      annual_income: '40000',
      id_card_front_side: (await makeDocument(sandbox, scope, 'id_card_front_side')).uuid,
      id_card_back_side: (await makeDocument(sandbox, scope, 'id_card_back_side')).uuid,
    };
    assert.equal((await patch(sandbox, scope, uuid, legalAndRest)).status, 200);
    await sendCode(sandbox, scope, uuid, 'email');
    assert.equal((await patch(sandbox, scope, uuid, { is_pep: 'false' }, { email_sign_code: SANDBOX_SIGN_CODE })).status, 200);
    const unsigned = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(unsigned.status, 400, JSON.stringify(unsigned.body));
    assert.match(unsigned.body.sms_sign_code[0], /required/);
    const wrong = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {}, query: { sms_sign_code: '000000' } });
    assert.match(wrong.body.sms_sign_code[0], /invalid/);
    assert.equal((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body.status, 'draft');
    await sendCode(sandbox, scope, uuid, 'sms');
    const signed = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, {
      scope,
      body: {},
      query: { sms_sign_code: SANDBOX_SIGN_CODE },
    });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.status, 'in_review');
  });

  it('validates send-code and records sends without their codes', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic');
    const send = (body: Record<string, unknown>) => call(sandbox, 'POST', '/v1/signatures/send-code/', { scope, body });
    assert.deepEqual((await send({ object_uuid: uuid, provider_type: 'fax' })).body, { provider_type: ['"fax" is not a valid choice.'] });
    assert.deepEqual((await send({ object_uuid: uuid })).body, { provider_type: ['This field is required.'] });
    assert.deepEqual((await send({ provider_type: 'sms' })).body, { object_uuid: ['This field is required.'] });
    assert.deepEqual((await send({ object_uuid: 'x', provider_type: 'sms' })).body, { object_uuid: ['Must be a valid UUID.'] });
    const unknown = await send({ object_uuid: crypto.randomUUID(), provider_type: 'sms', destination: '+37120000000' });
    assert.equal(unknown.status, 404, 'a uuid that is no application of this client');
    assert.deepEqual(unknown.body, { detail: 'Not found.' });
    assert.match(
      (await send({ object_uuid: uuid, provider_type: 'sms' })).body.destination[0],
      /required: there is no mobile phone number on file/,
    );
    assert.match((await send({ object_uuid: uuid, provider_type: 'sms', destination: '0000' })).body.destination[0], /phone number/);
    assert.match((await send({ object_uuid: uuid, provider_type: 'email', destination: 'nope' })).body.destination[0], /email/);
    const foreign = await send({
      legal_entity_uuid: crypto.randomUUID(),
      object_uuid: uuid,
      provider_type: 'sms',
      destination: '+37120000000',
    });
    assert.ok(foreign.body.legal_entity_uuid);
    assert.equal(
      (await send({ object_uuid: uuid, provider_type: 'sms', destination: '+37120000000' })).status,
      204,
      'legal_entity_uuid may be left out',
    );
    assert.equal((await sendCode(sandbox, scope, uuid, 'sms', '+37120000000')).status, 204);

    const inspected = await call(sandbox, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`);
    assert.deepEqual(inspected.body.sign_code_sends, [{ provider: 'sms', count: 2 }]);
    assert.ok(!JSON.stringify(inspected.body).includes(SANDBOX_SIGN_CODE));
  });
});
