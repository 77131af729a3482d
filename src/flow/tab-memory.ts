/**
 * What this tab remembers of an application across reloads (sessionStorage): the step the person
 * was on, the answers already corrected after the reviewer's remarks. Keyed by the application's
 * uuid; step numbers and attribute keys only, never an answer. Storage that is blocked (privacy
 * settings, sandboxed frames) or absent (server rendering, Node) remembers nothing: resumption then
 * falls back to the answers.
 */

const PREFIX = 'kyc-onboarding:';

/** The tab's storage, looked up at each use; null where there is none. */
function storage(): Storage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

function write(what: 'step' | 'revised', applicationUuid: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(`${PREFIX}${what}:${applicationUuid}`);
    else storage()?.setItem(`${PREFIX}${what}:${applicationUuid}`, value);
  } catch {
    // storage blocked: nothing is remembered
  }
}

function read(what: 'step' | 'revised', applicationUuid: string): string | null {
  try {
    return storage()?.getItem(`${PREFIX}${what}:${applicationUuid}`) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the step the person is on (its index), or that they are on the review. */
export function rememberStep(applicationUuid: string, step: number | 'review'): void {
  write('step', applicationUuid, String(step));
}

/** The step the person was on in this tab (or the review), if any. */
export function recallStep(applicationUuid: string): number | 'review' | null {
  const stored = read('step', applicationUuid);
  if (stored === 'review') return stored;
  const value = stored === null ? NaN : Number(stored);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** Remembers the answers corrected since the reviewer's remarks; null forgets them. */
export function rememberRevised(applicationUuid: string, keys: Iterable<string> | null): void {
  write('revised', applicationUuid, keys === null ? null : JSON.stringify([...keys]));
}

/** The answers corrected in this tab since the reviewer's remarks. */
export function recallRevised(applicationUuid: string): string[] {
  try {
    const keys: unknown = JSON.parse(read('revised', applicationUuid) ?? '[]');
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}
