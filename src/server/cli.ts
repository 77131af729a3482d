import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDemoApp, type DemoApp, type DemoAppOptions } from './demo/app.js';
import { createStaticHandler, demoCsp, type StaticMount } from './demo/static.js';
import { toNodeListener } from './proxy/index.js';

const USAGE = `Usage: kyc-onboarding sandbox [--port 8000] [--host 127.0.0.1]

Serves the demo page and the whole chain a partner runs in production,
browser -> host proxy (/kyc) -> platform, with an in-memory sandbox as the platform.
Sign codes are 111111. Nothing is stored on disk; a restart starts from the seed.`;

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
  /** Default `127.0.0.1`. */
  host?: string;
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
}

/**
 * Serves the demo page (`demo/` at `/`, the browser bundle `dist/cdn/` at `/dist/cdn/`, nothing
 * else of the package; then any `mounts`) and the demo app (proxy at `/kyc`, token endpoint, demo session, sandbox
 * control, liveness stand-in at `/websdk/`) on one port. The sandbox's liveness tokens and URLs
 * lead to the stand-in on the served origin (`http://<host>:<port>`).
 */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
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
  const standIn = new URL(url).origin;
  // The page may be opened under another name (localhost for 127.0.0.1): its frames may still
  // come from the stand-in's origin.
  const csp = demoCsp([standIn]);
  const demoFiles = createStaticHandler(
    [
      { prefix: '/dist/cdn/', root: join(packageRoot, 'dist', 'cdn') },
      { prefix: '/', root: join(packageRoot, 'demo') },
    ],
    csp,
  );
  const mounts = (options.mounts ?? []).map((mount) => ({ prefix: mount.prefix, serve: createStaticHandler([mount], mount.csp ?? csp) }));
  const app = createDemoApp({
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

/** Runs the command line; resolves with the exit code (a started server keeps the process alive). */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '8000' },
        host: { type: 'string', default: '127.0.0.1' },
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
  const server = await startSandboxServer({ port, host: values.host });
  process.stdout.write(`kyc-onboarding sandbox: demo on ${server.url} (proxy at /kyc, sign code 111111)\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`kyc-onboarding sandbox: could not stop cleanly (${error instanceof Error ? error.message : String(error)})\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
