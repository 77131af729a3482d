/**
 * Dialects: the plausible variants of the platform's answers (see "Tolerance" in platform-api.md).
 * A dialect belongs to a legal entity (`POST /sandbox/v1/clients/` `{dialect: {…}}`) and shapes
 * every answer the platform gives it; its options, the canonical value first:
 *
 * - `lists`: `paginated` | `bare`;
 * - `pagination` (of paginated lists): `page` | `limit_offset` | `cursor`;
 * - `page_size`: the default page size, an integer from 1 to {@link MAX_PAGE_SIZE};
 * - `level_items`: `objects` | `uuids`;
 * - `extra_fields`: `false` | `true`;
 * - `statuses`: `canonical` | `synonyms` | `foreign` (words the widget does not know);
 * - `upload_field`: `files` | `file` | `document` (the multipart field uploads take);
 * - `liveness`: `canonical` | `source` (the result as the guide shows it);
 * - `sumsub_errors`: `sumsub` | `wrapped` (Sumsub's upload errors inside a DRF field error);
 * - `liveness_timeline`: Sumsub's words over a minute (init, pending, queued, completed);
 * - `send_to_review`: `application` | `no_content`;
 * - `upload_answer`: `list` | `single`;
 * - `attribute_errors`: `map` | `list`;
 * - `omit_optional`: `false` | `true`;
 * - `names`: `canonical` | `renamed`.
 *
 * `names` renames fields of answers only: request bodies and query parameters keep their canonical
 * names in every dialect.
 */

import { fieldErrors, isObject, type JsonObject } from './http.js';

/** How a legal entity's platform answers are shaped. Every option defaults to the canonical form. */
export interface Dialect {
  /** Lists paginated DRF-style (as `pagination` says) or bare arrays. */
  lists?: 'paginated' | 'bare';
  /**
   * How paginated lists page, after DRF's paginators:
   * - `page` (PageNumberPagination): `?page=` and `?page_size=`, `{count, next, previous, results}`;
   * - `limit_offset` (LimitOffsetPagination): `?limit=` and `?offset=`, `{count, next, previous, results}`;
   * - `cursor` (CursorPagination): an opaque `?cursor=` in the links, `{next, previous, results}`
   *   without `count`, pages of `page_size` (no query parameter sets it).
   */
  pagination?: 'page' | 'limit_offset' | 'cursor';
  /** Default page size of this legal entity's paginated lists (the default `limit` of `limit_offset`). */
  page_size?: number;
  /** `available_levels_for_upgrade` items as objects or as bare uuids. */
  level_items?: 'objects' | 'uuids';
  /** Unknown fields on every object, and one question of an unknown attribute type. */
  extra_fields?: boolean;
  /**
   * Canonical statuses, synonyms the widget knows (`new`, `on_review`, `verified`), or foreign
   * words it does not (`opened`, `checking`, `returned`, `passed`, `declined`): a platform profile's
   * `statuses` must say what they mean.
   */
  statuses?: 'canonical' | 'synonyms' | 'foreign';
  /** The multipart field of uploaded files (a platform profile's `uploadField`). */
  upload_field?: 'files' | 'file' | 'document';
  /**
   * The liveness result as our design guessed it (diagnostics with the token as `uuid`, in every
   * read), or as the guide shows it (`source`: diagnostics without `uuid`, and none in a read that
   * empties volatile fields: only the attribute's own endpoint says the check is done).
   */
  liveness?: 'canonical' | 'source';
  /**
   * Sumsub's result words as they come over a minute after the person finishes, on the sandbox's
   * clock: `pending` (0–20 s), `queued` (20–60 s), then `completed` (or `failed`); `init` while the
   * check has no result. Off: the result at once.
   */
  liveness_timeline?: boolean;
  /** Sumsub's upload errors passed on as they came, or wrapped DRF-style (`{"files": [<Sumsub's error>]}`). */
  sumsub_errors?: 'sumsub' | 'wrapped';
  /** Send-to-review answers the application, or 204 without a body. */
  send_to_review?: 'application' | 'no_content';
  /** Uploads answer a list of files, or one file (and take one per request). */
  upload_answer?: 'list' | 'single';
  /** Attribute errors as a map by key, or as a list aligned with the request's list. */
  attribute_errors?: 'map' | 'list';
  /** Drop optional fields: descriptions, current_level, comment, additional_info, errors. */
  omit_optional?: boolean;
  /**
   * The answers' field names: canonical, or other names a real platform might use (see
   * {@link nameFields}), with `sign_providers` as objects `{provider_type}` and the single
   * attribute's answer without its `key`.
   */
  names?: 'canonical' | 'renamed';
}

/** A dialect with every option decided (`page_size` stays optional: the sandbox default applies). */
export type ResolvedDialect = Required<Omit<Dialect, 'page_size'>> & Pick<Dialect, 'page_size'>;

