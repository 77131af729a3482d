// `kyc-onboarding doctor`: a partner's first command against the real platform. It reads (never
// writes) what the widget would read, decodes every answer with the widget's own client and
// schemas, and says per endpoint what the widget understood, what it could not (where, and the
// shape found there, never the value), and the platform profile that would fix what a profile can.
import { parseArgs } from 'node:util';
import { createKycClient, KycApiError, type KycApplication, type KycAttribute, type KycPlatformProfile } from '../api/index.js';
import { ReferenceData } from '../flow/reference-data.js';

const USAGE = `Usage: kyc-onboarding doctor --upstream <url> [--header "Name: value"]... --legal-entity <uuid>
                             --client <uuid> [--application <uuid>] [--json]

Reads, as the widget would, what the KYC platform at --upstream answers for one client — the level
info, the last application (or --application) with every step, the options of each reference-data
question, the legal documents, the liveness attribute (its token is not renewed) — and decodes each
answer with the widget's own schemas. Prints per endpoint what the widget understood and what it
could not (where, and the shape found there: values are never printed), then the platform profile
(the widget's \`platform\` property) that fits this platform. It never writes to the platform.

Exits 0 when the widget can run against this platform, 1 when it cannot, 2 on a usage error.

Options:
  --upstream <url>       the platform's API base URL (the one your proxy's upstream is)
  --header <line>        a request header, as curl's -H; repeat it (e.g. the Authorization)
  --legal-entity <uuid>  sent as legal_entity_uuid
  --client <uuid>        sent as client_uuid: a test client of yours
  --application <uuid>   read this application instead of the client's last one
  --json                 machine-readable output; the profile under a top-level "profile" key
  -h, --help             this text`;

/** One endpoint's verdict. */
export interface DoctorCheck {
  /** What was read, e.g. `GET /v1/kyc/{uuid}/`. */
  endpoint: string;
  ok: boolean;
  /** What the widget understood, in words (no personal values). */
  understood: string[];
  /** What it could not understand, or what stops the widget. */
  problems: string[];
  /** Problems that stop the widget (an answer it cannot read, a status it cannot place). */
  fatal: boolean;
}

/** The doctor's report. */
export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
  /** The platform profile that fits (empty: the defaults fit). */
  profile: KycPlatformProfile;
}

/** What {@link diagnose} reads with. */
export interface DoctorOptions {
  upstream: string;
  headers?: Record<string, string>;
  legalEntityUuid: string;
  clientUuid: string;
  applicationUuid?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof globalThis.fetch;
}

const KNOWN_TYPES = new Set([
  'string',
  'text',
  'email',
  'phone',
  'date',
  'integer',
  'decimal',
  'boolean',
  'reference_data',
  'legal_document',
  'document',
  'sumsub_liveness_check_token',
  'sumsub_liveness_check_url',
]);
const LIVENESS_KEYS = ['sumsub_liveness_check_token', 'sumsub_liveness_check_url'];

