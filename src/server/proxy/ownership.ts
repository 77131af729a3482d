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
import type { KycProxyStore } from './store.js';

/**
 * Decides whether `identity` may act on the application `applicationUuid`. Replaces the proxy's
 * own check: give it when the partner knows better (its own records of who owns which
 * application, or older applications the person may still open). What it throws is not caught.
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
    await this.#store.add(`applications:${identityKey(identity)}`, applicationUuid.toLowerCase(), this.#ttlMs);
  }

  /**
   * Whether the application is the identity's: known already, or named by the level info, read
   * at most once per identity per period (a failed read is not counted and fails the request).
   */
  async owns(identity: KycIdentity, applicationUuid: string): Promise<boolean> {
    const who = identityKey(identity);
    const set = `applications:${who}`;
    const uuid = applicationUuid.toLowerCase();
    if (await this.#store.has(set, uuid)) return true;
    let pending = this.#pending.get(who);
    if (!pending) {
      // Set before any await: concurrent requests of the identity wait for this one look-up.
      pending = this.#lookUpOnce(identity, who).finally(() => this.#pending.delete(who));
      this.#pending.set(who, pending);
    }
    await pending;
    return this.#store.has(set, uuid);
  }

  /** Reads the level info unless it was read this period (by this instance or another one sharing the store). */
  async #lookUpOnce(identity: KycIdentity, who: string): Promise<void> {
    const { total } = await this.#store.increment(`looked-up:${who}`, 0, this.#ttlMs);
    if (total > 0) return;
    const last = await this.#lookup(identity);
    if (last !== null) await this.learn(identity, last);
    await this.#store.increment(`looked-up:${who}`, 1, this.#ttlMs);
  }
}

/** The application uuid an answer names as the identity's, by what the operation reveals. */
export function revealedApplication(body: unknown, reveals: 'last-application' | 'created-application'): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const value = reveals === 'last-application' ? record['last_kyc_application_uuid'] : (record['uuid'] ?? record['id']);
  return typeof value === 'string' && value !== '' ? value : null;
}
