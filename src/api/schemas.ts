// Wire format → widget types. The only module that imports zod. Schemas are tolerant as
// platform-api.md "Tolerance" asks: unknown fields are dropped, unknown types and statuses are
// kept as strings, lists may be bare or paginated, optional fields get their defaults, and
// nice-to-have nested data (diagnostics, additional info) that is malformed becomes null instead of
// failing the whole answer. What is really malformed (wrong top-level type, a required field
// missing) fails with a `malformed_response` KycApiError.
import * as z from 'zod/mini';
import { KycApiError } from './errors.js';
import type {
  KycDefinition,
  KycAdditionalInfo,
  KycApplication,
  KycAttribute,
  KycDocument,
  KycLevel,
  KycLevelInfo,
  KycStatus,
  KycStep,
  KycVerification,
  KycLegalDocument,
  KycUploadedFile,
} from './types.js';

// zod 4's JIT parsers probe `new Function`, which a strict CSP reports as a violation even when the
// probe's error is caught. zod/mini builds none today; this keeps it so whatever zod does next.
z.config({ jitless: true });

const text = z.optional(z.nullable(z.string()));
const flag = z.optional(z.nullable(z.boolean()));
const integer = z.optional(z.nullable(z.number()));

/** Keeps a well-formed value, turns an absent or malformed one into null. */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(z.nullable(schema)), null);

const map = <S extends z.ZodMiniType, O>(schema: S, fn: (input: z.output<S>) => O) => z.pipe(schema, z.transform(fn));

/** Longest id or key taken: anything longer is not an id (a malformed answer, not a crash later). */
const MAX_ID_LENGTH = 256;
/** An id or a key: a string (a number is taken as its digits) of a sane length, not empty. */
const id = z.pipe(z.union([z.string(), map(z.number(), String)]), z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)));

/**
 * An object whose fields may come under other names (platform-api.md, "Tolerance"): for each
 * field, the first of its names present in the answer is read under the first name. Other input
 * (not an object) is left for the schema to refuse.
 */
const aliased = <S extends z.ZodMiniType>(names: Readonly<Record<string, readonly string[]>>, schema: S) =>
  z.pipe(
    z.transform((input: unknown) => {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
      const source = input as Record<string, unknown>;
      const output: Record<string, unknown> = { ...source };
      for (const [field, aliases] of Object.entries(names)) {
        if (output[field] !== undefined) continue;
        const alias = aliases.find((name) => Object.hasOwn(source, name) && source[name] !== undefined);
        if (alias !== undefined) output[field] = source[alias];
      }
      return output;
    }),
    schema,
  );

/** A bare list or one page `{results, next}` of a paginated one. */
const page = <T>(item: z.ZodMiniType<T>) =>
  z.union([
    map(z.array(item), (items) => ({ items, next: null })),
    map(z.object({ results: z.array(item), next: text }), (list) => ({ items: list.results, next: list.next || null })),
  ]);

const STATUSES = new Map<string, KycStatus>([
  ['draft', 'draft'],
  ['new', 'draft'],
  ['created', 'draft'],
  ['in_review', 'in_review'],
  ['on_review', 'in_review'],
  ['sent_to_review', 'in_review'],
  ['review', 'in_review'],
  ['pending', 'pending'],
  ['approved', 'approved'],
  ['accepted', 'approved'],
  ['verified', 'approved'],
  ['completed', 'approved'],
  ['rejected', 'rejected'],
]);

/** Maps the platform's status (and its known synonyms, any case) to a {@link KycStatus}. */
function normalizeStatus(raw: string): KycStatus {
  return STATUSES.get(raw.trim().toLowerCase()) ?? 'unknown';
}

const level: z.ZodMiniType<KycLevel> = z.union([
  map(z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)), (uuid) => ({ uuid, name: null, description: null })),
  aliased(
    { uuid: ['id', 'kyc_level_uuid'], name: ['title'] },
    map(z.object({ uuid: id, name: text, description: text }), (l) => ({
      uuid: l.uuid,
      name: l.name ?? null,
      description: l.description ?? null,
    })),
  ),
]);