/** The canonical dialect. */
export const CANONICAL_DIALECT: ResolvedDialect = {
  lists: 'paginated',
  pagination: 'page',
  level_items: 'objects',
  extra_fields: false,
  statuses: 'canonical',
  upload_field: 'files',
  liveness: 'canonical',
  sumsub_errors: 'sumsub',
  liveness_timeline: false,
  send_to_review: 'application',
  upload_answer: 'list',
  attribute_errors: 'map',
  omit_optional: false,
  names: 'canonical',
};

const CHOICES: Record<string, readonly unknown[]> = {
  lists: ['paginated', 'bare'],
  pagination: ['page', 'limit_offset', 'cursor'],
  level_items: ['objects', 'uuids'],
  extra_fields: [true, false],
  statuses: ['canonical', 'synonyms', 'foreign'],
  upload_field: ['files', 'file', 'document'],
  liveness: ['canonical', 'source'],
  sumsub_errors: ['sumsub', 'wrapped'],
  liveness_timeline: [true, false],
  send_to_review: ['application', 'no_content'],
  upload_answer: ['list', 'single'],
  attribute_errors: ['map', 'list'],
  omit_optional: [true, false],
  names: ['canonical', 'renamed'],
};

/** The largest page a client may ask for (DRF's usual `max_page_size`). */
export const MAX_PAGE_SIZE = 1000;

/**
 * Validates a dialect from a control body.
 * @throws 400 `{"dialect": {"<option>": ["msg"]}}` on unknown options or values.
 */
export function parseDialect(input: unknown): ResolvedDialect {
  if (input === undefined || input === null) return CANONICAL_DIALECT;
  if (!isObject(input)) throw fieldErrors({ dialect: ['Expected an object.'] });
  const errors: Record<string, string[]> = {};
  for (const [option, value] of Object.entries(input)) {
    if (option === 'page_size') {
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_PAGE_SIZE) {
        errors[option] = [`Expected an integer from 1 to ${MAX_PAGE_SIZE}.`];
      }
    } else if (!(option in CHOICES)) {
      errors[option] = ['Unknown option.'];
    } else if (!CHOICES[option].includes(value)) {
      errors[option] = [`Expected one of: ${CHOICES[option].map((choice) => JSON.stringify(choice)).join(', ')}.`];
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors({ dialect: errors });
  return { ...CANONICAL_DIALECT, ...(input as Dialect) };
}

const STATUS_SYNONYMS: Readonly<Record<string, string>> = { draft: 'new', in_review: 'on_review', approved: 'verified' };
/** Status words the widget has no synonym for. */
export const FOREIGN_STATUSES: Readonly<Record<string, string>> = {
  draft: 'opened',
  in_review: 'checking',
  pending: 'returned',
  approved: 'passed',
  rejected: 'declined',
};

/** The status as this dialect spells it; statuses it has no synonym for pass unchanged. */
export function spellStatus(dialect: ResolvedDialect, status: string): string {
  if (dialect.statuses === 'synonyms') return STATUS_SYNONYMS[status] ?? status;
  if (dialect.statuses === 'foreign') return FOREIGN_STATUSES[status] ?? status;
  return status;
}

/** The kinds of answer object whose fields the `renamed` dialect names otherwise. */
export type NamedObject = 'level' | 'application' | 'definition' | 'legal_document' | 'file' | 'document';

/** The fields the `renamed` dialect names otherwise, by the kind of object: canonical name → its name there. */
const RENAMED_FIELDS: Readonly<Record<NamedObject, Readonly<Record<string, string>>>> = {
  /** The level info's `current_level` and `available_levels_for_upgrade` items. */
  level: { uuid: 'id', name: 'title' },
  application: { uuid: 'id', status: 'state' },
  /** A reference-data option. */
  definition: { key: 'value', title: 'label' },
  legal_document: { title: 'name' },
  /** An uploaded file, alone or in a document. */
  file: { uuid: 'id' },
  document: { uuid: 'id' },
};

/** An answer object (of the given kind) with its fields named, in the same order, as the dialect names them. */
export function nameFields(dialect: ResolvedDialect, kind: NamedObject, object: JsonObject): JsonObject {
  if (dialect.names === 'canonical') return object;
  const names = RENAMED_FIELDS[kind];
  return Object.fromEntries(Object.entries(object).map(([field, value]) => [names[field] ?? field, value]));
}

/** The fields the `omit_optional` dialect leaves out, wherever they appear. */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['description', 'current_level', 'comment', 'additional_info', 'errors']);

/**
 * Rewrites a platform answer in the dialect: optional fields dropped (`omit_optional`), then fields
 * no client knows added to every object (`extra_fields`), so that a client's tolerance of missing
 * and added fields is tested on each of its schemas.
 */
export function shapeAnswer(dialect: ResolvedDialect, body: unknown): unknown {
  if (!dialect.omit_optional && !dialect.extra_fields) return body;
  const shape = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(shape);
    if (!isObject(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (!(dialect.omit_optional && OPTIONAL_FIELDS.has(key))) copy[key] = shape(item);
    }
    if (dialect.extra_fields) {
      copy['x_sandbox_note'] = 'A field this client does not know.';
      copy['x_sandbox_meta'] = { revision: 7, tags: ['unknown'] };
    }
    return copy;
  };
  return shape(body);
}
