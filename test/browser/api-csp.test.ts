// Strict CSP: the client must never reach `new Function` (a page without 'unsafe-eval' reports
// even a caught attempt as a violation). zod's JIT parsers probe for it when schemas are built, at
// import; zod/mini builds none today, and `z.config({ jitless: true })` keeps it so. This file
// watches `Function` before it imports the client, and imports nothing else that loads zod.
import { expect } from '@open-wc/testing';
import { ENDPOINT, loggedInClient, logout } from '../helpers/sandbox.js';

describe('API client under a strict CSP', () => {
  afterEach(logout);

  it('builds its schemas and parses answers without compiling any code', async () => {
    const compiled: unknown[] = [];
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        compiled.push(args);
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        compiled.push(args);
        return Reflect.apply(target, self, args);
      },
    });
    try {
      const { createKycClient } = await import('../../src/api/index.js');
      await loggedInClient();
      const client = createKycClient({ endpoint: ENDPOINT });
      const info = await client.getLevelInfo();
      const application = await client.createApplication(info.availableLevelsForUpgrade[0].uuid);
      expect(application.steps.length).to.be.greaterThan(0);
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(compiled.length, 'code compiled through Function').to.equal(0);
  });
});
