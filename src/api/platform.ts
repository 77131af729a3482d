// The platform profile: what a partner knows of their platform that the guide leaves open (the
// words of its statuses, its attribute type names, which keys are documents, the words of Sumsub's
// liveness result, the multipart field of uploads, whether sending to review is signed, the legal
// document of each legal-document attribute). `kyc-onboarding doctor` prints one that fits.
import { GUIDE_DOCUMENT_KEYS } from '../shared/guide.js';
import type { KycApplication, KycAttribute, KycAttributeType, KycSignProvider, KycStatus } from './types.js';

export { GUIDE_DOCUMENT_KEYS };

/** A platform profile, as a host gives it; every member optional (defaults: the guide and the sandbox). */
export interface KycPlatformProfile {
  /** The platform's status words, by word (any case): what each means. */
  statuses?: Readonly<Record<string, Exclude<KycStatus, 'unknown'>>>;
  /** The platform's attribute type names, by name: the widget's type each is asked as. */
  types?: Readonly<Record<string, KycAttributeType>>;
  /** Attribute keys that are documents to upload, whatever their type says (added to the guide's nine). */
  documentKeys?: readonly string[];
  /** Sumsub's words of a liveness check's result in the platform's diagnostics (any case). */
  liveness?: { readonly done?: readonly string[]; readonly failed?: readonly string[] };
  /** The multipart field of uploaded files. Default `files`. */
  uploadField?: string;
  /** Sending to review needs a one-time code of this provider (asked before sending); default none. */
  submitSignature?: KycSignProvider | null;
  /** The legal document of each `legal_document` attribute, by attribute key (default: the same key). */
  legalDocumentKeys?: Readonly<Record<string, string>>;
}

/** A profile with every member decided. */
export interface KycResolvedPlatform {
  readonly statuses: ReadonlyMap<string, Exclude<KycStatus, 'unknown'>>;
  readonly types: Readonly<Record<string, KycAttributeType>>;
  readonly documentKeys: ReadonlySet<string>;
  readonly liveness: { readonly done: ReadonlySet<string>; readonly failed: ReadonlySet<string> };
  readonly uploadField: string;
  readonly submitSignature: KycSignProvider | null;
  readonly legalDocumentKeys: Readonly<Record<string, string>>;
}

/** Sumsub's words of a finished liveness check [assumed: the sandbox's]. */
const LIVENESS_DONE = ['completed', 'passed', 'approved', 'green'];
/** Sumsub's words of a failed liveness check. */
const LIVENESS_FAILED = ['failed', 'rejected', 'red'];

const lower = (words: readonly string[] | undefined) => new Set((words ?? []).map((word) => word.trim().toLowerCase()));

/** A host's profile with the defaults filled in (members of the wrong kind are ignored). */
export function resolvePlatform(profile: KycPlatformProfile = {}): KycResolvedPlatform {
  const record = <T>(value: unknown): Record<string, T> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {};
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const statuses = new Map(
    Object.entries(record<Exclude<KycStatus, 'unknown'>>(profile.statuses)).map(([word, status]) => [word.trim().toLowerCase(), status]),
  );
  return {
    statuses,
    types: record<KycAttributeType>(profile.types),
    documentKeys: new Set([...GUIDE_DOCUMENT_KEYS, ...list(profile.documentKeys)]),
    liveness: {
      done: lower([...LIVENESS_DONE, ...list(profile.liveness?.done)]),
      failed: lower([...LIVENESS_FAILED, ...list(profile.liveness?.failed)]),
    },
    uploadField: typeof profile.uploadField === 'string' && profile.uploadField !== '' ? profile.uploadField : 'files',
    submitSignature: profile.submitSignature === 'sms' || profile.submitSignature === 'email' ? profile.submitSignature : null,
    legalDocumentKeys: record<string>(profile.legalDocumentKeys),
  };
}

/** The liveness check's attributes (their keys, or types of those names). */
const LIVENESS_KEYS: ReadonlySet<string> = new Set(['sumsub_liveness_check_token', 'sumsub_liveness_check_url']);

/**
 * An attribute as the profile reads it: its type by the profile's names, a document by its key,
 * a liveness check's result word as `completed` or `failed`.
 */
export function profiledAttribute(platform: KycResolvedPlatform, attribute: KycAttribute): KycAttribute {
  let type = platform.types[attribute.type] ?? attribute.type;
  if (platform.documentKeys.has(attribute.key)) type = 'document';
  const liveness = LIVENESS_KEYS.has(attribute.key) || LIVENESS_KEYS.has(attribute.type);
  const word = liveness ? attribute.verification?.status?.trim().toLowerCase() : undefined;
  const verdict =
    word === undefined ? null : platform.liveness.done.has(word) ? 'completed' : platform.liveness.failed.has(word) ? 'failed' : null;
  const verification = verdict && attribute.verification ? { ...attribute.verification, status: verdict } : attribute.verification;
  return type === attribute.type && verification === attribute.verification ? attribute : { ...attribute, type, verification };
}

/** An application as the profile reads it: its status by the profile's words, then its attributes. */
export function profiledApplication(platform: KycResolvedPlatform, application: KycApplication): KycApplication {
  const status = platform.statuses.get(application.rawStatus.trim().toLowerCase()) ?? application.status;
  return {
    ...application,
    status,
    steps: application.steps.map((step) => ({
      ...step,
      questions: step.questions.map((question) => ({ ...question, attribute: profiledAttribute(platform, question.attribute) })),
    })),
  };
}
