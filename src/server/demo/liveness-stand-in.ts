/**
 * The liveness stand-in (sandbox only): local pages that Sumsub's WebSDK talks to instead of Sumsub
 * when the sandbox's liveness tokens name this origin (`SandboxOptions.livenessStandIn`). Nothing
 * on the widget chooses it: a real platform's tokens point at Sumsub and never reach these pages.
 *
 * - `GET /websdk/websdk.html?_=<frameId>` — the frame the WebSDK builds from the token's base URL.
 *   It speaks the WebSDK's postMessage protocol with `window.parent` (target origin `*`; every
 *   message it posts carries `method` and `sessionId`):
 *   - on load: `{method: 'idCheck.onReady', frameId, sessionId}`;
 *   - on `{method: 'idCheck.init', accessToken, lang, theme}`: keeps the token, posts
 *     `{method: 'standin.config', lang, theme}` (what the page asked for, for tests),
 *     `{method: 'idCheck.onInitialized'}` and `{method: 'idCheck.onResize', height}` (and
 *     `idCheck.onResize` again whenever its height changes);
 *   - on `{method: 'idCheck.updateAccessToken', accessToken}`: keeps the new token, posts
 *     `{method: 'standin.tokenUpdated', accessToken}` (for tests: the renewal arrived);
 *   - on `{method: 'standin.emit', message}` (for tests): posts `message` (with `sessionId`) as if
 *     the WebSDK had sent it, e.g. `{method: 'idCheck.onError', code: 'invalid-token'}`;
 *   - "Pass (simulated)" / "Fail (simulated)": `POST /sandbox/v1/liveness-by-token/`
 *     `{token, result}` on this origin, then `{method: 'idCheck.onApplicantSubmitted'}` and
 *     `{method: 'idCheck.onApplicantStatusChanged', reviewStatus: 'completed', reviewResult:
 *     {reviewAnswer: 'GREEN' | 'RED'}}`. When the sandbox answers 404 (the token expired or was
 *     renewed) it posts `{method: 'idCheck.onError', code: 'invalid-token', error}` instead, and
 *     waits for `idCheck.updateAccessToken`.
 * - `GET /websdk/p/<id>` — the simulated Sumsub page of a liveness URL (the cross-device path):
 *   the same buttons, through `POST /sandbox/v1/liveness-by-url/` `{id, result}`.
 * - `GET /websdk/stand-in/{frame.js,page.js,stand-in.css}` — their script modules and stylesheet.
 *
 * The pages are static, with no inline script or style, under their own strict
 * Content-Security-Policy that lets any http(s) page frame them (`frame-ancestors *`): they are
 * sandbox pages, labelled "Simulated liveness check — sandbox only, no camera is used".
 */

/** The stand-in's Content-Security-Policy: like the demo's, but framable by any page. */
export const STAND_IN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** What every stand-in page says first. */
export const STAND_IN_LABEL = 'Simulated liveness check — sandbox only, no camera is used';

/** Path prefix of everything the stand-in serves. */
export const STAND_IN_PREFIX = '/websdk/';

const ASSETS = '/websdk/stand-in';

