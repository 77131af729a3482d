// A hand-off link opened on the person's phone: a page with no session of the host opens the
// application of the session that made the link, once. The link's token and application are in
// the address's fragment, taken out of the address bar at once. Through the demo's token endpoint
// (hand-off on) and proxy.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { applicationOf, type Widget } from '../helpers/onboarding.js';
import { ENDPOINT, loggedInClient, logout } from '../helpers/sandbox.js';
import { createKycClient } from '../../src/api/index.js';
import en from '../../src/translations/en.js';
import { expectAccessible } from '../helpers/axe.js';

/** A widget as the partner's phone page has it: the proxy, and the token endpoint the link's token is exchanged at. */
async function phoneWidget(): Promise<Widget> {
  const el = await fixture<Widget>(
    html`<kyc-onboarding endpoint=${ENDPOINT} token-endpoint="/kyc-token" lang="en" welcome="off" autosave="off"></kyc-onboarding>`,
  );
  await waitUntil(() => el.flow.screen.name !== 'loading', 'the first load ends', { timeout: 5000 });
  return el;
}

describe('<kyc-onboarding> opened from a hand-off link', () => {
  const address = location.href;
  afterEach(async () => {
    history.replaceState(null, '', address);
    await logout();
  });

  it('opens the desk session’s application on a page with no session, takes the token out of the address, and only once', async () => {
    await loggedInClient();
    const uuid = await applicationOf('Advanced');
    const { token } = await createKycClient({ endpoint: ENDPOINT, tokenEndpoint: '/kyc-token' }).requestHandoff();
    await logout(); // the phone: no session of the host

    history.replaceState(null, '', `#kyc-handoff=${encodeURIComponent(token)}&kyc-application=${uuid}&tab=documents`);
    const phone = await phoneWidget();
    expect(location.hash, 'the token is out of the address bar, the rest kept').to.equal('#tab=documents');
    expect(phone.flow.screen.name).to.equal('step');
    expect(phone.flow.application?.uuid).to.equal(uuid);
    phone.remove();

    history.replaceState(null, '', `#kyc-handoff=${encodeURIComponent(token)}&kyc-application=${uuid}`);
    const again = await phoneWidget();
    expect(again.flow.screen.name, 'a hand-off link never works twice').to.equal('failed');
    expect(again.flow.screen.name === 'failed' && again.flow.screen.error.code).to.equal('unauthorized');
    expect(location.hash).to.equal('');
    await again.updateComplete;
    // Said as a spent link, with the way on (the desk makes another), not as a session to sign in to again.
    expect(again.shadowRoot.querySelector('[part~="body"]')!.textContent.trim()).to.equal(en.errorHandoffLink);
    expect(again.shadowRoot.querySelector('[part~="button-continue"]'), 'no retry that would fail again').to.equal(null);
    await expectAccessible(again);
  });
});
