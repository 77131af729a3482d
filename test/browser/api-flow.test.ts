// The API client against the real chain over HTTP (browser → proxy → sandbox): every endpoint,
// with the demo session cookie and with bearer tokens.
import { expect } from '@open-wc/testing';
import { createKycClient, KycApiError, type KycApplication, type KycClient } from '../../src/api/index.js';
import {
  ENDPOINT,
  SIGN_CODE,
  countRequests,
  loggedInClient,
  platformRequests,
  type TimedRequest,
  logout,
  setStatus,
  type SandboxClient,
} from '../helpers/sandbox.js';
import { answersOf, fillBasic, pdfFile, rejectionOf } from '../helpers/kyc.js';

const clientFor = (sandbox: SandboxClient): KycClient =>
  createKycClient({
    endpoint: ENDPOINT,
    legalEntityUuid: sandbox.legal_entity_uuid,
    clientUuid: sandbox.client_uuid,
    retry: { baseDelayMs: 1 },
  });

async function start(levelName: string): Promise<{ sandbox: SandboxClient; client: KycClient; application: KycApplication }> {
  const sandbox = await loggedInClient();
  const client = clientFor(sandbox);
  const info = await client.getLevelInfo();
  const level = info.availableLevelsForUpgrade.find((l) => l.name === levelName);
  expect(level, levelName).to.exist;
  return { sandbox, client, application: await client.createApplication(level!.uuid) };
}

