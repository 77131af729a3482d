/** Shared helpers of the sandbox tests: calls, fresh clients, and files built byte by byte. */

import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import type { CreateClientRequest, Sandbox } from '../../src/server/sandbox/index.js';
import { bytes, pngChunk, u32be, u32le, type Bytes } from '../helpers/bytes.js';

/** Base URL of the requests the tests build. */
export const BASE = 'http://sandbox.test';

/** A client's scope: the query parameters every client-scoped call carries. */
export interface Scope {
  legal_entity_uuid: string;
  client_uuid: string;
}

/** A parsed answer. */
export interface Answer {
  status: number;
  body: any;
  response: Response;
}

/** Options of {@link call}. */
export interface CallOptions {
  scope?: Partial<Scope>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Builds a URL with the scope and extra query parameters. */
export function url(path: string, scope?: Partial<Scope>, query: Record<string, string> = {}): string {
  const target = new URL(path, BASE);
  for (const [name, value] of Object.entries({ ...scope, ...query })) target.searchParams.set(name, value);
  return target.href;
}

/** Calls the sandbox and parses a JSON answer (`body` is the text when it is not JSON, null when empty). */
export async function call(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...options.headers } };
  if (options.signal) init.signal = options.signal;
  if (options.body instanceof FormData) init.body = options.body;
  else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await sandbox.fetch(new Request(url(path, options.scope, options.query), init));
  const text = await response.text();
  let body: unknown = text === '' ? null : text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, response };
}

/** A fresh legal entity with one client (`POST /sandbox/v1/clients/`). */
export async function freshClient(sandbox: Sandbox, request: CreateClientRequest = {}): Promise<Scope> {
  const answer = await call(sandbox, 'POST', '/sandbox/v1/clients/', { body: request });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body as Scope;
}

