// The sales demo: <kyc-onboarding> live on the sandbox, with a sign-in as a sandbox client (the
// partner's login), switches for theme, brand colour, language and a phone-width preview, a
// reviewer console that drives the sandbox's control endpoint, a log of the widget's DOM events and
// copy-paste snippets.
//
// Strict CSP and Trusted Types: DOM APIs only (no innerHTML, no inline style; colours go through
// CSSOM `style.setProperty`, which the policy allows).
import { snippet } from './snippets.js';

// The widget's CDN bundle, as a partner page loads it. Without a build the page says what to do.
const kyc = await import('/dist/cdn/kyc-onboarding.js').catch((error) => {
  const text = 'The widget’s bundle (/dist/cdn/kyc-onboarding.js) did not load: run npm run build (npm start does), then reload.';
  document.getElementById('message').textContent = text;
  document.getElementById('clients').replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
  throw error;
});

const { createKycClient } = kyc;

/** Every public event of the widget, from the bundle's own `KYC_*` name constants. */
const EVENT_TYPES = Object.entries(kyc)
  .filter(([name, value]) => name.startsWith('KYC_') && typeof value === 'string' && value.startsWith('kyc-'))
  .map(([, value]) => value)
  .sort();

/** The widget's own primary colour in each scheme (src/styles/tokens.styles.ts): the colour input shows it until changed. */
const DEFAULT_BRAND = { light: '#2447d6', dark: '#8ea8ff' };
/** The widget's background in each scheme (tokens), to judge the contrast of a chosen brand colour. */
const WIDGET_BACKGROUND = { light: '#ffffff', dark: '#12151c' };
/** Text colours offered on the brand colour: the widget's light and dark on-primary colours. */
const ON_BRAND = ['#ffffff', '#0b1030'];
const LOG_LIMIT = 150;
const STATUS_LABELS = {
  draft: 'Draft',
  in_review: 'In review',
  pending: 'Returned for correction',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** What the page says when this browser's clients are gone (the demo keeps a bounded number of visitors). */
const ENDED =
  'This browser’s demo clients are gone: the demo keeps a limited number of visitors, and restarts forget them all. Reload the page for fresh ones.';

const api = createKycClient({ endpoint: '/kyc' });
const $ = (id) => document.getElementById(id);
const widgetHost = $('widget');

const settings = { theme: 'light', lang: 'en', brand: null, phone: false, snippet: 'script', server: 'node' };
/** The application the widget shows (from its events), the one the reviewer decides on. */
let applicationUuid = null;
/** Uuid whose questions fill the remark list, and those questions (`{key, label}`). */
let remarkFor = null;
let remarkQuestions = [];

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((child) => child != null && child !== false));
  return node;
}

// ── status line ────────────────────────────────────────────────────────────

let fadeTimer;
function say(text) {
  const message = $('message');
  message.textContent = text;
  message.classList.remove('is-faded');
  clearTimeout(fadeTimer);
  // The text stays (tests and screen readers read it); only the toast fades from view.
  fadeTimer = setTimeout(() => message.classList.add('is-faded'), 8000);
}

async function control(path, init = {}) {
  const response = await fetch(path, {
    ...init,
    headers: init.body ? { 'content-type': 'application/json' } : {},
  });
  if (!response.ok) {
    let detail = '';
    try {
      const body = await response.json();
      detail = typeof body?.detail === 'string' ? `: ${body.detail}` : '';
    } catch {
      // no JSON body
    }
    throw Object.assign(new Error(`The sandbox answered ${response.status}${detail}`), { status: response.status });
  }
  return response.status === 204 ? null : response.json();
}

// ── sign-in (stands in for the partner's login) ────────────────────────────

async function signIn(identity, label, button, { scroll = true } = {}) {
  for (const other of document.querySelectorAll('#clients button')) other.setAttribute('aria-pressed', String(other === button));
  try {
    await control('/demo/session', {
      method: 'POST',
      body: JSON.stringify({ client_uuid: identity.client_uuid, legal_entity_uuid: identity.legal_entity_uuid }),
    });
  } catch (error) {
    button?.setAttribute('aria-pressed', 'false');
    say(error.status === 403 ? ENDED : `Could not sign in: ${error.message}`);
    return;
  }
  $('who').textContent = `Signed in as “${label}”.`;
  say(`Signed in as “${label}”. The widget is starting.`);
  mountWidget();
  // A pointer user is brought to the widget; keyboard focus stays where it is, in view.
  if (scroll && !isInView($('stage'))) $('stage').scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
}

