/** How platform objects are written out, in the legal entity's dialect. */

import { MAX_PAGE_SIZE, nameFields, spellStatus, type ResolvedDialect } from './dialect.js';
import { detailError, type JsonObject } from './http.js';
import { LIVENESS_TOKEN_KEY, VOLATILE_KEYS, type Definition } from './seed.js';
import {
  CLOSED_STATUSES,
  type Application,
  type Client,
  type LegalDocument,
  type Level,
  type Question,
  type StoredDocument,
  type StoredFile,
} from './store.js';

/**
 * The document attribute whose value always comes back with Sumsub's diagnostics object instead of
 * the bare document uuid: Sumsub does not read data from address proofs, and says so.
 */
const DIAGNOSED_DOCUMENT_KEY = 'proof_of_address';

/** Sumsub's note to the person on a failed liveness check (see {@link livenessDiagnostics}). */
const LIVENESS_FAILED_NOTE = 'The liveness check did not pass. Please take it again.';

/** The value of a volatile attribute on this read, or `null` (volatile fields emptied). */
export type VolatileReader = (key: string) => string | null;

/** Levels above the client's current one, lowest first. */
export function levelsForUpgrade(client: Client): Level[] {
  const rank = client.currentLevel?.rank ?? -1;
  return client.entity.levels.filter((level) => level.rank > rank);
}

/** Whether the platform lets the client open a new application now. */
export function mayCreateApplication(client: Client): boolean {
  const open = client.applications.some((application) => !CLOSED_STATUSES.has(application.status));
  return client.allowedToCreate && !open && levelsForUpgrade(client).length > 0;
}

/** `KycLevelInfo`. */
export function presentLevelInfo(client: Client): JsonObject {
  const { dialect } = client.entity;
  const current = client.currentLevel;
  return {
    allowed_to_create_kyc_application: mayCreateApplication(client),
    available_levels_for_upgrade: levelsForUpgrade(client).map((level) =>
      dialect.level_items === 'uuids'
        ? level.uuid
        : nameFields(dialect, 'level', { uuid: level.uuid, name: level.name, description: level.description }),
    ),
    last_kyc_application_uuid: client.applications.at(-1)?.uuid ?? null,
    current_level: current && nameFields(dialect, 'level', { uuid: current.uuid, name: current.name }),
  };
}

/** `KycApplication`, with its steps and the client's current answers. */
export function presentApplication(application: Application, volatile: VolatileReader, now: Date): JsonObject {
  const { dialect } = application.client.entity;
  return nameFields(dialect, 'application', {
    uuid: application.uuid,
    status: spellStatus(dialect, application.status),
    kyc_level: { uuid: application.level.uuid, name: application.level.name },
    comment: application.comment,
    kyc_steps: application.level.steps.map((step) => ({
      title: step.title,
      description: step.description,
      questions: step.questions.map((question) => ({
        title: question.attribute.title,
        description: question.attribute.description,
        attribute: presentAttribute(application, question, volatile, now),
      })),
    })),
  });
}

/** `Attribute`: one question's attribute with its value. */
export function presentAttribute(application: Application, question: Question, volatile: VolatileReader, now: Date): JsonObject {
  const { attribute } = question;
  const { answers } = application.client;
  const stored = answers.get(attribute.key) ?? null;
  let value: unknown = stored;
  if (VOLATILE_KEYS.has(attribute.key)) {
    value = volatile(attribute.key);
    // Both liveness attributes carry the result (a level may ask for the link alone).
    const word = timelineWord(application, now);
    if (word !== null) {
      // Sumsub's word of the moment; the result itself once its minute has passed.
      value = { uuid: value, verification: { sumsub: { verificator: 'sumsub', status: word, client_note: null } } };
    } else if (application.liveness !== null) {
      const source = application.client.entity.dialect.liveness === 'source';
      // As the guide shows it: diagnostics without a uuid, and nothing at all when volatile fields
      // are emptied (the application's read then says nothing of the result; endpoint 5 does).
      if (!source) value = livenessDiagnostics(value as string | null, application.liveness);
      else value = value === null ? null : { verification: livenessDiagnostics(null, application.liveness)['verification'] };
    }
  } else if (attribute.key === DIAGNOSED_DOCUMENT_KEY && stored !== null) value = withDiagnostics(stored);
  return {
    key: attribute.key,
    type: attribute.type,
    value,
    additional_info:
      attribute.key === LIVENESS_TOKEN_KEY ? { email: answers.get('email') ?? null, phone: answers.get('phone') ?? null } : null,
    required: question.required,
    read_only: attribute.readOnly ?? false,
    sign_providers: (attribute.signProviders ?? []).map((provider) =>
      application.client.entity.dialect.names === 'renamed' ? { provider_type: provider } : provider,
    ),
    errors: [...(application.remarks[attribute.key] ?? [])],
  };
}

