// The host proxy's ownership check, measured in Node (no browser): the platform calls it adds, and
// what it costs per request. Run by scripts/bench.mjs, which prints the figures; nothing asserted.
import { createKycProxy, type KycIdentity, type KycProxyOptions } from '../../src/server/proxy/index.js';
import { createSandbox } from '../../src/server/sandbox/index.js';

const SITE = 'http://bench.invalid';
const API_KEY = 'bench-platform-key';
const LEVEL_INFO = '/v1/clients/kyc-level-info/';

/** What one scenario cost: requests the browser made, and the level-info reads the proxy made on its own. */
export interface OwnershipScenario {
  label: string;
  browserRequests: number;
  extraPlatformCalls: number;
  note: string;
}

export interface OwnershipFigures {
  scenarios: OwnershipScenario[];
  /** Per-request time of a forwarded read of a known application, in ms: with the check, and with it replaced by `() => true`. */
  perRequest: { checked: number[]; unchecked: number[] };
}

export async function measureOwnership(rounds = 300): Promise<OwnershipFigures> {
  const sandbox = createSandbox({ apiKey: API_KEY });
  let ownLevelInfoReads = 0;
  const upstream = (request: Request): Promise<Response> => {
    if (request.method === 'GET' && new URL(request.url).pathname === LEVEL_INFO) ownLevelInfoReads += 1;
    return sandbox.fetch(request);
  };
  const proxyFor = (identity: KycIdentity, extra: Partial<KycProxyOptions> = {}) =>
    createKycProxy({ upstream, credentials: { authorization: `Bearer ${API_KEY}` }, authorize: () => identity, ...extra });
  const fresh = async (): Promise<KycIdentity> => {
    const answer = await sandbox.fetch(
      new Request(`${SITE}/sandbox/v1/clients/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    );
    const made = (await answer.json()) as { legal_entity_uuid: string; client_uuid: string };
    return { legalEntityUuid: made.legal_entity_uuid, clientUuid: made.client_uuid };
  };
  const call = async (proxy: ReturnType<typeof proxyFor>, path: string, init?: RequestInit) => {
    const response = await proxy(new Request(`${SITE}/kyc${path}`, init));
    const body = response.status === 204 ? null : await response.json();
    return { status: response.status, body };
  };
  /** Runs `scenario` and counts what it sent and what the proxy read on its own from `begin()` (after its set-up). */
  const scenarios: OwnershipScenario[] = [];
  const begin = (): void => {
    ownLevelInfoReads = 0;
  };
  const measure = async (
    label: string,
    note: string,
    scenario: () => Promise<{ browserLevelInfoReads: number; browserRequests: number }>,
  ) => {
    const { browserLevelInfoReads, browserRequests } = await scenario();
    scenarios.push({ label, note, browserRequests, extraPlatformCalls: ownLevelInfoReads - browserLevelInfoReads });
  };

  // A client with an application, made through a proxy that is then thrown away.
  const withApplication = async (): Promise<{ identity: KycIdentity; application: string }> => {
    const identity = await fresh();
    const setup = proxyFor(identity);
    const info = (await call(setup, LEVEL_INFO)).body as { available_levels_for_upgrade: Array<{ uuid: string }> };
    const created = await call(setup, LEVEL_INFO, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kyc_level_uuid: info.available_levels_for_upgrade[0].uuid }),
    });
    return { identity, application: (created.body as { uuid: string }).uuid };
  };

  await measure(
    'widget start: level info, then 20 reads of its application',
    'the widget’s own level-info read teaches the proxy',
    async () => {
      const { identity, application } = await withApplication();
      const proxy = proxyFor(identity);
      begin();
      await call(proxy, LEVEL_INFO);
      for (let index = 0; index < 20; index += 1) {
        await call(proxy, `/v1/kyc/${application}/`);
      }
      return { browserLevelInfoReads: 1, browserRequests: 21 };
    },
  );
  await measure('resume by application-uuid: 21 calls, no level info first', 'one look-up, then known', async () => {
    const { identity, application } = await withApplication();
    const proxy = proxyFor(identity);
    begin();
    for (let index = 0; index < 21; index += 1) await call(proxy, `/v1/kyc/${application}/`);
    return { browserLevelInfoReads: 0, browserRequests: 21 };
  });
  await measure('an attacker tries 100 other uuids (all 404)', 'one look-up per identity per 600 s period', async () => {
    const { identity } = await withApplication();
    const victims = await Promise.all(Array.from({ length: 5 }, withApplication));
    const proxy = proxyFor(identity);
    begin();
    let refused = 0;
    for (let index = 0; index < 100; index += 1) {
      const target = index < victims.length ? victims[index].application : crypto.randomUUID();
      if ((await call(proxy, `/v1/kyc/${target}/`)).status === 404) refused += 1;
    }
    if (refused !== 100) throw new Error(`ownership bench: ${refused} of 100 foreign reads refused`);
    return { browserLevelInfoReads: 0, browserRequests: 100 };
  });
  await measure('200 people resuming at once, 1 call each', 'one look-up per identity', async () => {
    const people = await Promise.all(Array.from({ length: 200 }, withApplication));
    begin();
    await Promise.all(people.map(({ identity, application }) => call(proxyFor(identity), `/v1/kyc/${application}/`)));
    return { browserLevelInfoReads: 0, browserRequests: 200 };
  });

  // Per-request cost: the same known application read through one proxy with the check, one without.
  const { identity, application } = await withApplication();
  const checkedProxy = proxyFor(identity);
  const uncheckedProxy = proxyFor(identity, { authorizeApplication: () => true });
  await call(checkedProxy, LEVEL_INFO);
  const perRequest = { checked: [] as number[], unchecked: [] as number[] };
  for (let round = 0; round < rounds + 20; round += 1) {
    for (const [proxy, into] of [
      [checkedProxy, perRequest.checked],
      [uncheckedProxy, perRequest.unchecked],
    ] as const) {
      const started = performance.now();
      await call(proxy, `/v1/kyc/${application}/`);
      if (round >= 20) into.push(performance.now() - started);
    }
  }
  return { scenarios, perRequest };
}