async function showClients() {
  const clients = await control('/sandbox/v1/clients/');
  $('clients').replaceChildren(
    ...clients.map((client) => {
      const button = el(
        'button',
        { type: 'button', className: 'client' },
        el('span', { className: 'client__label', textContent: client.label }),
        el('span', { className: 'client__description', textContent: client.description }),
        // aria-pressed says it to assistive technologies; this says it to the eye.
        el('span', { className: 'client__badge', textContent: 'Signed in', ariaHidden: 'true' }),
      );
      button.dataset.clientUuid = client.client_uuid;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', (event) => signIn(client, client.label, button, { scroll: event.detail > 0 }));
      return button;
    }),
  );
  return clients;
}

/** Picks up a session kept from before a reload. */
async function resumeSession(clients) {
  const who = await control('/demo/session');
  if (!who) return;
  const button = document.querySelector(`#clients button[data-client-uuid="${CSS.escape(who.client_uuid)}"]`);
  button?.setAttribute('aria-pressed', 'true');
  const known = clients.find((client) => client.client_uuid === who.client_uuid);
  const label = known?.label ?? 'a fresh client';
  $('who').textContent = `Signed in as “${label}”.`;
  say(`Still signed in as “${label}”.`);
  mountWidget();
}

$('fresh-client').addEventListener('click', async (event) => {
  try {
    const made = await control('/sandbox/v1/clients/', { method: 'POST', body: '{}' });
    await signIn(made, 'a fresh client', null, { scroll: event.detail > 0 });
  } catch (error) {
    say(`Could not make a fresh client: ${error.message}`);
  }
});

// ── the widget ─────────────────────────────────────────────────────────────

function currentWidget() {
  return widgetHost.querySelector('kyc-onboarding');
}

/** A fresh widget for the signed-in client (the session cookie tells the proxy who it is). */
function mountWidget(options = {}) {
  applicationUuid = options.applicationUuid ?? null;
  if (!options.applicationUuid) {
    remarkFor = null;
    remarkQuestions = [];
    fillRemarkSelect();
  }
  const widget = document.createElement('kyc-onboarding');
  widget.setAttribute('endpoint', '/kyc');
  widget.setAttribute('poll-interval', '2000');
  widget.setAttribute('theme', settings.theme);
  widget.setAttribute('lang', settings.lang);
  // The welcome links the partner's privacy notice (the sandbox's partner is fictitious), and asks
  // the person's consent (the widget's own text) before anything of theirs is sent.
  widget.setAttribute('privacy-url', 'https://legal.sandbox.example/privacy-policy/v2.1');
  widget.setAttribute('consent', '');
  // "Continue on your phone": the phone opens this page with a single-use token in the link's
  // fragment, which the widget exchanges at the token endpoint (the session's tokens come from
  // there too).
  widget.setAttribute('token-endpoint', '/kyc-token');
  widget.setAttribute('handoff-url', `${location.origin}${location.pathname}`);
  if (options.applicationUuid) widget.setAttribute('application-uuid', options.applicationUuid);
  widgetHost.replaceChildren(widget);
  renderStatus(null, 'loading…');
}

function isInView(element) {
  const { top, bottom } = element.getBoundingClientRect();
  return top >= 0 && bottom <= innerHeight + 200;
}

