import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as events from '../../src/events/events.js';
import { main, startSandboxServer, type SandboxServer } from '../../src/server/cli.js';
import { createDemoApp, DEMO_SESSION_COOKIE } from '../../src/server/demo/app.js';
import * as proxyExports from '../../src/server/proxy/index.js';
import { createRoutes } from '../../src/server/proxy/routes.js';

const ORIGIN = 'http://demo.test';
const app = createDemoApp();
const firstClient = () => app.sandbox.demoClients[0]!;

async function login(clientUuid: string, legalEntityUuid?: string): Promise<string> {
  const response = await app.fetch(
    new Request(`${ORIGIN}/demo/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_uuid: clientUuid, legal_entity_uuid: legalEntityUuid }),
    }),
  );
  assert.equal(response.status, 200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  return setCookie.split(';')[0]!;
}

const levelInfo = (headers: Record<string, string>) =>
  app.fetch(new Request(`${ORIGIN}/kyc/v1/clients/kyc-level-info/`, { headers }));

describe('demo app: partner session → proxy → sandbox', () => {
  test('without a session the proxy answers 401 and reaches nothing', async () => {
    const response = await levelInfo({});
    assert.equal(response.status, 401);
  });

  test('a demo session reaches its own client through the proxy', async () => {
    const cookie = await login(firstClient().client_uuid);
    assert.ok(cookie.startsWith(`${DEMO_SESSION_COOKIE}=`));
    const response = await levelInfo({ cookie });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(typeof body.allowed_to_create_kyc_application, 'boolean');
  });

  test('a forged session cookie is refused', async () => {
    const cookie = await login(firstClient().client_uuid);
    const forged = cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    assert.equal((await levelInfo({ cookie: forged })).status, 401);
  });

  test('a session for an unknown client is refused at login', async () => {
    const response = await app.fetch(
      new Request(`${ORIGIN}/demo/session`, { method: 'POST', body: JSON.stringify({ client_uuid: 'nope' }) }),
    );
    assert.equal(response.status, 400);
  });

  test('the token endpoint mints a bearer token for the session, which the proxy accepts', async () => {
    const cookie = await login(firstClient().client_uuid);
    const denied = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST' }));
    assert.equal(denied.status, 401);
    const minted = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST', headers: { cookie } }));
    assert.equal(minted.status, 200);
    const { token, expires_in: expiresIn } = await minted.json();
    assert.ok(expiresIn > 0 && expiresIn <= 3600);
    assert.equal((await levelInfo({ authorization: `Bearer ${token}` })).status, 200);
    assert.equal((await levelInfo({ authorization: 'Bearer not-a-token', cookie })).status, 401);
  });

  test('logging out ends the session; GET tells who is logged in by uuid only', async () => {
    const cookie = await login(firstClient().client_uuid);
    const who = await app.fetch(new Request(`${ORIGIN}/demo/session`, { headers: { cookie } }));
    assert.deepEqual(await who.json(), {
      legal_entity_uuid: firstClient().legal_entity_uuid,
      client_uuid: firstClient().client_uuid,
    });
    const out = await app.fetch(new Request(`${ORIGIN}/demo/session`, { method: 'DELETE', headers: { cookie } }));
    assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
  });

  test('a client made by the sandbox control can be logged in with its legal entity', async () => {
    const made = await app.fetch(new Request(`${ORIGIN}/sandbox/v1/clients/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    assert.equal(made.status, 201);
    const { client_uuid: clientUuid, legal_entity_uuid: legalEntityUuid } = await made.json();
    const cookie = await login(clientUuid, legalEntityUuid);
    assert.equal((await levelInfo({ cookie })).status, 200);
  });

  test('a session cookie is no bearer token, and a bearer token no session cookie', async () => {
    const cookie = await login(firstClient().client_uuid);
    const sessionValue = decodeURIComponent(cookie.slice(`${DEMO_SESSION_COOKIE}=`.length));
    assert.equal((await levelInfo({ authorization: `Bearer ${sessionValue}` })).status, 401, 'cookie value as a bearer token');
    const minted = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST', headers: { cookie } }));
    const { token } = await minted.json();
    assert.equal((await levelInfo({ authorization: `Bearer ${token}` })).status, 200);
    const asCookie = `${DEMO_SESSION_COOKIE}=${encodeURIComponent(token)}`;
    assert.equal((await levelInfo({ cookie: asCookie })).status, 401, 'bearer token as the cookie');
    const tokenFromToken = await app.fetch(new Request(`${ORIGIN}/kyc-token`, { method: 'POST', headers: { cookie: asCookie } }));
    assert.equal(tokenFromToken.status, 401, 'a bearer token does not mint tokens');
    assert.throws(() => createDemoApp({ sessionSecret: 'x'.repeat(32), tokenSecret: 'x'.repeat(32) }), TypeError);
  });

  test('refuses logging in or out from another origin (login CSRF); the same origin and non-browser calls pass', async () => {
    const clientUuid = firstClient().client_uuid;
    const post = (headers: Record<string, string>) =>
      app.fetch(
        new Request(`${ORIGIN}/demo/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ client_uuid: clientUuid }),
        }),
      );
    const forged = await post({ origin: 'https://evil.example' });
    assert.equal(forged.status, 403);
    assert.equal(forged.headers.get('set-cookie'), null);
    assert.equal(typeof (await forged.json()).detail, 'string');
    assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post({ origin: ORIGIN })).status, 200);
    const logout = (origin: string) => app.fetch(new Request(`${ORIGIN}/demo/session`, { method: 'DELETE', headers: { origin } }));
    const forgedOut = await logout('https://evil.example');
    assert.equal(forgedOut.status, 403);
    assert.equal(forgedOut.headers.get('set-cookie'), null);
    assert.equal((await logout(ORIGIN)).status, 204);
  });

  test('the sandbox control is not reachable through the proxy', async () => {
    const cookie = await login(firstClient().client_uuid);
    const response = await app.fetch(new Request(`${ORIGIN}/kyc/sandbox/v1/clients/`, { headers: { cookie } }));
    assert.equal(response.status, 404);
  });
});

describe('demo app: cross-origin embed (cors option)', () => {
  const PAGE = 'http://localhost:8765';
  const API = 'http://127.0.0.1:8765';
  const crossApp = createDemoApp({ cors: { origins: [PAGE], credentials: false } });

  async function tokenFor(target: ReturnType<typeof createDemoApp>): Promise<string> {
    const client = target.sandbox.demoClients[0]!;
    const session = await target.fetch(
      new Request(`${API}/demo/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_uuid: client.client_uuid }),
      }),
    );
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const minted = await target.fetch(new Request(`${API}/kyc-token`, { method: 'POST', headers: { cookie, origin: PAGE } }));
    assert.equal(minted.status, 200);
    assert.equal(minted.headers.get('access-control-allow-origin'), PAGE, 'the token endpoint answers the page origin');
    assert.equal(minted.headers.get('access-control-allow-credentials'), null);
    return (await minted.json()).token;
  }

  test('a page on a listed origin calls the proxy with a bearer token, preflight included', async () => {
    const token = await tokenFor(crossApp);
    const preflight = await crossApp.fetch(
      new Request(`${API}/kyc/v1/clients/kyc-level-info/`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      }),
    );
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), PAGE);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const answer = await crossApp.fetch(
      new Request(`${API}/kyc/v1/clients/kyc-level-info/`, { headers: { origin: PAGE, authorization: `Bearer ${token}` } }),
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
    const tokenPreflight = await crossApp.fetch(
      new Request(`${API}/kyc-token`, { method: 'OPTIONS', headers: { origin: PAGE, 'access-control-request-method': 'POST' } }),
    );
    assert.equal(tokenPreflight.status, 204);
    assert.equal(tokenPreflight.headers.get('access-control-allow-origin'), PAGE);
  });

  test('other origins, and every other origin without the option, are refused', async () => {
    const token = await tokenFor(crossApp);
    const call = (target: ReturnType<typeof createDemoApp>, path: string, origin: string, init: RequestInit = {}) =>
      target.fetch(new Request(`${API}${path}`, { ...init, headers: { origin, authorization: `Bearer ${token}` } }));
    assert.equal((await call(crossApp, '/kyc/v1/clients/kyc-level-info/', 'https://evil.example')).status, 403);
    assert.equal((await call(crossApp, '/kyc-token', 'https://evil.example', { method: 'POST' })).status, 403);
    const closed = createDemoApp();
    assert.equal((await call(closed, '/kyc/v1/clients/kyc-level-info/', PAGE)).status, 403);
    assert.equal((await call(closed, '/kyc-token', PAGE, { method: 'POST' })).status, 403);
  });
});