const levelInfo: z.ZodMiniType<KycLevelInfo> = map(
  z.object({
    allowed_to_create_kyc_application: z.boolean(),
    available_levels_for_upgrade: page(level),
    last_kyc_application_uuid: text,
    current_level: z.optional(z.nullable(level)),
  }),
  (info) => ({
    allowedToCreateKycApplication: info.allowed_to_create_kyc_application,
    availableLevelsForUpgrade: info.available_levels_for_upgrade.items,
    lastKycApplicationUuid: info.last_kyc_application_uuid ?? null,
    currentLevel: info.current_level ?? null,
  }),
);

const verification: z.ZodMiniType<KycVerification> = map(z.object({ verificator: text, status: text, client_note: text }), (v) => ({
  verificator: v.verificator ?? null,
  status: v.status ?? null,
  clientNote: v.client_note ?? null,
}));

const additionalInfo: z.ZodMiniType<KycAdditionalInfo> = map(z.object({ email: text, phone: text }), (info) => ({
  email: info.email ?? null,
  phone: info.phone ?? null,
}));

/** An answer's value: a string, null, a number or boolean (kept as its string), or an object. */
const value = z.optional(
  z.nullable(
    z.union([
      z.string(),
      map(z.union([z.number(), z.boolean()]), String),
      z.object({
        uuid: lenient(z.string()),
        verification: lenient(z.object({ sumsub: lenient(verification) })),
      }),
    ]),
  ),
);

/** A provider as the platform may name one: a string, or an object naming it. */
const provider = z.union([
  z.string(),
  aliased(
    { provider_type: ['type', 'name'] },
    map(z.object({ provider_type: z.string() }), (p) => p.provider_type),
  ),
]);

/** `sign_providers`: one provider, or a list of them. */
const signProviders = z.optional(z.nullable(z.union([map(provider, (one) => [one]), z.array(provider)])));

/** An attribute; `key` may be absent (`keyless`: the single-attribute answer, whose key is in its path). */
const attributeOf = (keyless: boolean): z.ZodMiniType<KycAttribute> =>
  map(
    z.object({
      key: keyless ? z.optional(id) : id,
      type: text,
      value,
      additional_info: lenient(additionalInfo),
      required: flag,
      read_only: flag,
      sign_providers: signProviders,
      errors: z.optional(z.nullable(z.array(z.unknown()))),
    }),
    (a) => {
      const value = a.value ?? null;
      return {
        key: a.key ?? '',
        type: a.type || 'string',
        value: typeof value === 'string' ? value : (value?.uuid ?? null),
        verification: typeof value === 'string' ? null : (value?.verification?.sumsub ?? null),
        additionalInfo: a.additional_info ?? null,
        required: a.required ?? false,
        readOnly: a.read_only ?? false,
        signProviders: a.sign_providers ?? [],
        errors: (a.errors ?? []).filter((error): error is string => typeof error === 'string'),
      };
    },
  );

const attribute = attributeOf(false);

const step: z.ZodMiniType<KycStep> = map(
  z.object({
    title: z.string(),
    description: text,
    questions: z.array(z.object({ title: z.string(), description: text, attribute })),
  }),
  (s) => ({
    title: s.title,
    description: s.description ?? null,
    questions: s.questions.map((q) => ({ title: q.title, description: q.description ?? null, attribute: q.attribute })),
  }),
);

const application: z.ZodMiniType<KycApplication> = aliased(
  { uuid: ['id', 'kyc_application_uuid'], status: ['state'] },
  map(
    z.object({
      uuid: id,
      status: z.string().check(z.maxLength(MAX_ID_LENGTH)),
      kyc_level: z.optional(z.nullable(level)),
      comment: text,
      kyc_steps: z.array(step),
    }),
    (a) => ({
      uuid: a.uuid,
      status: normalizeStatus(a.status),
      rawStatus: a.status,
      kycLevel: a.kyc_level ?? null,
      comment: a.comment ?? null,
      steps: a.kyc_steps,
    }),
  ),
);

/**
 * An option. Its key and title may come under other names; `value` is the key when a title-like
 * field is there (`{value, label}`), else the title (`{code, value}`).
 */
