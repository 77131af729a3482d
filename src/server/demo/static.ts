import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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
  '.txt': 'text/plain; charset=utf-8',
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

/** Types worth compressing (text: scripts, styles, pages, maps, notices). */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;
type Bytes = Buffer<ArrayBuffer>;
const COMPRESS = {
  br: (body: Bytes) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) as Promise<Bytes>,
  gzip: (body: Bytes) => promisify(gzip)(body, { level: 9 }) as Promise<Bytes>,
};
type Encoding = keyof typeof COMPRESS;
/** Compressed bodies by file, modification time and encoding: each file is compressed once while it is unchanged. */
const compressed = new Map<string, Promise<Bytes>>();
const MAX_COMPRESSED = 256;

/** The encoding to answer with: Brotli, else gzip, as `Accept-Encoding` allows (a `q=0` refuses). */
export function encodingFor(acceptEncoding: string | null): Encoding | null {
  const allowed = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    allowed.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (name: Encoding) => (allowed.get(name) ?? allowed.get('*') ?? 0) > 0;
  return wants('br') ? 'br' : wants('gzip') ? 'gzip' : null;
}

/** `body` of `file` in `encoding`, compressed once per version of the file. */
function compressedBody(file: string, modified: number, encoding: Encoding, body: Bytes): Promise<Bytes> {
  const key = `${encoding}:${modified}:${file}`;
  let result = compressed.get(key);
  if (!result) {
    if (compressed.size >= MAX_COMPRESSED) compressed.delete(compressed.keys().next().value!);
    result = COMPRESS[encoding](body);
    compressed.set(key, result);
    result.catch(() => compressed.delete(key));
  }
  return result;
}

/**
 * Serves files from the given folders (GET/HEAD only; nothing outside a folder, no listings).
 * `/` and folder URLs serve `index.html`. Text is sent compressed (Brotli, else gzip) to a browser
 * that accepts it, each file compressed once while it is unchanged.
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
      let body: Bytes;
      let modified: number;
      try {
        [body, modified] = await Promise.all([readFile(file), stat(file).then((info) => info.mtimeMs)]);
      } catch {
        continue;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = {
        'content-type': type,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (type.startsWith('text/html')) headers['content-security-policy'] = csp;
      if (!COMPRESSIBLE.test(type)) return new Response(request.method === 'HEAD' ? null : body, { headers });
      headers['vary'] = 'accept-encoding';
      const encoding = encodingFor(request.headers.get('accept-encoding'));
      if (encoding) {
        headers['content-encoding'] = encoding;
        body = await compressedBody(file, modified, encoding, body);
      }
      return new Response(request.method === 'HEAD' ? null : body, { headers });
    }
    return text(404, 'Not found');
  };
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