describe('API client over the real chain (cookie session)', () => {
  afterEach(logout);

  it('reads the level info and creates an application', async () => {
    const sandbox = await loggedInClient();
    const client = clientFor(sandbox);
    const info = await client.getLevelInfo();
    expect(info.allowedToCreateKycApplication).to.equal(true);
    expect(info.lastKycApplicationUuid).to.equal(null);
    expect(info.availableLevelsForUpgrade.map((l) => l.name)).to.deep.equal(['Basic', 'Standard', 'Advanced']);

    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    expect(application.status).to.equal('draft');
    expect(application.rawStatus).to.equal('draft');
    expect(application.steps.map((s) => s.title)).to.deep.equal(['Personal data', 'Contact details', 'Agreements']);
    const citizenship = application.steps[0].questions.find((q) => q.attribute.key === 'citizenship')!;
    expect(citizenship.attribute).to.include({ type: 'reference_data', value: null, required: true, readOnly: false });

    const again = await client.getLevelInfo();
    expect(again.lastKycApplicationUuid).to.equal(application.uuid);
  });

  it('saves answers and reads the application and one attribute back', async () => {
    const { client, application } = await start('Basic');
    const saved = await client.updateApplication(application.uuid, [
      { key: 'first_name', value: 'Jane' },
      { key: 'last_name', value: 'Doe' },
    ]);
    expect(answersOf(saved)).to.include({ first_name: 'Jane', last_name: 'Doe' });

    const read = await client.getApplication(application.uuid, { emptyVolatileFields: true });
    expect(answersOf(read)).to.include({ first_name: 'Jane', last_name: 'Doe' });
    const attribute = await client.getAttribute(application.uuid, 'last_name');
    expect(attribute).to.include({ key: 'last_name', value: 'Doe' });
  });

  it('reports field errors under the attribute keys', async () => {
    const { client, application } = await start('Basic');
    const error = await rejectionOf(
      client.updateApplication(application.uuid, [
        { key: 'first_name', value: 'Jane' },
        { key: 'date_of_birth', value: 'not a date' },
      ]),
    );
    expect(error.code).to.equal('validation');
    expect(error.status).to.equal(400);
    expect(error.recoverable).to.equal(true);
    expect(Object.keys(error.fieldErrors)).to.deep.equal(['date_of_birth']);
    expect(error.fieldErrors.date_of_birth[0]).to.be.a('string');
  });

  it('reads every reference-data option, following the pages to the end', async () => {
    const { client } = await start('Basic');
    const countries = await client.getDefinitions('citizenship');
    expect(countries.length).to.equal(249);
    expect(new Set(countries.map((c) => c.key)).size).to.equal(249);
    expect(countries.find((c) => c.key === 'LV')).to.deep.equal({ key: 'LV', title: 'Latvia' });
  });

  it('reads the legal documents of an attribute and accepts one', async () => {
    const { client, application } = await start('Basic');
    const [terms, ...rest] = await client.getLegalDocuments('terms_of_service');
    expect(rest).to.have.length(0);
    expect(terms).to.include({ key: 'terms_of_service', title: 'Terms of service', version: '3' });
    expect(terms.text).to.be.a('string');
    const saved = await client.updateApplication(application.uuid, [{ key: 'terms_of_service', value: terms.uuid }]);
    expect(answersOf(saved).terms_of_service).to.equal(terms.uuid);
  });

  it('uploads files with monotonic progress reaching the total, then makes a document of them', async () => {
    const { client, application } = await start('Standard');
    const progress: { loaded: number; total: number }[] = [];
    const files = await client.uploadFiles([pdfFile('front.pdf', 256 * 1024), pdfFile('back.pdf', 1024)], {
      onProgress: (p) => progress.push(p),
    });
    expect(files).to.have.length(2);
    expect(files[0]).to.include({ name: 'front.pdf', contentType: 'application/pdf' });

    expect(progress.length).to.be.greaterThan(0);
    const total = progress[0].total;
    expect(total).to.be.greaterThan(256 * 1024);
    progress.forEach((p, i) => {
      expect(p.total).to.equal(total);
      if (i > 0) expect(p.loaded).to.be.at.least(progress[i - 1].loaded);
    });
    expect(progress.at(-1)!.loaded).to.equal(total);

    const document = await client.createDocument(
      'id_card_front_side',
      files.map((f) => f.uuid),
    );
    expect(document.attributeKey).to.equal('id_card_front_side');
    expect(document.files.map((f) => f.uuid)).to.deep.equal(files.map((f) => f.uuid));
    const saved = await client.updateApplication(application.uuid, [{ key: 'id_card_front_side', value: document.uuid }]);
    expect(answersOf(saved).id_card_front_side).to.equal(document.uuid);
  });

  it('uploads through fetch, without progress, where there is no XMLHttpRequest', async () => {
    const { client } = await start('Standard');
    const saved = globalThis.XMLHttpRequest;
    let files;
    try {
      (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = undefined;
      const progress: unknown[] = [];
      files = await client.uploadFiles([pdfFile('front.pdf', 1024)], { onProgress: (p) => progress.push(p) });
      expect(progress).to.have.length(0);
    } finally {
      globalThis.XMLHttpRequest = saved;
    }
    expect(files).to.have.length(1);
  });

  it('signs a change: send-code, then the code; a missing code and a wrong one are told apart', async () => {
    const { sandbox, client, application } = await start('Basic');
    performance.clearResourceTimings();
    const change = [{ key: 'phone', value: '+37120000009' }];

    const missing = await rejectionOf(client.updateApplication(application.uuid, change));
    expect(missing.code).to.equal('signature_required');
    expect(missing.providers).to.deep.equal(['sms']);

    await client.sendSignCode({ objectUuid: application.uuid, providerType: 'sms', destination: '+37120000009' });
    expect(await countRequests(sandbox, 'POST', '/v1/signatures/send-code/')).to.equal(1);

    const wrong = await rejectionOf(client.updateApplication(application.uuid, change, { signCodes: { sms: '000000' } }));
    expect(wrong.code).to.equal('signature_invalid');
    expect(wrong.providers).to.deep.equal(['sms']);

    const saved = await client.updateApplication(application.uuid, change, { signCodes: { sms: SIGN_CODE } });
    expect(answersOf(saved).phone).to.equal('+37120000009');

    // The codes travelled in headers: no URL the browser requested holds one (access logs keep
    // URLs), and the proxy put them where the platform reads them.
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(urls.filter((url) => url.includes('/v1/kyc/'))).to.have.length.greaterThan(2);
    expect(urls.filter((url) => /sign_code|000000|111111/.test(url))).to.deep.equal([]);
    const patches = (await platformRequests(sandbox)).filter((request) => request.method === 'PATCH') as TimedRequest[];
    expect(patches.map((request) => request.query['sms_sign_code'] ?? null)).to.deep.equal([null, '***', '***']);
  });

  it('sends to review and reads the reviewer’s decision', async () => {
    const { client, application } = await start('Basic');
    await fillBasic(client, application.uuid);
    const sent = await client.sendToReview(application.uuid);
    expect(sent?.status).to.equal('in_review');

    await setStatus(application.uuid, 'pending', 'Please correct your name.');
    const returned = await client.getApplication(application.uuid);
    expect(returned).to.include({ status: 'pending', comment: 'Please correct your name.' });

    await client.sendToReview(application.uuid);
    await setStatus(application.uuid, 'approved');
    expect((await client.getApplication(application.uuid)).status).to.equal('approved');
  });

  it('asks for the liveness token with its ttl parameters', async () => {
    const { client, application } = await start('Advanced');
    const empty = await client.getApplication(application.uuid, { emptyVolatileFields: true });
    expect(answersOf(empty).sumsub_liveness_check_token).to.equal(null);

    const full = await client.getApplication(application.uuid, { liveness: { ttlMin: 600, ttlMax: 3600, ttlRenew: false } });
    expect(answersOf(full).sumsub_liveness_check_token).to.be.a('string');

    const token = await client.getAttribute(application.uuid, 'sumsub_liveness_check_token', { ttlMin: 600, ttlRenew: true });
    expect(token.value).to.be.a('string');
    expect(token.readOnly).to.equal(true);
    expect(token.additionalInfo).to.have.keys(['email', 'phone']);
  });

  it('uses a configured send-code path', async () => {
    const { client, application } = await start('Basic');
    const moved = createKycClient({ endpoint: ENDPOINT, paths: { sendCode: '/v1/elsewhere/send-code/' } });
    const request = { objectUuid: application.uuid, providerType: 'email', destination: 'jane@example.com' } as const;
    const error = await rejectionOf(moved.sendSignCode(request));
    expect(error.code).to.equal('not_found');
    await client.sendSignCode(request);
  });

  it('answers 401 without a session as unauthorized, at once', async () => {
    const client = createKycClient({ endpoint: ENDPOINT });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.be.instanceOf(KycApiError);
    expect(error).to.include({ code: 'unauthorized', status: 401, recoverable: false });
  });
});

describe('API client over the real chain (bearer tokens)', () => {
  afterEach(logout);

  it('gets a token from the token endpoint and sends it as a bearer', async () => {
    const sandbox = await loggedInClient();
    const client = createKycClient({ endpoint: ENDPOINT, tokenEndpoint: '/kyc-token', credentials: 'same-origin' });
    const info = await client.getLevelInfo();
    expect(info.availableLevelsForUpgrade).to.have.length(3);
    const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
    expect(application.status).to.equal('draft');
    expect(await countRequests(sandbox, 'POST', '/v1/clients/kyc-level-info/')).to.equal(1);
  });

  it('replaces a refused token once and replays the request', async () => {
    await loggedInClient();
    const real = await (await fetch('/kyc-token', { method: 'POST' })).json();
    await logout(); // from here on only the bearer token identifies the client
    const tokens = ['not-a-valid-token', real.token as string];
    let calls = 0;
    const client = createKycClient({ endpoint: ENDPOINT, tokenProvider: async () => tokens[calls++] });
    const info = await client.getLevelInfo();
    expect(info.allowedToCreateKycApplication).to.equal(true);
    expect(calls).to.equal(2);
    await client.getLevelInfo();
    expect(calls, 'the good token is cached').to.equal(2);
  });

  it('gives up with unauthorized when the new token is refused too', async () => {
    let calls = 0;
    const client = createKycClient({
      endpoint: ENDPOINT,
      tokenProvider: async () => `bad-token-${++calls}`,
    });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error).to.include({ code: 'unauthorized', status: 401 });
    expect(calls).to.equal(2);
  });

  it('shares one refresh among five requests refused together', async () => {
    const sandbox = await loggedInClient();
    const real = (await (await fetch('/kyc-token', { method: 'POST' })).json()).token as string;
    await logout();
    let calls = 0;
    const client = createKycClient({
      endpoint: ENDPOINT,
      tokenProvider: async () => (++calls === 1 ? 'expired-token' : real),
    });
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.getLevelInfo()));
    expect(answers.every((a) => a.allowedToCreateKycApplication)).to.equal(true);
    expect(calls, 'one first token, one refresh').to.equal(2);
    expect(await countRequests(sandbox, 'GET', '/v1/clients/kyc-level-info/')).to.equal(5);
  });

  it('reports a token endpoint that refuses the session as unauthorized', async () => {
    const client = createKycClient({ endpoint: ENDPOINT, tokenEndpoint: '/kyc-token' });
    const error = await rejectionOf(client.getLevelInfo());
    expect(error.code).to.equal('unauthorized');
  });
});
