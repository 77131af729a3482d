import type { KycAttribute, KycApplicationQuestion } from '../api/index.js';
import type { LocalizeController } from '../utilities/localize.js';

/** The attribute whose value is an access token for Sumsub's WebSDK [seed]. */
export const LIVENESS_TOKEN_KEY = 'sumsub_liveness_check_token';
/** The attribute whose value is a link to Sumsub's own page [seed]. */
export const LIVENESS_URL_KEY = 'sumsub_liveness_check_url';

/** The keys (and types) of the liveness check's attributes: answered by Sumsub, never typed. */
export const LIVENESS_KEYS: ReadonlySet<string> = new Set([LIVENESS_TOKEN_KEY, LIVENESS_URL_KEY]);

/** Whether an attribute belongs to the liveness check. */
export function isLiveness(attribute: KycAttribute): boolean {
  return LIVENESS_KEYS.has(attribute.key) || LIVENESS_KEYS.has(attribute.type);
}

/** Sumsub's statuses of a liveness check the platform reports as done [assumed: the sandbox's]. */
const LIVENESS_DONE: ReadonlySet<string> = new Set(['completed', 'passed', 'approved', 'green']);

/** Whether the platform says this liveness attribute's check is done (its Sumsub diagnostics). */
export function isLivenessDone(attribute: KycAttribute): boolean {
  const status = attribute.verification?.status?.toLowerCase();
  return isLiveness(attribute) && status !== undefined && LIVENESS_DONE.has(status);
}

/** Sumsub's statuses of an item it could not accept [assumed: Sumsub's review words and the sandbox's]. */
const PROBLEM_STATUSES: ReadonlySet<string> = new Set(['ignored', 'failed', 'rejected', 'red', 'declined', 'error']);

/**
 * Whether Sumsub's diagnostics of an answer say something is wrong with it (a document it could
 * not read): a note meant for the person, or a status of refusal. The answer is stored, but must
 * not be shown as done.
 */
export function hasVerificationProblem(attribute: KycAttribute): boolean {
  const verification = attribute.verification;
  if (!verification) return false;
  return Boolean(verification.clientNote?.trim()) || PROBLEM_STATUSES.has(verification.status?.toLowerCase() ?? '');
}

/**
 * Sumsub's note on an answer as the person reads it: its own words, or, for a refusal status that
 * came without any, the widget's; null when there is nothing to say.
 */
export function verificationNote(localize: LocalizeController, attribute: KycAttribute): string | null {
  const note = attribute.verification?.clientNote?.trim();
  if (note) return note;
  return hasVerificationProblem(attribute) ? localize.term('verificationProblem') : null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An answer as a person reads it (a read-only question, the review page): yes or no, a
 * localized date, the chosen option's title, "I have read and accept …" for a legal document,
 * "Uploaded" for a document, else the text as stored.
 *
 * @param label The title of the chosen option or accepted document, once read (else the stored key
 *   is shown for an option, and the question's title for a document).
 */
export function answerText(localize: LocalizeController, question: KycApplicationQuestion, value: string, label: string | null): string {
  const { attribute } = question;
  if (isLiveness(attribute)) return localize.term(isLivenessDone(attribute) ? 'livenessDone' : 'livenessLater');
  if (value === '') return localize.term('notAnswered');
  switch (attribute.type) {
    case 'boolean':
      return localize.term(value === 'true' ? 'yes' : 'no');
    case 'date':
      return isRealDate(value) ? localize.date(value, { dateStyle: 'long' }) : value;
    case 'reference_data':
      return label ?? value;
    case 'legal_document':
      return localize.term('acceptDocument', label ?? question.title);
    case 'document':
      return localize.term('questionDocumentUploaded');
    default:
      return value;
  }
}
