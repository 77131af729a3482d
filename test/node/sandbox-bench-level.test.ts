import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/server/sandbox/index.js';
import { BENCH_ANSWERS, BENCH_LEVEL } from '../../src/server/sandbox/seed.js';
import { attributes, call, clientWithApplication, freshClient, patch } from './sandbox-harness.js';

const BENCH = BENCH_LEVEL.name;

describe('sandbox: the bench level (benchLevel option)', () => {
  it('is not there by default: fresh and showcase clients see Basic, Standard and Advanced', async () => {
    const sandbox = createSandbox();
    const fresh = await freshClient(sandbox);
    const showcase = sandbox.demoClients.find((client) => client.label === 'New client')!;
    for (const scope of [fresh, showcase]) {
      const info = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope });
      assert.deepEqual(
        info.body.available_levels_for_upgrade.map((level: { name: string }) => level.name),
        ['Basic', 'Standard', 'Advanced'],
      );
    }
  });

  it('is offered last, after the three seeded levels, to fresh and showcase clients', async () => {
    const sandbox = createSandbox({ benchLevel: true });
    const fresh = await freshClient(sandbox);
    const showcase = sandbox.demoClients.find((client) => client.label === 'New client')!;
    for (const scope of [fresh, showcase]) {
      const info = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope });
      assert.deepEqual(
        info.body.available_levels_for_upgrade.map((level: { name: string }) => level.name),
        ['Basic', 'Standard', 'Advanced', BENCH],
      );
    }
    // The seeded demo clients keep their applications' levels.
    const draft = sandbox.demoClients.find((client) => client.label === 'Draft in progress')!;
    const info = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope: draft });
    const application = await call(sandbox, 'GET', `/v1/kyc/${info.body.last_kyc_application_uuid}/`, { scope: draft });
    assert.equal(application.body.kyc_level.name, 'Standard');
  });

  it('asks 200 questions of every kind but liveness, over 5 steps of 40, none signed', async () => {
    const sandbox = createSandbox({ benchLevel: true });
    const { application } = await clientWithApplication(sandbox, BENCH);
    assert.deepEqual(
      application.kyc_steps.map((step: { questions: unknown[] }) => step.questions.length),
      [40, 40, 40, 40, 40],
    );
    const all = Object.values(attributes(application));
    assert.equal(all.length, 200);
    assert.deepEqual([...new Set(all.map((attribute) => attribute.type))].sort(), [
      'boolean',
      'date',
      'decimal',
      'document',
      'email',
      'integer',
      'legal_document',
      'phone',
      'reference_data',
      'string',
      'text',
    ]);
    assert.ok(all.every((attribute) => attribute.sign_providers.length === 0 && !attribute.read_only));
    assert.ok(all.some((attribute) => !attribute.required) && all.filter((attribute) => attribute.required).length >= 150);
  });

  it('serves the options and legal documents its questions need, and takes valid answers to review', async () => {
    const sandbox = createSandbox({ benchLevel: true });
    const { scope, application, uuid } = await clientWithApplication(sandbox, BENCH);
    const all = Object.values(attributes(application));
    const answers: Record<string, string> = {};
    const optionCounts = new Set<number>();
    for (const attribute of all) {
      if (!attribute.required) continue;
      const key: string = attribute.key;
      if (attribute.type === 'reference_data') {
        const definitions = await call(sandbox, 'GET', `/v1/attributes/${key}/definitions/`, {
          scope: { legal_entity_uuid: scope.legal_entity_uuid },
        });
        assert.equal(definitions.status, 200, key);
        optionCounts.add(definitions.body.count);
        answers[key] = definitions.body.results[0].key;
      } else if (attribute.type === 'legal_document') {
        const documents = await call(sandbox, 'GET', '/v1/legal_documents/', {
          scope: { legal_entity_uuid: scope.legal_entity_uuid },
          query: { key },
        });
        assert.equal(documents.body.count, 1, key);
        answers[key] = documents.body.results[0].uuid;
      } else {
        const answer = BENCH_ANSWERS[attribute.type];
        assert.ok(answer !== undefined, `a bench answer for ${key} (${attribute.type})`);
        answers[key] = answer;
      }
    }
    // Short lists (a select) and the long list of countries (a searchable combobox).
    assert.ok([...optionCounts].some((count) => count <= 15) && [...optionCounts].some((count) => count > 200));
    const refused = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(refused.status, 400);
    const saved = await patch(sandbox, scope, uuid, answers);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const sent = await call(sandbox, 'POST', `/v1/kyc/${uuid}/send-to-review/`, { scope, body: {} });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.status, 'in_review');
  });
});
