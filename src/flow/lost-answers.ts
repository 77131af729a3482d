// When the answer to a write is lost (the connection, a timeout, a gateway's error, a cut or
// unreadable body), the platform may still have done it. The flow reads where things stand before
// anything is sent again: a one-time code is spent once used, and a create must not make a second.
import { KycApiError, type KycApplication, type KycAttributeChange, type KycClient, type KycStatus } from '../api/index.js';

/** Whether a failed request may still have been carried out (as opposed to a refusal). */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof KycApiError)) return false;
  return error.code === 'network' || error.code === 'timeout' || error.code === 'malformed_response' || error.code === 'server';
}

/** The application, when a save whose answer was lost was stored after all; else `error` again. */
export async function savedDespite(
  error: unknown,
  client: KycClient,
  uuid: string,
  changes: readonly KycAttributeChange[],
  signal: AbortSignal,
): Promise<KycApplication> {
  if (!outcomeUnknown(error)) throw error;
  const held = await client.getApplication(uuid, { emptyVolatileFields: true, signal }).catch(() => null);
  if (!held || !changes.every(({ key, value }) => storedValue(held, key) === value)) throw error;
  return held;
}

/**
 * The application a create whose answer was lost made after all (the level info names another last
 * application than `before`); else `error` again.
 */
export async function createdDespite(
  error: unknown,
  client: KycClient,
  before: string | null,
  signal: AbortSignal,
): Promise<KycApplication> {
  if (!outcomeUnknown(error)) throw error;
  const made = (await client.getLevelInfo({ signal }).catch(() => null))?.lastKycApplicationUuid;
  if (!made || made === before) throw error;
  return client.getApplication(made, { emptyVolatileFields: true, signal });
}

/** The application, when a submission whose answer was lost was taken after all (its status moved); else `error` again. */
export async function sentDespite(
  error: unknown,
  client: KycClient,
  uuid: string,
  status: KycStatus,
  signal: AbortSignal,
): Promise<KycApplication> {
  if (!outcomeUnknown(error)) throw error;
  const held = await client.getApplication(uuid, { emptyVolatileFields: true, signal }).catch(() => null);
  if (!held || held.status === status) throw error;
  return held;
}

/** An attribute's stored value in an application (null: none, or no such attribute). */
function storedValue(application: KycApplication, key: string): string | null {
  for (const step of application.steps) for (const { attribute } of step.questions) if (attribute.key === key) return attribute.value;
  return null;
}
