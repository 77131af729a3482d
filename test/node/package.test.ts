import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('package entries', () => {
  test('the browser entries import in Node without a window or document (SSR frameworks)', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const entry = await import('../../src/index.js');
    assert.equal(typeof entry.createKycClient, 'function');
    assert.equal(typeof entry.KycApiError, 'function');
    const registering = await import('../../src/kyc-onboarding.js');
    assert.equal(registering.createKycClient, entry.createKycClient);
  });

  test('every subpath export points at what the build emits from src/', async () => {
    const sources: Record<string, string> = {
      '.': '../../src/index.js',
      './kyc-onboarding.js': '../../src/kyc-onboarding.js',
      './api': '../../src/api/index.js',
      './proxy': '../../src/server/proxy/index.js',
      './sandbox': '../../src/server/sandbox-entry.js',
    };
    for (const [subpath, source] of Object.entries(sources)) {
      const target = pkg.exports[subpath];
      assert.ok(target, `exports["${subpath}"]`);
      const built = source.replace('../../src/', './dist/');
      assert.equal(target.default, built, `exports["${subpath}"].default`);
      assert.equal(target.types, built.replace(/\.js$/, '.d.ts'), `exports["${subpath}"].types`);
      assert.ok(Object.keys(await import(source)).length > 0, `${source} exports something`);
    }
    const server = await import('../../src/server/sandbox-entry.js');
    assert.equal(typeof server.createSandbox, 'function');
    assert.equal(typeof server.createDemoApp, 'function');
    const proxy = await import('../../src/server/proxy/index.js');
    for (const name of ['createKycProxy', 'toNodeListener', 'createKycTokenEndpoint', 'mintKycToken', 'verifyKycToken', 'bearerTokenAuthorizer']) {
      assert.equal(typeof (proxy as Record<string, unknown>)[name], 'function', name);
    }
  });

  test('the bin runs the sandbox command from the build', () => {
    assert.equal(pkg.bin['kyc-onboarding'], './bin/kyc-onboarding.js');
    const bin = readFileSync(new URL('../../bin/kyc-onboarding.js', import.meta.url), 'utf8');
    assert.match(bin, /^#!\/usr\/bin\/env node/);
    assert.match(bin, /from '\.\.\/dist\/server\/cli\.js'/);
    assert.ok(pkg.files.includes('bin/') && pkg.files.includes('dist/') && pkg.files.includes('demo/'));
    assert.equal(pkg.engines.node, '>=20');
  });
});
