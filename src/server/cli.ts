import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDemoApp, type DemoApp, type DemoAppOptions } from './demo/app.js';
import { createStaticHandler, demoCsp, type StaticMount } from './demo/static.js';
import { toNodeListener } from './proxy/index.js';

const DEFAULT_MAX_VISITORS = 200;

const USAGE = `Usage: kyc-onboarding sandbox [--port 8000] [--host 127.0.0.1] [--public-origin <url>] [--public]
                              [--max-visitors ${DEFAULT_MAX_VISITORS}]
       kyc-onboarding doctor --help   (reads your real platform as the widget would)

Serves the sales demo of <kyc-onboarding> and the whole chain a partner runs in production,
browser -> host proxy (/kyc) -> platform, with an in-memory sandbox as the platform.

What it is: a demo on made-up data. Every browser that opens it is a visitor with its own sandbox
clients, one per demo scenario; no visitor sees or changes another's. Sign codes are 111111 and
the liveness check is simulated. Everything lives in memory, within bounds (at most
--max-visitors visitors, the least recently seen forgotten first; capped fault queues; uploads
streamed, checked and hashed, never kept), and a restart starts from the seed. Nothing is written
to disk.

What it is not: a product, a real KYC check or a place for real people's data. Do not enter real
personal data: no real names, birth dates, phone numbers, addresses, documents or photos.

Options:
  --port <n>             port to listen on (default 8000; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1: this machine only)
  --public               required to listen on any other address (e.g. 0.0.0.0): anyone who
                         reaches the port can then use the demo
  --public-origin <url>  one more origin the demo is reached on, e.g. https://demo.example behind
                         a reverse proxy; requests naming any other host are refused (421)
  --max-visitors <n>     how many visitors are kept (default ${DEFAULT_MAX_VISITORS})
  -h, --help             this text`;

/** A running sandbox server. */
export interface SandboxServer {
  /** Base URL, e.g. `http://127.0.0.1:8000/`. */
  readonly url: string;
  readonly app: DemoApp;
  close(): Promise<void>;
}

/** Options of {@link startSandboxServer}. */
export interface SandboxServerOptions {
  /** Default 8000; 0 picks a free port. */
  port?: number;
  /**
   * Default `127.0.0.1`. Any address but a loopback one (`127.0.0.0/8`, `::1`, `localhost`) needs
   * `public: true`.
   */
  host?: string;
  /** Allows a `host` that is not a loopback address: anyone who reaches the port can use the demo. */
  public?: boolean;
  /**
   * One more origin the demo is reached on (`https://demo.example`, behind a reverse proxy): its
   * host is served besides `127.0.0.1`, `localhost` and `[::1]` on the port (and `host`, when it
   * names one address), and the liveness stand-in is reached there (a phone can open its links).
   */
  publicOrigin?: string;
  /** How many visitors the demo keeps (default 200). */
  maxVisitors?: number;
  /**
   * The folder holding `demo/` and `dist/cdn/` (with a trailing separator or not). Default: this
   * package's root.
   */
  packageRoot?: string;
  /** Options of the sandbox (e.g. `benchLevel`); its liveness stand-in is this server's unless given. */
  sandbox?: DemoAppOptions['sandbox'];
  /**
   * More folders to serve, before the demo page's own: each answers alone for its prefix (a file
   * missing there is a 404), its HTML with `csp` (default: the demo page's policy).
   */
  mounts?: readonly (StaticMount & { csp?: string })[];
  /** The clock of the demo's token endpoint (see `DemoAppOptions.now`). */
  now?: () => number;
}

