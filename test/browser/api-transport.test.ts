// Retries, backoff, timeouts and token caching of the API client. Faults come from the sandbox
// over real HTTP; a wrapped fetch only adds what no server can: a connection that fails before
// any answer, and a token endpoint with a chosen lifetime.
import { expect } from '@open-wc/testing';
import { createKycClient, type KycRetryInfo } from '../../src/api/index.js';
import { countRequests, ENDPOINT, injectFault, inspect, loggedInClient, logout } from '../helpers/sandbox.js';
import { fakeClock } from '../helpers/clock.js';
import { pdfFile, rejectionOf } from '../helpers/kyc.js';

const LEVEL_INFO = '/v1/clients/kyc-level-info/';

/** The real fetch, failing the first `failures` calls that match `method` and `path` with a network error. */
function flakyFetch(method: string, path: string, failures: number) {
  const state = { calls: 0, failed: 0 };
  const wrapped: typeof fetch = (input, init) => {
    const url = String(input);
    if ((init?.method ?? 'GET') === method && url.includes(path)) {
      state.calls += 1;
      if (state.failed < failures) {
        state.failed += 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
    }
    return fetch(input, init);
  };
  return { fetch: wrapped, state };
}

/**
 * An XMLHttpRequest a test scripts (a connection no server can produce on request): subclasses
 * play `send()`, reporting upload progress and answering with {@link FakeXhr.answer}.
 */
abstract class FakeXhr {
  static readonly HEADERS_RECEIVED = 2;
  readonly upload: { onprogress?: (event: ProgressEvent) => void; onload?: (event: ProgressEvent) => void } = {};
  readyState = 0;
  status = 0;
  responseText = '';
  withCredentials = false;
  onreadystatechange: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  getResponseHeader() {
    return null;
  }
  abort() {}
  abstract send(): void;
  /** Answers with headers, then the whole body. */
  protected answer(status: number, body: string): void {
    this.readyState = 2;
    this.status = status;
    this.onreadystatechange?.();
    this.responseText = body;
    this.readyState = 4;
    this.onload?.();
  }
}

describe('API client retries and backoff', () => {
  afterEach(logout);

  it('retries a GET on 500/502/503/504 with growing, jittered, capped delays, then succeeds', async () => {
    const sandbox = await loggedInClient();
    await injectFault(sandbox, { status: 500, path_contains: LEVEL_INFO });
    await injectFault(sandbox, { status: 502, path_contains: LEVEL_INFO });
    await injectFault(sandbox, { status: 503, path_contains: LEVEL_INFO });
    await injectFault(sandbox, { status: 504, path_contains: LEVEL_INFO });
    const retries: KycRetryInfo[] = [];
    const client = createKycClient({
      endpoint: ENDPOINT,
      retry: { retries: 4, baseDelayMs: 8, maxDelayMs: 20, onRetry: (info) => retries.push(info) },
    });
    const info = await client.getLevelInfo();
    expect(info.allowedToCreateKycApplication).to.equal(true);
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(5);
    expect(retries.map((r) => [r.attempt, r.error.status])).to.deep.equal([
      [1, 500],
      [2, 502],
      [3, 503],
      [4, 504],
    ]);
    // Ceilings 8, 16, then 32 and 64 capped to 20; each delay lies in [ceiling / 2, ceiling].
    const ceilings = [8, 16, 20, 20];
    retries.forEach((r, i) => expect(r.delayMs).to.be.within(ceilings[i] / 2, ceilings[i]));
  });

  it('stops after the configured number of retries', async () => {
    const sandbox = await loggedInClient();
    await injectFault(sandbox, { status: 503, path_contains: LEVEL_INFO, times: 10 });
    const client = createKycClient({ endpoint: ENDPOINT, retry: { retries: 2, baseDelayMs: 1 } });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'server', status: 503 });
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(3);
  });

  it('waits a short Retry-After (seconds) on 429 instead of its own backoff', async () => {
    const sandbox = await loggedInClient();
    await injectFault(sandbox, { status: 429, headers: { 'retry-after': '0' }, path_contains: LEVEL_INFO });
    const retries: KycRetryInfo[] = [];
    const client = createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1000, onRetry: (i) => retries.push(i) } });
    await client.getLevelInfo();
    expect(retries.map((r) => [r.error.code, r.delayMs])).to.deep.equal([['rate_limited', 0]]);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const sandbox = await loggedInClient();
    const date = new Date(Date.now() + 3_600_000).toUTCString();
    await injectFault(sandbox, { status: 503, headers: { 'retry-after': date }, path_contains: LEVEL_INFO });
    const client = createKycClient({ endpoint: ENDPOINT, retry: { maxDelayMs: 1000 } });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error.retryAfterMs).to.be.within(3_500_000, 3_600_000);
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO), 'an hour is above the cap: no retry').to.equal(1);
  });

  it('never retries another 4xx', async () => {
    const sandbox = await loggedInClient();
    await injectFault(sandbox, { status: 400, body: { detail: 'Bad request.' }, path_contains: LEVEL_INFO, times: 5 });
    const client = createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1 } });
    expect((await rejectionOf(client.getLevelInfo())).code).to.equal('validation');
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(1);
  });

  it('never retries a POST on a gateway error', async () => {
    const sandbox = await loggedInClient();
    const client = createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1 } });
    const info = await client.getLevelInfo();
    await injectFault(sandbox, { method: 'POST', status: 503, path_contains: LEVEL_INFO, times: 5 });
    const error = await rejectionOf(client.createApplication(info.availableLevelsForUpgrade[0].uuid));
    expect(error.code).to.equal('server');
    expect(await countRequests(sandbox, 'POST', LEVEL_INFO)).to.equal(1);
  });

  it('never retries a POST after a network error either', async () => {
    await loggedInClient();
    const flaky = flakyFetch('POST', LEVEL_INFO, 1);
    const client = createKycClient({ endpoint: ENDPOINT, fetch: flaky.fetch, retry: { baseDelayMs: 1 } });
    const info = await client.getLevelInfo();
    const error = await rejectionOf(client.createApplication(info.availableLevelsForUpgrade[0].uuid));
    expect(error.code).to.equal('network');
    expect(flaky.state.calls).to.equal(1);
  });

  it('retries a GET after network errors, bounded', async () => {
    await loggedInClient();
    const flaky = flakyFetch('GET', LEVEL_INFO, 100);
    const client = createKycClient({ endpoint: ENDPOINT, fetch: flaky.fetch, retry: { retries: 3, baseDelayMs: 1 } });
    expect((await rejectionOf(client.getLevelInfo())).code).to.equal('network');
    expect(flaky.state.calls).to.equal(4);
  });

  it('retries a PATCH after a network error before any answer, and it lands once', async () => {
    const sandbox = await loggedInClient();
    const flaky = flakyFetch('PATCH', '/v1/kyc/', 1);
    const client = createKycClient({ endpoint: ENDPOINT, fetch: flaky.fetch, retry: { baseDelayMs: 1 } });
    const info = await client.getLevelInfo();
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    const saved = await client.updateApplication(application.uuid, [{ key: 'first_name', value: 'Jane' }]);
    expect(saved.steps[0].questions[0].attribute.value).to.equal('Jane');
    expect(flaky.state.calls).to.equal(2);
    expect(await countRequests(sandbox, 'PATCH', '/v1/kyc/')).to.equal(1);
  });

  it('does not retry a PATCH that timed out (it may have been applied)', async () => {
    const sandbox = await loggedInClient();
    const client = createKycClient({ endpoint: ENDPOINT, timeoutMs: 300, retry: { baseDelayMs: 1 } });
    const info = await client.getLevelInfo();
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    await injectFault(sandbox, { method: 'PATCH', kind: 'hang', times: 5 });
    const error = await rejectionOf(client.updateApplication(application.uuid, [{ key: 'first_name', value: 'Jane' }]));
    expect(error.code).to.equal('timeout');
    expect(await countRequests(sandbox, 'PATCH', '/v1/kyc/')).to.equal(1);
  });

  it('retries an upload after a network error before any answer', async () => {
    const sandbox = await loggedInClient();
    const flaky = flakyFetch('POST', '/v1/documents/files/', 1);
    const client = createKycClient({ endpoint: ENDPOINT, fetch: flaky.fetch, retry: { baseDelayMs: 1 } });
    const files = await client.uploadFiles([pdfFile('front.pdf', 1024)]);
    expect(files).to.have.length(1);
    expect(flaky.state.calls).to.equal(2);
    expect(await countRequests(sandbox, 'POST', '/v1/documents/files/')).to.equal(1);
  });

  it('repeats an upload whose answer was lost: an unused file may stay on the platform, never a document', async () => {
    const sandbox = await loggedInClient();
    let calls = 0;
    // The platform stores the files, then the connection breaks before the answer reaches the page.
    const lossy: typeof fetch = async (input, init) => {
      if (init?.method !== 'POST' || !String(input).includes('/v1/documents/files/') || calls++ > 0) return fetch(input, init);
      await fetch(input, init);
      throw new TypeError('Failed to fetch');
    };
    const client = createKycClient({ endpoint: ENDPOINT, fetch: lossy, retry: { baseDelayMs: 1 } });
    const info = await client.getLevelInfo();
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    const files = await client.uploadFiles([pdfFile('front.pdf', 1024)]);
    expect(files).to.have.length(1);
    expect(await countRequests(sandbox, 'POST', '/v1/documents/files/'), 'the same bytes, sent twice').to.equal(2);
    const held = await inspect(application.uuid);
    expect(held.uploaded_files, 'one file used by nobody').to.equal(2);
    expect(held.documents.count).to.equal(0);
  });

  it('keeps upload progress monotonic when a dropped upload is retried', async () => {
    // A connection dropped halfway through an upload: no server can do that on request, so a
    // scripted XMLHttpRequest plays both attempts (the first drops at 70 %, the second succeeds).
    const attempts: number[][] = [
      [40, 70],
      [10, 60, 100],
    ];
    class ScriptedXhr extends FakeXhr {
      override send() {
        const steps = attempts.shift()!;
        setTimeout(() => {
          for (const loaded of steps) {
            this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded, total: 100 }));
          }
          if (attempts.length) return this.onerror?.();
          this.upload.onload?.(new ProgressEvent('load'));
          this.answer(201, '[{"uuid": "file-1"}]');
        });
      }
    }
    const real = globalThis.XMLHttpRequest;
    const progress: number[] = [];
    try {
      globalThis.XMLHttpRequest = ScriptedXhr as unknown as typeof XMLHttpRequest;
      const client = createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1 } });
      const files = await client.uploadFiles([pdfFile('front.pdf', 1024)], {
        onProgress: ({ loaded, total }) => progress.push(loaded / total),
      });
      expect(files.map((f) => f.uuid)).to.deep.equal(['file-1']);
    } finally {
      globalThis.XMLHttpRequest = real;
    }
    expect(progress).to.deep.equal([0.4, 0.7, 0.7, 0.7, 1, 1]);
  });

  it('an upload that keeps moving is not cut off by the upload limit; one that stalls is', async () => {
    const clock = fakeClock();
    /** The upload now being sent, driven by the test: progress and answer when it says. */
    let current!: Driven;
    let sent!: () => void;
    class Driven extends FakeXhr {
      override abort() {
        this.onabort?.();
      }
      override send() {
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test drives the upload it holds
        current = this;
        sent();
      }
      progress(loaded: number, total: number) {
        this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
      }
      reply() {
        this.answer(201, '[{"uuid": "file-1"}]');
      }
    }
    const sending = () => new Promise<void>((resolve) => (sent = resolve));
    const real = globalThis.XMLHttpRequest;
    try {
      globalThis.XMLHttpRequest = Driven as unknown as typeof XMLHttpRequest;
      const client = createKycClient({ endpoint: ENDPOINT, uploadTimeoutMs: 300, retry: { retries: 0 }, clock });
      let started = sending();
      const moving = client.uploadFiles([pdfFile('slow.pdf', 1024)], { onProgress: () => {} });
      await started;
      for (let elapsed = 50; elapsed <= 900; elapsed += 50) {
        await clock.advance(50);
        current.progress(elapsed, 900);
      }
      current.reply();
      const files = await moving;
      expect(
        files.map((f) => f.uuid),
        '900 ms of steady progress under a 300 ms limit',
      ).to.deep.equal(['file-1']);

      started = sending();
      let settled = false;
      const stuck = client.uploadFiles([pdfFile('stuck.pdf', 1024)], { onProgress: () => {} });
      void stuck.catch(() => undefined).finally(() => (settled = true));
      await started;
      current.progress(100, 900);
      await clock.advance(299);
      expect(settled, '1 ms before the limit, still waiting').to.equal(false);
      await clock.advance(1);
      const error = await rejectionOf(stuck);
      expect(error.code).to.equal('timeout');
    } finally {
      globalThis.XMLHttpRequest = real;
    }
  });

  it('ends a backoff wait at once when the caller aborts', async () => {
    const sandbox = await loggedInClient();
    await injectFault(sandbox, { status: 503, path_contains: LEVEL_INFO, times: 5 });
    const controller = new AbortController();
    const client = createKycClient({
      endpoint: ENDPOINT,
      // A backoff far longer than the test's own time limit: only the abort can end it.
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, onRetry: () => setTimeout(() => controller.abort(), 50) },
    });
    const error = await rejectionOf(client.getLevelInfo({ signal: controller.signal }));
    expect(error.code).to.equal('aborted');
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(1);
  });
});

