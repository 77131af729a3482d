// The API client and the flow (src/api/, src/flow/) against the sandbox's dialects, through the
// proxy, in Node: answers that name their fields otherwise than our design guessed (as the real
// platform may), and answers whose values are absurd.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { KycApiError } from '../../src/api/index.js';
import { SANDBOX_SIGN_CODE as SIGN_CODE } from '../../src/server/sandbox/index.js';
import { pdfFile } from '../helpers/files.js';
import { apiClient, FlowHost, injectFault, login, logout, newClient } from './flow-harness.js';

afterEach(logout);

describe('the client reads a platform that names its fields otherwise', () => {
  test('levels, applications, options, legal documents, files, documents, sign providers and a keyless attribute', async () => {
    login(await newClient({ dialect: { names: 'renamed' } }));
    const client = apiClient({ retries: 0 });
    const info = await client.getLevelInfo();
    const basic = info.availableLevelsForUpgrade.find((level) => level.name === 'Basic');
    assert.ok(basic?.uuid, 'a level by `id`, named by `title`');

    const application = await client.createApplication(basic.uuid);
    assert.ok(application.uuid, 'an application by `id`');
    assert.equal(application.status, 'draft', 'its status under `state`');
    const email = application.steps.flatMap((step) => step.questions).find((q) => q.attribute.key === 'email')!;
    assert.deepEqual(email.attribute.signProviders, ['email'], 'providers as objects');

    const countries = await client.getDefinitions('citizenship');
    assert.equal(countries.find((country) => country.key === 'LV')?.title, 'Latvia', 'options as {value, label}');

    const [terms] = await client.getLegalDocuments('terms_of_service');
    assert.equal(terms.title, 'Terms of service', 'a document titled by `name`');
    assert.ok(terms.uuid);

    const [file] = await client.uploadFiles([pdfFile('passport.pdf', 2048)]);
    assert.ok(file.uuid, 'a file by `id`');
    const document = await client.createDocument('passport', [file.uuid]);
    assert.ok(document.uuid, 'a document by `id`');

    const attribute = await client.getAttribute(application.uuid, 'email');
    assert.equal(attribute.key, 'email', 'the key of the path, when the answer has none');
  });

  test('the whole Basic flow runs on it: choice, steps, signed contacts, review', async () => {
    login(await newClient({ dialect: { names: 'renamed' } }));
    const host = new FlowHost().connect();
    try {
      const flow = host.flow;
      await flow.start(apiClient(), {});
      const levels = flow.screen.name === 'levels' ? flow.screen.levels : [];
      await flow.selectLevel(levels.find((level) => level.name === 'Basic')!.uuid);
      for (const [key, value] of Object.entries({ first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-01-01', citizenship: 'LV' })) {
        flow.setAnswer(key, value);
      }
      await flow.continue();
      flow.setAnswer('email', 'jane@example.com');
      flow.setAnswer('phone', '+37120000009');
      await flow.continue();
      while (flow.signature) {
        const request = flow.signature;
        assert.equal(await flow.sendCode(request.groups[request.index][0]), true);
        await flow.confirmCode(SIGN_CODE);
      }
      assert.deepEqual(flow.screen, { name: 'step', index: 2 });
      assert.deepEqual(host.eventsOf('kyc-error'), []);
    } finally {
      host.disconnect();
    }
  });
});

describe("Sumsub's errors as the platform passes them on", () => {
  for (const sumsub_errors of ['sumsub', 'wrapped'] as const) {
    test(`an empty file is refused with Sumsub's code and correlationId (${sumsub_errors})`, async () => {
      login(await newClient({ dialect: { sumsub_errors } }));
      const error = await apiClient({ retries: 0 })
        .uploadFiles([new File([], 'empty.pdf', { type: 'application/pdf' })])
        .then(
          () => null,
          (failure: unknown) => failure,
        );
      assert.ok(error instanceof KycApiError);
      assert.equal(error.code, 'upload_rejected');
      assert.deepEqual(error.uploadError, { errorCode: 1003, errorName: 'empty-file' });
      assert.match(error.correlationId ?? '', /^[\w-]{8,}$/);
      assert.deepEqual(error.fieldErrors, {}, 'not taken as a refusal of a field the person answered');
    });
  }
});

describe('answers with nothing usable in them are malformed, with a way on', () => {
  test('an empty 200 to sending to review is malformed (a 204 is "done")', async () => {
    const sandbox = await newClient({ dialect: { send_to_review: 'no_content' } });
    login(sandbox);
    const client = apiClient({ retries: 0 });
    const info = await client.getLevelInfo();
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    await injectFault(sandbox, { method: 'POST', path_contains: '/send-to-review/', status: 200, body: '' });
    const error = await client.sendToReview(application.uuid).then(
      () => null,
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof KycApiError);
    assert.equal(error.code, 'malformed_response');
    assert.equal(error.recoverable, true);
  });

  test('an upload answered without usable file ids is malformed, and no document is asked for', async () => {
    const sandbox = await newClient();
    login(sandbox);
    for (const body of [[{ name: 'a.pdf' }], [{ uuid: '' }], [{ id: null }], [{}]]) {
      await injectFault(sandbox, { method: 'POST', path_contains: '/v1/documents/files/', status: 201, body });
      const error = await apiClient({ retries: 0 })
        .uploadFiles([pdfFile('a.pdf', 2048)])
        .then(
          () => null,
          (failure: unknown) => failure,
        );
      assert.ok(error instanceof KycApiError, JSON.stringify(body));
      assert.equal(error.code, 'malformed_response');
    }
  });
});

describe('absurd values are malformed answers, never crashes', () => {
  const cases: [string, unknown][] = [
    [
      'an id of 300 characters',
      { allowed_to_create_kyc_application: true, available_levels_for_upgrade: [{ uuid: 'x'.repeat(300), name: 'Basic' }] },
    ],
    [
      'an id that is an object',
      { allowed_to_create_kyc_application: true, available_levels_for_upgrade: [{ uuid: { id: 1 }, name: 'Basic' }] },
    ],
    ['an empty id', { allowed_to_create_kyc_application: true, available_levels_for_upgrade: [{ id: '', name: 'Basic' }] }],
    ['an empty array for the object', []],
  ];
  for (const [what, body] of cases) {
    test(what, async () => {
      const sandbox = await newClient();
      login(sandbox);
      await injectFault(sandbox, { method: 'GET', path_contains: '/v1/clients/kyc-level-info/', status: 200, body });
      const error = await apiClient({ retries: 0 })
        .getLevelInfo()
        .then(
          () => null,
          (failure: unknown) => failure,
        );
      assert.ok(error instanceof KycApiError);
      assert.equal(error.code, 'malformed_response');
      assert.equal(error.recoverable, true);
    });
  }
});
