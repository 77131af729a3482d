// Every error code of the API client, from real answers of the chain where the sandbox can give
// them (faults injected over HTTP), and from a stubbed fetch only for what no server can do.
import { expect } from '@open-wc/testing';
import { createKycClient, type KycClient, type KycRetryInfo } from '../../src/api/index.js';
import { KycErrorEvent } from '../../src/events/events.js';
import { countRequests, ENDPOINT, injectFault, loggedInClient, logout, type SandboxClient } from '../helpers/sandbox.js';
import { fillBasic, pdfFile, rejectionOf } from '../helpers/kyc.js';

const LEVEL_INFO = '/v1/clients/kyc-level-info/';

async function setUp(options: { timeoutMs?: number; retries?: number } = {}): Promise<{ sandbox: SandboxClient; client: KycClient }> {
  const sandbox = await loggedInClient();
  const client = createKycClient({
    endpoint: ENDPOINT,
    timeoutMs: options.timeoutMs,
    retry: { retries: options.retries ?? 3, baseDelayMs: 1, maxDelayMs: 10 },
  });
  return { sandbox, client };
}

async function newApplication(client: KycClient, level = 0) {
  const info = await client.getLevelInfo();
  return client.createApplication(info.availableLevelsForUpgrade[level].uuid);
}

