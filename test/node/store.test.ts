// The proxy's stores (src/server/proxy/store.ts, redis-store.ts): one contract, the same test bodies,
// run against the in-memory store and against the Redis store on a real redis-server (started here,
// test/node/redis-server.ts), through each client shape it takes: node-redis's sendCommand,
// ioredis's call, and a plain send function whose replies come as text. Then what only one of them
// has: the memory store's bound, the Redis store's sharing, prefixes, expiry, scripts and errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'redis';
// From the modules themselves, not the proxy's index: these tests need nothing else of the proxy.
import { createRedisStore, type KycRedisClient, type KycRedisSend } from '../../src/server/proxy/redis-store.js';
import { createMemoryStore, type KycProxyStore } from '../../src/server/proxy/store.js';
import { createKycTokenEndpoint } from '../../src/server/proxy/token.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

const WINDOW = 60_000;

interface Fixture {
  store: KycProxyStore;
  /**
   * Lets `ms` of time pass for the named keys. The memory store: its injected clock moves on. Redis
   * keeps real time and cannot be told otherwise, and sleeping for a window would make the suite
   * slow and flaky; so the TTLs of those keys are shortened by `ms` through the raw client, and a
   * key whose TTL runs out is deleted, which is exactly what Redis does when a key expires. The
   * store's own scripts are what is under test: whether an increment sets or extends a TTL, and
   * what it answers from it. (That Redis really expires our keys is tested once, in real time,
   * with a window of 100 ms, below.)
   */
  elapse(ms: number, ...keys: string[]): Promise<void>;
  /** How much less than the exact value `resetMs` may be: real time passes while Redis answers. */
  slack: number;
}

/** `resetMs` is the expected value, or at most `slack` less (never more: a window is never extended). */
function assertReset(actual: number, expected: number, slack: number, message?: string): void {
  assert.ok(
    actual <= expected && actual >= expected - slack,
    `${message ?? 'resetMs'}: ${actual}, expected ${expected}${slack ? ` (or up to ${slack} ms less)` : ''}`,
  );
}