function page(title: string, intro: string, script: string, statusText: string, enabled: boolean): string {
  const disabled = enabled ? '' : ' disabled';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="stylesheet" href="${ASSETS}/stand-in.css">
<script type="module" src="${ASSETS}/${script}"></script>
</head>
<body>
<main>
<p class="badge">Sandbox</p>
<h1>${STAND_IN_LABEL}</h1>
<p>${intro}</p>
<p id="status" role="status" aria-live="polite">${statusText}</p>
<div class="actions">
<button type="button" class="pass" data-result="passed"${disabled}>Pass (simulated)</button>
<button type="button" class="fail" data-result="failed"${disabled}>Fail (simulated)</button>
</div>
</main>
</body>
</html>
`;
}

const FRAME_HTML = page(
  'Simulated liveness check (sandbox)',
  'This page stands in for Sumsub&rsquo;s liveness check in the KYC sandbox. Nothing is recorded: choose the result the sandbox platform should get.',
  'frame.js',
  'Waiting for the access token…',
  false,
);

const CROSS_DEVICE_HTML = page(
  'Simulated liveness check on another device (sandbox)',
  'This page stands in for Sumsub&rsquo;s liveness page, opened from a link or QR code. Nothing is recorded: choose the result the sandbox platform should get, then go back to the other device.',
  'page.js',
  'Ready.',
  true,
);

/** Shared by both scripts: the status line, the buttons, and the call to the sandbox control. */
const COMMON_JS = `
const status = document.getElementById('status');
const buttons = Array.from(document.querySelectorAll('button[data-result]'));
const say = (text) => {
  status.textContent = text;
};
const enable = (enabled) => {
  for (const button of buttons) button.disabled = !enabled;
};
/** Sends a result to the sandbox control on this origin; resolves with the HTTP status, or 0 when unreachable. */
async function sendResult(path, body) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    return response.status;
  } catch {
    return 0;
  }
}
const sentText = (result) => (result === 'passed' ? 'Simulated result sent: passed.' : 'Simulated result sent: failed.');
`;

const FRAME_JS = `// The liveness stand-in's frame (sandbox only): speaks Sumsub WebSDK's postMessage protocol with
// the page that embeds it. See src/server/demo/liveness-stand-in.ts.
${COMMON_JS}
const randomHex = (bytes) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
const frameId = new URLSearchParams(location.search).get('_');
const sessionId = 'standin-' + randomHex(8);
const framed = window.parent !== window;
let accessToken = null;
let initialized = false;
let lastHeight = -1;

function post(message) {
  window.parent.postMessage({ ...message, sessionId }, '*');
}

function postHeight() {
  const height = document.documentElement.scrollHeight;
  if (height === lastHeight) return;
  lastHeight = height;
  post({ method: 'idCheck.onResize', height });
}

function takeToken(token) {
  accessToken = token;
  enable(true);
}

async function report(result) {
  if (!accessToken) return;
  enable(false);
  say('Sending the simulated result…');
  const token = accessToken;
  const answer = await sendResult('/sandbox/v1/liveness-by-token/', { token, result });
  if (answer === 404) {
    if (accessToken === token) accessToken = null;
    say('The sandbox no longer accepts this access token (it expired or was renewed). Waiting for a new one…');
    post({ method: 'idCheck.onError', code: 'invalid-token', error: 'The access token is not current (simulated).' });
    enable(accessToken !== null);
    return;
  }
  if (answer < 200 || answer > 299) {
    say(answer === 0 ? 'The sandbox could not be reached. Try again.' : 'The sandbox refused the result (HTTP ' + answer + '). Try again.');
    enable(true);
    return;
  }
  say(sentText(result));
  post({ method: 'idCheck.onApplicantSubmitted' });
  post({
    method: 'idCheck.onApplicantStatusChanged',
    reviewStatus: 'completed',
    reviewResult: { reviewAnswer: result === 'passed' ? 'GREEN' : 'RED' },
  });
  enable(true);
}

for (const button of buttons) button.addEventListener('click', () => report(button.dataset.result));

if (!framed) {
  say('This page runs inside the widget, in the frame Sumsub’s WebSDK builds.');
} else {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.method !== 'string') return;
    switch (data.method) {
      case 'idCheck.init':
        if (typeof data.accessToken !== 'string' || data.accessToken === '') {
          say('No access token was given.');
          return;
        }
        takeToken(data.accessToken);
        say('Access token received. Choose the result.');
        initialized = true;
        // For tests: the language and theme the page asked for, and whether contact details came
        // to prefill (not the details themselves).
        post({
          method: 'standin.config',
          lang: String(data.lang ?? ''),
          theme: String(data.theme ?? ''),
          prefilled: { email: typeof data.email === 'string' && data.email !== '', phone: typeof data.phone === 'string' && data.phone !== '' },
        });
        post({ method: 'idCheck.onInitialized' });
        lastHeight = -1;
        postHeight();
        return;
      case 'idCheck.updateAccessToken':
        if (typeof data.accessToken !== 'string' || data.accessToken === '') return;
        takeToken(data.accessToken);
        say('New access token received. Choose the result.');
        post({ method: 'standin.tokenUpdated', accessToken: data.accessToken });
        return;
      case 'idCheck.callSetLanguage':
      case 'idCheck.callSetTheme':
        // For tests: what the page changed while the check is on screen.
        post({ method: 'standin.config', lang: String(data.language ?? ''), theme: String(data.theme ?? '') });
        return;
      case 'standin.emit': {
        const message = data.message;
        if (message && typeof message === 'object' && typeof message.method === 'string') post(message);
        return;
      }
      default:
        return;
    }
  });
  new ResizeObserver(() => {
    if (initialized) postHeight();
  }).observe(document.documentElement);
  post({ method: 'idCheck.onReady', frameId });
}
`;

const PAGE_JS = `// The liveness stand-in's cross-device page (sandbox only): the simulated Sumsub page of a
// liveness URL. See src/server/demo/liveness-stand-in.ts.
${COMMON_JS}
const id = decodeURIComponent(location.pathname.split('/').pop() || '');