/**
 * Serves the demo page (`dist/demo/`, minified by the build, else `demo/`, at `/`; the browser
 * bundle `dist/cdn/` at `/dist/cdn/`, nothing
 * else of the package; then any `mounts`) and the demo app (proxy at `/kyc`, token endpoint, demo session, sandbox
 * control, liveness stand-in at `/websdk/`) on one port, under the served names only (see
 * {@link servedOrigins}). The sandbox's liveness tokens and URLs lead to the stand-in on the
 * served origin (`http://<host>:<port>`, or `publicOrigin`).
 *
 * Rejects with a `TypeError` for a `host` that is not a loopback address without `public: true`,
 * or a `publicOrigin` that is not an http(s) origin.
 */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && options.public !== true) {
    throw new TypeError(`${host} is not a loopback address: serving the demo there needs public: true (--public)`);
  }
  const publicOrigin = options.publicOrigin === undefined ? null : originOf(options.publicOrigin);
  const packageRoot = options.packageRoot ?? fileURLToPath(new URL('../../', import.meta.url));
  // The app is made once the port is known: the sandbox's liveness tokens name the served origin,
  // where the app serves the liveness stand-in (requests wait for it).
  let made: (app: DemoApp) => void = () => undefined;
  const ready = new Promise<DemoApp>((resolve) => {
    made = resolve;
  });
  const server = createServer(toNodeListener(async (request) => (await ready).fetch(request)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8000, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const standIn = publicOrigin ?? new URL(url).origin;
  // The page may be opened under another name (localhost for 127.0.0.1): its frames may still
  // come from the stand-in's origin.
  const csp = demoCsp([standIn]);
  const demoFiles = createStaticHandler(
    [
      { prefix: '/dist/cdn/', root: join(packageRoot, 'dist', 'cdn') },
      // The demo page as `npm run build` minified it, else as written (a checkout not built yet).
      {
        prefix: '/',
        root: existsSync(join(packageRoot, 'dist', 'demo', 'index.html')) ? join(packageRoot, 'dist', 'demo') : join(packageRoot, 'demo'),
      },
    ],
    csp,
  );
  const mounts = (options.mounts ?? []).map((mount) => ({ prefix: mount.prefix, serve: createStaticHandler([mount], mount.csp ?? csp) }));
  const app = createDemoApp({
    origins: servedOrigins(host, Number(port), publicOrigin),
    maxVisitors: options.maxVisitors,
    now: options.now,
    sandbox: { livenessStandIn: { origin: standIn }, ...options.sandbox },
    fallback: (request) => {
      const { pathname } = new URL(request.url);
      return (mounts.find(({ prefix }) => pathname.startsWith(prefix))?.serve ?? demoFiles)(request);
    },
  });
  made(app);
  return {
    url,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The origins the sandbox server answers on: `127.0.0.1`, `localhost` and `[::1]` on its port, the
 * bound address when it names one (not `0.0.0.0` or `::`), and the public origin.
 */
export function servedOrigins(host: string, port: number, publicOrigin: string | null = null): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const bound = host.includes(':') ? `[${host}]` : host;
  if (!WILDCARD_ADDRESSES.has(host) && !names.includes(bound)) names.push(bound);
  return [...names.map((name) => `http://${name}:${port}`), ...(publicOrigin ? [publicOrigin] : [])];
}

const WILDCARD_ADDRESSES: ReadonlySet<string> = new Set(['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0']);

/** True for an address only this machine reaches: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare) || bare === '0:0:0:0:0:0:0:1';
}

/** The origin of an http(s) URL given as an origin (a trailing `/` allowed); a `TypeError` otherwise. */
function originOf(given: string): string {
  let url: URL | null = null;
  try {
    url = new URL(given);
  } catch {
    // not a URL
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.href !== `${url.origin}/`) {
    throw new TypeError(`--public-origin takes an origin such as https://demo.example, not ${JSON.stringify(given)}`);
  }
  return url.origin;
}

/** What serving the demo beyond this machine exposes, said when it starts with --public. */
function exposure(server: SandboxServer, maxVisitors: number): string {
  return `kyc-onboarding sandbox: PUBLIC. Anyone who reaches ${server.url} (or a served name) can use the demo:
  - open visitor sessions, each with fresh sandbox clients, and make more clients;
  - fill in and send applications, upload files (checked and hashed, never kept), ask for sign
    codes (none is sent: the code is 111111) and decide on their own applications in the console.
  No visitor can see or change another's clients. The data is fake and in memory: at most
  ${maxVisitors} visitors are kept, the least recently seen forgotten first, and all is gone on
  restart. There is no login and no rate limit on visitors: anyone may push others out.
  It is a demo, not a product: say so to whoever you show it to, and let no real personal data in.
`;
}

/** What `main` may be given in place of the real server (tests). */
export interface MainOptions {
  start?: (options: SandboxServerOptions) => Promise<SandboxServer>;
}

/** Runs the command line; resolves with the exit code (a started server keeps the process alive). */
export async function main(argv: readonly string[], { start = startSandboxServer }: MainOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '8000' },
        host: { type: 'string', default: '127.0.0.1' },
        public: { type: 'boolean', default: false },
        'public-origin': { type: 'string' },
        'max-visitors': { type: 'string', default: String(DEFAULT_MAX_VISITORS) },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] !== 'sandbox' || positionals.length > 1) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('--port takes a number from 0 to 65535\n');
    return 2;
  }
  const maxVisitors = Number(values['max-visitors']);
  if (!Number.isInteger(maxVisitors) || maxVisitors < 1) {
    process.stderr.write('--max-visitors takes a whole number, 1 or more\n');
    return 2;
  }
  const host = values.host;
  if (!isLoopback(host) && !values.public) {
    process.stderr.write(
      `kyc-onboarding sandbox: ${host} is not a loopback address. Anyone who reaches it could use the demo;\n` +
        'if that is what you want, add --public (see --help for what it exposes). Nothing was started.\n',
    );
    return 2;
  }
  let publicOrigin: string | undefined;
  try {
    publicOrigin = values['public-origin'] === undefined ? undefined : originOf(values['public-origin']);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const server = await start({ port, host, public: values.public, publicOrigin, maxVisitors });
  process.stdout.write(`kyc-onboarding sandbox: demo on ${server.url} (proxy at /kyc, sign code 111111)\n`);
  if (publicOrigin) process.stdout.write(`kyc-onboarding sandbox: also served as ${publicOrigin}\n`);
  process.stdout.write('It is a demo on made-up data, in memory: no real personal data belongs in it.\n');
  if (!isLoopback(host)) process.stdout.write(exposure(server, maxVisitors));
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `kyc-onboarding sandbox: could not stop cleanly (${error instanceof Error ? error.message : String(error)})\n`,
        );
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
