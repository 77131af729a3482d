import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The Content-Security-Policy the demo is served with: what a strict partner page would set (no
 * inline script or style, no eval, Trusted Types required). `frameSources` adds origins its frames
 * may come from (the sandbox's liveness stand-in, when the page is opened under another name).
 */
export function demoCsp(frameSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    `frame-src 'self' ${[...frameSources, 'https://*.sumsub.com'].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html kyc-legal-text',
  ].join('; ');
}

/** The demo page's policy, with no extra frame origin. */
export const DEMO_CSP = demoCsp();

/** A mount: URL prefix → folder on disk. */
export interface StaticMount {
  prefix: string;
  root: string;
}

/**
 * Serves files from the given folders (GET/HEAD only; nothing outside a folder, no listings).
 * `/` and folder URLs serve `index.html`.
 */
export function createStaticHandler(mounts: readonly StaticMount[], csp = DEMO_CSP): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return text(400, 'Bad request');
    }
    if (pathname.includes('\0')) return text(400, 'Bad request');
    for (const { prefix, root } of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      let relative = pathname.slice(prefix.length);
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const base = resolve(root);
      const file = resolve(base, relative);
      if (file !== base && !file.startsWith(base + sep)) return text(404, 'Not found');
      try {
        const body = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const headers: Record<string, string> = {
          'content-type': type,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
        };
        if (type.startsWith('text/html')) headers['content-security-policy'] = csp;
        return new Response(request.method === 'HEAD' ? null : body, { headers });
      } catch {
        continue;
      }
    }
    return text(404, 'Not found');
  };
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
