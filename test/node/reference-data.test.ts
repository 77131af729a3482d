// The flow's reference data (src/flow/reference-data.ts) against the sandbox through the proxy, in
// Node: which legal document a question asks to accept when the platform lists several versions,
// none for the question's key, or documents under other keys.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createKycClient, type KycApplicationQuestion, type KycLegalDocument } from '../../src/api/index.js';
import { ReferenceData } from '../../src/flow/reference-data.js';
import { apiClient, chain, ENDPOINT, injectFault, loggedInClient, logout, type SandboxClient } from './flow-harness.js';

/** The sandbox's terms of service question (its document: key `terms_of_service`, version 3). */
const TERMS: KycApplicationQuestion = {
  title: 'Terms of service',
  description: null,
  attribute: {
    key: 'terms_of_service',
    type: 'legal_document',
    value: null,
    required: true,
    readOnly: false,
    errors: [],
    verification: null,
    additionalInfo: { email: null, phone: null },
    signProviders: [],
  },
};

const page = (results: object[]) => ({ count: results.length, next: null, previous: null, results });
const doc = (uuid: string, fields: Partial<Record<keyof KycLegalDocument, string | null>>) => ({
  uuid,
  key: 'terms_of_service',
  title: 'Terms of service',
  url: null,
  text: 'Text.',
  version: null,
  ...fields,
});

let sandbox: SandboxClient;

describe('ReferenceData: the legal document of a question', () => {
  beforeEach(async () => {
    sandbox = await loggedInClient();
  });
  afterEach(logout);

  test('is the one of its key the platform lists', async () => {
    const document = await new ReferenceData().legalDocumentOf(apiClient(), TERMS);
    assert.equal(document?.key, 'terms_of_service');
    assert.equal(document?.version, '3');
  });

  test('is the highest version among those of its key, not the first listed', async () => {
    await injectFault(sandbox, {
      method: 'GET',
      path_contains: '/v1/legal_documents/',
      status: 200,
      body: page([doc('a', { version: '1.9' }), doc('b', { version: '1.10' }), doc('c', { version: null }), doc('d', { version: '1.2' })]),
    });
    assert.equal((await new ReferenceData().legalDocumentOf(apiClient(), TERMS))?.uuid, 'b');
  });

  test('when none is listed for its key, is read from all the documents: by key, else by title', async () => {
    // The platform lists nothing for the key, then everything with the key under another name.
    await injectFault(sandbox, { method: 'GET', path_contains: '/v1/legal_documents/', status: 200, body: page([]) });
    await injectFault(sandbox, {
      method: 'GET',
      path_contains: '/v1/legal_documents/',
      status: 200,
      body: page([
        doc('other', { key: 'privacy_policy', title: 'Privacy policy' }),
        doc('tos', { key: 'tos', title: ' Terms of  Service ' }),
      ]),
    });
    assert.equal((await new ReferenceData().legalDocumentOf(apiClient(), TERMS))?.uuid, 'tos');

    // A filter the platform ignores: other keys only for ours; the real one is in the full list.
    await injectFault(sandbox, {
      method: 'GET',
      path_contains: '/v1/legal_documents/',
      status: 200,
      body: page([doc('other', { key: 'privacy_policy', title: 'Privacy policy' })]),
    });
    const document = await new ReferenceData().legalDocumentOf(apiClient(), TERMS);
    assert.equal(document?.key, 'terms_of_service', 'read from the full list, by key');
  });

  test("is the profile's document for the attribute when the profile names one", async () => {
    const client = createKycClient({
      endpoint: ENDPOINT,
      fetch: chain,
      platform: { legalDocumentKeys: { terms_of_service: 'privacy_policy' } },
    });
    const document = await new ReferenceData().legalDocumentOf(client, TERMS);
    assert.equal(document?.key, 'privacy_policy');
  });

  test('is none when nothing matches (the question then says it could not be read)', async () => {
    await injectFault(sandbox, { method: 'GET', path_contains: '/v1/legal_documents/', status: 200, body: page([]), times: 2 });
    assert.equal(await new ReferenceData().legalDocumentOf(apiClient(), TERMS), null);
  });
});