/** Reads the platform as the widget would and judges each answer. */
export async function diagnose(options: DoctorOptions): Promise<DoctorReport> {
  const bodies = new Map<string, unknown>();
  const methods: string[] = [];
  const baseFetch = options.fetch ?? globalThis.fetch;
  const reading: typeof fetch = async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    methods.push(method);
    // Read only: anything else is refused here, before it leaves.
    if (method !== 'GET') throw new TypeError(`the doctor does not send ${method} requests`);
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    const response = await baseFetch(input, { ...init, headers });
    const text = await response.clone().text();
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    try {
      bodies.set(pathOf(url), text ? JSON.parse(text) : undefined);
    } catch {
      bodies.set(pathOf(url), undefined);
    }
    return response;
  };
  const client = createKycClient({
    endpoint: options.upstream,
    fetch: reading,
    legalEntityUuid: options.legalEntityUuid,
    clientUuid: options.clientUuid,
    retry: { retries: 0 },
  });
  const checks: DoctorCheck[] = [];
  const profile: KycPlatformProfile = {};
  const check = (endpoint: string): DoctorCheck => {
    const made: DoctorCheck = { endpoint, ok: true, understood: [], problems: [], fatal: false };
    checks.push(made);
    return made;
  };
  const failed = (made: DoctorCheck, error: unknown, fatal: boolean) => {
    made.ok = false;
    made.fatal ||= fatal;
    made.problems.push(describeFailure(error, bodies));
  };

  const levels = check('GET /v1/clients/kyc-level-info/');
  let applicationUuid = options.applicationUuid ?? null;
  try {
    const info = await client.getLevelInfo();
    levels.understood.push(
      `may create an application: ${info.allowedToCreateKycApplication ? 'yes' : 'no'}`,
      `${info.availableLevelsForUpgrade.length} level(s) on offer, ${info.availableLevelsForUpgrade.filter((level) => level.name).length} with a name`,
      `last application: ${info.lastKycApplicationUuid ? 'yes' : 'none'}`,
    );
    applicationUuid ??= info.lastKycApplicationUuid;
  } catch (error) {
    failed(levels, error, true);
  }

  let application: KycApplication | null = null;
  if (applicationUuid) {
    const read = check('GET /v1/kyc/{uuid}/');
    try {
      application = await client.getApplication(applicationUuid, { emptyVolatileFields: true });
      const questions = application.steps.flatMap((step) => step.questions);
      read.understood.push(`status "${application.rawStatus}" read as ${application.status}`);
      read.understood.push(`${application.steps.length} step(s), ${questions.length} question(s)`);
      if (application.status === 'unknown') {
        read.ok = false;
        read.fatal = true;
        read.problems.push(
          `the status "${application.rawStatus}" is not one the widget knows: say what it means in the profile's statuses ` +
            '(draft, in_review, pending, approved or rejected); the profile below guesses draft',
        );
        profile.statuses = { [application.rawStatus]: 'draft' };
      }
      const unknownTypes = [...new Set(questions.map((q) => q.attribute.type).filter((type) => !KNOWN_TYPES.has(type)))];
      if (unknownTypes.length > 0) {
        read.problems.push(
          `attribute type(s) the widget does not know, asked as text: ${unknownTypes.map((type) => `"${type}"`).join(', ')}; ` +
            "map them in the profile's types (the profile below maps them to string)",
        );
        profile.types = Object.fromEntries(unknownTypes.map((type) => [type, 'string']));
      }
      const signed = questions.filter((q) => q.attribute.signProviders.length > 0).length;
      read.understood.push(`${signed} question(s) signed with a one-time code`);
    } catch (error) {
      failed(read, error, true);
    }
  } else if (levels.ok) {
    levels.understood.push('no application to read: create one for this client (in your test environment) and run the doctor again');
  }

  if (application) {
    const attributes = application.steps.flatMap((step) => step.questions);
    const data = new ReferenceData();
    for (const question of attributes.filter((q) => q.attribute.type === 'reference_data')) {
      const options = check(`GET /v1/attributes/${question.attribute.key}/definitions/`);
      try {
        const read = await data.definitionsOf(client, question.attribute.key);
        options.understood.push(`${read.length} option(s)`);
        if (read.length === 0) {
          options.ok = false;
          options.problems.push('no option: the question cannot be answered');
        }
      } catch (error) {
        failed(options, error, false);
      }
    }
    for (const question of attributes.filter((q) => q.attribute.type === 'legal_document')) {
      const documents = check(`GET /v1/legal_documents/ (key ${question.attribute.key})`);
      try {
        const document = await data.legalDocumentOf(client, question);
        if (document) documents.understood.push(`a document to accept${document.version ? `, version ${document.version}` : ''}`);
        else {
          documents.ok = false;
          documents.problems.push("no document of this key or of the question's title: name it in the profile's legalDocumentKeys");
        }
      } catch (error) {
        failed(documents, error, false);
      }
    }
    for (const question of attributes.filter((q) => LIVENESS_KEYS.includes(q.attribute.key))) {
      const liveness = check(`GET /v1/kyc/{uuid}/attributes/${question.attribute.key}/`);
      try {
        const attribute = await client.getAttribute(application.uuid, question.attribute.key, { ttlRenew: false });
        liveness.understood.push(describeLiveness(attribute));
      } catch (error) {
        failed(liveness, error, false);
      }
    }
  }

  const wrote = methods.filter((method) => method !== 'GET');
  if (wrote.length > 0) throw new Error('the doctor tried to write to the platform'); // never: refused above
  return { ok: checks.every((made) => !made.fatal), checks, profile };
}

