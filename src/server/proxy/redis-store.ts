/**
 * The proxy's store in Redis, for partners who run several proxy instances: every instance counts
 * in the same counters, so a limit holds across the load balancer. It imports no Redis library:
 * the partner passes the client it already has, connected (node-redis, ioredis, or any function
 * that sends one command).
 */
import { toHex } from '../http-util.js';
import { assertAmount, assertDuration, type KycCount, type KycProxyStore } from './store.js';

/**
 * Sends one Redis command, its name first (`['SISMEMBER', key, member]`), and resolves with the
 * reply (numbers may come as numbers or as strings); rejects with Redis's error. `key` is the one
 * key the command touches (prefixed), for a cluster client that routes by key: node-redis's
 * `(args, key) => cluster.sendCommand(key, false, args)`.
 */
export type KycRedisSend = (args: string[], key: string) => Promise<unknown>;

/**
 * A connected Redis client, structurally: node-redis v4 or later (`sendCommand(args)`), ioredis
 * (`call(command, ...args)`, preferred when both are there: ioredis's own `sendCommand` takes a
 * command object), or a {@link KycRedisSend} function for anything else (node-redis's cluster
 * client, a REST client, a wrapper that adds metrics). Every command names one key, so a cluster
 * serves it from one node.
 */
export type KycRedisClient =
  KycRedisSend | { call(command: string, ...args: string[]): Promise<unknown> } | { sendCommand(args: string[]): Promise<unknown> };

/** Options of {@link createRedisStore}. */
export interface KycRedisStoreOptions {
  /** The partner's Redis client, already connected; the store never connects or closes it. */
  client: KycRedisClient;
  /**
   * Put before every key, so that one Redis can serve other things too (and several proxies,
   * each with its own prefix). Default `kyc-onboarding:`.
   */
  prefix?: string;
}

const DEFAULT_PREFIX = 'kyc-onboarding:';

// Each method is one command or one script: Redis runs a script whole, with nothing in between,
// so concurrent calls from any number of proxy instances never lose an increment or a window.

/**
 * A fixed-window counter: the window is set when the counter is created (it has no TTL yet) and
 * never extended. Answers the total and the milliseconds left in the window.
 */
const INCREMENT = `local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {total, ttl}`;

/** A set forgotten `ttl` after its last add. */
const ADD = `redis.call('SADD', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

interface Script {
  source: string;
  /** Its SHA-1, hex, computed once (WebCrypto: the store runs wherever the proxy does). */
  sha?: Promise<string>;
}

/**
 * The proxy's store in Redis, shared by every proxy instance that uses the same Redis and prefix.
 * Each call is one round trip (a script by `EVALSHA`, sent again by `EVAL` when Redis does not
 * have it: after a restart, a failover or `SCRIPT FLUSH`); every key it writes expires with its
 * window. Errors from Redis, or from the client, reject the call: the proxy decides what follows.
 *
 * @example
 * ```js
 * import { createClient } from 'redis';
 * const client = createClient({ url: process.env.REDIS_URL });
 * await client.connect();
 * const proxy = createKycProxy({ upstream, credentials, authorize, store: createRedisStore({ client }) });
 * ```
 */
export function createRedisStore(options: KycRedisStoreOptions): KycProxyStore {
  if (typeof options !== 'object' || options === null) throw new TypeError('createRedisStore needs options: { client, prefix? }');
  const send = sender(options.client);
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  if (typeof prefix !== 'string') throw new TypeError('prefix must be a string');

  const run = async (script: Script, key: string, args: string[]): Promise<unknown> => {
    script.sha ??= sha1(script.source);
    const sha = await script.sha;
    try {
      return await send(['EVALSHA', sha, '1', prefix + key, ...args], prefix + key);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return send(['EVAL', script.source, '1', prefix + key, ...args], prefix + key);
    }
  };
  const increment: Script = { source: INCREMENT };
  const add: Script = { source: ADD };

  return {
    async increment(key, amount, windowMs) {
      assertAmount(amount);
      assertDuration(windowMs, 'windowMs');
      const reply = await run(increment, key, [String(amount), String(windowMs)]);
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error(`unexpected reply from Redis to an increment: ${describe(reply)}`);
      return { total: integer(reply[0]), resetMs: Math.max(0, integer(reply[1])) } satisfies KycCount;
    },
    async add(key, member, ttlMs) {
      assertDuration(ttlMs, 'ttlMs');
      await run(add, key, [member, String(ttlMs)]);
    },
    async has(key, member) {
      // One command is atomic on its own: no script needed.
      const reply = await send(['SISMEMBER', prefix + key, member], prefix + key);
      return reply === true || integer(reply) === 1;
    },
  };
}

/** One way to send a command, whatever the client's shape. */
function sender(client: unknown): KycRedisSend {
  if (typeof client === 'function') {
    const send = client as KycRedisSend;
    return (args, key) => send(args, key);
  }
  if (typeof client === 'object' && client !== null) {
    const { call, sendCommand } = client as { call?: unknown; sendCommand?: unknown };
    // ioredis first: it has a sendCommand too, but one that takes a Command object.
    if (typeof call === 'function') return ([command, ...args]) => call.call(client, command, ...args) as Promise<unknown>;
    if (typeof sendCommand === 'function') return (args) => sendCommand.call(client, args) as Promise<unknown>;
  }
  throw new TypeError(
    'client must be a connected Redis client (node-redis: sendCommand, ioredis: call) or a function (args: string[]) => Promise<reply>',
  );
}

/** Redis's answer when EVALSHA names a script it does not hold. */
function isNoScript(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith('NOSCRIPT');
}

/** An integer reply as a number: clients give numbers, strings (RESP over text) or bigints. */
function integer(reply: unknown): number {
  const value = typeof reply === 'number' ? reply : typeof reply === 'string' || typeof reply === 'bigint' ? Number(reply) : NaN;
  if (!Number.isSafeInteger(value)) throw new Error(`unexpected reply from Redis: ${describe(reply)}`);
  return value;
}

function describe(reply: unknown): string {
  try {
    return JSON.stringify(reply, (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value)) ?? String(reply);
  } catch {
    return String(reply);
  }
}

async function sha1(source: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(source))));
}
