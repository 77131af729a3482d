// Small helpers for tests of the API client.
import { expect } from '@open-wc/testing';
import { KycApiError, type KycApplication, type KycClient } from '../../src/api/index.js';
import { SIGN_CODE } from './sandbox.js';

export { pdfFile } from './files.js';

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

/** Answers the e-mail address and phone number of an application, signed with the sandbox's codes. */
export async function signContacts(client: KycClient, uuid: string): Promise<void> {
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
}

/** Answers every question of a Basic application, signing the contacts with the sandbox code. */
export async function fillBasic(client: KycClient, uuid: string): Promise<void> {
  await client.updateApplication(uuid, [
    { key: 'first_name', value: 'Jane' },
    { key: 'last_name', value: 'Doe' },
    { key: 'date_of_birth', value: '1990-01-01' },
    { key: 'citizenship', value: 'LV' },
  ]);
  await signContacts(client, uuid);
  const [terms] = await client.getLegalDocuments('terms_of_service');
  const [privacy] = await client.getLegalDocuments('privacy_policy');
  await client.updateApplication(uuid, [
    { key: 'terms_of_service', value: terms.uuid },
    { key: 'privacy_policy', value: privacy.uuid },
  ]);
}