function describeLiveness(attribute: KycAttribute): string {
  const status = attribute.verification?.status;
  const value = attribute.value ? 'a value' : 'no value';
  return `the liveness attribute: ${value}${status ? `, Sumsub's status "${status}"` : ', no Sumsub status'}`;
}

/** The path of a URL (no query: it may carry ids). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** A failure in words: its code, and for an answer the widget could not read, where and what shape was there. */
function describeFailure(error: unknown, bodies: ReadonlyMap<string, unknown>): string {
  if (!(error instanceof KycApiError)) return `failed: ${error instanceof Error ? error.message : String(error)}`;
  if (error.code !== 'malformed_response') return `answered ${error.status ?? 'nothing'} (${error.code})`;
  const where = /at ([^ ]+)\.$/.exec(error.message)?.[1];
  const path = /(GET|POST|PATCH) ([^\s:]+)/.exec(error.message)?.[2] ?? '';
  const body = [...bodies.entries()].find(([url]) => url.endsWith(path.replace(/\/$/, '/')))?.[1];
  if (!where || where === 'top') return `an answer the widget cannot read: ${shapeOf(body)} at the top level`;
  return `an answer the widget cannot read: at ${where}, found ${shapeOf(at(body, where))}`;
}

function at(body: unknown, where: string): unknown {
  let node = body;
  for (const step of where.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

/** The kind of a value, never the value: `a string of 300 characters`, `an object with keys id, title`. */
function shapeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `a string of ${value.length} character(s)`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 12).join(', ') || '(none)'}`;
  return `a ${typeof value}`;
}

/** The report as text (what the person reads). */
export function formatReport(report: DoctorReport): string {
  const lines: string[] = [];
  for (const made of report.checks) {
    lines.push(`${made.ok ? 'ok  ' : made.fatal ? 'FAIL' : 'warn'} ${made.endpoint}`);
    for (const line of made.understood) lines.push(`       ${line}`);
    for (const line of made.problems) lines.push(`     ! ${line}`);
  }
  lines.push('');
  lines.push(report.ok ? 'The widget can run against this platform.' : 'The widget cannot run against this platform as it answers now.');
  if (Object.keys(report.profile).length > 0) {
    lines.push('', "A platform profile that fits (the widget's platform property, createKycClient's platform option):");
    lines.push(JSON.stringify(report.profile, null, 2));
  }
  return `${lines.join('\n')}\n`;
}

/** `kyc-onboarding doctor …`: resolves with the exit code. */
export async function doctorMain(
  argv: readonly string[],
  io: { out?: (text: string) => void; err?: (text: string) => void; fetch?: typeof globalThis.fetch } = {},
): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const err = io.err ?? ((text: string) => process.stderr.write(text));
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        upstream: { type: 'string' },
        header: { type: 'string', multiple: true, default: [] },
        'legal-entity': { type: 'string' },
        client: { type: 'string' },
        application: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  if (!values.upstream || !values['legal-entity'] || !values.client) {
    err(`--upstream, --legal-entity and --client are required.\n\n${USAGE}\n`);
    return 2;
  }
  const headers: Record<string, string> = {};
  for (const line of values.header) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      err(`--header takes "Name: value" (got a line without a name)\n`);
      return 2;
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  const report = await diagnose({
    upstream: values.upstream,
    headers,
    legalEntityUuid: values['legal-entity'],
    clientUuid: values.client,
    ...(values.application ? { applicationUuid: values.application } : {}),
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
  out(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ok ? 0 : 1;
}
