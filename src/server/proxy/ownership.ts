/**
 * Object-level authorization: before a call that names an application is forwarded, the proxy
 * establishes that the application is the session's client's, instead of trusting the platform
 * to refuse another client's application (the platform's guide shows the application calls
 * without `client_uuid`, and application uuids travel in events, links and analytics).
 *
 * What the proxy knows: the applications it saw the platform name as the identity's (the level
 * info's `last_kyc_application_uuid`, the uuid of an application created through it), kept for a
 * while in the store. An application it does not know costs at most one look-up of the level info
 * per identity per period; anything else is refused.
 */
import type { KycIdentity } from '../identity.js';
import { identityKey } from './limits.js';
import { fromStore, type KycProxyStore } from './store.js';

/**
 * Decides whether `identity` may act on the application `applicationUuid`. Replaces the proxy's
 * own check: give it when the partner knows better (its own records of who owns which
 * application, or older applications the person may still open). Only `true` lets the call
 * through. What it throws is not caught: it reaches the framework's own error handling, as what
 * `authorize` throws does.
 */
export type KycAuthorizeApplication = (identity: KycIdentity, applicationUuid: string) => boolean | Promise<boolean>;

/** Reads the platform's level info for an identity (the proxy's own call): its `last_kyc_application_uuid`. */
export type LastApplicationLookup = (identity: KycIdentity) => Promise<string | null>;

/** The store-backed ownership check. */
export class Ownership {
  readonly #store: KycProxyStore;
  readonly #ttlMs: number;
  readonly #lookup: LastApplicationLookup;
  /** Look-ups under way in this process, by identity: concurrent requests share one. */
  readonly #pending = new Map<string, Promise<void>>();

  constructor(store: KycProxyStore, ttlSeconds: number, lookup: LastApplicationLookup) {
    this.#store = store;
    this.#ttlMs = ttlSeconds * 1000;
    this.#lookup = lookup;
  }

  /** Remembers that the platform named `applicationUuid` as the identity's. */
  async learn(identity: KycIdentity, applicationUuid: string): Promise<void> {
    await fromStore(() => this.#store.add(`applications:${identityKey(identity)}`, applicationUuid.toLowerCase(), this.#ttlMs));
  }

  /**
   * Whether the application is the identity's: known already, or named by the level info, read at
   * most once per identity per period across every instance sharing the store (and once more for
   * each read that failed). A failed read rejects (the platform's error); a failing store rejects
   * with a `StoreUnavailableError`.
   */
  async owns(identity: KycIdentity, applicationUuid: string): Promise<boolean> {
    const who = identityKey(identity);
    const set = `applications:${who}`;
    const uuid = applicationUuid.toLowerCase();
    if (await fromStore(() => this.#store.has(set, uuid))) return true;
    let pending = this.#pending.get(who);
    if (!pending) {
      // Set before any await: concurrent requests of the identity wait for this one look-up.
      pending = this.#lookUpOnce(identity, who).finally(() => this.#pending.delete(who));
      this.#pending.set(who, pending);
    }
    await pending;
    return fromStore(() => this.#store.has(set, uuid));
  }

  /**
   * Claims this period's look-up of the identity (atomically: one claim in the store counts every
   * attempt) and reads the level info when the claim is within the allowance, one plus the
   * failed reads of the period; a failed read adds one, so that it poisons nothing.
   */
  async #lookUpOnce(identity: KycIdentity, who: string): Promise<void> {
    const claim = await fromStore(() => this.#store.increment(`look-up-claims:${who}`, 1, this.#ttlMs));
    const failed = await fromStore(() => this.#store.increment(`look-up-failures:${who}`, 0, this.#ttlMs));
    if (claim.total > 1 + failed.total) return;
    let last: string | null;
    try {
      last = await this.#lookup(identity);
    } catch (error) {
      await fromStore(() => this.#store.increment(`look-up-failures:${who}`, 1, this.#ttlMs)).catch(() => undefined);
      throw error;
    }
    if (last !== null) await this.learn(identity, last);
  }
}

/** The application uuid an answer names as the identity's, by what the operation reveals. */
export function revealedApplication(body: unknown, reveals: 'last-application' | 'created-application'): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const value = reveals === 'last-application' ? record['last_kyc_application_uuid'] : (record['uuid'] ?? record['id']);
  return typeof value === 'string' && value !== '' ? value : null;
}