const definition: z.ZodMiniType<KycDefinition> = z.pipe(
  z.transform((input: unknown) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    const source = input as Record<string, unknown>;
    const first = (names: readonly string[]) =>
      names.map((name) => (Object.hasOwn(source, name) ? source[name] : undefined)).find((v) => v != null);
    const title = first(['title', 'name', 'label']);
    const key = first(['key', 'code', 'uuid', 'id']);
    return { key: key ?? (title != null ? source['value'] : undefined), title: title ?? (key != null ? source['value'] : undefined) };
  }),
  z.object({ key: id, title: z.string() }),
);

const legalDocument: z.ZodMiniType<KycLegalDocument> = aliased(
  { uuid: ['id'], title: ['name'] },
  map(
    z.object({
      uuid: id,
      key: text,
      title: z.string(),
      url: text,
      text,
      version: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    }),
    (d) => ({
      uuid: d.uuid,
      key: d.key ?? null,
      title: d.title,
      url: d.url ?? null,
      text: d.text ?? null,
      version: d.version == null ? null : String(d.version),
    }),
  ),
);

const uploadedFile: z.ZodMiniType<KycUploadedFile> = z.union([
  map(z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)), (uuid) => ({ uuid, name: null, size: null, contentType: null })),
  aliased(
    { uuid: ['id'] },
    map(z.object({ uuid: id, name: text, size: integer, content_type: text }), (f) => ({
      uuid: f.uuid,
      name: f.name ?? null,
      size: f.size ?? null,
      contentType: f.content_type ?? null,
    })),
  ),
]);

const uploadedFiles = z.union([page(uploadedFile), map(uploadedFile, (file) => ({ items: [file], next: null }))]);

const kycDocument: z.ZodMiniType<KycDocument> = aliased(
  { uuid: ['id'] },
  map(z.object({ uuid: id, attribute_key: text, files: z.optional(z.nullable(z.array(uploadedFile))) }), (d) => ({
    uuid: d.uuid,
    attributeKey: d.attribute_key ?? null,
    files: d.files ?? [],
  })),
);

const token = z.object({ token: z.string().check(z.minLength(1)), expires_in: integer });

/** Where an issue is; for a value that matched no form of a union, the deepest place a form failed. */
function deepestPath(issue: z.core.$ZodIssue): PropertyKey[] {
  let best: PropertyKey[] = issue.path;
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors) {
      for (const inner of branch) {
        const path = [...issue.path, ...deepestPath(inner)];
        if (path.length > best.length) best = path;
      }
    }
  }
  return best;
}

/** Parses `data` with `schema`, or fails with a `malformed_response` error naming `what` and where. */
const decoder =
  <T>(schema: z.ZodMiniType<T>) =>
  (data: unknown, what: string): T => {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    // Only the location (field names and indices) is reported, never the values.
    const issue = result.error.issues[0];
    const where = (issue ? deepestPath(issue) : []).join('.') || 'top level';
    throw new KycApiError('malformed_response', `${what}: unexpected response shape at ${where}.`);
  };

/** Decodes a `KycLevelInfo`. */
export const decodeLevelInfo = decoder(levelInfo);
/** Decodes a `KycApplication`. */
export const decodeApplication = decoder(application);
/** Decodes the single-attribute answer (its `key` may be absent: `''` then, the caller knows it). */
export const decodeAttribute = decoder(attributeOf(true));
/** Decodes one page (or a bare list) of `KycDefinition`s. */
export const decodeDefinitionPage = decoder(page(definition));
/** Decodes one page (or a bare list) of `KycLegalDocument`s. */
export const decodeLegalDocumentPage = decoder(page(legalDocument));
const decodeUploadPage = decoder(uploadedFiles);

/**
 * Decodes the upload answer (a list, a page or one file) into a list of files. A page announcing
 * a next one is malformed: the rest of a POST's answer cannot be fetched, and files would be lost.
 */
export function decodeUploadedFiles(data: unknown, what: string): KycUploadedFile[] {
  const { items, next } = decodeUploadPage(data, what);
  if (next) throw new KycApiError('malformed_response', `${what}: the uploaded files continue on another page.`);
  return items;
}

/** Decodes a `Document`. */
export const decodeDocument = decoder(kycDocument);
/** Decodes the token endpoint's answer `{token, expires_in?}`. */
export const decodeToken = decoder(token);
