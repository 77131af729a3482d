import type { KycApiError, KycApplicationQuestion, KycAttribute, KycClient, KycDefinition, KycLegalDocument } from '../api/index.js';

/**
 * Reference data (the options of `reference_data` questions, legal documents) read once per client
 * and key, and shared by whatever shows it: the questions of a step and the review ask once.
 * A failed read is forgotten, so a retry asks again; it is reported once, however many questions
 * share it ({@link firstReport}).
 *
 * The flow owns one for the widget. An element used on its own takes the one of its client
 * ({@link ReferenceData.of}), so two questions given the same client still ask once.
 */
export class ReferenceData {
  readonly #definitions = new WeakMap<KycClient, Map<string, Promise<KycDefinition[]>>>();
  readonly #legalDocuments = new WeakMap<KycClient, Map<string, Promise<KycLegalDocument[]>>>();
  readonly #reported = new WeakSet<KycApiError>();

  /** The options of a `reference_data` attribute (every page). */
  definitionsOf(client: KycClient, key: string): Promise<KycDefinition[]> {
    return cached(this.#definitions, client, key, () => client.getDefinitions(key));
  }

  /** The legal documents of a `legal_document` attribute (`null`: every document of the legal entity). */
  legalDocumentsOf(client: KycClient, key: string | null): Promise<KycLegalDocument[]> {
    return cached(this.#legalDocuments, client, key ?? '', () => client.getLegalDocuments(key ?? undefined));
  }

  /**
   * The document a `legal_document` question asks the person to accept (null: none): the highest
   * version of those of its key. The platform is asked for the question's key; when it lists none
   * of that key (an empty list, or documents of other keys only: a filter it does not know), every
   * document is read and one of the question's key or, failing that, of its title is taken.
   */
  async legalDocumentOf(client: KycClient, question: KycApplicationQuestion): Promise<KycLegalDocument | null> {
    // The platform profile may say which document an attribute asks for.
    const key = client.platform.legalDocumentKeys[question.attribute.key] ?? question.attribute.key;
    const listed = await this.legalDocumentsOf(client, key);
    // Documents without a key are taken as the platform's answer to the key it was asked for.
    let candidates = listed.filter((document) => document.key === key || document.key === null);
    if (candidates.length === 0) {
      const everything = await this.legalDocumentsOf(client, null);
      candidates = everything.filter((document) => document.key === key);
      if (candidates.length === 0) {
        const title = comparable(question.title);
        candidates = everything.filter((document) => comparable(document.title) === title);
      }
    }
    return latest(candidates);
  }

  /**
   * The titles an answer's stored value stands for, by value: option keys of a `reference_data`
   * attribute, document uuids of a `legal_document` one; empty for other types.
   */
  async labelsOf(client: KycClient, attribute: KycAttribute): Promise<Record<string, string>> {
    if (attribute.type === 'reference_data') {
      const options = await this.definitionsOf(client, attribute.key);
      return Object.fromEntries(options.map((option) => [option.key, option.title]));
    }
    if (attribute.type === 'legal_document') {
      const documents = await this.legalDocumentsOf(client, client.platform.legalDocumentKeys[attribute.key] ?? attribute.key);
      return Object.fromEntries(documents.map((doc) => [doc.uuid, doc.title]));
    }
    return {};
  }

  /** Forgets a read (the person stopped waiting for it): the next one asks the platform again. */
  forget(client: KycClient, kind: 'definitions' | 'legal-documents', key: string): void {
    (kind === 'definitions' ? this.#definitions : this.#legalDocuments).get(client)?.delete(key);
  }

  /** Whether this failure of a read is reported now: true the first time only. */
  firstReport(error: KycApiError): boolean {
    if (this.#reported.has(error)) return false;
    this.#reported.add(error);
    return true;
  }

  /** The reference data of elements used on their own with this client (outside a widget's flow). */
  static of(client: KycClient): ReferenceData {
    let data = standalone.get(client);
    if (!data) standalone.set(client, (data = new ReferenceData()));
    return data;
  }
}

/** The document of the highest version (`1.10` after `1.9`; one without a version counts lowest). */
function latest(documents: readonly KycLegalDocument[]): KycLegalDocument | null {
  let best: KycLegalDocument | null = null;
  for (const document of documents) {
    if (!best || compareVersions(document.version, best.version) > 0) best = document;
  }
  return best;
}

function compareVersions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** A title as compared: case, spacing and accents aside. */
export function comparable(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Elements used on their own share their client's reads (the client's life is theirs). */
const standalone = new WeakMap<KycClient, ReferenceData>();

function cached<T>(store: WeakMap<KycClient, Map<string, Promise<T>>>, client: KycClient, key: string, read: () => Promise<T>): Promise<T> {
  let byKey = store.get(client);
  if (!byKey) store.set(client, (byKey = new Map<string, Promise<T>>()));
  let answer = byKey.get(key);
  if (!answer) {
    answer = read();
    byKey.set(key, answer);
    answer.catch(() => byKey.delete(key));
  }
  return answer;
}
