import type { KycDefinition, KycClient, KycLegalDocument } from '../api/index.js';

/**
 * Reference data (options of `reference_data` questions, legal documents) read once per client
 * and key, shared by every element that shows it: a question and the review page ask once.
 * A failed read is forgotten, so a retry asks again.
 */
const definitions = new WeakMap<KycClient, Map<string, Promise<KycDefinition[]>>>();
const legalDocuments = new WeakMap<KycClient, Map<string, Promise<KycLegalDocument[]>>>();

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

/** The options of a `reference_data` attribute (every page), read once per client and key. */
export function definitionsOf(client: KycClient, key: string): Promise<KycDefinition[]> {
  return cached(definitions, client, key, () => client.getDefinitions(key));
}

/** The legal documents of a `legal_document` attribute, read once per client and key. */
export function legalDocumentsOf(client: KycClient, key: string): Promise<KycLegalDocument[]> {
  return cached(legalDocuments, client, key, () => client.getLegalDocuments(key));
}
