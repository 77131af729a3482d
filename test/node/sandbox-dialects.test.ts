import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/server/sandbox/index.js';
import { attributes, call, clientWithApplication, completeBasic, freshClient, patch, upload, png, url } from './sandbox-harness.js';

const sandbox = createSandbox();

/** Every plain object inside a JSON value. */
function objectsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objectsIn)];
}

describe('sandbox pagination', () => {
  const scope = { legal_entity_uuid: sandbox.legalEntityUuid };

  it('paginates like DRF: count, absolute next, previous without page on the first page', async () => {
    const first = await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope });
    assert.equal(first.body.count, 249);
    assert.equal(first.body.results.length, 50);
    assert.equal(first.body.previous, null);
    const next = new URL(first.body.next);
    assert.equal(next.origin, 'http://sandbox.test');
    assert.equal(next.pathname, '/v1/attributes/citizenship/definitions/');
    assert.equal(next.searchParams.get('page'), '2');
    assert.equal(next.searchParams.get('legal_entity_uuid'), sandbox.legalEntityUuid);
    const second = await sandbox.fetch(new Request(first.body.next));
    const body = await second.json();
    assert.equal(new URL(body.previous).searchParams.has('page'), false);
    assert.equal(new URL(body.previous).searchParams.get('legal_entity_uuid'), sandbox.legalEntityUuid);
  });

  it('reaches every country by following next', async () => {
    const keys: string[] = [];
    let next: string | null = new URL(
      `/v1/attributes/country_of_residence/definitions/?legal_entity_uuid=${sandbox.legalEntityUuid}&page_size=40`,
      'http://sandbox.test',
    ).href;
    let pages = 0;
    while (next) {
      const page = await (await sandbox.fetch(new Request(next))).json();
      keys.push(...page.results.map((item: { key: string }) => item.key));
      next = page.next;
      pages += 1;
    }
    assert.equal(pages, 7);
    assert.equal(keys.length, 249);
    assert.equal(new Set(keys).size, 249);
  });

  it('answers 404 for a page out of range, and ignores a malformed page size', async () => {
    assert.deepEqual((await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query: { page: '6' } })).body, {
      detail: 'Invalid page.',
    });
    assert.equal((await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query: { page: '0' } })).status, 404);
    assert.equal((await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query: { page: 'last' } })).status, 404);
    assert.equal(
      (await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query: { page: '5' } })).body.results.length,
      49,
    );
    assert.equal(
      (await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query: { page_size: 'x' } })).body.results.length,
      50,
    );
    assert.equal(
      (await call(sandbox, 'GET', '/v1/legal_documents/', { scope, query: { key: 'none' } })).body.count,
      0,
      'page 1 of nothing exists',
    );
  });

  it('takes its default page size from the options, then from the dialect', async () => {
    const small = createSandbox({ pageSize: 10 });
    const page = await call(small, 'GET', '/v1/attributes/citizenship/definitions/', {
      scope: { legal_entity_uuid: small.legalEntityUuid },
    });
    assert.equal(page.body.results.length, 10);
    const dialected = await freshClient(small, { dialect: { page_size: 100 } });
    const bigger = await call(small, 'GET', '/v1/attributes/citizenship/definitions/', {
      scope: { legal_entity_uuid: dialected.legal_entity_uuid },
    });
    assert.equal(bigger.body.results.length, 100);
  });
});

