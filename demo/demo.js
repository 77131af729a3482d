// The sandbox demo: signs in as a sandbox client, shows <kyc-onboarding> for it, reads what the
// platform offers through the widget's API client and plays the reviewer. DOM APIs only (strict
// CSP, Trusted Types): no innerHTML anywhere.
import { createKycClient, KycApiError } from '/dist/cdn/kyc-onboarding.js';

const client = createKycClient({ endpoint: '/kyc' });
const $ = (id) => document.getElementById(id);
let applicationUuid = null;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((child) => child != null));
  return node;
}

function say(text) {
  $('message').textContent = text;
}

function describe(error) {
  return error instanceof KycApiError ? `The platform answered: ${error.code}` : 'Something went wrong.';
}

async function control(path, init) {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`Sandbox control answered ${response.status}`);
  return response.status === 204 ? null : response.json();
}

async function showClients() {
  const clients = await control('/sandbox/v1/clients/');
  const container = $('clients');
  container.replaceChildren(
    ...clients.map((demoClient) => {
      const button = el(
        'button',
        { type: 'button' },
        el('strong', { textContent: demoClient.label }),
        el('span', { className: 'muted', textContent: demoClient.description }),
      );
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', async () => {
        for (const other of container.querySelectorAll('button')) other.setAttribute('aria-pressed', 'false');
        button.setAttribute('aria-pressed', 'true');
        await control('/demo/session', {
          method: 'POST',
          body: JSON.stringify({ client_uuid: demoClient.client_uuid, legal_entity_uuid: demoClient.legal_entity_uuid }),
        });
        say(`Signed in as "${demoClient.label}".`);
        mountWidget();
        await showLevelInfo();
      });
      return button;
    }),
  );
}

/** A fresh widget for the signed-in client (the session cookie tells the proxy who it is). */
function mountWidget() {
  const widget = document.createElement('kyc-onboarding');
  widget.setAttribute('endpoint', '/kyc');
  widget.setAttribute('poll-interval', '2000');
  for (const type of ['kyc-save', 'kyc-submit', 'kyc-status-change', 'kyc-application-create']) {
    widget.addEventListener(type, () => showLevelInfo());
  }
  $('widget').replaceChildren(widget);
}

async function showLevelInfo() {
  const target = $('level-info');
  try {
    const info = await client.getLevelInfo();
    const levels = info.availableLevelsForUpgrade.map((level) =>
      el(
        'li',
        {},
        el('strong', { textContent: level.name ?? level.uuid }),
        level.description ? ` — ${level.description} ` : ' ',
        info.allowedToCreateKycApplication
          ? el('button', { type: 'button', textContent: 'Start an application', onclick: () => startApplication(level.uuid) })
          : null,
      ),
    );
    target.replaceChildren(
      el(
        'dl',
        {},
        el('dt', { textContent: 'Current level' }),
        el('dd', { textContent: info.currentLevel?.name ?? 'none yet' }),
        el('dt', { textContent: 'May start an application' }),
        el('dd', { textContent: info.allowedToCreateKycApplication ? 'yes' : 'no' }),
      ),
      levels.length ? el('ul', {}, ...levels) : el('p', { className: 'muted', textContent: 'No level to upgrade to.' }),
    );
    applicationUuid = info.lastKycApplicationUuid;
    await showApplication();
  } catch (error) {
    target.replaceChildren(el('p', { textContent: describe(error) }));
  }
}

async function startApplication(levelUuid) {
  try {
    const application = await client.createApplication(levelUuid);
    applicationUuid = application.uuid;
    say('Application created.');
    await showLevelInfo();
  } catch (error) {
    say(describe(error));
  }
}

async function showApplication() {
  const target = $('application');
  if (!applicationUuid) {
    target.replaceChildren(el('p', { className: 'muted', textContent: 'This client has no application yet.' }));
    return;
  }
  try {
    const application = await client.getApplication(applicationUuid, { emptyVolatileFields: true });
    const answered = application.steps.flatMap((step) => step.questions).filter((q) => q.attribute.value !== null).length;
    const total = application.steps.reduce((sum, step) => sum + step.questions.length, 0);
    target.replaceChildren(
      el(
        'dl',
        {},
        el('dt', { textContent: 'Level' }),
        el('dd', { textContent: application.kycLevel?.name ?? '—' }),
        el('dt', { textContent: 'Status' }),
        el('dd', { textContent: application.rawStatus }),
        el('dt', { textContent: 'Answers' }),
        el('dd', { textContent: `${answered} of ${total} questions answered` }),
        application.comment ? el('dt', { textContent: 'Reviewer comment' }) : null,
        application.comment ? el('dd', { textContent: application.comment }) : null,
      ),
      el('ol', {}, ...application.steps.map((step) => el('li', { textContent: `${step.title} (${step.questions.length} questions)` }))),
    );
  } catch (error) {
    target.replaceChildren(el('p', { textContent: describe(error) }));
  }
}

$('reviewer').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!applicationUuid) return say('Start or pick an application first.');
  const status = event.submitter?.value;
  const comment = $('comment').value;
  try {
    await control(`/sandbox/v1/applications/${applicationUuid}/status/`, {
      method: 'POST',
      body: JSON.stringify(status === 'pending' ? { status, comment } : { status }),
    });
    say(`Status set to ${status}.`);
    await showLevelInfo();
  } catch (error) {
    say(error.message);
  }
});

showClients().catch((error) => say(error.message));
