/**
 * Where the proxy keeps what it must remember between requests: the counters of its rate limits and
 * the applications it has seen belong to an identity. One small interface, so that several proxy
 * instances behind a load balancer can share one store (`createRedisStore`); a single instance
 * uses the in-memory default.
 */

/** A counter's total after an increment, and when its window ends. */
export interface KycCount {
  /** The counter's value after the increment. */
  total: number;
  /** Milliseconds until the counter's window ends and it starts again from zero. */
  resetMs: number;
}

/**
 * What the proxy stores. Every method may be called concurrently from many requests; each must be
 * atomic on its own key (a Redis store runs each as one script).
 */
export interface KycProxyStore {
  /**
   * Adds `amount` (≥ 0) to the counter `key` and returns its new total. A counter that does not
   * exist (or whose window ended) starts from zero with a window of `windowMs`; later increments
   * never extend that window (a fixed window).
   */
  increment(key: string, amount: number, windowMs: number): Promise<KycCount>;
  /** Adds `member` to the set `key`, which is forgotten `ttlMs` after this call (each add renews it). */
  add(key: string, member: string, ttlMs: number): Promise<void>;
  /** Whether `member` is in the set `key` (false once the set was forgotten). */
  has(key: string, member: string): Promise<boolean>;
}

/** The store failed (unreachable, refused): what needed it is refused too, never let through uncounted. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** Runs a call on the store, its failure as a {@link StoreUnavailableError} (so it is told from the platform's). */
export async function fromStore<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StoreUnavailableError('The proxy store failed', { cause: error });
  }
}

/** Options of {@link createMemoryStore}. */
export interface KycMemoryStoreOptions {
  /**
   * The most keys kept at once; past it, expired entries go first, then the oldest (a dropped
   * counter starts again from zero). Default 100 000.
   */
  maxKeys?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  expiresAt: number;
  count: number;
  members: Set<string> | null;
}

const DEFAULT_MAX_KEYS = 100_000;

/**
 * The proxy's default store: counters and sets in this process's memory, bounded to `maxKeys`
 * entries. Right for one proxy instance; behind a load balancer each instance would count alone,
 * so share a store (`createRedisStore`) instead.
 */
export function createMemoryStore(options: KycMemoryStoreOptions = {}): KycProxyStore {
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!Number.isSafeInteger(maxKeys) || maxKeys <= 0) throw new TypeError('maxKeys must be a positive integer');
  const now = options.now ?? Date.now;
  // A Map keeps insertion order: a key is re-inserted when its window restarts, so the first
  // entries are the oldest windows (for counters, also the first to expire).
  const entries = new Map<string, Entry>();

  const live = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= at) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const insert = (key: string, entry: Entry, at: number): void => {
    entries.delete(key);
    if (entries.size >= maxKeys) {
      for (const [old, value] of entries) {
        if (value.expiresAt <= at) entries.delete(old);
      }
      // Still full: drop the oldest.
      for (const old of entries.keys()) {
        if (entries.size < maxKeys) break;
        entries.delete(old);
      }
    }
    entries.set(key, entry);
  };

  return {
    async increment(key, amount, windowMs) {
      assertAmount(amount);
      assertDuration(windowMs, 'windowMs');
      const at = now();
      let entry = live(key, at);
      if (!entry) {
        entry = { expiresAt: at + windowMs, count: 0, members: null };
        insert(key, entry, at);
      }
      entry.count += amount;
      return { total: entry.count, resetMs: entry.expiresAt - at };
    },
    async add(key, member, ttlMs) {
      assertDuration(ttlMs, 'ttlMs');
      const at = now();
      const entry = live(key, at);
      const members = entry?.members ?? new Set<string>();
      members.add(member);
      insert(key, { expiresAt: at + ttlMs, count: 0, members }, at);
    },
    async has(key, member) {
      return live(key, now())?.members?.has(member) ?? false;
    },
  };
}

/** Throws a `TypeError` unless `amount` is a whole number, 0 or more (every store checks the same). */
export function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new TypeError('amount must be a whole number, 0 or more');
}

/** Throws a `TypeError` unless `ms` is a positive whole number of milliseconds (every store checks the same). */
export function assertDuration(ms: number, name: string): void {
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new TypeError(`${name} must be a positive whole number of milliseconds`);
}
