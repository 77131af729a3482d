// Tolerance (platform-api.md): each plausible variant of the platform's answers, served over real
// HTTP by a sandbox client of that dialect, or as a crafted answer injected by the sandbox.
import { expect } from '@open-wc/testing';
import { createKycClient, type KycClient } from '../../src/api/index.js';
import {
  countRequests,
  ENDPOINT,
  injectFault,
  loggedInClient,
  logout,
  setStatus,
  type Dialect,
  type SandboxClient,
} from '../helpers/sandbox.js';
import { answersOf, fillBasic, pdfFile, rejectionOf } from '../helpers/kyc.js';

async function setUp(dialect: Dialect): Promise<{ sandbox: SandboxClient; client: KycClient }> {
  const sandbox = await loggedInClient(dialect);
  return { sandbox, client: createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1 } }) };
}

async function newApplication(client: KycClient, levelName = 'Basic') {
  const info = await client.getLevelInfo();
  const level = info.availableLevelsForUpgrade.find((l) => l.name === levelName) ?? info.availableLevelsForUpgrade[0];
  return client.createApplication(level.uuid);
}

describe('API client tolerance', () => {
  afterEach(logout);

  it('lists: bare arrays', async () => {
    const { client } = await setUp({ lists: 'bare' });
    expect(await client.getDefinitions('citizenship')).to.have.length(249);
    expect(await client.getLegalDocuments('privacy_policy')).to.have.length(1);
  });

  it('lists: paginated, every page followed through absolute next links', async () => {
    const { sandbox, client } = await setUp({ lists: 'paginated', page_size: 50 });
    const countries = await client.getDefinitions('citizenship');
    expect(countries).to.have.length(249);
    expect(countries.at(-1)!.key).to.equal('ZW');
    expect(await countRequests(sandbox, 'GET', '/definitions/')).to.equal(5);
  });

  it('lists: a next link on another host is read for its query only, on the endpoint', async () => {
    // The demo proxy rewrites next links itself; a proxy that passes them through is stood in for
    // by a fetch that answers the first page with the platform's own address.
    await loggedInClient({ lists: 'bare' });
    const urls: string[] = [];
    const passThrough: typeof fetch = (input, init) => {
      urls.push(String(input));
      if (urls.length > 1) return fetch(input, init);
      const next = 'https://platform.internal:8443/v1/attributes/citizenship/definitions/?page=2&page_size=1';
      return Promise.resolve(Response.json({ count: 250, next, previous: null, results: [{ key: 'AA', title: 'First' }] }));
    };
    const client = createKycClient({ endpoint: ENDPOINT, fetch: passThrough });
    const countries = await client.getDefinitions('citizenship');
    expect(urls[1]).to.equal('/kyc/v1/attributes/citizenship/definitions/?page=2&page_size=1');
    expect(countries[0]).to.deep.equal({ key: 'AA', title: 'First' });
    expect(countries).to.have.length(1 + 249); // the rest: the (bare) sandbox's own answer
  });

  it('lists: a next link that loops is malformed, not endless', async () => {
    const { sandbox, client } = await setUp({ lists: 'bare' });
    const next = 'https://platform.internal/v1/attributes/citizenship/definitions/?page=2';
    const page = { count: 2, next, previous: null, results: [{ key: 'AA', title: 'A' }] };
    await injectFault(sandbox, { method: 'GET', path_contains: '/definitions/', status: 200, body: page, times: 3 });
    expect((await rejectionOf(client.getDefinitions('citizenship'))).code).to.equal('malformed_response');
    expect(await countRequests(sandbox, 'GET', '/definitions/')).to.equal(2);
  });

  it('level items: bare uuids', async () => {
    const { client } = await setUp({ level_items: 'uuids' });
    const info = await client.getLevelInfo();
    expect(info.availableLevelsForUpgrade).to.have.length(3);
    for (const level of info.availableLevelsForUpgrade) {
      expect(level.uuid).to.be.a('string');
      expect(level).to.include({ name: null, description: null });
    }
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    expect(application.status).to.equal('draft');
  });

  it('level items: objects and bare uuids mixed in one list', async () => {
    const { sandbox, client } = await setUp({});
    const [basic, standard] = [crypto.randomUUID(), crypto.randomUUID()];
    await injectFault(sandbox, {
      method: 'GET',
      path_contains: '/v1/clients/kyc-level-info/',
      status: 200,
      body: {
        allowed_to_create_kyc_application: true,
        available_levels_for_upgrade: [{ uuid: basic, name: 'Basic' }, standard],
        last_kyc_application_uuid: null,
        current_level: standard,
      },
    });
    const info = await client.getLevelInfo();
    expect(info.availableLevelsForUpgrade).to.deep.equal([
      { uuid: basic, name: 'Basic', description: null },
      { uuid: standard, name: null, description: null },
    ]);
    expect(info.currentLevel).to.deep.equal({ uuid: standard, name: null, description: null });
  });

  it('extra fields everywhere and an attribute type nobody knows', async () => {
    const { client } = await setUp({ extra_fields: true });
    const info = await client.getLevelInfo();
    expect(Object.keys(info).sort()).to.deep.equal([
      'allowedToCreateKycApplication',
      'availableLevelsForUpgrade',
      'currentLevel',
      'lastKycApplicationUuid',
    ]);
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    const attributes = application.steps.flatMap((s) => s.questions.map((q) => q.attribute));
    const unknown = attributes.find((a) => a.key === 'preferred_contact_time');
    expect(unknown?.type).to.equal('time_of_day');
    expect(attributes.every((a) => !('x_sandbox_note' in a))).to.equal(true);
    expect(await client.getDefinitions('citizenship')).to.have.length(249);
  });

  it('statuses: synonyms are normalized, the raw value kept', async () => {
    const { client } = await setUp({ statuses: 'synonyms' });
    const application = await newApplication(client);
    expect(application).to.include({ status: 'draft', rawStatus: 'new' });
    await fillBasic(client, application.uuid);
    const sent = await client.sendToReview(application.uuid);
    expect(sent).to.include({ status: 'in_review', rawStatus: 'on_review' });
    await setStatus(application.uuid, 'approved');
    expect(await client.getApplication(application.uuid)).to.include({ status: 'approved', rawStatus: 'verified' });
  });

  it('statuses: every known synonym, in any case and with stray spaces', async () => {
    const { sandbox, client } = await setUp({});
    const application = await newApplication(client);
    const wire = await (await fetch(`${ENDPOINT}/v1/kyc/${application.uuid}/`)).json();
    const expected = {
      created: 'draft',
      sent_to_review: 'in_review',
      review: 'in_review',
      accepted: 'approved',
      completed: 'approved',
      CREATED: 'draft',
      Sent_To_Review: 'in_review',
      ' Accepted ': 'approved',
    };
    for (const status of Object.keys(expected)) {
      await injectFault(sandbox, { method: 'GET', path_contains: application.uuid, status: 200, body: { ...wire, status } });
    }
    const read: Record<string, string> = {};
    for (const status of Object.keys(expected)) {
      const answer = await client.getApplication(application.uuid);
      expect(answer.rawStatus, 'kept as sent').to.equal(status);
      read[status] = answer.status;
    }
    expect(read).to.deep.equal(expected);
  });

  it('statuses: an unknown one is kept as unknown', async () => {
    const { client } = await setUp({});
    const application = await newApplication(client);
    await setStatus(application.uuid, 'escalated_to_compliance');
    expect(await client.getApplication(application.uuid)).to.include({
      status: 'unknown',
      rawStatus: 'escalated_to_compliance',
    });
  });

  it('send to review: 204 without a body', async () => {
    const { client } = await setUp({ send_to_review: 'no_content' });
    const application = await newApplication(client);
    await fillBasic(client, application.uuid);
    expect(await client.sendToReview(application.uuid)).to.equal(null);
    expect((await client.getApplication(application.uuid)).status).to.equal('in_review');
  });

  it('upload: one file answered as an object is still a list', async () => {
    const { client } = await setUp({ upload_answer: 'single' });
    const files = await client.uploadFiles([pdfFile('front.pdf', 2048)]);
    expect(files).to.have.length(1);
    expect(files[0]).to.include({ name: 'front.pdf', size: 2048, contentType: 'application/pdf' });
  });

  it('upload: a paginated answer is read for its results', async () => {
    const { sandbox, client } = await setUp({});
    const file = { uuid: crypto.randomUUID(), name: 'front.pdf', size: 2048, content_type: 'application/pdf' };
    const body = { count: 1, next: null, previous: null, results: [file] };
    await injectFault(sandbox, { method: 'POST', path_contains: '/v1/documents/files/', status: 201, body });
    const files = await client.uploadFiles([pdfFile('front.pdf', 2048)]);
    expect(files).to.deep.equal([{ uuid: file.uuid, name: 'front.pdf', size: 2048, contentType: 'application/pdf' }]);
  });

  it('upload: a paginated answer announcing more pages is malformed (the rest cannot be fetched)', async () => {
    const { sandbox, client } = await setUp({});
    const next = 'https://platform.internal/v1/documents/files/?page=2';
    const body = { count: 2, next, previous: null, results: [{ uuid: crypto.randomUUID() }] };
    await injectFault(sandbox, { method: 'POST', path_contains: '/v1/documents/files/', status: 201, body });
    const error = await rejectionOf(client.uploadFiles([pdfFile('front.pdf', 2048), pdfFile('back.pdf', 2048)]));
    expect(error.code).to.equal('malformed_response');
    expect(await countRequests(sandbox, 'POST', '/v1/documents/files/')).to.equal(1);
  });

  it('attribute errors: a list aligned with the changes is mapped to the attribute keys', async () => {
    const { client } = await setUp({ attribute_errors: 'list' });
    const application = await newApplication(client);
    const error = await rejectionOf(
      client.updateApplication(application.uuid, [
        { key: 'first_name', value: 'Jane' },
        { key: 'date_of_birth', value: '31.12.1990' },
      ]),
    );
    expect(error.code).to.equal('validation');
    expect(Object.keys(error.fieldErrors)).to.deep.equal(['date_of_birth']);
  });

  it('attribute errors: a map by index (as DRF keys a list field’s errors) goes to that change’s key', async () => {
    const { sandbox, client } = await setUp({});
    const application = await newApplication(client);
    await injectFault(sandbox, { method: 'PATCH', status: 400, body: { attribute_changes: { 1: ['Enter a valid date.'] } } });
    const error = await rejectionOf(
      client.updateApplication(application.uuid, [
        { key: 'first_name', value: 'Jane' },
        { key: 'date_of_birth', value: 'soon' },
      ]),
    );
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors).to.deep.equal({ date_of_birth: ['Enter a valid date.'] });
    expect(error.nonFieldErrors).to.deep.equal([]);
  });

  it('attribute errors: a bare string in the list is about the list, not about a change', async () => {
    const { sandbox, client } = await setUp({});
    const application = await newApplication(client);
    const body = { attribute_changes: ['Ensure this field has no more than 1 elements.'] };
    await injectFault(sandbox, { method: 'PATCH', status: 400, body });
    const error = await rejectionOf(
      client.updateApplication(application.uuid, [
        { key: 'first_name', value: 'Jane' },
        { key: 'last_name', value: 'Doe' },
      ]),
    );
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors).to.deep.equal({});
    expect(error.nonFieldErrors).to.deep.equal(['Ensure this field has no more than 1 elements.']);
  });

  it('field errors: plain DRF errors on a request field keep the field’s name', async () => {
    const { client } = await setUp({});
    const error = await rejectionOf(client.createApplication('not-a-level'));
    expect(error).to.include({ code: 'validation', status: 400 });
    expect(Object.keys(error.fieldErrors)).to.deep.equal(['kyc_level_uuid']);
    expect(error.fieldErrors.kyc_level_uuid[0]).to.be.a('string');
    expect(error.nonFieldErrors).to.deep.equal([]);
  });

  it('attribute errors: a map by key', async () => {
    const { client } = await setUp({ attribute_errors: 'map' });
    const application = await newApplication(client);
    const error = await rejectionOf(client.updateApplication(application.uuid, [{ key: 'date_of_birth', value: 'x' }]));
    expect(Object.keys(error.fieldErrors)).to.deep.equal(['date_of_birth']);
  });

  it('optional fields missing get their defaults', async () => {
    const { client } = await setUp({ omit_optional: true });
    const info = await client.getLevelInfo();
    expect(info.currentLevel).to.equal(null);
    expect(info.availableLevelsForUpgrade[0].description).to.equal(null);
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    expect(application.comment).to.equal(null);
    for (const step of application.steps) {
      expect(step.description).to.equal(null);
      for (const { description, attribute } of step.questions) {
        expect(description).to.equal(null);
        expect(attribute.errors).to.deep.equal([]);
        expect(attribute.additionalInfo).to.equal(null);
      }
    }
  });

  it('value as an object: its uuid, and Sumsub’s diagnostics beside it', async () => {
    const { client } = await setUp({});
    const application = await newApplication(client, 'Advanced');
    const [file] = await client.uploadFiles([pdfFile('bill.pdf', 1024)]);
    const document = await client.createDocument('proof_of_address', [file.uuid]);
    const saved = await client.updateApplication(application.uuid, [{ key: 'proof_of_address', value: document.uuid }]);
    const attribute = saved.steps.flatMap((s) => s.questions).find((q) => q.attribute.key === 'proof_of_address')!.attribute;
    expect(attribute.value).to.equal(document.uuid);
    expect(attribute.verification).to.deep.equal({
      verificator: 'sumsub',
      status: 'ignored',
      clientNote: 'There is no available data to recognize from image',
    });
  });

  it('a crafted answer: defaults for required, read_only, sign_providers; numbers and odd nesting', async () => {
    const { sandbox, client } = await setUp({});
    const application = await newApplication(client);
    await injectFault(sandbox, {
      method: 'GET',
      status: 200,
      body: {
        uuid: application.uuid,
        status: 'Completed',
        kyc_level: 'level-uuid',
        kyc_steps: [
          {
            title: 'Step',
            questions: [
              { title: 'Count', attribute: { key: 'count', value: 3 } },
              { title: 'Flag', attribute: { key: 'flag', type: 'boolean', value: true, errors: ['Check.', { odd: 1 }] } },
              { title: 'Doc', attribute: { key: 'doc', type: 'document', value: { verification: 'odd' }, additional_info: 'odd' } },
            ],
          },
        ],
      },
    });
    const read = await client.getApplication(application.uuid);
    expect(read).to.include({ status: 'approved', rawStatus: 'Completed' });
    expect(read.kycLevel).to.deep.equal({ uuid: 'level-uuid', name: null, description: null });
    expect(answersOf(read)).to.deep.equal({ count: '3', flag: 'true', doc: null });
    const [count, flag, doc] = read.steps[0].questions.map((q) => q.attribute);
    expect(count).to.deep.include({ type: 'string', required: false, readOnly: false, signProviders: [], errors: [] });
    expect(flag.errors).to.deep.equal(['Check.']);
    expect(doc).to.include({ verification: null, additionalInfo: null });
  });

  it('a required field missing is malformed', async () => {
    const { sandbox, client } = await setUp({});
    const application = await newApplication(client);
    await injectFault(sandbox, { method: 'GET', status: 200, body: { uuid: application.uuid, status: 'draft' } });
    const error = await rejectionOf(client.getApplication(application.uuid));
    expect(error.code).to.equal('malformed_response');
    expect(error.message).to.contain('kyc_steps');
  });
});