async function report(result) {
  enable(false);
  say('Sending the simulated result…');
  const answer = await sendResult('/sandbox/v1/liveness-by-url/', { id, result });
  if (answer === 404) {
    say('This link is no longer valid (it expired or a newer one was made). Ask for a new link on the other device.');
    return;
  }
  if (answer < 200 || answer > 299) {
    say(answer === 0 ? 'The sandbox could not be reached. Try again.' : 'The sandbox refused the result (HTTP ' + answer + '). Try again.');
    enable(true);
    return;
  }
  say(sentText(result) + ' You can go back to the other device.');
  enable(true);
}

for (const button of buttons) button.addEventListener('click', () => report(button.dataset.result));
`;

const CSS = `:root {
  color-scheme: light dark;
  --ink: #1b1f24;
  --paper: #ffffff;
  --muted: #4a525c;
  --warn-ink: #5c3b00;
  --warn-paper: #fff3cd;
  --pass: #0b6b2f;
  --fail: #a4161a;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e8eaed;
    --paper: #16181c;
    --muted: #b5bcc5;
    --warn-ink: #ffe08a;
    --warn-paper: #3a2e00;
    --pass: #0f7a37;
    --fail: #b3261e;
  }
}
html, body { margin: 0; background: var(--paper); color: var(--ink); }
main { max-width: 36rem; margin: 0 auto; padding: 1.5rem 1rem; }
.badge {
  display: inline-block; margin: 0; padding: 0.125rem 0.625rem; border-radius: 999px;
  background: var(--warn-paper); color: var(--warn-ink); font-weight: 600; font-size: 0.875rem;
  text-transform: uppercase; letter-spacing: 0.05em;
}
h1 {
  font-size: 1.25rem; margin: 0.75rem 0; padding: 0.75rem 1rem; border-radius: 0.5rem;
  background: var(--warn-paper); color: var(--warn-ink);
}
p { color: var(--muted); }
#status { color: var(--ink); font-weight: 500; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
button {
  font: inherit; font-weight: 600; padding: 0.625rem 1.25rem; border: 0; border-radius: 0.5rem;
  color: #ffffff; cursor: pointer;
}
button.pass { background: var(--pass); }
button.fail { background: var(--fail); }
button:disabled { opacity: 0.5; cursor: not-allowed; }
button:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; }
`;

const CROSS_DEVICE_PATH = /^\/websdk\/p\/[A-Za-z0-9_-]{1,128}$/;

const FILES: ReadonlyMap<string, { type: string; body: string }> = new Map([
  ['/websdk/websdk.html', { type: 'text/html; charset=utf-8', body: FRAME_HTML }],
  [`${ASSETS}/frame.js`, { type: 'text/javascript; charset=utf-8', body: FRAME_JS }],
  [`${ASSETS}/page.js`, { type: 'text/javascript; charset=utf-8', body: PAGE_JS }],
  [`${ASSETS}/stand-in.css`, { type: 'text/css; charset=utf-8', body: CSS }],
]);

/**
 * Answers a request under {@link STAND_IN_PREFIX}: the stand-in's pages and their files (GET and
 * HEAD), else 404 (405 for another method).
 */
export function serveLivenessStandIn(request: Request): Response {
  const { pathname } = new URL(request.url);
  const file = CROSS_DEVICE_PATH.test(pathname) ? { type: 'text/html; charset=utf-8', body: CROSS_DEVICE_HTML } : FILES.get(pathname);
  if (!file) return plain(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', { allow: 'GET, HEAD' });
  const headers: Record<string, string> = {
    'content-type': file.type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex',
  };
  if (file.type.startsWith('text/html')) headers['content-security-policy'] = STAND_IN_CSP;
  return new Response(request.method === 'HEAD' ? null : file.body, { headers });
}

function plain(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}