describe('API client errors', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);

  before(() => window.addEventListener('unhandledrejection', onUnhandled));
  after(() => window.removeEventListener('unhandledrejection', onUnhandled));
  afterEach(async () => {
    await logout();
    await new Promise((resolve) => setTimeout(resolve, 0)); // let pending rejection events fire
    expect(unhandled, 'unhandled rejections').to.deep.equal([]);
  });

  it('network: fetch fails before any answer', async () => {
    const client = createKycClient({
      endpoint: ENDPOINT,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      retry: { retries: 0 },
    });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'network', status: undefined, recoverable: true });
  });

  it('network: a fetch that throws synchronously is reported the same way', async () => {
    const client = createKycClient({
      endpoint: ENDPOINT,
      fetch: () => {
        throw new TypeError('Failed to execute fetch');
      },
      retry: { retries: 0 },
    });
    expect((await rejectionOf(client.getLevelInfo())).code).to.equal('network');
  });

  it('timeout: each attempt of a hanging GET is cut off, then retried, then reported', async () => {
    const { sandbox, client } = await setUp({ timeoutMs: 300, retries: 1 });
    await injectFault(sandbox, { kind: 'hang', path_contains: LEVEL_INFO, times: 2 });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'timeout', recoverable: true });
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(2);
  });

  it('timeout: an upload with progress (through XMLHttpRequest) is cut off too', async () => {
    const sandbox = await loggedInClient();
    const client = createKycClient({ endpoint: ENDPOINT, uploadTimeoutMs: 300, retry: { baseDelayMs: 1 } });
    await injectFault(sandbox, { kind: 'hang', method: 'POST', path_contains: '/v1/documents/files/' });
    const error = await rejectionOf(client.uploadFiles([pdfFile('front.pdf', 1024)], { onProgress: () => {} }));
    expect(error.code).to.equal('timeout');
    expect(await countRequests(sandbox, 'POST', '/v1/documents/files/'), 'a timed-out upload is not repeated').to.equal(1);
  });

  it('aborted: the caller’s signal ends a hanging call at once, without a retry', async () => {
    const { sandbox, client } = await setUp();
    await injectFault(sandbox, { kind: 'hang', path_contains: LEVEL_INFO, times: 5 });
    const controller = new AbortController();
    const call = client.getLevelInfo({ signal: controller.signal });
    while ((await countRequests(sandbox, 'GET', LEVEL_INFO)) === 0) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    const error = await rejectionOf(call);
    expect(error).to.include({ code: 'aborted', recoverable: true });
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(1);
  });

  it('aborted: an already aborted signal sends nothing', async () => {
    const { sandbox, client } = await setUp();
    const error = await rejectionOf(client.getLevelInfo({ signal: AbortSignal.abort() }));
    expect(error.code).to.equal('aborted');
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(0);
  });

  it('forbidden: 403', async () => {
    const { sandbox, client } = await setUp();
    await injectFault(sandbox, { status: 403, body: { detail: 'You do not have permission.' } });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'forbidden', status: 403, recoverable: false });
    expect(error.nonFieldErrors).to.deep.equal(['You do not have permission.']);
  });

  it('not_found: an application that does not exist', async () => {
    const { client } = await setUp();
    const error = await rejectionOf(client.getApplication(crypto.randomUUID()));
    expect(error).to.include({ code: 'not_found', status: 404, recoverable: false });
  });

  it('conflict: changing an application that is in review', async () => {
    const { client } = await setUp();
    const application = await newApplication(client);
    await fillBasic(client, application.uuid);
    await client.sendToReview(application.uuid);
    const error = await rejectionOf(client.updateApplication(application.uuid, [{ key: 'first_name', value: 'Jo' }]));
    expect(error).to.include({ code: 'conflict', status: 409, recoverable: false });
  });

  it('validation: field and non-field messages, mapped back to attribute keys', async () => {
    const { sandbox, client } = await setUp();
    const application = await newApplication(client);
    await injectFault(sandbox, {
      method: 'PATCH',
      status: 400,
      body: { attribute_changes: [{}, { value: ['Enter a valid date.'] }], non_field_errors: ['Check your answers.'] },
    });
    const error = await rejectionOf(
      client.updateApplication(application.uuid, [
        { key: 'first_name', value: 'Jane' },
        { key: 'date_of_birth', value: 'soon' },
      ]),
    );
    expect(error).to.include({ code: 'validation', status: 400 });
    expect(error.fieldErrors).to.deep.equal({ date_of_birth: ['Enter a valid date.'] });
    expect(error.nonFieldErrors).to.deep.equal(['Check your answers.']);
    expect(error.message).not.to.contain('soon');
    expect(error.message).not.to.contain('{');
  });

  it('upload_rejected: an empty file, refused with Sumsub’s error body', async () => {
    const { client } = await setUp();
    const error = await rejectionOf(client.uploadFiles([new File([], 'empty.pdf', { type: 'application/pdf' })]));
    expect(error).to.include({ code: 'upload_rejected', status: 400, recoverable: true });
    expect(error.uploadError).to.deep.equal({ errorCode: 1003, errorName: 'empty-file' });
  });

  it('upload_rejected: Sumsub’s upload error, nested under files', async () => {
    const { sandbox, client } = await setUp();
    await injectFault(sandbox, {
      method: 'POST',
      path_contains: '/v1/documents/files/',
      status: 400,
      body: {
        files: {
          description: 'Uploaded file is empty',
          code: 400,
          correlationId: 'req-1',
          errorCode: 1003,
          errorName: 'empty-file',
        },
      },
    });
    const error = await rejectionOf(client.uploadFiles([pdfFile('empty.pdf', 64)]));
    expect(error).to.include({ code: 'upload_rejected', status: 400, recoverable: true });
    expect(error.uploadError).to.deep.equal({ errorCode: 1003, errorName: 'empty-file' });
    expect(error.fieldErrors).to.deep.equal({});
    expect(error.correlationId, 'for Sumsub support').to.equal('req-1');
    expect(error.message).to.contain('req-1');
    expect(KycErrorEvent.of(error).detail).to.deep.equal({
      code: 'upload_rejected',
      message: error.message,
      recoverable: true,
      correlationId: 'req-1',
    });
  });

  it("keeps Sumsub's correlationId wrapped DRF-style, and takes no prose for one", async () => {
    const { sandbox, client } = await setUp();
    const sumsub = { description: 'Uploaded file is too big (more than 64MB)', code: 400, errorCode: 1002, errorName: 'file-too-big' };
    await injectFault(sandbox, {
      method: 'POST',
      path_contains: '/v1/documents/files/',
      status: 400,
      body: { non_field_errors: [{ ...sumsub, correlationId: '5f1e6b1a-req.42' }] },
    });
    expect((await rejectionOf(client.uploadFiles([pdfFile('a.pdf', 64)]))).correlationId).to.equal('5f1e6b1a-req.42');
    await injectFault(sandbox, {
      method: 'POST',
      path_contains: '/v1/documents/files/',
      status: 400,
      body: { ...sumsub, correlationId: 'Call Jane Doe at +371 2000 0000' },
    });
    const prose = await rejectionOf(client.uploadFiles([pdfFile('b.pdf', 64)]));
    expect(prose.correlationId).to.equal(undefined);
    expect(KycErrorEvent.of(prose).detail).not.to.have.property('correlationId');
  });

  it('upload_rejected: 413 from a size limit on the way', async () => {
    const { sandbox, client } = await setUp();
    await injectFault(sandbox, { method: 'POST', path_contains: '/v1/documents/files/', status: 413 });
    const error = await rejectionOf(client.uploadFiles([pdfFile('big.pdf', 1024)]));
    expect(error).to.include({ code: 'upload_rejected', status: 413 });
    expect(error.uploadError).to.deep.equal({ errorCode: 1002, errorName: 'file-too-big' });
  });

  it('upload_rejected: 415 on an upload, without a Sumsub error to tell which', async () => {
    const { sandbox, client } = await setUp();
    await injectFault(sandbox, { method: 'POST', path_contains: '/v1/documents/files/', status: 415 });
    const error = await rejectionOf(client.uploadFiles([pdfFile('scan.pdf', 1024)]));
    expect(error).to.include({ code: 'upload_rejected', status: 415, uploadError: undefined });
  });

  it('validation, not upload_rejected: a PATCH over the proxy’s JSON limit (a real 413)', async () => {
    const { sandbox, client } = await setUp();
    const application = await newApplication(client);
    const huge = 'x'.repeat(300 * 1024); // the proxy takes JSON bodies up to 256 KiB
    const error = await rejectionOf(client.updateApplication(application.uuid, [{ key: 'first_name', value: huge }]));
    expect(error).to.include({ code: 'validation', status: 413, uploadError: undefined, recoverable: true });
    expect(error.fieldErrors).to.deep.equal({});
    expect(error.nonFieldErrors).to.have.length(1);
    expect(error.nonFieldErrors[0]).to.be.a('string').and.not.contain('{');
    expect(await countRequests(sandbox, 'PATCH', '/v1/kyc/'), 'refused by the proxy, never forwarded').to.equal(0);
  });

  it('validation, not upload_rejected: 413 and 415 on requests that upload nothing', async () => {
    const { sandbox, client } = await setUp();
    const application = await newApplication(client);
    await injectFault(sandbox, { method: 'PATCH', status: 415, body: { detail: 'Unsupported media type "text/plain".' } });
    const patched = await rejectionOf(client.updateApplication(application.uuid, [{ key: 'first_name', value: 'Jane' }]));
    expect(patched).to.include({ code: 'validation', status: 415, uploadError: undefined });
    expect(patched.nonFieldErrors).to.deep.equal(['Unsupported media type "text/plain".']);

    await injectFault(sandbox, { method: 'POST', path_contains: '/v1/documents/', kind: 'html', status: 413 });
    const created = await rejectionOf(client.createDocument('passport', [crypto.randomUUID()]));
    expect(created).to.include({ code: 'validation', status: 413, uploadError: undefined });
  });

  it('rate_limited: 429 with a Retry-After longer than the backoff cap is reported, not waited for', async () => {
    const { sandbox, client } = await setUp();
    await injectFault(sandbox, { status: 429, headers: { 'retry-after': '120' }, times: 5 });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'rate_limited', status: 429, retryAfterMs: 120_000, recoverable: true });
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(1);
  });

  it('server: 500 on a write (never retried)', async () => {
    const { sandbox, client } = await setUp();
    const info = await client.getLevelInfo();
    await injectFault(sandbox, { method: 'POST', status: 500, times: 5 });
    const error = await rejectionOf(client.createApplication(info.availableLevelsForUpgrade[0].uuid));
    expect(error).to.include({ code: 'server', status: 500, recoverable: true });
    expect(await countRequests(sandbox, 'POST', LEVEL_INFO)).to.equal(1);
  });

  for (const kind of ['not_json', 'truncated', 'wrong_shape'] as const) {
    it(`malformed_response: ${kind}`, async () => {
      const { sandbox, client } = await setUp();
      await injectFault(sandbox, { kind, path_contains: LEVEL_INFO });
      const error = await rejectionOf(client.getLevelInfo());
      expect(error.code).to.equal('malformed_response');
      expect(error.message).not.to.contain('{');
    });
  }

  // On the application's read, which the proxy streams through (it reads the level info whole, to
  // learn the client's application: a level info cut off is the proxy's 502, tested in Node).
  it('malformed_response: a GET whose connection is cut mid-body, after its retries (a read is safe to repeat)', async () => {
    const { sandbox, client } = await setUp({ retries: 2 });
    const application = await newApplication(client);
    const path = `/v1/kyc/${application.uuid}/`;
    await injectFault(sandbox, { kind: 'cut', method: 'GET', path_contains: path, times: 3 });
    const error = await rejectionOf(client.getApplication(application.uuid));
    expect(error).to.include({ code: 'malformed_response', status: 200, recoverable: true });
    expect(error.message).to.contain('cut off');
    expect(await countRequests(sandbox, 'GET', path)).to.equal(3);
  });

  it('a GET cut mid-body once is retried and succeeds', async () => {
    const { sandbox, client } = await setUp();
    const application = await newApplication(client);
    const path = `/v1/kyc/${application.uuid}/`;
    await injectFault(sandbox, { kind: 'cut', method: 'GET', path_contains: path });
    expect((await client.getApplication(application.uuid)).uuid).to.equal(application.uuid);
    expect(await countRequests(sandbox, 'GET', path)).to.equal(2);
  });

  it('malformed_response: a PATCH cut mid-body is not retried (it may have been applied)', async () => {
    const { sandbox, client } = await setUp();
    const application = await newApplication(client);
    await injectFault(sandbox, { kind: 'cut', method: 'PATCH', times: 5 });
    const error = await rejectionOf(client.updateApplication(application.uuid, [{ key: 'first_name', value: 'Jane' }]));
    expect(error).to.include({ code: 'malformed_response', status: 200 });
    expect(await countRequests(sandbox, 'PATCH', '/v1/kyc/')).to.equal(1);
  });

  it('malformed_response: an upload with progress (XMLHttpRequest) cut mid-body is not retried', async () => {
    const sandbox = await loggedInClient();
    const retries: KycRetryInfo[] = [];
    const client = createKycClient({ endpoint: ENDPOINT, retry: { baseDelayMs: 1, onRetry: (info) => retries.push(info) } });
    await injectFault(sandbox, { kind: 'cut', method: 'POST', path_contains: '/v1/documents/files/', times: 5 });
    const error = await rejectionOf(client.uploadFiles([pdfFile('front.pdf', 1024)], { onProgress: () => {} }));
    expect(error).to.include({ code: 'malformed_response', status: 200 });
    // Counted on the client: the fault answers before the upload's body is read, and the browser
    // itself may resend a request whose connection was reset under it, which the platform log would count.
    expect(retries).to.deep.equal([]);
  });

  it("server: the platform's HTML error page reaches the browser as the proxy's JSON, after the retries a gateway status allows", async () => {
    const { sandbox, client } = await setUp({ retries: 2 });
    await injectFault(sandbox, { kind: 'html', path_contains: LEVEL_INFO, times: 3 });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'server', status: 502 });
    expect(error.message).not.to.contain('<');
    expect(await countRequests(sandbox, 'GET', LEVEL_INFO)).to.equal(3);
  });

  it('server: an HTML page with 200 breaks the contract, and the proxy answers 502 instead', async () => {
    const { sandbox, client } = await setUp({ retries: 0 });
    await injectFault(sandbox, { kind: 'html', status: 200, path_contains: LEVEL_INFO });
    expect(await rejectionOf(client.getLevelInfo())).to.include({ code: 'server', status: 502 });
  });

  it('malformed_response: a wrong top-level type', async () => {
    const { sandbox, client } = await setUp();
    const application = await newApplication(client);
    await injectFault(sandbox, { method: 'GET', status: 200, body: [application] });
    const error = await rejectionOf(client.getApplication(application.uuid));
    expect(error.code).to.equal('malformed_response');
    expect(error.message).to.contain('top level');
  });

  it('keeps the status of a self-explaining answer even when its page is HTML', async () => {
    const { sandbox, client } = await setUp();
    await injectFault(sandbox, { kind: 'html', status: 404, path_contains: LEVEL_INFO });
    expect((await rejectionOf(client.getLevelInfo())).code).to.equal('not_found');
  });

  it('never lets a failure escape as an unhandled rejection, even many at once', async () => {
    const { sandbox, client } = await setUp({ retries: 0 });
    await injectFault(sandbox, { kind: 'truncated', times: 3 });
    await injectFault(sandbox, { kind: 'not_json', times: 3 });
    await injectFault(sandbox, { kind: 'cut', times: 3 });
    const results = await Promise.allSettled(Array.from({ length: 9 }, () => client.getLevelInfo()));
    expect(results.every((r) => r.status === 'rejected')).to.equal(true);
  });
});