describe('sandbox dialects', () => {
  it('lists: bare arrays', async () => {
    const scope = await freshClient(sandbox, { dialect: { lists: 'bare' } });
    const countries = await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', {
      scope: { legal_entity_uuid: scope.legal_entity_uuid },
    });
    assert.ok(Array.isArray(countries.body));
    assert.equal(countries.body.length, 249);
    const documents = await call(sandbox, 'GET', '/v1/legal_documents/', { scope: { legal_entity_uuid: scope.legal_entity_uuid } });
    assert.ok(Array.isArray(documents.body));
  });

  /** Follows `next` from `first` to the end; the answers of every page. */
  async function allPages(first: string): Promise<any[]> {
    const pages: any[] = [];
    for (let next: string | null = first; next !== null; next = pages.at(-1).next) {
      const response = await sandbox.fetch(new Request(next));
      assert.equal(response.status, 200, next);
      pages.push(await response.json());
      assert.ok(pages.length < 300, 'the pages end');
    }
    return pages;
  }

  it("pagination: limit_offset, as DRF's LimitOffsetPagination", async () => {
    const scope = {
      legal_entity_uuid: (await freshClient(sandbox, { dialect: { pagination: 'limit_offset', page_size: 40 } })).legal_entity_uuid,
    };
    const definitions = (query: Record<string, string> = {}) =>
      call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query });
    const first = (await definitions()).body;
    assert.deepEqual(Object.keys(first), ['count', 'next', 'previous', 'results']);
    assert.equal(first.count, 249);
    assert.equal(first.results.length, 40, 'the page size is the default limit');
    assert.equal(first.previous, null);
    const next = new URL(first.next);
    assert.equal(next.origin + next.pathname, 'http://sandbox.test/v1/attributes/citizenship/definitions/');
    assert.deepEqual(Object.fromEntries(next.searchParams), { ...scope, limit: '40', offset: '40' });

    const last = (await definitions({ limit: '100', offset: '200' })).body;
    assert.equal(last.results.length, 49);
    assert.equal(last.next, null);
    assert.deepEqual(Object.fromEntries(new URL(last.previous).searchParams), { ...scope, limit: '100', offset: '100' });
    const second = (await definitions({ limit: '100', offset: '50' })).body;
    assert.deepEqual(second.results, (await definitions({ limit: '200' })).body.results.slice(50, 150));
    assert.deepEqual(Object.fromEntries(new URL(second.previous).searchParams), { ...scope, limit: '100' }, 'back to offset 0');
    assert.deepEqual((await definitions({ page: '2', page_size: '5' })).body.results, first.results, 'page and page_size mean nothing');
    assert.equal((await definitions({ limit: 'x', offset: '-3' })).body.results.length, 40, 'malformed: the defaults');
    const beyond = (await definitions({ offset: '1000' })).body;
    assert.deepEqual([beyond.count, beyond.next, beyond.results], [249, null, []], 'past the end: an empty page, no 404');
    assert.deepEqual(Object.fromEntries(new URL(beyond.previous).searchParams), { ...scope, limit: '40', offset: '960' });

    const pages = await allPages(url('/v1/attributes/citizenship/definitions/', scope));
    const keys = pages.flatMap((page) => page.results.map((item: { key: string }) => item.key));
    assert.equal(pages.length, 7);
    assert.equal(new Set(keys).size, 249);
    const documents = (await call(sandbox, 'GET', '/v1/legal_documents/', { scope, query: { limit: '1' } })).body;
    assert.equal(new URL(documents.next).searchParams.get('offset'), '1', 'legal documents page the same way');
  });

  it("pagination: cursor, as DRF's CursorPagination", async () => {
    const scope = {
      legal_entity_uuid: (await freshClient(sandbox, { dialect: { pagination: 'cursor', page_size: 100 } })).legal_entity_uuid,
    };
    const pages = await allPages(url('/v1/attributes/citizenship/definitions/', scope, { page_size: '10', page: '3' }));
    assert.equal(pages.length, 3, 'pages of the dialect size, whatever page_size and page say');
    assert.deepEqual(
      pages.map((page) => page.results.length),
      [100, 100, 49],
    );
    for (const page of pages) assert.deepEqual(Object.keys(page), ['next', 'previous', 'results'], 'no count');
    assert.equal(new Set(pages.flatMap((page) => page.results.map((item: { key: string }) => item.key))).size, 249);
    const cursors = pages.slice(0, 2).map((page) => new URL(page.next).searchParams.get('cursor'));
    for (const cursor of cursors) assert.match(cursor ?? '', /^[A-Za-z0-9+/=]+$/, 'an opaque cursor');
    assert.deepEqual(Object.fromEntries(new URL(pages[0].next).searchParams), { ...scope, page_size: '10', page: '3', cursor: cursors[0] });
    assert.equal(pages[0].previous, null);
    assert.equal(new URL(pages[1].previous).searchParams.has('cursor'), false, 'back to the first page');
    assert.equal(new URL(pages[2].previous).searchParams.get('cursor'), cursors[0]);
    const invalid = await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope, query: { cursor: 'not-a-cursor' } });
    assert.equal(invalid.status, 404);
    assert.deepEqual(invalid.body, { detail: 'Invalid cursor' });
  });

  it('pagination: refuses an unknown way of paging; bare lists ignore it', async () => {
    const bad = await call(sandbox, 'POST', '/sandbox/v1/clients/', { body: { dialect: { pagination: 'pages' } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { dialect: { pagination: ['Expected one of: "page", "limit_offset", "cursor".'] } });
    const bare = await freshClient(sandbox, { dialect: { lists: 'bare', pagination: 'cursor' } });
    const countries = await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', {
      scope: { legal_entity_uuid: bare.legal_entity_uuid },
    });
    assert.equal(countries.body.length, 249);
  });

  it('level_items: bare uuids', async () => {
    const scope = await freshClient(sandbox, { dialect: { level_items: 'uuids' } });
    const info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.equal(info.available_levels_for_upgrade.length, 3);
    for (const item of info.available_levels_for_upgrade) assert.match(item, /^[0-9a-f-]{36}$/);
    const created = await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', {
      scope,
      body: { kyc_level_uuid: info.available_levels_for_upgrade[0] },
    });
    assert.equal(created.status, 201);
  });

  it('extra_fields: unknown fields on every object, and a question of an unknown type that takes answers', async () => {
    const { scope, uuid, application } = await clientWithApplication(sandbox, 'Basic', { dialect: { extra_fields: true } });
    const info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    const documents = (await call(sandbox, 'GET', '/v1/legal_documents/', { scope: { legal_entity_uuid: scope.legal_entity_uuid } })).body;
    const uploaded = (await upload(sandbox, scope, [['a.png', png('extra')]])).body;
    for (const answer of [info, application, documents, uploaded]) {
      const objects = objectsIn(answer).filter((object) => !('revision' in object)); // the added object itself
      assert.ok(objects.length > 0);
      for (const object of objects) assert.equal(object['x_sandbox_note'], 'A field this client does not know.', JSON.stringify(object));
    }
    const unknown = Object.values(attributes(application)).find((attribute) => attribute.type === 'time_of_day');
    assert.ok(unknown, 'a question of an unknown attribute type');
    const saved = await patch(sandbox, scope, uuid, { [unknown.key]: 'mornings' });
    assert.equal(saved.status, 200);
    assert.equal(attributes(saved.body)[unknown.key].value, 'mornings');
  });

  it('statuses: synonyms for draft, in_review and approved; pending and rejected as they are', async () => {
    const { scope, uuid, application } = await clientWithApplication(sandbox, 'Basic', { dialect: { statuses: 'synonyms' } });
    assert.equal(application.status, 'new');
    await completeBasic(sandbox, scope, uuid);
    const sent = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(sent.body.status, 'on_review');
    for (const [status, spelled] of [
      ['approved', 'verified'],
      ['pending', 'pending'],
      ['rejected', 'rejected'],
      ['paused', 'paused'],
    ]) {
      await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, { body: { status } });
      assert.equal((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body.status, spelled);
    }
    assert.equal(
      (await call(sandbox, 'GET', `/sandbox/v1/applications/${uuid}/inspect/`)).body.status,
      'paused',
      'the control speaks canonically',
    );
  });

  it('send_to_review: 204 without a body', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic', { dialect: { send_to_review: 'no_content' } });
    await completeBasic(sandbox, scope, uuid);
    const sent = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(sent.status, 204);
    assert.equal(sent.body, null);
    assert.equal((await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body.status, 'in_review');
  });

  it('upload_answer: one object, one file per request', async () => {
    const scope = await freshClient(sandbox, { dialect: { upload_answer: 'single' } });
    const one = await upload(sandbox, scope, [['a.png', png('single')]]);
    assert.equal(one.status, 201);
    assert.equal(one.body.name, 'a.png');
    assert.equal(one.body.content_type, 'image/png');
    const two = await upload(sandbox, scope, [
      ['b.png', png('b')],
      ['c.png', png('c')],
    ]);
    assert.deepEqual(two.body, { files: ['Upload one file per request.'] });
  });

  it('attribute_errors: a list aligned with the request', async () => {
    const { scope, uuid } = await clientWithApplication(sandbox, 'Basic', { dialect: { attribute_errors: 'list' } });
    const answer = await patch(sandbox, scope, uuid, { first_name: 'Ada', citizenship: 'XX', nickname: 'A', email: 'nope' });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body.attribute_changes, [
      {},
      { value: ['"XX" is not a valid choice.'] },
      { key: ['Unknown attribute "nickname" for this application.'] },
      { value: ['Enter a valid email address.'] },
    ]);
  });

  it('omit_optional: no descriptions, current level, comment, additional info or errors anywhere', async () => {
    const { scope, uuid, application } = await clientWithApplication(sandbox, 'Advanced', { dialect: { omit_optional: true } });
    await call(sandbox, 'POST', `/sandbox/v1/applications/${uuid}/status/`, {
      body: { status: 'pending', comment: 'Fix it.', remarks: { first_name: ['x'] } },
    });
    const returned = (await call(sandbox, 'GET', `/v1/kyc/${uuid}/`, { scope })).body;
    const info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    const attribute = (await call(sandbox, 'GET', `/v1/kyc/${uuid}/attributes/sumsub_liveness_check_token/`, { scope })).body;
    for (const answer of [application, returned, info, attribute]) {
      for (const object of objectsIn(answer)) {
        for (const field of ['description', 'current_level', 'comment', 'additional_info', 'errors']) assert.ok(!(field in object), field);
      }
    }
    assert.equal(typeof attribute.value, 'string', 'the required fields stay');
    assert.equal(returned.status, 'pending');
    assert.ok('last_kyc_application_uuid' in info);
  });

  it('names: other field names in every answer; requests keep the canonical ones', async () => {
    const scope = await freshClient(sandbox, { dialect: { names: 'renamed' } });
    const entity = { legal_entity_uuid: scope.legal_entity_uuid };
    const info = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.equal(info.available_levels_for_upgrade.length, 3);
    for (const level of info.available_levels_for_upgrade) assert.deepEqual(Object.keys(level), ['id', 'title', 'description']);
    const basic = info.available_levels_for_upgrade.find((level: { title: string }) => level.title === 'Basic');
    const created = await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', { scope, body: { kyc_level_uuid: basic.id } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const application = created.body;
    assert.deepEqual(Object.keys(application), ['id', 'state', 'kyc_level', 'comment', 'kyc_steps']);
    assert.equal(application.state, 'draft');
    assert.deepEqual(Object.keys(application.kyc_level), ['uuid', 'name'], "the application's level keeps its names");

    const byKey = attributes(application);
    assert.deepEqual(byKey['phone'].sign_providers, [{ provider_type: 'sms' }]);
    assert.deepEqual(byKey['email'].sign_providers, [{ provider_type: 'email' }]);
    assert.deepEqual(byKey['first_name'].sign_providers, []);
    const phone = (await call(sandbox, 'GET', `/v1/kyc/${application.id}/attributes/phone/`, { scope })).body;
    assert.equal('key' in phone, false, 'the single attribute comes without its key');
    assert.equal(phone.type, 'phone');
    assert.deepEqual(phone.sign_providers, [{ provider_type: 'sms' }]);

    const saved = await patch(sandbox, scope, application.id, { first_name: 'Ada' });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.id, application.id);
    assert.equal(attributes(saved.body)['first_name'].value, 'Ada');

    const countries = (await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope: entity })).body;
    assert.equal(countries.count, 249);
    for (const option of countries.results) assert.deepEqual(Object.keys(option), ['value', 'label']);
    assert.ok(
      countries.results.some((option: { value: string; label: string }) => option.value === 'AF' && option.label === 'Afghanistan'),
    );
    const terms = (await call(sandbox, 'GET', '/v1/legal_documents/', { scope: entity, query: { key: 'terms_of_service' } })).body;
    assert.equal(terms.count, 1, 'filtered by the canonical key parameter');
    assert.deepEqual(Object.keys(terms.results[0]), ['uuid', 'key', 'name', 'url', 'text', 'version']);

    const uploaded = await upload(sandbox, scope, [['passport.png', png('renamed')]]);
    assert.equal(uploaded.status, 201);
    assert.deepEqual(Object.keys(uploaded.body[0]), ['id', 'name', 'size', 'content_type']);
    const document = await call(sandbox, 'POST', '/v1/documents/', {
      scope,
      body: { attribute_key: 'passport', files: [uploaded.body[0].id] },
    });
    assert.equal(document.status, 201, JSON.stringify(document.body));
    assert.deepEqual(Object.keys(document.body), ['id', 'attribute_key', 'files']);
    assert.deepEqual(document.body.files, uploaded.body);

    await call(sandbox, 'POST', `/sandbox/v1/applications/${application.id}/status/`, { body: { status: 'approved' } });
    const approved = (await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope })).body;
    assert.deepEqual(approved.current_level, { id: basic.id, title: 'Basic' });
    assert.equal((await call(sandbox, 'GET', `/v1/kyc/${application.id}/`, { scope })).body.state, 'approved');
  });

  it('names: refuses an unknown naming; the canonical one is the default', async () => {
    const bad = await call(sandbox, 'POST', '/sandbox/v1/clients/', { body: { dialect: { names: 'camelCase' } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { dialect: { names: ['Expected one of: "canonical", "renamed".'] } });
    const { scope, application } = await clientWithApplication(sandbox, 'Basic', { dialect: { names: 'canonical' } });
    assert.equal(application.status, 'draft');
    assert.deepEqual(attributes(application)['phone'].sign_providers, ['sms']);
    const countries = (
      await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', { scope: { legal_entity_uuid: scope.legal_entity_uuid } })
    ).body;
    assert.deepEqual(Object.keys(countries.results[0]), ['key', 'title']);
  });

  it('keeps each legal entity in its own dialect', async () => {
    await freshClient(sandbox, { dialect: { lists: 'bare', statuses: 'synonyms' } });
    const canonical = await clientWithApplication(sandbox, 'Basic');
    assert.equal(canonical.application.status, 'draft');
    const countries = await call(sandbox, 'GET', '/v1/attributes/citizenship/definitions/', {
      scope: { legal_entity_uuid: canonical.scope.legal_entity_uuid },
    });
    assert.equal(countries.body.count, 249);
  });
});