describe('sandbox server (the CLI) over real HTTP', () => {
  let server: SandboxServer;
  before(async () => {
    server = await startSandboxServer({ port: 0 });
  });
  after(() => server.close());

  test('serves the demo page with a strict CSP, and the chain on the same port', async () => {
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Opened as localhost, the page may still frame the liveness stand-in on the served origin.
    assert.match(csp, new RegExp(`frame-src 'self' ${new URL(server.url).origin.replace(/[.]/g, '\\.')} `));
    assert.match(await page.text(), /<title>/);
    const clients = await fetch(new URL('sandbox/v1/clients/', server.url));
    assert.equal(clients.status, 200);
    assert.ok(((await clients.json()) as unknown[]).length >= 3);
    assert.equal((await fetch(new URL('kyc/v1/clients/kyc-level-info/', server.url))).status, 401);
  });

  test('never serves files outside its folders', async () => {
    for (const path of ['/..%2Fpackage.json', '/%2e%2e/package.json', '/dist/../package.json', '/..%5Cpackage.json']) {
      const response = await fetch(new URL(path, server.url));
      assert.equal(response.status, 404, path);
    }
  });
});

describe('sandbox server: what it serves of the package', () => {
  let root: string;
  let server: SandboxServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kyc-sandbox-root-'));
    const files: Record<string, string> = {
      'demo/index.html': '<!DOCTYPE html><title>demo</title>',
      'dist/cdn/kyc-onboarding.js': 'export {};',
      'dist/server/cli.js': 'export const secret = 1;',
      'dist/index.js': 'export {};',
      'package.json': '{}',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    server = await startSandboxServer({ port: 0, packageRoot: root });
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('serves demo/ at / and dist/cdn/ at /dist/cdn/, nothing else of dist/', async () => {
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>demo<\/title>/);
    const bundle = await fetch(new URL('dist/cdn/kyc-onboarding.js', server.url));
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    for (const path of ['dist/server/cli.js', 'dist/index.js', 'package.json', 'dist/cdn/../server/cli.js', 'dist/cdn/..%2Fserver%2Fcli.js']) {
      const response = await fetch(new URL(path, server.url));
      assert.equal(response.status, 404, path);
      await response.body?.cancel();
    }
  });
});

