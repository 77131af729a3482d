// The published package, built for real: every `exports` target imports, the CDN bundle exists,
// and the bin serves the demo and the chain. Built into a temporary copy of the package.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the built package', () => {
  let copy: string;
  before(() => {
    copy = mkdtempSync(join(tmpdir(), 'kyc-build-'));
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--out', join(copy, 'dist')], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    for (const entry of ['package.json', 'bin', 'demo']) cpSync(join(root, entry), join(copy, entry), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('every exports target and its types exist, and imports in Node', async () => {
    for (const [subpath, target] of Object.entries(pkg.exports as Record<string, string | Record<string, string>>)) {
      if (typeof target === 'string') continue; // ./package.json
      assert.ok(existsSync(join(copy, target.types!)), `${subpath} types`);
      const module = await import(pathToFileURL(join(copy, target.default!)).href);
      assert.ok(Object.keys(module).length > 0, `${subpath} exports something`);
    }
    assert.ok(existsSync(join(copy, 'dist/cdn/kyc-onboarding.js')), 'the CDN bundle');
    const named = async (subpath: string) =>
      import(pathToFileURL(join(copy, (pkg.exports[subpath] as Record<string, string>).default!)).href);
    const expected: Record<string, string[]> = {
      '.': ['createKycClient', 'KycApiError'],
      './proxy': ['createKycProxy', 'toNodeListener', 'createKycTokenEndpoint', 'mintKycToken', 'verifyKycToken', 'bearerTokenAuthorizer'],
      './sandbox': ['createSandbox', 'createDemoApp'],
    };
    for (const [subpath, names] of Object.entries(expected)) {
      const module = await named(subpath);
      for (const name of names) assert.equal(typeof module[name], 'function', `${subpath} exports ${name}`);
    }
    assert.equal(pkg.engines.node, '>=20');
  });

  test('Sumsub\'s WebSDK is a chunk of its own in the CDN build, never in the entry', () => {
    const cdn = join(copy, 'dist/cdn');
    const sdkMarker = 'idCheck.init';
    assert.ok(!readFileSync(join(cdn, 'kyc-onboarding.js'), 'utf8').includes(sdkMarker), 'the entry does not hold the SDK');
    const chunks = readdirSync(join(cdn, 'chunks')).filter((name) => name.endsWith('.js'));
    const holding = chunks.filter((name) => readFileSync(join(cdn, 'chunks', name), 'utf8').includes(sdkMarker));
    assert.equal(holding.length, 1, `one chunk holds the SDK (chunks: ${chunks.join(', ')})`);
  });

  test('the bin serves the demo, the bundle and the chain, and says where', async () => {
    const child = spawn(process.execPath, [join(copy, pkg.bin['kyc-onboarding']), 'sandbox', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let printed = '';
        child.stdout.on('data', (chunk) => {
          printed += chunk;
          const match = /demo on (http:\/\/\S+)/.exec(printed);
          if (match) resolveUrl(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`the bin exited with ${code}`)));
      });
      assert.equal((await fetch(url)).status, 200);
      const bundle = await fetch(new URL('dist/cdn/kyc-onboarding.js', url));
      assert.equal(bundle.status, 200);
      assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
      assert.equal((await fetch(new URL('kyc/v1/clients/kyc-level-info/', url))).status, 401);
      assert.equal((await fetch(new URL('sandbox/v1/clients/', url))).status, 200);
    } finally {
      child.kill();
    }
  });
});