/**
 * The liveness token's value once the check has a result, in every read (endpoints 3 and 5, volatile
 * fields emptied or not): Sumsub's diagnostics object, whose `uuid` is what the bare value would
 * have been on this read: the access token (made and renewed as always, so a failed check can be
 * taken again, and a passed one still opens Sumsub's "completed" screen), or `null` when volatile
 * fields are emptied. Before any result, the value stays the bare token (or `null`).
 * The client reads `uuid` as the attribute's value and `verification.sumsub` as its diagnostics.
 *
 * `{"uuid": <token> | null, "verification": {"sumsub": {"verificator": "sumsub",
 *   "status": "completed" | "failed", "client_note": null | "The liveness check did not pass. Please take it again."}}}`
 */
function livenessDiagnostics(token: string | null, result: 'passed' | 'failed'): JsonObject {
  return {
    uuid: token,
    verification: {
      sumsub: {
        verificator: 'sumsub',
        status: result === 'passed' ? 'completed' : 'failed',
        client_note: result === 'passed' ? null : LIVENESS_FAILED_NOTE,
      },
    },
  };
}

/** How long after the person finished each of Sumsub's words lasts, in the timeline dialect. */
const TIMELINE: readonly (readonly [number, string])[] = [
  [20_000, 'pending'],
  [60_000, 'queued'],
];

/** Sumsub's word on the check now, in the `liveness_timeline` dialect (null: say the result, or not that dialect). */
function timelineWord(application: Application, now: Date): string | null {
  if (!application.client.entity.dialect.liveness_timeline) return null;
  if (application.liveness === null || application.livenessAt === null) return 'init';
  const elapsed = now.getTime() - application.livenessAt;
  return TIMELINE.find(([until]) => elapsed < until)?.[1] ?? null;
}

function withDiagnostics(documentUuid: string): JsonObject {
  return {
    uuid: documentUuid,
    verification: {
      sumsub: { verificator: 'sumsub', status: 'ignored', client_note: 'There is no available data to recognize from image' },
    },
  };
}

/** `UploadedFile`. */
export function presentFile(file: StoredFile, dialect: ResolvedDialect): JsonObject {
  return nameFields(dialect, 'file', { uuid: file.uuid, name: file.name, size: file.size, content_type: file.contentType });
}

/** `Document`. */
export function presentDocument(document: StoredDocument, dialect: ResolvedDialect): JsonObject {
  return nameFields(dialect, 'document', {
    uuid: document.uuid,
    attribute_key: document.attributeKey,
    files: document.files.map((file) => presentFile(file, dialect)),
  });
}

/** `LegalDocument`. */
export function presentLegalDocument(document: LegalDocument, dialect: ResolvedDialect): JsonObject {
  return nameFields(dialect, 'legal_document', {
    uuid: document.uuid,
    key: document.key,
    title: document.title,
    url: document.url,
    text: document.text,
    version: document.version,
  });
}

/** `Definition`: one option of a reference-data attribute. */
export function presentDefinition(definition: Definition, dialect: ResolvedDialect): JsonObject {
  return nameFields(dialect, 'definition', { key: definition.key, title: definition.title });
}

/**
 * A list, bare or paginated as the dialect's `pagination` says (DRF's paginators: see
 * {@link pageNumberPage}, {@link limitOffsetPage}, {@link cursorPage}). Every link is absolute,
 * built from the request URL with only the paging parameters changed.
 */