describe('command line', () => {
  test('answers usage errors with exit code 2 and --help with 0, starting nothing', async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof stream.write;
      return () => (stream.write = original);
    };
    const restore = [capture(process.stdout), capture(process.stderr)];
    try {
      assert.equal(await main(['--help']), 0);
      assert.equal(await main([]), 2);
      assert.equal(await main(['serve']), 2);
      assert.equal(await main(['sandbox', '--port', 'eighty']), 2);
      assert.equal(await main(['sandbox', '--port', '70000']), 2);
      assert.equal(await main(['sandbox', '--bogus']), 2);
    } finally {
      restore.forEach((undo) => undo());
    }
    assert.match(written.join(''), /Usage: kyc-onboarding sandbox \[--port 8000\]/);
  });
});

// ── the demo page itself (demo/): what it is served with, what it keeps to ──────────────────────

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_DIR = join(ROOT, 'demo');
const demoHtml = () => readFileSync(join(DEMO_DIR, 'index.html'), 'utf8');
/** The page's own scripts (the framework examples in subfolders are not the page). */
const demoScripts = () =>
  readdirSync(DEMO_DIR)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, text: readFileSync(join(DEMO_DIR, file), 'utf8') }));

/** The opening tags of an element in the page, as attribute maps. */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map(([, attributes]) =>
    Object.fromEntries(
      [...attributes!.matchAll(/([:\w-]+)(?:\s*=\s*"([^"]*)")?/g)].map(([, key, value]) => [key!.toLowerCase(), value ?? '']),
    ),
  );
}