/** Opens an application of the named level for a client and returns it. */
export async function openApplication(sandbox: Sandbox, scope: Scope, levelName: string): Promise<Answer['body']> {
  const info = await call(sandbox, 'GET', '/v1/clients/kyc-level-info/', { scope });
  const level = info.body.available_levels_for_upgrade.find((item: { name: string }) => item.name === levelName);
  assert.ok(level, `level ${levelName} is available`);
  const created = await call(sandbox, 'POST', '/v1/clients/kyc-level-info/', { scope, body: { kyc_level_uuid: level.uuid } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

/** A fresh client with a draft application of the named level. */
export async function clientWithApplication(sandbox: Sandbox, levelName: string, request: CreateClientRequest = {}) {
  const scope = await freshClient(sandbox, request);
  const application = await openApplication(sandbox, scope, levelName);
  return { scope, application, uuid: application.uuid as string };
}

/** PATCHes answers (`{key: value}`) of an application. */
export function patch(
  sandbox: Sandbox,
  scope: Scope,
  uuid: string,
  answers: Record<string, string | null>,
  query?: Record<string, string>,
) {
  const attribute_changes = Object.entries(answers).map(([key, value]) => ({ key, value }));
  return call(sandbox, 'PATCH', `/v1/kyc/${uuid}/`, { scope, body: { attribute_changes }, ...(query ? { query } : {}) });
}

/** Sends a sign code for an application. */
export function sendCode(sandbox: Sandbox, scope: Scope, uuid: string, provider: 'sms' | 'email', destination?: string) {
  return call(sandbox, 'POST', '/v1/signatures/send-code/', {
    scope,
    body: {
      legal_entity_uuid: scope.legal_entity_uuid,
      object_uuid: uuid,
      provider_type: provider,
      ...(destination ? { destination } : {}),
    },
  });
}

/** Every attribute of an application by key. */
export function attributes(application: { kyc_steps: { questions: { attribute: { key: string } }[] }[] }) {
  const byKey: Record<string, any> = {};
  for (const step of application.kyc_steps) for (const question of step.questions) byKey[question.attribute.key] = question.attribute;
  return byKey;
}

/** Uploads files; each is `[name, bytes]`. */
export function upload(sandbox: Sandbox, scope: Scope, files: readonly (readonly [string, Bytes])[]) {
  const form = new FormData();
  for (const [name, bytes] of files) form.append('files', new Blob([bytes]), name);
  return call(sandbox, 'POST', '/v1/documents/files/', { scope, body: form });
}

/** Uploads one file and makes a document of it for an attribute key; returns the document. */
export async function makeDocument(sandbox: Sandbox, scope: Scope, attributeKey: string, file: Bytes = png(attributeKey)) {
  const uploaded = await upload(sandbox, scope, [[`${attributeKey}.png`, file]]);
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
  const document = await call(sandbox, 'POST', '/v1/documents/', {
    scope,
    body: { attribute_key: attributeKey, files: [uploaded.body[0].uuid] },
  });
  assert.equal(document.status, 201, JSON.stringify(document.body));
  return document.body;
}

// ── files, byte by byte ──────────────────────────────────────────────────────

/** A real 1×1 PNG; `tag` goes into a tEXt chunk so that different tags give different bytes. */
export function png(tag = 'sandbox'): Bytes {
  const header = bytes(u32be(1), u32be(1), [8, 2, 0, 0, 0]);
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', header),
    pngChunk('tEXt', bytes('Comment\0', tag)),
    pngChunk('IDAT', deflateSync(Uint8Array.from([0, 0xff, 0x80, 0x00]))),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/** A baseline JPEG's segment structure (SOI, APP0, COM with `tag`, DQT, SOF0, DHT, SOS, scan, EOI). */
export function jpeg(tag = 'sandbox'): Bytes {
  const segment = (marker: number, data: Uint8Array): Bytes =>
    bytes([0xff, marker, ((data.length + 2) >> 8) & 0xff, (data.length + 2) & 0xff], data);
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xfe, bytes(tag)),
    segment(0xdb, bytes([0], new Array(64).fill(1))),
    segment(0xc0, bytes([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(
      0xc4,
      bytes(
        [0],
        new Array(16).fill(0).map((_, i) => (i === 0 ? 1 : 0)),
        [0],
      ),
    ),
    segment(0xda, bytes([1, 1, 0, 0, 0x3f, 0])),
    [0x12, 0x34, 0xff, 0x00, 0x56],
    [0xff, 0xd9],
  );
}

/** A small, complete PDF. */
export function pdf(tag = 'sandbox'): Bytes {
  return bytes(`%PDF-1.4\n1 0 obj << /Type /Catalog /Title (${tag}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A lossless WebP container (RIFF, WEBP, one VP8L chunk). */
export function webp(tag = 'sandbox'): Bytes {
  const payload = bytes([0x2f, 0, 0, 0, 0], tag);
  const padded = payload.length % 2 ? bytes(payload, [0]) : payload;
  const chunk = bytes('VP8L', u32le(payload.length), padded);
  return bytes('RIFF', u32le(4 + chunk.length), 'WEBP', chunk);
}

/** A HEIC container: ftyp (heic, mif1), meta and mdat boxes. */
export function heic(tag = 'sandbox'): Bytes {
  const box = (type: string, data: Uint8Array): Bytes => bytes(u32be(8 + data.length), type, data);
  return bytes(box('ftyp', bytes('heic', u32be(0), 'mif1heic')), box('meta', bytes(u32be(0))), box('mdat', bytes(tag)));
}

/** Answers every question of a Basic application, signing phone and e-mail with the sandbox code. */
export async function completeBasic(sandbox: Sandbox, scope: Scope, uuid: string): Promise<Answer> {
  const documents = await call(sandbox, 'GET', '/v1/legal_documents/', { scope: { legal_entity_uuid: scope.legal_entity_uuid } });
  const legal = Object.fromEntries(documents.body.results.map((document: { key: string; uuid: string }) => [document.key, document.uuid]));
  assert.equal((await sendCode(sandbox, scope, uuid, 'sms', '+37120000009')).status, 204);
  assert.equal((await sendCode(sandbox, scope, uuid, 'email', 'ada@example.com')).status, 204);
  const answer = await patch(
    sandbox,
    scope,
    uuid,
    {
      first_name: 'Ada',
      last_name: 'Lovelace',
      date_of_birth: '1990-12-10',
      citizenship: 'GB',
      email: 'ada@example.com',
      phone: '+37120000009',
      terms_of_service: legal.terms_of_service,
      privacy_policy: legal.privacy_policy,
    },
    { sms_sign_code: '111111', email_sign_code: '111111' },
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer;
}