/** The contract of KycProxyStore (store.ts), the same for every store. */
function contract(name: string, fixture: () => Fixture): void {
  describe(name, () => {
    test('counts from 1, each key apart, and tells when the window ends', async () => {
      const { store, slack } = fixture();
      const first = await store.increment('codes:a', 1, WINDOW);
      assert.equal(first.total, 1);
      assertReset(first.resetMs, WINDOW, slack);
      assert.equal((await store.increment('codes:a', 1, WINDOW)).total, 2);
      assert.equal((await store.increment('codes:a', 1, WINDOW)).total, 3);
      assert.equal((await store.increment('codes:b', 1, WINDOW)).total, 1, 'another key counts apart');
    });

    test('adds amounts; an amount of 0 reads the counter without changing it', async () => {
      const { store, slack } = fixture();
      assert.equal((await store.increment('bytes', 1500, WINDOW)).total, 1500);
      assert.equal((await store.increment('bytes', 2500, WINDOW)).total, 4000);
      assert.equal((await store.increment('bytes', 0, WINDOW)).total, 4000);
      const fresh = await store.increment('fresh', 0, WINDOW);
      assert.equal(fresh.total, 0, 'a new counter read with 0 is 0');
      assertReset(fresh.resetMs, WINDOW, slack, 'and its window has started');
    });

    test('a fixed window: a later increment does not extend it, whatever window it names', async () => {
      const { store, elapse, slack } = fixture();
      await store.increment('k', 1, WINDOW);
      await elapse(40_000, 'k');
      const second = await store.increment('k', 1, WINDOW);
      assert.equal(second.total, 2);
      assertReset(second.resetMs, 20_000, slack, 'the first window, not a new one');
      const third = await store.increment('k', 1, 10 * WINDOW);
      assert.equal(third.total, 3);
      assertReset(third.resetMs, 20_000, slack, 'a longer window named later changes nothing');
    });

    test('the counter starts again from zero once its window has ended', async () => {
      const { store, elapse, slack } = fixture();
      await store.increment('k', 5, WINDOW);
      await elapse(WINDOW - 1_000, 'k');
      const late = await store.increment('k', 1, WINDOW);
      assert.equal(late.total, 6, 'still in the window 1 s before its end');
      assertReset(late.resetMs, 1_000, slack);
      await elapse(1_000, 'k');
      const again = await store.increment('k', 1, WINDOW);
      assert.equal(again.total, 1, 'a new window');
      assertReset(again.resetMs, WINDOW, slack);
    });

    test('a set holds what was added, each add renews it, and it is forgotten ttl after the last', async () => {
      const { store, elapse } = fixture();
      await store.add('seen', 'app-1', WINDOW);
      assert.equal(await store.has('seen', 'app-1'), true);
      assert.equal(await store.has('seen', 'app-2'), false, 'a member never added');
      assert.equal(await store.has('elsewhere', 'app-1'), false, 'another set');
      await elapse(40_000, 'seen');
      await store.add('seen', 'app-2', WINDOW);
      await elapse(40_000, 'seen');
      assert.equal(await store.has('seen', 'app-1'), true, '80 s after its own add, the set was renewed 40 s ago');
      assert.equal(await store.has('seen', 'app-2'), true);
      await elapse(20_000, 'seen');
      assert.equal(await store.has('seen', 'app-1'), false, 'forgotten a ttl after the last add');
      assert.equal(await store.has('seen', 'app-2'), false);
    });

    test('200 increments at once give exactly the totals 1 to 200, in one window', async () => {
      const { store, slack } = fixture();
      const counts = await Promise.all(Array.from({ length: 200 }, () => store.increment('burst', 1, WINDOW)));
      assert.deepEqual(
        counts.map((count) => count.total).sort((a, b) => a - b),
        Array.from({ length: 200 }, (_, index) => index + 1),
      );
      for (const count of counts) assertReset(count.resetMs, WINDOW, slack);
    });

    test('200 adds at once keep every member', async () => {
      const { store } = fixture();
      const members = Array.from({ length: 200 }, (_, index) => `app-${index}`);
      await Promise.all(members.map((member) => store.add('many', member, WINDOW)));
      assert.deepEqual(
        await Promise.all(members.map((member) => store.has('many', member))),
        members.map(() => true),
      );
    });

    test('keys and members are taken as given: spaces, colons, line breaks, Unicode', async () => {
      const { store } = fixture();
      // Keys carry what the browser chose (a phone number to send a code to): never a command.
      const odd = 'dest:+49 170 1234567\r\n*1\r\n$8\r\nFLUSHALL\r\n';
      assert.equal((await store.increment(odd, 1, WINDOW)).total, 1);
      assert.equal((await store.increment(odd, 1, WINDOW)).total, 2);
      assert.equal((await store.increment('dest:+49 170 1234567', 1, WINDOW)).total, 1, 'a prefix of it is another key');
      await store.add('ü:集合', 'member with spaces\n', WINDOW);
      assert.equal(await store.has('ü:集合', 'member with spaces\n'), true);
      assert.equal(await store.has('ü:集合', 'member with spaces'), false);
    });

    test('refuses amounts and durations that are not whole numbers of the right sign, writing nothing', async () => {
      const { store } = fixture();
      for (const amount of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await assert.rejects(store.increment('k', amount, WINDOW), TypeError, `amount ${amount}`);
      }
      for (const windowMs of [0, -1, 1.5, Number.POSITIVE_INFINITY]) {
        await assert.rejects(store.increment('k', 1, windowMs), TypeError, `windowMs ${windowMs}`);
      }
      for (const ttlMs of [0, -1, 2.5]) {
        await assert.rejects(store.add('s', 'm', ttlMs), TypeError, `ttlMs ${ttlMs}`);
      }
      assert.equal((await store.increment('k', 1, WINDOW)).total, 1, 'no refused call counted');
      assert.equal(await store.has('s', 'm'), false, 'no refused add stored');
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The memory store, on a clock of its own.

function memoryFixture(options: { maxKeys?: number } = {}): Fixture & { clock: { now: number } } {
  const clock = { now: 1_700_000_000_000 };
  const store = createMemoryStore({ ...options, now: () => clock.now });
  return {
    store,
    clock,
    slack: 0,
    elapse: async (ms) => {
      clock.now += ms;
    },
  };
}

contract('createMemoryStore', memoryFixture);

describe('createMemoryStore: its bound', () => {
  test('keeps at most maxKeys keys: expired ones go first, then the oldest', async () => {
    const { store, elapse } = memoryFixture({ maxKeys: 3 });
    await store.increment('a', 1, WINDOW);
    await store.increment('b', 1, 1_000);
    await store.add('c', 'member', WINDOW); // sets count as keys too
    await elapse(1_000);
    await store.increment('d', 1, WINDOW); // full: b has expired and goes, not a (the oldest)
    assert.equal((await store.increment('a', 1, WINDOW)).total, 2, 'a kept');
    assert.equal(await store.has('c', 'member'), true, 'c kept');
    await store.increment('e', 1, WINDOW); // full, nothing expired: the oldest (a) goes
    assert.equal(await store.has('c', 'member'), true, 'c kept');
    assert.equal((await store.increment('d', 1, WINDOW)).total, 2, 'd kept');
    assert.equal((await store.increment('e', 1, WINDOW)).total, 2, 'e kept');
    // a starts again from zero; making room for it drops the now oldest, c.
    assert.equal((await store.increment('a', 1, WINDOW)).total, 1, 'a was dropped');
    assert.equal(await store.has('c', 'member'), false, 'c was dropped to make room for a');
  });

  test('refuses a maxKeys that is not a positive whole number', () => {
    for (const maxKeys of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => createMemoryStore({ maxKeys }), TypeError, `maxKeys ${maxKeys}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The Redis store, on a real redis-server.

const connectRedis = (url: string) =>
  createClient({ url })
    .on('error', (error: unknown) => console.error('redis client:', error))
    .connect();
type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

/** A text-protocol client's replies: every number as a string. */
const asText = (reply: unknown): unknown => (Array.isArray(reply) ? reply.map(asText) : typeof reply === 'number' ? String(reply) : reply);

/** Shortens the TTLs of KEYS by ARGV[1] ms; a key whose TTL runs out is deleted (see Fixture.elapse). */
const ELAPSE = `for _, key in ipairs(KEYS) do
  local ttl = redis.call('PTTL', key)
  if ttl > tonumber(ARGV[1]) then redis.call('PEXPIRE', key, ttl - tonumber(ARGV[1]))
  elseif ttl >= 0 then redis.call('DEL', key) end
end
return 0`;

describe('on a real redis-server', () => {
  let server: RedisServer | undefined;
  let raw: RedisClient;
  let other: RedisClient;
  let prefixes = 0;
  /** A prefix no other test uses: each test has its own keys on the one server. */
  const freshPrefix = () => `test-${++prefixes}:`;

  before(async () => {
    server = await startRedisServer();
    raw = await connectRedis(server.url);
    other = await connectRedis(server.url);
  });
  after(async () => {
    for (const client of [raw, other]) if (client?.isOpen) client.destroy();
    await server?.stop();
  });

  const clientShapes: Record<string, () => KycRedisClient> = {
    'node-redis (sendCommand)': () => raw,
    'ioredis (call)': () => ({
      call: (command: string, ...args: string[]) => raw.sendCommand([command, ...args]),
      // ioredis has a sendCommand too, which takes a Command object: the store must use call.
      sendCommand: () => Promise.reject(new Error('the ioredis shape was sent an array by sendCommand')),
    }),
    'a send function, replies as text': () => async (args: string[]) => asText(await raw.sendCommand(args)),
  };

  for (const [shape, client] of Object.entries(clientShapes)) {
    contract(`createRedisStore, ${shape}`, () => {
      const prefix = freshPrefix();
      return {
        store: createRedisStore({ client: client(), prefix }),
        slack: 5_000,
        elapse: async (ms, ...keys) => {
          await raw.sendCommand(['EVAL', ELAPSE, String(keys.length), ...keys.map((key) => prefix + key), String(ms)]);
        },
      };
    });
  }

  describe('createRedisStore', () => {
    test('two stores on one Redis, over two connections, share counters and sets (two proxy instances)', async () => {
      const prefix = freshPrefix();
      const one = createRedisStore({ client: raw, prefix });
      const two = createRedisStore({ client: other, prefix });
      const counts = await Promise.all(Array.from({ length: 200 }, (_, index) => (index % 2 ? one : two).increment('codes', 1, WINDOW)));
      assert.deepEqual(
        counts.map((count) => count.total).sort((a, b) => a - b),
        Array.from({ length: 200 }, (_, index) => index + 1),
      );
      await one.add('seen', 'app-1', WINDOW);
      assert.equal(await two.has('seen', 'app-1'), true);
    });

    test('a hand-off link works once across two proxy instances sharing one Redis', async () => {
      const prefix = freshPrefix();
      const identity = { legalEntityUuid: '11111111-1111-4111-8111-111111111111', clientUuid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' };
      const secret = 'a-test-secret-that-is-32-bytes!!';
      const instance = (client: KycRedisClient) =>
        createKycTokenEndpoint({ secret, authorize: () => identity, handoff: { store: createRedisStore({ client, prefix }) } });
      const [one, two] = [instance(raw), instance(other)];
      const post = (endpoint: ReturnType<typeof instance>, body: unknown) =>
        endpoint(new Request('https://shop.example/kyc-token', { method: 'POST', body: JSON.stringify(body) }));
      const { handoff } = (await (await post(one, { purpose: 'handoff' })).json()) as { handoff: string };
      const answers = await Promise.all([post(one, { handoff }), post(two, { handoff }), post(two, { handoff })]);
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 401, 401], 'one exchange, whichever instance answers first');
      const [key] = await raw.sendCommand<string[]>(['KEYS', `${prefix}handoff:*`]);
      assert.ok(!key.includes(handoff.split('.')[1]), 'the store holds no usable token');
      const ttl = Number(await raw.sendCommand(['PTTL', key]));
      assert.ok(ttl > 0 && ttl <= 600_000, 'the record of its use expires with it');
    });

    test('keys are prefixed, kyc-onboarding: by default; another prefix is another namespace', async () => {
      await raw.sendCommand(['SET', 'codes', 'the partner’s own data']);
      const byDefault = createRedisStore({ client: raw });
      const another = createRedisStore({ client: raw, prefix: 'another-proxy:' });
      assert.equal((await byDefault.increment('codes', 1, WINDOW)).total, 1);
      assert.equal((await byDefault.increment('codes', 1, WINDOW)).total, 2);
      assert.equal((await another.increment('codes', 1, WINDOW)).total, 1);
      assert.equal(await raw.sendCommand(['GET', 'kyc-onboarding:codes']), '2');
      assert.equal(await raw.sendCommand(['GET', 'another-proxy:codes']), '1');
      assert.equal(await raw.sendCommand(['GET', 'codes']), 'the partner’s own data', 'a key outside the prefix untouched');
      await byDefault.add('seen', 'app-1', WINDOW);
      assert.equal(await another.has('seen', 'app-1'), false);
      assert.equal(await raw.sendCommand(['SISMEMBER', 'kyc-onboarding:seen', 'app-1']), 1);
    });

    test('every key it writes expires: a counter with its window, a set with its ttl', async () => {
      const prefix = freshPrefix();
      const store = createRedisStore({ client: raw, prefix });
      await store.increment('counter', 0, 30_000);
      await store.increment('counter', 7, WINDOW);
      await store.add('set', 'member', 45_000);
      const pttl = async (key: string) => Number(await raw.sendCommand(['PTTL', prefix + key]));
      assertReset(await pttl('counter'), 30_000, 5_000, 'the counter’s TTL');
      assertReset(await pttl('set'), 45_000, 5_000, 'the set’s TTL');
      assert.deepEqual((await raw.sendCommand<string[]>(['KEYS', `${prefix}*`])).sort(), [`${prefix}counter`, `${prefix}set`]);
    });

    test('a window is Redis’s own expiry: after 100 ms, the counter starts again', async () => {
      // Real time, once: a short window, and a bounded wait on the resetMs the store answers.
      const store = createRedisStore({ client: raw, prefix: freshPrefix() });
      const first = await store.increment('k', 1, 100);
      assert.ok(first.resetMs > 0 && first.resetMs <= 100, `resetMs ${first.resetMs}`);
      let count = first;
      for (let tries = 0; count.total !== 1 || count === first; tries++) {
        assert.ok(tries < 20, `still counting ${count.total} after ${tries} waits`);
        await new Promise((resolve) => setTimeout(resolve, count.resetMs + 5));
        count = await store.increment('k', 1, 100);
      }
      assert.ok(count.resetMs > 0 && count.resetMs <= 100, 'a new window');
    });

    test('sends EVALSHA, and the script by EVAL only when Redis does not hold it (a restart, SCRIPT FLUSH)', async () => {
      const sent: string[] = [];
      const prefix = freshPrefix();
      const spy: KycRedisSend = (args, key) => {
        sent.push(args[0]);
        // The key, for a cluster client to route by: the one the command names.
        assert.equal(key, args[0] === 'SISMEMBER' ? args[1] : args[3]);
        assert.ok(key.startsWith(prefix), key);
        return raw.sendCommand(args);
      };
      const store = createRedisStore({ client: spy, prefix });
      await raw.sendCommand(['SCRIPT', 'FLUSH']);
      assert.equal((await store.increment('k', 1, WINDOW)).total, 1);
      assert.deepEqual(sent.splice(0), ['EVALSHA', 'EVAL'], 'not held yet');
      assert.equal((await store.increment('k', 1, WINDOW)).total, 2);
      await store.add('s', 'm', WINDOW);
      await store.add('s', 'n', WINDOW);
      assert.deepEqual(sent.splice(0), ['EVALSHA', 'EVALSHA', 'EVAL', 'EVALSHA'], 'each script sent once');
      await raw.sendCommand(['SCRIPT', 'FLUSH']);
      assert.equal((await store.increment('k', 1, WINDOW)).total, 3);
      assert.deepEqual(sent.splice(0), ['EVALSHA', 'EVAL'], 'sent again after a flush');
      assert.equal(await store.has('s', 'n'), true);
      assert.deepEqual(sent.splice(0), ['SISMEMBER']);
    });

    test('an error from Redis or from the client rejects the call, unchanged', async () => {
      const store = createRedisStore({ client: raw, prefix: freshPrefix() });
      await store.add('both', 'member', WINDOW);
      await assert.rejects(store.increment('both', 1, WINDOW), /WRONGTYPE/);

      const lost = new Error('connection lost');
      const broken = createRedisStore({ client: () => Promise.reject(lost) });
      for (const call of [() => broken.increment('k', 1, WINDOW), () => broken.add('s', 'm', WINDOW), () => broken.has('s', 'm')]) {
        await assert.rejects(call, (error) => error === lost);
      }

      const closed = await connectRedis(server!.url);
      closed.destroy();
      await assert.rejects(createRedisStore({ client: closed }).increment('k', 1, WINDOW));
    });

    test('a reply it cannot read is an error, never a wrong count', async () => {
      for (const reply of ['OK', [1], ['one', 60_000], [1, null], null]) {
        const store = createRedisStore({ client: async () => reply });
        await assert.rejects(store.increment('k', 1, WINDOW), /unexpected reply from Redis/, JSON.stringify(reply));
      }
      const bigints = createRedisStore({ client: async () => [3n, 59_000n] });
      assert.deepEqual(await bigints.increment('k', 1, WINDOW), { total: 3, resetMs: 59_000 });
    });

    test('its options are checked when it is made', () => {
      for (const options of [undefined, null, {}, { client: {} }, { client: { sendCommand: 'yes' } }, { client: 42 }]) {
        assert.throws(() => createRedisStore(options as never), TypeError, JSON.stringify(options));
      }
      assert.throws(() => createRedisStore({ client: raw, prefix: 5 as never }), TypeError, 'a prefix that is not a string');
    });

    test('imports no Redis library: the package depends on none', () => {
      const source = readFileSync(new URL('../../src/server/proxy/redis-store.ts', import.meta.url), 'utf8');
      const imports = source.match(/^\s*(import|export)\b[^;]*\bfrom\s*['"][^'"]+['"]/gm) ?? [];
      assert.ok(imports.length > 0);
      for (const line of imports) assert.match(line, /from\s*['"]\.\.?\//, `only the package's own modules: ${line.trim()}`);
      assert.doesNotMatch(source, /\bimport\s*\(|\brequire\s*\(/, 'no dynamic import or require');
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        for (const name of ['redis', 'ioredis', '@redis/client']) assert.equal(pkg[field]?.[name], undefined, `${name} in ${field}`);
      }
    });
  });
});