describe('demo page: strict CSP and Trusted Types, as written', () => {
  test('no inline script, style, style attribute, event handler attribute or javascript: URL', () => {
    const html = demoHtml();
    const scripts = tags(html, 'script');
    assert.ok(scripts.length > 0);
    for (const script of scripts) assert.ok(script['src'], 'every script is a file');
    assert.doesNotMatch(html, /<style\b/i);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /javascript:/i);
  });

  test('its scripts write no HTML as text, evaluate no strings and set no style attribute', () => {
    const scripts = demoScripts();
    assert.ok(scripts.some(({ file }) => file === 'demo.js'));
    const forbidden = [
      /\.(?:inner|outer)HTML\s*\+?=/,
      /insertAdjacentHTML\s*\(/,
      /document\.write/,
      /\beval\s*\(/,
      /new\s+Function\s*\(/,
      /setAttribute\(\s*['"]style['"]/,
      /set(?:Timeout|Interval)\(\s*['"`]/,
    ];
    for (const { file, text } of scripts) for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file}: ${pattern}`);
  });

  test('keeps the selector contract of the end-to-end test', () => {
    const html = demoHtml();
    const byId = (id: string) => {
      const found = ['div', 'form', 'textarea', 'input', 'select', 'ol', 'p', 'section'].flatMap((name) =>
        tags(html, name).filter((attributes) => attributes['id'] === id).map((attributes) => ({ name, attributes })),
      );
      assert.equal(found.length, 1, `one #${id}`);
      return found[0]!;
    };
    for (const id of ['clients', 'widget', 'event-log', 'snippets']) byId(id);
    assert.equal(byId('reviewer').name, 'form');
    assert.match(html, /<label for="comment">Comment for the person<\/label>/);
    byId('comment');
    const buttons = (html.match(/<form id="reviewer"[\s\S]*?<\/form>/)?.[0] ?? '').match(/<button\b[^>]*>([^<]*)<\/button>/g) ?? [];
    assert.deepEqual(
      buttons.map((button) => button.replace(/<[^>]+>/g, '')),
      ['Approve', 'Return for correction', 'Reject'],
    );
    const options = (id: string) =>
      [...(html.match(new RegExp(`<select id="${id}"[\\s\\S]*?</select>`))?.[0] ?? '').matchAll(/<option value="([^"]*)"/g)].map(([, value]) => value);
    assert.equal(byId('theme').name, 'select');
    assert.deepEqual(options('theme'), ['light', 'dark', 'auto']);
    assert.equal(byId('lang').name, 'select');
    assert.deepEqual(options('lang'), ['en', 'de', 'fr', 'es', 'ru', 'ar']);
    assert.equal(byId('brand').attributes['type'], 'color');
    assert.equal(byId('phone').attributes['type'], 'checkbox');
    assert.match(html, /<label for="phone">Phone-width preview<\/label>/);
    const snippets = html.match(/<div id="snippets"[\s\S]*?<\/section>/)?.[0] ?? '';
    for (const name of ['Script tag', 'React', 'Vue', 'Angular', 'Host proxy', 'Copy']) {
      assert.match(snippets, new RegExp(`<button\\b[^>]*>${name}</button>`), name);
    }
    assert.equal(byId('message').attributes['role'], 'status');
  });
});

describe('demo page: the snippets match the real API', () => {
  type Snippet = { title: string; intro: string; code: string };
  type SnippetFn = (kind: string, settings: Record<string, unknown>) => Snippet;
  const load = async (): Promise<SnippetFn> => {
    const module = (await import(new URL('../../demo/snippets.js', import.meta.url).href)) as { snippet: SnippetFn };
    return module.snippet;
  };
  const settings = { lang: 'ar', theme: 'dark', brand: '#c2185b', onBrand: '#ffffff' };
  const all = async () => {
    const snippet = await load();
    return [
      ...['script', 'react', 'vue', 'angular'].map((kind) => ({ kind, ...snippet(kind, { ...settings, server: 'node' }) })),
      ...['node', 'express', 'next'].map((server) => ({ kind: `proxy/${server}`, ...snippet('proxy', { ...settings, server }) })),
    ];
  };
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
  };
  const widget = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'kyc-onboarding');
  const tokens = new Set(
    [...readFileSync(join(ROOT, 'src/styles/tokens.styles.ts'), 'utf8').matchAll(/@cssproperty (--kyc-[\w-]+)/g)].map(([, name]) => name),
  );
  const eventNames = new Set<string>(
    Object.values(events as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && value.startsWith('kyc-')),
  );

  test('import only what the package exports', async () => {
    for (const { kind, code } of await all()) {
      for (const [, names, specifier] of code.matchAll(/import\s+(?:(?:type\s+)?\{([^}]*)\}\s+from\s+)?'(kyc-onboarding[^']*)'/g)) {
        const subpath = `.${specifier!.slice('kyc-onboarding'.length)}`;
        assert.ok(subpath in packageJson.exports, `${kind}: ${specifier} is a package export`);
        const imported = (names ?? '').split(',').map((name) => name.trim()).filter(Boolean);
        if (specifier === 'kyc-onboarding/proxy') {
          for (const name of imported) assert.equal(typeof (proxyExports as Record<string, unknown>)[name], 'function', `${kind}: ${name}`);
        } else if (specifier === 'kyc-onboarding') {
          for (const name of imported) assert.equal(typeof (events as Record<string, unknown>)[name], 'function', `${kind}: ${name}`);
        }
      }
    }
  });

  test('use real events, attributes and custom properties, following the switches', async () => {
    assert.ok(widget, 'the manifest describes <kyc-onboarding>');
    const attributes = new Set([...(widget.attributes ?? []).map(({ name }) => name), 'lang', 'dir']);
    for (const { kind, code } of await all()) {
      for (const [, name] of code.matchAll(/(?:'|\bon|@|\()(kyc-[a-z-]+)(?=['=)])/g)) {
        if (name === 'kyc-onboarding') continue;
        assert.ok(eventNames.has(name!), `${kind}: event ${name}`);
      }
      for (const [, name] of code.matchAll(/(--kyc-[\w-]+)/g)) assert.ok(tokens.has(name!), `${kind}: ${name}`);
      const element = code.match(/<kyc-onboarding\s([\s\S]*?)(?:\/>|><\/kyc-onboarding>)/)?.[1];
      if (kind.startsWith('proxy/')) continue;
      assert.ok(element, `${kind} places the element`);
      for (const [, name] of element!.matchAll(/(?:^|\s)([a-z][\w-]*)="/g)) assert.ok(attributes.has(name!), `${kind}: attribute ${name}`);
      assert.match(element!, /lang="ar"/, kind);
      assert.match(element!, /theme="dark"/, kind);
      assert.match(code, /--kyc-color-primary: #c2185b;/, kind);
    }
  });

  test('the proxy snippets mount it where the widget looks and answer every method it forwards', async () => {
    const snippet = await load();
    const methods = new Set(createRoutes({ sendCode: '/v1/signatures/send-code/' }).flatMap((route) => [...route.operations.keys()]));
    const next = snippet('proxy', { ...settings, server: 'next' }).code;
    for (const method of methods) assert.match(next, new RegExp(`handler as ${method}\\b`), method);
    assert.match(next, /skipTrailingSlashRedirect: true/);
    assert.match(snippet('proxy', { ...settings, server: 'express' }).code, /app\.use\('\/kyc', toNodeListener\(proxy\)\);[^\n]*\napp\.use\(express\.json\(\)\)/);
    assert.match(snippet('proxy', { ...settings, server: 'node' }).code, /req\.url\.startsWith\('\/kyc\/'\)/);
  });
});

describe('demo page: served with what it needs', () => {
  let server: SandboxServer;
  before(async () => {
    server = await startSandboxServer({ port: 0 });
  });
  after(() => server.close());

  test('every file the page and its scripts load is served, with its type (the bundle aside: built by npm run build)', async () => {
    const html = demoHtml();
    const local = (reference: string) => !/^(?:[a-z]+:|#|\/\/)/i.test(reference);
    const references = [
      ...tags(html, 'script').map((attributes) => attributes['src']!),
      ...tags(html, 'link').map((attributes) => attributes['href']!),
      // The modules' imports, as TypeScript's scanner sees them (the snippets' import lines are text).
      ...demoScripts().flatMap(({ text }) => ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => fileName)),
    ].filter((reference) => reference && local(reference) && !reference.startsWith('/dist/'));
    assert.ok(references.includes('snippets.js') || references.includes('./snippets.js'));
    for (const reference of new Set(references)) {
      const response = await fetch(new URL(reference, server.url));
      assert.equal(response.status, 200, reference);
      const expected = reference.endsWith('.css') ? /^text\/css/ : /^text\/javascript/;
      assert.match(response.headers.get('content-type') ?? '', expected, reference);
      await response.body?.cancel();
    }
  });

  test("the reviewer console's calls: status with a comment and a remark, then inspect", async () => {
    const clients = (await (await fetch(new URL('sandbox/v1/clients/', server.url))).json()) as { label: string; client_uuid: string; legal_entity_uuid: string }[];
    const draft = clients.find((client) => client.label === 'Draft in progress')!;
    const login = await fetch(new URL('demo/session', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_uuid: draft.client_uuid, legal_entity_uuid: draft.legal_entity_uuid }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const info = (await (await fetch(new URL('kyc/v1/clients/kyc-level-info/', server.url), { headers: { cookie } })).json()) as Record<string, unknown>;
    const uuid = String(info['last_kyc_application_uuid']);
    assert.match(uuid, /^[0-9a-f-]{36}$/);
    const decided = await fetch(new URL(`sandbox/v1/applications/${uuid}/status/`, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'pending', comment: 'Please check your name.', remarks: { first_name: ['Not as in your passport.'] } }),
    });
    assert.equal(decided.status, 200);
    const inspection = (await (await fetch(new URL(`sandbox/v1/applications/${uuid}/inspect/`, server.url))).json()) as Record<string, unknown>;
    assert.equal(inspection['status'], 'pending');
    assert.equal(inspection['comment'], 'Please check your name.');
    assert.deepEqual(inspection['remarks'], { first_name: ['Not as in your passport.'] });
    assert.equal(typeof (inspection['kyc_level'] as { name?: unknown }).name, 'string');
  });
});
