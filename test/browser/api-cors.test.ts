// A cross-origin embed: the page (http://localhost:PORT) calls a proxy on another origin
// (http://127.0.0.1:PORT, the same test server), which allows the page's origin by CORS without
// credentials. The token comes from the page's own origin, with its cookie session; the API calls
// carry only the bearer token.
import { expect } from '@open-wc/testing';
import { createKycClient } from '../../src/api/index.js';
import { countRequests, loggedInClient, logout } from '../helpers/sandbox.js';
import { answersOf, rejectionOf } from '../helpers/kyc.js';

/** The proxy as seen from another origin: same server, another host name. */
const CROSS_ORIGIN_ENDPOINT = `http://127.0.0.1:${location.port}/kyc`;

describe('API client across origins (CORS, bearer token)', () => {
  afterEach(logout);

  it('runs on the page origin', () => {
    // What makes the endpoint below another origin.
    expect(location.hostname).to.equal('localhost');
  });

  it('reads, creates and saves through a cross-origin proxy with a token from the page’s origin', async () => {
    const sandbox = await loggedInClient();
    const seen: { url: string; authorized: boolean; credentials: RequestCredentials | undefined }[] = [];
    const recording: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push({ url: String(input), authorized: headers.has('authorization'), credentials: init?.credentials });
      return fetch(input, init);
    };
    const client = createKycClient({ endpoint: CROSS_ORIGIN_ENDPOINT, tokenEndpoint: '/kyc-token', fetch: recording });

    const info = await client.getLevelInfo();
    expect(info.allowedToCreateKycApplication).to.equal(true);
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    const saved = await client.updateApplication(application.uuid, [{ key: 'first_name', value: 'Jane' }]);
    expect(answersOf(saved).first_name).to.equal('Jane');
    expect(await countRequests(sandbox, 'PATCH', `/v1/kyc/${application.uuid}/`)).to.equal(1);

    const [token, ...calls] = seen;
    expect(token).to.deep.equal({ url: '/kyc-token', authorized: false, credentials: 'include' });
    expect(calls).to.have.length(3);
    for (const call of calls) {
      expect(call.url.startsWith(`${CROSS_ORIGIN_ENDPOINT}/v1/`), call.url).to.equal(true);
      expect(call).to.include({ authorized: true, credentials: 'same-origin' });
    }
  });

  it('is unauthorized across origins without a token source: the page’s cookies do not cross', async () => {
    const sandbox = await loggedInClient();
    const client = createKycClient({ endpoint: CROSS_ORIGIN_ENDPOINT });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'unauthorized', status: 401, recoverable: false });
    expect(await countRequests(sandbox, 'GET', '/v1/clients/kyc-level-info/')).to.equal(0);
  });
});