export function paginate(items: readonly unknown[], url: URL, dialect: ResolvedDialect, defaultPageSize: number): unknown {
  if (dialect.lists === 'bare') return items;
  const pageSize = dialect.page_size ?? defaultPageSize;
  switch (dialect.pagination) {
    case 'limit_offset':
      return limitOffsetPage(items, url, pageSize);
    case 'cursor':
      return cursorPage(items, url, pageSize);
    default:
      return pageNumberPage(items, url, pageSize);
  }
}

/** A link to the same list with some query parameters set (a string) or removed (null). */
function linkTo(url: URL, params: Readonly<Record<string, string | null>>): string {
  const link = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value === null) link.searchParams.delete(name);
    else link.searchParams.set(name, value);
  }
  return link.href;
}

/** A strictly positive integer query parameter, capped at {@link MAX_PAGE_SIZE}, or null when missing or malformed. */
function pageSizeParam(url: URL, name: string): number | null {
  const requested = Number(url.searchParams.get(name));
  return Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : null;
}

/**
 * PageNumberPagination: `?page=` (404 when out of range), `?page_size=` (ignored when malformed);
 * `next`/`previous` with only `page` changed (and dropped on the first page).
 */
function pageNumberPage(items: readonly unknown[], url: URL, defaultPageSize: number): JsonObject {
  const pageSize = pageSizeParam(url, 'page_size') ?? defaultPageSize;
  const pageParam = url.searchParams.get('page') ?? '1';
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const page = /^\d+$/.test(pageParam) ? Number(pageParam) : NaN;
  if (!(page >= 1 && page <= pages)) throw detailError(404, 'Invalid page.');
  const link = (target: number): string => linkTo(url, { page: target === 1 ? null : String(target) });
  return {
    count: items.length,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: items.slice((page - 1) * pageSize, page * pageSize),
  };
}

/**
 * LimitOffsetPagination: `?limit=` (the default page size when missing or malformed) and
 * `?offset=` (0 when missing or malformed; past the end, an empty page rather than a 404);
 * `next`/`previous` with `limit` and `offset` set (`offset` dropped when it comes back to 0).
 */
function limitOffsetPage(items: readonly unknown[], url: URL, defaultPageSize: number): JsonObject {
  const limit = pageSizeParam(url, 'limit') ?? defaultPageSize;
  const offsetParam = url.searchParams.get('offset') ?? '';
  const offset = /^\d+$/.test(offsetParam) ? Number(offsetParam) : 0;
  const previousOffset = offset - limit;
  return {
    count: items.length,
    next: offset + limit < items.length ? linkTo(url, { limit: String(limit), offset: String(offset + limit) }) : null,
    previous: offset > 0 ? linkTo(url, { limit: String(limit), offset: previousOffset > 0 ? String(previousOffset) : null }) : null,
    results: items.slice(offset, offset + limit),
  };
}

/**
 * CursorPagination: pages of `pageSize` (no query parameter changes it); `next`/`previous` carry an
 * opaque `?cursor=` (base64 of `o=<offset>`, as DRF encodes its own; `previous` of the second page
 * has none), an unreadable one is 404 `Invalid cursor`; no `count`.
 */
function cursorPage(items: readonly unknown[], url: URL, pageSize: number): JsonObject {
  const cursor = url.searchParams.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(cursor);
  const previousOffset = offset - pageSize;
  return {
    next: offset + pageSize < items.length ? linkTo(url, { cursor: encodeCursor(offset + pageSize) }) : null,
    previous: offset > 0 ? linkTo(url, { cursor: previousOffset > 0 ? encodeCursor(previousOffset) : null }) : null,
    results: items.slice(offset, offset + pageSize),
  };
}

function encodeCursor(offset: number): string {
  return btoa(`o=${offset}`);
}

function decodeCursor(cursor: string): number {
  let decoded = '';
  try {
    decoded = atob(cursor);
  } catch {
    // not base64: invalid below
  }
  const match = /^o=(\d+)$/.exec(decoded);
  if (!match) throw detailError(404, 'Invalid cursor');
  return Number(match[1]);
}