describe('API client tokens', () => {
  afterEach(logout);

  /** The real fetch, with the token endpoint answering `{token, expires_in}` for a real token. */
  async function tokenFetch(expiresIn: number) {
    const { token } = await (await fetch('/kyc-token', { method: 'POST' })).json();
    const state = { tokenCalls: 0 };
    const wrapped: typeof fetch = (input, init) => {
      if (String(input) !== '/token') return fetch(input, init);
      state.tokenCalls += 1;
      return Promise.resolve(Response.json({ token, expires_in: expiresIn }));
    };
    return { fetch: wrapped, state };
  }

  it('caches a token for its lifetime', async () => {
    await loggedInClient();
    const stub = await tokenFetch(3600);
    const client = createKycClient({ endpoint: ENDPOINT, tokenEndpoint: '/token', fetch: stub.fetch });
    await client.getLevelInfo();
    await client.getLevelInfo();
    expect(stub.state.tokenCalls).to.equal(1);
  });

  it('renews a token that is about to expire before using it', async () => {
    await loggedInClient();
    const stub = await tokenFetch(0);
    const client = createKycClient({ endpoint: ENDPOINT, tokenEndpoint: '/token', fetch: stub.fetch });
    await client.getLevelInfo();
    await client.getLevelInfo();
    expect(stub.state.tokenCalls).to.equal(2);
  });

  it('calls the token endpoint with credentials include, and the API with the configured credentials', async () => {
    await loggedInClient();
    const { token } = await (await fetch('/kyc-token', { method: 'POST' })).json();
    await logout(); // from here on only the bearer token identifies the client
    for (const [configured, expected] of [
      [undefined, 'same-origin'],
      ['omit', 'omit'],
    ] as const) {
      const calls: { url: string; credentials: RequestCredentials | undefined }[] = [];
      const recording: typeof fetch = (input, init) => {
        calls.push({ url: String(input), credentials: init?.credentials });
        return String(input) === '/token' ? Promise.resolve(Response.json({ token })) : fetch(input, init);
      };
      const client = createKycClient({ endpoint: ENDPOINT, tokenEndpoint: '/token', fetch: recording, credentials: configured });
      const info = await client.getLevelInfo();
      expect(info.allowedToCreateKycApplication).to.equal(true);
      expect(calls).to.deep.equal([
        { url: '/token', credentials: 'include' },
        { url: `${ENDPOINT}${LEVEL_INFO}`, credentials: expected },
      ]);
    }
  });

  it('reports a token endpoint answer without a token as malformed', async () => {
    const client = createKycClient({
      endpoint: ENDPOINT,
      tokenEndpoint: '/token',
      fetch: () => Promise.resolve(Response.json({ access: 'x' })),
    });
    expect((await rejectionOf(client.getLevelInfo())).code).to.equal('malformed_response');
  });

  it('reports a failing tokenProvider as unauthorized', async () => {
    const client = createKycClient({
      endpoint: ENDPOINT,
      tokenProvider: () => Promise.reject(new Error('no session')),
    });
    expect((await rejectionOf(client.getLevelInfo())).code).to.equal('unauthorized');
  });
});
