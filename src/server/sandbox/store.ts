/**
 * The sandbox's in-memory state: legal entities (each seeded from `seed.ts`), their clients, the
 * clients' answers, files, documents and applications. Nothing is persisted.
 */

import { toHex } from '../http-util.js';
import type { ResolvedDialect } from './dialect.js';
import {
  ATTRIBUTES,
  BENCH_ATTRIBUTES,
  BENCH_LEGAL_DOCUMENTS,
  BENCH_LEVEL,
  DEMO_SCENARIOS,
  LEGAL_DOCUMENTS,
  LEVELS,
  UNKNOWN_TYPE_ATTRIBUTE,
  type AttributeSpec,
  type LegalDocumentSpec,
  type LevelSpec,
  type SignProvider,
} from './seed.js';
import type { Fault, LoggedRequest } from './traffic.js';

/** A question of a level: an attribute, asked as required or optional. */
export interface Question {
  attribute: AttributeSpec;
  required: boolean;
}

/** A step of a level's questionnaire. */
export interface Step {
  title: string;
  description: string | null;
  questions: readonly Question[];
}

/** A KYC level of a legal entity. */
export interface Level {
  uuid: string;
  name: string;
  description: string;
  /** Position among the entity's levels, 0 for the lowest. */
  rank: number;
  signOnSubmit: readonly SignProvider[];
  steps: readonly Step[];
  /** Every question of the level by attribute key. */
  questions: ReadonlyMap<string, Question>;
}

/** A published legal document of a legal entity. */
export interface LegalDocument extends LegalDocumentSpec {
  uuid: string;
  clientType: 'individual';
}

/** A legal entity: its seeded configuration, its clients, and the sandbox's view of its traffic. */
export interface LegalEntity {
  uuid: string;
  dialect: ResolvedDialect;
  levels: readonly Level[];
  /** The attribute catalogue by key. */
  attributes: ReadonlyMap<string, AttributeSpec>;
  legalDocuments: readonly LegalDocument[];
  clients: Map<string, Client>;
  /**
   * Faults queued for this entity's clients, served in the order queued. Each belongs to one
   * client; which requests may take it is decided by `takeFault` (traffic.ts).
   */
  faults: Fault[];
}

/** An uploaded file. Its bytes are not kept: only what the checks and answers need. */
export interface StoredFile {
  uuid: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
}

/** A document made of uploaded files, for one document attribute. */
export interface StoredDocument {
  uuid: string;
  attributeKey: string;
  files: readonly StoredFile[];
}

/** A client of a legal entity. Answers are client attributes, shared by its applications. */
export interface Client {
  uuid: string;
  entity: LegalEntity;
  allowedToCreate: boolean;
  currentLevel: Level | null;
  answers: Map<string, string>;
  files: Map<string, StoredFile>;
  documents: Map<string, StoredDocument>;
  /** Oldest first. */
  applications: Application[];
  /** The last platform requests this client's scope saw, oldest first (see `logRequest`, traffic.ts). */
  requestLog: LoggedRequest[];
}

/** A Sumsub review result as received by the platform (kept for the partner's statistics). */
export interface ReviewResult {
  reviewAnswer: 'GREEN' | 'RED';
  reviewRejectType: 'FINAL' | 'RETRY' | 'EXTERNAL' | null;
  rejectLabels: string[];
  moderationComment: string | null;
  clientComment: string | null;
  at: string;
}

/** A volatile attribute value (liveness token or URL) and when it stops being valid. */
export interface VolatileValue {
  value: string;
  /**
   * What finds the application again from outside (the liveness controls by token or by page):
   * the token itself, or the last path segment of the liveness URL.
   */
  id: string;
  expiresAt: number;
}

/** The sign-code state of one provider on one application. */
export interface SignCodeState {
  sends: number;
  /** A code was sent and not used yet. */
  outstanding: boolean;
}

/** A KYC application. */
export interface Application {
  uuid: string;
  client: Client;
  level: Level;
  /** Canonical status, or whatever string the control set. */
  status: string;
  comment: string | null;
  /** Reviewer remarks by attribute key, shown in the attribute's `errors`. */
  remarks: Record<string, string[]>;
  liveness: 'passed' | 'failed' | null;
  /** When the liveness result was set (ms since the epoch, the sandbox's clock), or null. */
  livenessAt: number | null;
  volatile: Map<string, VolatileValue>;
  signCodes: Map<SignProvider, SignCodeState>;
  reviewResults: ReviewResult[];
}

