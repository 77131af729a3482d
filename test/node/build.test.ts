// The published package, built for real: every `exports` target imports, the CDN bundle exists,
// and the bin serves the demo and the chain. Built into a temporary copy of the package.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { describeProblem, launchChromium, recordPageProblems } from '../../scripts/chromium.mjs';
import { demoCsp } from '../../src/server/demo/static.js';
import german from '../../src/translations/de.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The files `npm pack` puts in the package built in `copy` (its dry run's list). */
function packedFiles(copy: string): Set<string> {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: copy, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  return new Set((JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0].files.map((file) => file.path));
}

/** Starts the built package's bin (`kyc-onboarding sandbox --port 0`) in `copy`; resolves with it and the demo's URL it prints. */
async function startBin(copy: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(copy, pkg.bin['kyc-onboarding']), 'sandbox', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let printed = '';
      child.stdout.on('data', (chunk) => {
        printed += chunk;
        const match = /demo on (http:\/\/\S+)/.exec(printed);
        if (match) resolveUrl(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the bin exited with ${code}`)));
    });
    return { child, url };
  } catch (error) {
    child.kill();
    throw error;
  }
}

describe('the built package', () => {
  let copy: string;
  before(() => {
    copy = mkdtempSync(join(tmpdir(), 'kyc-build-'));
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--out', join(copy, 'dist')], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    for (const entry of ['package.json', 'LICENSE', 'custom-elements.json', 'bin', 'demo', 'src']) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true, filter: (from) => !from.endsWith('.test.ts') });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('every exports target and its types exist, and imports in Node', async () => {
    for (const [subpath, target] of Object.entries(pkg.exports as Record<string, string | Record<string, string>>)) {
      if (typeof target === 'string') continue; // ./package.json
      assert.ok(existsSync(join(copy, target.types)), `${subpath} types`);
      if (!target.default) continue; // types only: the React JSX and Vue typings
      const module = await import(pathToFileURL(join(copy, target.default)).href);
      assert.ok(Object.keys(module).length > 0, `${subpath} exports something`);
    }
    assert.ok(existsSync(join(copy, 'dist/cdn/kyc-onboarding.js')), 'the CDN bundle');
    const named = async (subpath: string) =>
      import(pathToFileURL(join(copy, (pkg.exports[subpath] as Record<string, string>).default)).href);
    const expected: Record<string, string[]> = {
      '.': ['createKycClient', 'KycApiError'],
      './proxy': [
        'createKycProxy',
        'toNodeListener',
        'createKycTokenEndpoint',
        'mintKycToken',
        'verifyKycToken',
        'bearerTokenAuthorizer',
        'createMemoryStore',
        'createRedisStore',
      ],
      './sandbox': ['createSandbox', 'createDemoApp'],
    };
    for (const [subpath, names] of Object.entries(expected)) {
      const module = await named(subpath);
      for (const name of names) assert.equal(typeof module[name], 'function', `${subpath} exports ${name}`);
    }
    assert.equal(pkg.engines.node, '>=20');
  });

  test("Sumsub's WebSDK is a chunk of its own in the CDN build, never in the entry", () => {
    const cdn = join(copy, 'dist/cdn');
    const sdkMarker = 'idCheck.init';
    assert.ok(!readFileSync(join(cdn, 'kyc-onboarding.js'), 'utf8').includes(sdkMarker), 'the entry does not hold the SDK');
    const chunks = readdirSync(join(cdn, 'chunks')).filter((name) => name.endsWith('.js'));
    const holding = chunks.filter((name) => readFileSync(join(cdn, 'chunks', name), 'utf8').includes(sdkMarker));
    assert.equal(holding.length, 1, `one chunk holds the SDK (chunks: ${chunks.join(', ')})`);
  });

  test('the package is MIT, with its LICENSE; every CDN file names the packages it bundles, whose licences ship beside', () => {
    assert.equal(pkg.license, 'MIT');
    assert.match(
      readFileSync(join(root, 'LICENSE'), 'utf8'),
      /^MIT License\n\nCopyright \(c\) \d{4} .+\n\nPermission is hereby granted, free of charge/,
    );
    const files = packedFiles(copy);
    for (const file of ['LICENSE', 'dist/cdn/THIRD-PARTY-NOTICES.txt']) assert.ok(files.has(file), `${file} is in the package`);

    const cdn = join(copy, 'dist/cdn');
    const notices = readFileSync(join(cdn, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    const scripts = [
      ...readdirSync(cdn).filter((name) => name.endsWith('.js')),
      ...readdirSync(join(cdn, 'chunks'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => `chunks/${name}`),
    ];
    const bundled = new Set<string>();
    for (const script of scripts) {
      // What the file holds, read from its source map (independently of the notice's own list).
      const sources = (JSON.parse(readFileSync(join(cdn, `${script}.map`), 'utf8')) as { sources: string[] }).sources;
      const packages = new Set(sources.flatMap((source) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1] ?? []));
      const first = readFileSync(join(cdn, script), 'utf8').split('\n', 1)[0];
      if (packages.size === 0) continue;
      assert.ok(first.startsWith('/*!') && first.includes('THIRD-PARTY-NOTICES.txt'), `${script} starts with its notice`);
      for (const name of packages) {
        const { version, license } = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
        assert.ok(first.includes(`${name} ${version}`), `${script} names ${name} ${version}`);
        assert.ok(notices.includes(`${name} ${version}\nLicence: ${license}\n`), `the notices give ${name}'s licence`);
        bundled.add(name);
      }
    }
    // Lit's and zod's own notices, in full, among the others.
    for (const name of ['lit-html', 'lit-element', '@lit/reactive-element', 'zod', 'dompurify', 'lean-qr'])
      assert.ok(bundled.has(name), name);
    assert.match(notices, /Copyright \(c\) 2017 Google LLC[\s\S]*Redistribution and use in source and binary forms/);
    assert.match(notices, /zod [\d.]+\nLicence: MIT\n\n--- LICENSE ---\n[\s\S]*Permission is hereby granted/);
    const iife = readFileSync(join(cdn, 'kyc-onboarding.iife.js'), 'utf8').split('\n', 1)[0];
    assert.match(iife, /lit-html [\d.]+ \(BSD-3-Clause\).*zod [\d.]+ \(MIT\)/, 'the classic script keeps them too');
  });

  test('every shipped source map resolves: its sources are in the package, or carried in the map', () => {
    const files = packedFiles(copy);
    const maps = [...files].filter((file) => file.endsWith('.map'));
    assert.ok(maps.length > 300, `${maps.length} maps`);
    const unresolved: string[] = [];
    for (const map of maps) {
      const {
        sources,
        sourcesContent,
        sourceRoot = '',
      } = JSON.parse(readFileSync(join(copy, map), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
        sourceRoot?: string;
      };
      sources.forEach((source, index) => {
        if (typeof sourcesContent?.[index] === 'string') return;
        // Built from the repository's src/ into this copy: a source there is the package's src/ file
        // (npm run build writes dist/ beside src/, where the maps say ../src/…).
        const resolved = resolve(copy, dirname(map), sourceRoot, source);
        const target = resolved.startsWith(join(root, 'src')) ? relative(root, resolved) : relative(copy, resolved);
        if (!files.has(target)) unresolved.push(`${map} → ${source}`);
      });
    }
    assert.deepEqual(unresolved.slice(0, 5), [], `${unresolved.length} sources not in the package`);
    assert.ok(![...files].some((file) => file.endsWith('.test.ts')), 'no test ships');
  });

  test('the demo page ships minified, with maps to its sources', () => {
    for (const file of ['demo.js', 'snippets.js', 'demo.css']) {
      const written = readFileSync(join(root, 'demo', file), 'utf8');
      const built = readFileSync(join(copy, 'dist/demo', file), 'utf8');
      // The snippets are mostly text the page shows, which stays; the page's own code shrinks most.
      assert.ok(
        built.length < written.length * ({ 'demo.js': 0.6, 'snippets.js': 0.9, 'demo.css': 0.8 }[file] ?? 1),
        `${file}: ${built.length} of ${written.length} bytes`,
      );
      // (The snippets' text holds comments of the code it shows.)
      if (file !== 'snippets.js') assert.ok(!/^\s*\/\/ (?!#)/m.test(built) && !built.includes('/**'), `${file} has no comments`);
      assert.match(built, new RegExp(`sourceMappingURL=${file.replace('.', '\\.')}\\.map`));
      const map = JSON.parse(readFileSync(join(copy, 'dist/demo', `${file}.map`), 'utf8')) as { sourcesContent: string[] };
      assert.equal(map.sourcesContent[0], written, `${file}'s map carries its source`);
    }
    assert.equal(readFileSync(join(copy, 'dist/demo/index.html'), 'utf8'), readFileSync(join(root, 'demo/index.html'), 'utf8'));
  });

  test('CDNs and tools find its files: unpkg and jsdelivr, the manifest and the CDN files through exports', () => {
    for (const field of ['unpkg', 'jsdelivr']) {
      assert.equal(pkg[field], './dist/cdn/kyc-onboarding.js', field);
      assert.ok(existsSync(join(copy, pkg[field])), `${field} exists`);
    }
    assert.equal(pkg.customElements, 'custom-elements.json');
    // The package resolving its own name (as a bundler or Storybook in a consumer does through exports).
    const probe = join(copy, 'resolve-probe.mjs');
    writeFileSync(
      probe,
      "for (const specifier of process.argv.slice(2)) console.log(import.meta.resolve(specifier).replace(new URL('.', import.meta.url).href, ''));\n",
    );
    const specifiers = [
      'kyc-onboarding/custom-elements.json',
      'kyc-onboarding/dist/cdn/kyc-onboarding.js',
      'kyc-onboarding/dist/cdn/THIRD-PARTY-NOTICES.txt',
    ];
    const resolved = spawnSync(process.execPath, [probe, ...specifiers], { cwd: copy, encoding: 'utf8' });
    assert.equal(resolved.status, 0, resolved.stderr);
    assert.deepEqual(resolved.stdout.trim().split('\n'), [
      'custom-elements.json',
      'dist/cdn/kyc-onboarding.js',
      'dist/cdn/THIRD-PARTY-NOTICES.txt',
    ]);
  });

  test('React and its wrapper are optional peers: an install for the element alone pulls neither', () => {
    assert.equal(pkg.dependencies['@lit/react'], undefined);
    assert.equal(pkg.dependencies.react, undefined);
    for (const name of ['@lit/react', 'react']) {
      assert.ok(pkg.peerDependencies[name], `${name} is a peer`);
      assert.deepEqual(pkg.peerDependenciesMeta[name], { optional: true }, `${name} is optional`);
    }
    assert.match(pkg.dependencies['@sumsub/websdk'], /^\^\d+\.\d+\.\d+$/, "Sumsub's WebSDK takes its fixes (a caret range)");
  });

  test('the document camera is a chunk of its own, loaded by the file chooser: the first load holds none of it', () => {
    const cdn = join(copy, 'dist/cdn');
    const marker = 'facingMode'; // its getUserMedia constraints
    assert.ok(!readFileSync(join(cdn, 'kyc-onboarding.js'), 'utf8').includes(marker), 'the entry does not hold the camera');
    const chunks = readdirSync(join(cdn, 'chunks')).filter((name) => name.endsWith('.js'));
    const holding = chunks.filter((name) => readFileSync(join(cdn, 'chunks', name), 'utf8').includes(marker));
    assert.deepEqual(
      holding.map((name) => name.replace(/-[\w-]{8}\.js$/, '')),
      ['document-capture'],
    );
    const fileUpload = chunks.find((name) => name.startsWith('file-upload-'))!;
    assert.match(
      readFileSync(join(cdn, 'chunks', fileUpload), 'utf8'),
      /import\("\.\/document-capture-[\w-]{8}\.js"\)/,
      'imported when first used',
    );
  });

  test('the English words of the elements that load when first needed come with them, not in the entry', () => {
    const cdn = join(copy, 'dist/cdn');
    const entry = readFileSync(join(cdn, 'kyc-onboarding.js'), 'utf8');
    const chunks = readdirSync(join(cdn, 'chunks')).filter((name) => name.endsWith('.js'));
    for (const [chunk, words] of [
      ['file-upload', 'Take a photo'],
      ['signature-prompt', 'One-time code'],
      ['liveness', 'Loading the liveness check'],
      ['combobox', 'No matches'],
      ['document-capture', 'Open the camera'],
    ] as const) {
      assert.ok(!entry.includes(words), `"${words}" is not in the entry`);
      const holder = chunks.find((name) => name.startsWith(`${chunk}-`))!;
      assert.ok(readFileSync(join(cdn, 'chunks', holder), 'utf8').includes(words), `"${words}" is in ${holder}`);
    }
    assert.ok(entry.includes('Choose a verification level'), "the first screens' words are in the entry");
  });

  test('the screens after the first load (level choice, step and its questions, review, outcome) are a chunk of their own', () => {
    const cdn = join(copy, 'dist/cdn');
    const entry = readFileSync(join(cdn, 'kyc-onboarding.js'), 'utf8');
    const chunks = readdirSync(join(cdn, 'chunks')).filter((name) => name.endsWith('.js'));
    const holder = chunks.find((name) => name.startsWith('screens-'));
    assert.ok(holder, `a screens chunk (chunks: ${chunks.join(', ')})`);
    const screens = readFileSync(join(cdn, 'chunks', holder), 'utf8');
    // The step's re-exported parts, and a question's autofill table.
    for (const marker of ['liveness-qr-code', 'additional-name']) {
      assert.ok(!entry.includes(marker), `"${marker}" is not in the entry`);
      assert.ok(screens.includes(marker), `"${marker}" is in ${holder}`);
    }
  });

  test('the classic script holds everything (languages, the WebSDK) and needs no module support', () => {
    const iife = readFileSync(join(copy, 'dist/cdn/kyc-onboarding.iife.js'), 'utf8');
    assert.match(iife, /^\/\*![^\n]*\*\/\nvar kycOnboarding=function/, 'a classic script that sets window.kycOnboarding, after its notice');
    assert.ok(!/\bimport\(|^import |^export /m.test(iife), 'no import() and no module syntax');
    assert.ok(iife.includes('idCheck.init'), 'the WebSDK inlined');
    assert.ok(iife.includes('Verifizierungsstufe'), 'German inlined');
  });

  test('the classic script runs under the strict CSP, and a second copy of the widget warns instead of throwing', async (t) => {
    const { child, url } = await startBin(copy);
    t.after(() => child.kill());
    const browser = await launchChromium();
    t.after(() => browser.close());
    const context = await browser.newContext();
    const problems = await recordPageProblems(context);
    const page = await context.newPage();
    const warnings: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const pageUrl = new URL('classic.html', url).href;
    // A partner page with the strict policy: the classic script, the element, then (a second copy
    // of the widget) the ES module build. Each copy inlines Lit, whose Trusted Types policy is
    // named "lit-html": a page that may load two copies allows duplicate policies (README).
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': demoCsp().replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'") },
        body:
          '<!doctype html><html lang="de"><title>classic</title>' +
          '<script src="/dist/cdn/kyc-onboarding.iife.js"></script>' +
          '<kyc-onboarding endpoint="/kyc"></kyc-onboarding>',
      }),
    );
    // Signed in as a sandbox client with no application yet: the widget offers the levels.
    const clients = (await (await page.request.get(new URL('sandbox/v1/clients/', url).href)).json()) as {
      client_uuid: string;
      legal_entity_uuid: string;
      application?: unknown;
    }[];
    const fresh = clients[0];
    const signedIn = await page.request.post(new URL('demo/session', url).href, {
      data: { client_uuid: fresh.client_uuid, legal_entity_uuid: fresh.legal_entity_uuid },
    });
    assert.ok(signedIn.ok(), 'signed in');
    await page.goto(pageUrl);
    const heading = page.locator('kyc-onboarding h2');
    await heading.waitFor();
    assert.equal(
      await page.evaluate(() => typeof (window as unknown as { kycOnboarding: { KycOnboarding: unknown } }).kycOnboarding.KycOnboarding),
      'function',
    );
    assert.equal(
      await page.evaluate(
        () =>
          customElements.get('kyc-onboarding') ===
          (window as unknown as { kycOnboarding: { KycOnboarding: unknown } }).kycOnboarding.KycOnboarding,
      ),
      true,
    );
    // German came from the inlined catalog: no chunk was fetched. (The first heading may be the
    // loading screen's: the level choice's follows the first load.)
    await heading.filter({ hasText: german.chooseLevelTitle }).waitFor({ timeout: 10_000 });
    assert.equal(await heading.innerText(), german.chooseLevelTitle);
    assert.deepEqual(
      requested.filter((path) => path.includes('/chunks/')),
      [],
    );
    await page.evaluate(async (src) => {
      await import(src);
    }, new URL('dist/cdn/kyc-onboarding.js', url).href);
    assert.ok(
      warnings.some((text) => /already defined by another copy/.test(text)),
      `a warning (${warnings.join(' | ')})`,
    );
    assert.deepEqual(problems.map(describeProblem), []);
  });

  test('the bin serves the demo, the bundle and the chain, and says where', async (t) => {
    const { child, url } = await startBin(copy);
    t.after(() => child.kill());
    assert.equal((await fetch(url)).status, 200);
    const bundle = await fetch(new URL('dist/cdn/kyc-onboarding.js', url));
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.equal((await fetch(new URL('kyc/v1/clients/kyc-level-info/', url))).status, 401);
    assert.equal((await fetch(new URL('sandbox/v1/clients/', url))).status, 200);
  });
});
