// Nothing typed is lost: valid answers that need no code are stored as the person goes (on a clock
// the test drives), code-signed ones wait for Continue, the browser warns before leaving while
// anything typed is not stored, and after a failed save and a reload the values are back, read
// from the platform. Nothing personal goes to browser storage. Against the real chain.
import { expect, waitUntil } from '@open-wc/testing';
import { record, stopRecording } from '../../../test/helpers/events.js';
import { fakeClock, type FakeClock } from '../../../test/helpers/clock.js';
import { answersOf } from '../../../test/helpers/kyc.js';
import {
  $,
  fillPersonal,
  heading,
  pick,
  proceed,
  question,
  reload,
  retype,
  startLevel,
  type,
  widget,
  type Widget,
} from '../../../test/helpers/onboarding.js';
import { countRequests, ENDPOINT, injectFault, loggedInClient, logout, type SandboxClient } from '../../../test/helpers/sandbox.js';
import { createKycClient } from '../../api/index.js';
import { AUTOSAVE_AFTER_MS } from '../../flow/flow-controller.js';

let sandbox: SandboxClient;
let clock: FakeClock;

const stored = async (el: Widget) => answersOf(await createKycClient({ endpoint: ENDPOINT }).getApplication(el.flow.application!.uuid));

/** Whether leaving the page now would be questioned by the browser. */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** The stores the widget reported (kyc-save), as they come. */
let saves: unknown[] = [];

/** Moves the test's clock past the pause after the last change, and waits for the store it starts. */
async function pause(el: Widget): Promise<void> {
  const before = saves.length;
  await clock.advance(AUTOSAVE_AFTER_MS);
  await waitUntil(() => saves.length > before, 'the answers stored');
  await el.updateComplete;
}

describe('<kyc-onboarding> nothing typed is lost', () => {
  beforeEach(async () => {
    sandbox = await loggedInClient();
    clock = fakeClock(Date.now());
    saves = record('kyc-save');
  });
  afterEach(async () => {
    stopRecording();
    await logout();
  });

  it('stores valid answers that need no code as the person goes, never an invalid or a code-signed one', async () => {
    const el = await widget({ clock, autosave: 'on' });
    await startLevel(el, 'Basic');
    await type(el, 'first_name', 'Jane');
    await type(el, 'date_of_birth', '3199'); // not a date yet
    expect(leavingAsks(), 'leaving with answers not stored is questioned').to.equal(true);
    expect(await countRequests(sandbox, 'PATCH'), 'nothing before the person pauses').to.equal(0);
    await pause(el);
    expect(await countRequests(sandbox, 'PATCH')).to.equal(1);
    const first = await stored(el);
    expect(first['first_name']).to.equal('Jane');
    expect(first['date_of_birth'] ?? null, 'an invalid answer waits').to.equal(null);
    expect(el.flow.drafts.has('first_name')).to.equal(false);
    expect(question(el, 'first_name').value, 'the field keeps it').to.equal('Jane');
    expect(leavingAsks(), 'the invalid date is still only typed').to.equal(true);

    await type(el, 'last_name', 'Doe');
    await retype(el, 'date_of_birth', '01011990');
    await pick(el, 'citizenship', 'Latv');
    await pause(el);
    expect(await stored(el)).to.include({ first_name: 'Jane', last_name: 'Doe', date_of_birth: '1990-01-01', citizenship: 'LV' });
    expect(leavingAsks(), 'everything stored: leaving is not questioned').to.equal(false);
    await proceed(el);
    expect(heading(el)).to.equal('Contact details');

    await type(el, 'email', 'jane@example.com'); // signed by an e-mail code
    const patches = await countRequests(sandbox, 'PATCH');
    await clock.advance(AUTOSAVE_AFTER_MS * 5);
    await el.updateComplete;
    expect(await countRequests(sandbox, 'PATCH'), 'a code-signed answer waits for Continue and its code').to.equal(patches);
    expect(leavingAsks()).to.equal(true);
    for (const key of Object.keys(sessionStorage)) expect(sessionStorage.getItem(key)).to.not.contain('jane');
    for (const key of Object.keys(localStorage)) expect(localStorage.getItem(key)).to.not.contain('jane');
  });

  it('after a failed save and a reload, the values typed on the step are back from the platform', async () => {
    const el = await widget({ clock, autosave: 'on' });
    await startLevel(el, 'Basic');
    await fillPersonal(el);
    await pause(el);
    // The save of Continue fails (the connection drops) and the person reloads the page.
    await type(el, 'last_name', 'Doe-Smith');
    await injectFault(sandbox, { method: 'PATCH', path_contains: '/v1/kyc/', status: 503, times: 5 });
    await proceed(el);
    expect($(el, '#notice'), 'the failure is said').to.not.equal(null);
    expect(heading(el)).to.equal('Personal data');

    const again = await reload(el, { clock, autosave: 'on' });
    expect(heading(again)).to.equal('Personal data');
    const kept = ['first_name', 'last_name', 'date_of_birth', 'citizenship'].filter((key) => question(again, key).value !== '');
    expect(kept, 'the values are back (but the last change, never stored)').to.deep.equal([
      'first_name',
      'last_name',
      'date_of_birth',
      'citizenship',
    ]);
    expect(question(again, 'first_name').value).to.equal('Jane');
  });
});