/** Statuses in which an application may be edited and sent to review. */
export const EDITABLE_STATUSES: ReadonlySet<string> = new Set(['draft', 'pending']);
/** Statuses that close an application; any other status (unknown ones too) keeps it open. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set(['approved', 'rejected']);

/** How many fresh legal entities (made by the control) are kept by default before the oldest are forgotten. */
export const DEFAULT_MAX_FRESH_ENTITIES = 1000;

/** The uuid of the showcase legal entity, stable across runs. */
export const SHOWCASE_ENTITY_UUID = stableUuid('kyc-onboarding/sandbox/showcase-legal-entity');

/**
 * A uuid (version-4 layout) derived from a name with FNV-1a, so the showcase's uuids are the same
 * on every run and the demo can pick its clients by uuid.
 */
function stableUuid(name: string): string {
  const bytes = new Uint8Array(16);
  for (let block = 0; block < 4; block += 1) {
    let hash = (0x811c9dc5 ^ Math.imul(block + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
    new DataView(bytes.buffer).setUint32(block * 4, hash);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Options of {@link SandboxStore}. */
export interface SandboxStoreOptions {
  /** Every legal entity also gets the bench level (`BENCH_LEVEL`), its attributes and legal documents. */
  benchLevel?: boolean;
  /** How many evictable legal entities are kept before the oldest is forgotten (default {@link DEFAULT_MAX_FRESH_ENTITIES}). */
  maxFreshEntities?: number;
}

/** The sandbox's state, with indexes so control calls can find clients and applications by uuid. */
export class SandboxStore {
  /** What each legal entity is seeded with (the bench level's too when asked). */
  private readonly seed: {
    levels: readonly LevelSpec[];
    attributes: readonly AttributeSpec[];
    legalDocuments: readonly LegalDocumentSpec[];
  };
  private readonly entities = new Map<string, LegalEntity>();
  private readonly clients = new Map<string, Client>();
  private readonly applications = new Map<string, Application>();
  /** Evictable entities, oldest first (a Set keeps insertion order). */
  private readonly fresh = new Set<string>();
  /** Applications by the id of one of their current volatile values (see {@link VolatileValue.id}). */
  private readonly volatileOwners = new Map<string, Application>();
  private readonly maxFreshEntities: number;

  constructor(options: SandboxStoreOptions = {}) {
    this.maxFreshEntities = options.maxFreshEntities ?? DEFAULT_MAX_FRESH_ENTITIES;
    this.seed = options.benchLevel
      ? {
          levels: [...LEVELS, BENCH_LEVEL],
          attributes: [...ATTRIBUTES, ...BENCH_ATTRIBUTES],
          legalDocuments: [...LEGAL_DOCUMENTS, ...BENCH_LEGAL_DOCUMENTS],
        }
      : { levels: LEVELS, attributes: ATTRIBUTES, legalDocuments: LEGAL_DOCUMENTS };
  }

  /** A legal entity by uuid. */
  entity(uuid: string): LegalEntity | undefined {
    return this.entities.get(uuid);
  }

  /** A client by uuid, whatever its legal entity. */
  client(uuid: string): Client | undefined {
    return this.clients.get(uuid);
  }

  /** An application by uuid, whatever its client. */
  application(uuid: string): Application | undefined {
    return this.applications.get(uuid);
  }

  /**
   * The application whose current value of the volatile attribute `key` has this id, expired or
   * not (the caller checks `expiresAt`); `undefined` for an unknown id or one since replaced.
   */
  volatileOwner(key: string, id: string): Application | undefined {
    const application = this.volatileOwners.get(id);
    return application?.volatile.get(key)?.id === id ? application : undefined;
  }

  /** Sets an application's volatile value, indexed by its id; the value it replaces is forgotten. */
  setVolatile(application: Application, key: string, value: VolatileValue): void {
    const replaced = application.volatile.get(key);
    if (replaced) this.volatileOwners.delete(replaced.id);
    application.volatile.set(key, value);
    this.volatileOwners.set(value.id, application);
  }

  /**
   * Creates a legal entity seeded with the levels, reference data and legal documents. Uuids of its
   * levels and documents derive from the entity's uuid. An evictable entity may be forgotten once
   * `maxFreshEntities` newer ones exist.
   */
  createEntity(uuid: string, dialect: ResolvedDialect, evictable: boolean): LegalEntity {
    const attributes = new Map(this.seed.attributes.map((attribute) => [attribute.key, attribute]));
    if (dialect.extra_fields) attributes.set(UNKNOWN_TYPE_ATTRIBUTE.key, UNKNOWN_TYPE_ATTRIBUTE);
    const levels = this.seed.levels.map((spec, rank): Level => {
      const steps = spec.steps.map((step, index): Step => {
        const keys = dialect.extra_fields && index === 0 ? [...step.questions, `${UNKNOWN_TYPE_ATTRIBUTE.key}?`] : step.questions;
        return {
          title: step.title,
          description: step.description,
          questions: keys.map((entry) => ({ attribute: attributes.get(entry.replace(/\?$/, ''))!, required: !entry.endsWith('?') })),
        };
      });
      const questions = new Map(steps.flatMap((step) => step.questions.map((question) => [question.attribute.key, question] as const)));
      return { ...spec, uuid: stableUuid(`${uuid}/level/${spec.id}`), rank, steps, questions };
    });
    const legalDocuments = this.seed.legalDocuments.map((spec): LegalDocument => ({
      ...spec,
      uuid: stableUuid(`${uuid}/legal-document/${spec.key}/${spec.version}`),
      clientType: 'individual',
    }));
    const entity: LegalEntity = { uuid, dialect, levels, attributes, legalDocuments, clients: new Map(), faults: [] };
    this.entities.set(uuid, entity);
    if (evictable) {
      this.fresh.add(uuid);
      while (this.fresh.size > this.maxFreshEntities) this.forget(this.fresh.values().next().value!);
    }
    return entity;
  }

  /** Adds a client to a legal entity, with its read-only client number prefilled. */
  createClient(entity: LegalEntity, uuid: string, allowedToCreate: boolean): Client {
    const client: Client = {
      uuid,
      entity,
      allowedToCreate,
      currentLevel: null,
      answers: new Map([['client_number', `CL-${uuid.slice(0, 8).toUpperCase()}`]]),
      files: new Map(),
      documents: new Map(),
      applications: [],
      requestLog: [],
    };
    entity.clients.set(uuid, client);
    this.clients.set(uuid, client);
    return client;
  }

  /** Opens a draft application of a level for a client. */
  createApplication(client: Client, level: Level, uuid: string = crypto.randomUUID()): Application {
    const application: Application = {
      uuid,
      client,
      level,
      status: 'draft',
      comment: null,
      remarks: {},
      liveness: null,
      livenessAt: null,
      volatile: new Map(),
      signCodes: new Map(),
      reviewResults: [],
    };
    client.applications.push(application);
    this.applications.set(uuid, application);
    return application;
  }

  /** Seeds the demo clients of {@link DEMO_SCENARIOS} into an entity; uuids derive from their names. */
  seedDemoClients(entity: LegalEntity): Client[] {
    const levelById = new Map(LEVELS.map((spec, rank) => [spec.id, entity.levels[rank]]));
    return DEMO_SCENARIOS.map((scenario) => {
      const client = this.createClient(entity, stableUuid(`${entity.uuid}/client/${scenario.id}`), scenario.allowedToCreate);
      client.currentLevel = scenario.currentLevel ? levelById.get(scenario.currentLevel)! : null;
      const seeded = scenario.application;
      if (seeded) {
        const level = levelById.get(seeded.level)!;
        const application = this.createApplication(client, level, stableUuid(`${client.uuid}/application`));
        application.status = seeded.status;
        application.comment = seeded.comment ?? null;
        application.remarks = seeded.remarks ?? {};
        for (const [key, value] of Object.entries(seeded.answers)) client.answers.set(key, value);
        if (seeded.acceptsLegalDocuments) {
          for (const document of entity.legalDocuments) {
            if (level.questions.has(document.key)) client.answers.set(document.key, document.uuid);
          }
        }
      }
      return client;
    });
  }

  /**
   * Forgets an evictable legal entity with everything of it: its clients, their answers, files,
   * documents, applications, request logs and queued faults. The showcase (not evictable) stays;
   * an unknown uuid is ignored.
   */
  forget(entityUuid: string): void {
    if (!this.fresh.delete(entityUuid)) return;
    const entity = this.entities.get(entityUuid);
    if (!entity) return;
    for (const client of entity.clients.values()) {
      for (const application of client.applications) {
        this.applications.delete(application.uuid);
        for (const { id } of application.volatile.values()) this.volatileOwners.delete(id);
      }
      this.clients.delete(client.uuid);
    }
    this.entities.delete(entityUuid);
  }
}
