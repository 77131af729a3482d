// Small helpers for tests of the API client.
import { expect } from '@open-wc/testing';
import { KycApiError, type KycApplication, type KycClient } from '../../src/api/index.js';
import { SIGN_CODE } from './sandbox.js';

/** The answers of an application by attribute key. */
export function answersOf(application: KycApplication): Record<string, string | null> {
  return Object.fromEntries(application.steps.flatMap((step) => step.questions.map((q) => [q.attribute.key, q.attribute.value])));
}

/** The KycApiError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<KycApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(KycApiError);
    return error as KycApiError;
  }
  throw new Error('expected the call to fail');
}

/**
 * A PDF the sandbox accepts (its header, then zeros, then its end marker) of `size` bytes (≥ 32).
 * A random mark makes each one unique: a second document of the same key made of the same bytes
 * is a duplicate for Sumsub (1000), so tests that make documents need fresh bytes.
 */
export function pdfFile(name: string, size: number): File {
  const bytes = new Uint8Array(size);
  const text = new TextEncoder();
  bytes.set(text.encode('%PDF-1.4\n%'));
  crypto.getRandomValues(bytes.subarray(10, 26));
  bytes.set(text.encode('\n%%EOF\n'), size - 7);
  return new File([bytes], name, { type: 'application/pdf' });
}

/** Answers every question of a Basic application, signing the contacts with the sandbox code. */
export async function fillBasic(client: KycClient, uuid: string): Promise<void> {
  await client.updateApplication(uuid, [
    { key: 'first_name', value: 'Jane' },
    { key: 'last_name', value: 'Doe' },
    { key: 'date_of_birth', value: '1990-01-01' },
    { key: 'citizenship', value: 'LV' },
  ]);
  await client.sendSignCode({ objectUuid: uuid, providerType: 'sms', destination: '+37120000009' });
  await client.sendSignCode({ objectUuid: uuid, providerType: 'email', destination: 'jane@example.com' });
  await client.updateApplication(
    uuid,
    [
      { key: 'email', value: 'jane@example.com' },
      { key: 'phone', value: '+37120000009' },
    ],
    { signCodes: { sms: SIGN_CODE, email: SIGN_CODE } },
  );
  const [terms] = await client.getLegalDocuments('terms_of_service');
  const [privacy] = await client.getLegalDocuments('privacy_policy');
  await client.updateApplication(uuid, [
    { key: 'terms_of_service', value: terms.uuid },
    { key: 'privacy_policy', value: privacy.uuid },
  ]);
}