function prefersReducedMotion() {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// ── switches ───────────────────────────────────────────────────────────────

function applyTheme() {
  settings.theme = $('theme').value;
  showScheme();
  currentWidget()?.setAttribute('theme', settings.theme);
  describeBrand();
  renderSnippet();
}

/** The page's own colours follow the scheme in use: the chosen one, or the system's for `auto`. */
function showScheme() {
  document.documentElement.dataset.scheme = schemeNow();
}

function applyLang() {
  settings.lang = $('lang').value;
  currentWidget()?.setAttribute('lang', settings.lang);
  renderSnippet();
}

function applyPhone() {
  settings.phone = $('phone').checked;
  $('stage').classList.toggle('is-phone', settings.phone);
}

$('theme').addEventListener('change', applyTheme);
$('lang').addEventListener('change', applyLang);
$('phone').addEventListener('change', applyPhone);

$('brand').addEventListener('input', (event) => applyBrand(event.target.value));
$('brand-reset').addEventListener('click', () => {
  applyBrand(null);
  say('Brand colour reset to the theme’s own.');
});

/** Sets the widget's brand colour through its public custom properties (CSSOM: allowed by the CSP). */
function applyBrand(colour) {
  settings.brand = colour;
  // The focus ring keeps the theme's colour, which is visible whatever brand colour is chosen.
  const names = ['--kyc-color-primary', '--kyc-color-on-primary'];
  if (!colour) for (const name of names) widgetHost.style.removeProperty(name);
  else {
    widgetHost.style.setProperty('--kyc-color-primary', colour);
    widgetHost.style.setProperty('--kyc-color-on-primary', onBrand(colour));
  }
  describeBrand();
  renderSnippet();
}

function onBrand(colour) {
  return ON_BRAND.reduce((best, text) => (contrast(colour, text) > contrast(colour, best) ? text : best));
}

function schemeNow() {
  if (settings.theme === 'auto') return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return settings.theme;
}

/** Tells whether the chosen colour is readable as links and text on the widget's background. */
function describeBrand() {
  const note = $('brand-contrast');
  if (!settings.brand) {
    $('brand').value = DEFAULT_BRAND[schemeNow()];
    note.textContent = 'Each theme’s own brand colour (AA contrast in light and dark).';
    note.classList.remove('is-warning');
    return;
  }
  const scheme = schemeNow();
  const ratio = contrast(settings.brand, WIDGET_BACKGROUND[scheme]);
  const figure = `${ratio.toFixed(1)}:1`;
  const ok = ratio >= 4.5;
  note.textContent = ok
    ? `${settings.brand} on the ${scheme} background: ${figure}, meets WCAG AA for text.`
    : `${settings.brand} on the ${scheme} background: ${figure}, below the 4.5:1 WCAG AA asks for text and links.`;
  note.classList.toggle('is-warning', !ok);
}

function luminance(hex) {
  const channels = [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  showScheme();
  describeBrand();
});

// ── event log ──────────────────────────────────────────────────────────────

const pendingAnnouncements = new Set();
let announceTimer;

for (const type of EVENT_TYPES) widgetHost.addEventListener(type, onWidgetEvent);
$('fact-events').textContent = String(EVENT_TYPES.length);

function onWidgetEvent(event) {
  logEvent(event);
  const detail = event.detail ?? {};
  switch (event.type) {
    case 'kyc-ready':
    case 'kyc-application-create':
    case 'kyc-status-change':
      applicationUuid = detail.applicationUuid ?? null;
      void refreshStatus();
      break;
    case 'kyc-save':
    case 'kyc-submit':
    case 'kyc-complete':
    case 'kyc-reject':
      void refreshStatus();
      break;
    default:
  }
}

function logEvent(event) {
  const list = $('event-log');
  const now = new Date();
  const detail = event.detail ?? null;
  const entry = el(
    'li',
    { className: 'log__entry' },
    el('code', { className: 'log__type', textContent: event.type }),
    ' ',
    el('time', { className: 'log__time', dateTime: now.toISOString(), textContent: clock(now) }),
    ' ',
    event.cancelable ? el('span', { className: 'log__flag', textContent: 'cancelable' }) : null,
    event.cancelable ? ' ' : null,
    el('code', { className: 'log__detail', textContent: formatDetail(detail), title: JSON.stringify(detail) }),
  );
  entry.dataset.type = event.type;
  list.prepend(entry);
  while (list.children.length > LOG_LIMIT) list.lastElementChild.remove();
  announceLater(event.type);
}

function clock(date) {
  const two = (n) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{ key: value, … }` with uuids shortened (the full detail is in the entry's title). */
function formatDetail(detail) {
  if (detail === null || typeof detail !== 'object') return detail == null ? '' : String(detail);
  const short = (value) => (typeof value === 'string' && UUID.test(value) ? `${value.slice(0, 8)}…` : value);
  const fields = Object.entries(detail).map(([key, value]) => `${key}: ${JSON.stringify(value, (_, inner) => short(inner))}`);
  return fields.length ? `{ ${fields.join(', ')} }` : '{}';
}

/** Tells screen readers which events arrived, at most every few seconds, names only. */
function announceLater(type) {
  pendingAnnouncements.add(type);
  if (announceTimer) return;
  announceTimer = setTimeout(() => {
    announceTimer = undefined;
    const names = [...pendingAnnouncements];
    pendingAnnouncements.clear();
    if (names.length === 0) return;
    const shown = names.slice(0, 3).join(', ');
    const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
    $('log-announcer').textContent = `Event log: ${shown}${more}.`;
  }, 3000);
}

$('log-clear').addEventListener('click', () => {
  $('event-log').replaceChildren();
  pendingAnnouncements.clear();
  say('Event log cleared.');
});

// ── reviewer console ───────────────────────────────────────────────────────

let statusRead = 0;
/**
 * Opened from a hand-off link (a phone): this browser owns no sandbox client, so the reviewer
 * console, which decides on this browser's clients' applications, stays on the computer.
 */
const handedOff = location.hash.includes('kyc-handoff=');

/** Reads the application's state from the sandbox control and shows it. */
async function refreshStatus() {
  const uuid = applicationUuid;
  const read = ++statusRead;
  if (!uuid || handedOff) {
    renderStatus(null, handedOff ? 'on the computer that made the link' : undefined);
    return;
  }
  try {
    const inspection = await control(`/sandbox/v1/applications/${encodeURIComponent(uuid)}/inspect/`);
    if (read !== statusRead) return;
    renderStatus(inspection);
    if (remarkFor !== uuid) void fillRemarkQuestions(uuid);
  } catch (error) {
    if (read === statusRead) say(error.status === 403 ? ENDED : `Could not read the application: ${error.message}`);
  }
}

function setText(id, text) {
  const node = $(id);
  if (node.textContent !== text) node.textContent = text;
}

function renderStatus(inspection, note) {
  const state = $('app-state');
  if (!inspection) {
    setText('app-level', note ?? (currentWidget() ? 'none yet: the person is choosing a level' : 'sign in first'));
    setText('app-state', '—');
    state.dataset.status = '';
    $('app-comment-row').hidden = true;
    return;
  }
  setText('app-level', `${inspection.kyc_level?.name ?? 'Unnamed level'} · ${inspection.uuid.slice(0, 8)}…`);
  setText('app-state', STATUS_LABELS[inspection.status] ?? inspection.status);
  state.dataset.status = inspection.status;
  $('app-comment-row').hidden = !inspection.comment;
  setText('app-comment', inspection.comment ?? '');
}

/** The application's questions, for a remark on one answer (read with the person's session). */
async function fillRemarkQuestions(uuid) {
  remarkFor = uuid;
  try {
    const application = await api.getApplication(uuid, { emptyVolatileFields: true });
    if (remarkFor !== uuid) return;
    remarkQuestions = application.steps.flatMap((step) =>
      step.questions
        .filter((question) => !question.attribute.readOnly)
        .map((question) => ({ key: question.attribute.key, label: `${step.title}: ${question.title}` })),
    );
    fillRemarkSelect();
  } catch {
    remarkFor = null;
  }
}

function fillRemarkSelect() {
  const select = $('remark-question');
  if (!select) return;
  const chosen = select.value;
  select.replaceChildren(
    el('option', { value: '', textContent: 'No remark' }),
    ...remarkQuestions.map(({ key, label }) => el('option', { value: key, textContent: label })),
  );
  if (remarkQuestions.some(({ key }) => key === chosen)) select.value = chosen;
}

// The remark's fields exist while "Add a remark on one answer" is open: closed means no remark.
$('remark-details').addEventListener('toggle', (event) => {
  const fields = $('remark-fields');
  if (!event.target.open) {
    fields.replaceChildren();
    return;
  }
  if ($('remark-question')) return;
  fields.replaceChildren(
    el(
      'div',
      { className: 'field' },
      el('label', { htmlFor: 'remark-question', textContent: 'Question' }),
      el('select', { id: 'remark-question', name: 'remark-question' }),
    ),
    el(
      'div',
      { className: 'field' },
      el('label', { htmlFor: 'remark-text', textContent: 'Remark' }),
      el('input', { id: 'remark-text', name: 'remark-text', type: 'text', value: 'This does not match your document.', dir: 'auto' }),
    ),
  );
  fillRemarkSelect();
});

$('reviewer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = event.submitter?.value;
  if (!status) return;
  if (!applicationUuid) {
    say(
      currentWidget() ? 'There is no application on screen yet: choose a level in the widget first.' : 'Sign in as a sandbox client first.',
    );
    return;
  }
  const body = { status };
  if (status === 'pending') {
    body.comment = $('comment').value.trim() || null;
    const key = $('remark-question')?.value;
    const remark = $('remark-text')?.value.trim();
    if (key && remark) body.remarks = { [key]: [remark] };
  }
  const uuid = applicationUuid;
  try {
    const inspection = await control(`/sandbox/v1/applications/${encodeURIComponent(uuid)}/status/`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    renderStatus(inspection);
    say(`${STATUS_LABELS[status]}. The widget shows the decision now.`);
    showDecision(uuid);
  } catch (error) {
    say(error.status === 403 ? ENDED : error.message);
  }
});

/**
 * Lets the widget show the reviewer's decision at once: while it waits for the review, refresh()
 * asks the platform now instead of at the next poll (what a partner does when its backend hears of
 * a decision). On any other screen it does not watch the platform: it is started again on this
 * application, which shows the outcome.
 */
function showDecision(uuid) {
  const widget = currentWidget();
  if (!widget) return;
  if (widget.flow?.screen?.name === 'waiting') widget.refresh();
  else mountWidget({ applicationUuid: uuid });
}

// ── snippets ───────────────────────────────────────────────────────────────

const snippetButtons = [...document.querySelectorAll('#snippets [data-kind]')];
for (const button of snippetButtons) {
  button.addEventListener('click', () => {
    settings.snippet = button.dataset.kind;
    for (const other of snippetButtons) other.setAttribute('aria-pressed', String(other === button));
    renderSnippet();
  });
}
for (const radio of document.querySelectorAll('#proxy-servers input')) {
  radio.addEventListener('change', () => {
    settings.server = radio.value;
    renderSnippet();
  });
}

function renderSnippet() {
  const shown = snippet(settings.snippet, {
    lang: settings.lang,
    theme: settings.theme,
    brand: settings.brand,
    onBrand: settings.brand ? onBrand(settings.brand) : null,
    server: settings.server,
  });
  $('snippet-title').textContent = shown.title;
  $('snippet-intro').textContent = shown.intro;
  $('snippet-code').textContent = shown.code;
  $('proxy-servers').hidden = settings.snippet !== 'proxy';
}

let copiedTimer;
$('copy').addEventListener('click', async () => {
  const code = $('snippet-code');
  const copied = await copyText(code.textContent, code);
  const title = $('snippet-title').textContent;
  if (copied) {
    say(`Copied: ${title} snippet.`);
    $('copy-done').hidden = false;
    clearTimeout(copiedTimer);
    copiedTimer = setTimeout(() => ($('copy-done').hidden = true), 2500);
  } else {
    say('Copying is not allowed here: the snippet is selected, press Ctrl+C (⌘C on a Mac).');
  }
});

async function copyText(text, node) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (an insecure origin) or no permission: select the text, then try the old way.
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

// ── live facts ─────────────────────────────────────────────────────────────

let violations = 0;
document.addEventListener('securitypolicyviolation', () => {
  violations += 1;
  $('fact-csp').textContent = String(violations);
});

/** The main script gzipped, measured here from the served bytes (CompressionStream's gzip). */
async function measureBundle() {
  const sizeOut = $('fact-size');
  try {
    if (typeof CompressionStream !== 'function') throw new Error('no CompressionStream');
    const response = await fetch('/dist/cdn/kyc-onboarding.js', { cache: 'force-cache' });
    const raw = await response.blob();
    const gzipped = await new Response(raw.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    sizeOut.textContent = `${(gzipped.byteLength / 1024).toFixed(1)} KiB`;
    $('fact-size-note').textContent =
      `kyc-onboarding.js, ${(raw.size / 1024).toFixed(0)} KiB before gzip — measured in this browser from the file served`;
  } catch {
    sizeOut.textContent = 'n/a';
    $('fact-size-note').textContent = 'this browser cannot measure it: run npm run size';
  }
}

/** Shows the Content-Security-Policy this page was served with (read from the response header). */
async function showPolicy() {
  try {
    const response = await fetch(location.pathname, { method: 'HEAD', cache: 'no-store' });
    const policy = response.headers.get('content-security-policy');
    $('csp-text').textContent = policy ? policy.split(/;\s*/).join(';\n') : 'No policy header (served by something else than npm start).';
  } catch {
    $('csp-text').textContent = 'Could not read the policy.';
  }
}

// ── start ──────────────────────────────────────────────────────────────────

// The switches as the browser shows them (it may restore them on a reload).
applyTheme();
applyLang();
applyPhone();
renderStatus(null);
void measureBundle();
void showPolicy();
if (handedOff) {
  // Opened from a hand-off link (a phone): no sign-in here, the link's token opens the application.
  $('who').textContent = 'Continuing from a computer, through a hand-off link.';
  say('Opened from a hand-off link: the widget is starting.');
  mountWidget();
  showClients().catch((error) => say(`The sandbox did not answer: ${error.message}`));
} else {
  showClients()
    .then(resumeSession)
    .catch((error) => say(`The sandbox did not answer: ${error.message}`));
}
