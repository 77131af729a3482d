// <kyc-onboarding>'s one-time codes as a person meets them: each code is checked as soon as it is
// typed (a wrong first code of two is said before the second is asked), and on a phone the prompt
// is brought into view and focused. Against the real chain (proxy → sandbox).
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { answersOf } from '../../../test/helpers/kyc.js';
import { $, composedTexts, fillPersonalAndContacts, promptOf, settled, startLevel, widget } from '../../../test/helpers/onboarding.js';
import { ENDPOINT, loggedInClient, logout, SIGN_CODE } from '../../../test/helpers/sandbox.js';
import { expectAccessible } from '../../../test/helpers/axe.js';
import { createKycClient } from '../../api/index.js';
import en from '../../translations/en.js';

describe('<kyc-onboarding> one-time codes', () => {
  beforeEach(async () => {
    await loggedInClient();
  });
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await logout();
  });

  it('on a phone, brings the prompt into view and focuses it, and says a wrong first code of two at once', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await widget();
    await startLevel(el, 'Basic');
    await fillPersonalAndContacts(el, { sign: false });

    const prompt = await promptOf(el);
    const root = prompt.shadowRoot!;
    const title = root.querySelector<HTMLElement>('[part~="title"]')!;
    expect(root.activeElement, 'the prompt has the focus').to.equal(title);
    const box = root.querySelector('[part~="base"]')!.getBoundingClientRect();
    expect(box.height, 'a phone shows the whole prompt').to.be.below(window.innerHeight);
    expect(box.top, 'the prompt is in view').to.be.at.least(0);
    expect(box.bottom, 'the whole prompt is in view').to.be.at.most(window.innerHeight);
    expect(composedTexts(root)).to.include('Code 1 of 2');

    root.querySelector<HTMLButtonElement>('[part~="button-send"]')!.click();
    await settled(el);
    const input = () => root.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
    input().focus();
    await sendKeys({ type: '000000' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    await prompt.updateComplete;
    expect(root.querySelector('[part~="error"]')?.textContent?.trim(), 'the wrong code is said at once').to.equal(en.errorSignatureInvalid);
    expect(composedTexts(root), 'still the first code').to.include('Code 1 of 2');
    await expectAccessible(el);

    input().select();
    await sendKeys({ type: SIGN_CODE });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    await prompt.updateComplete;
    expect(composedTexts(root), 'the second code is asked').to.include('Code 2 of 2');
    const uuid = el.flow.application!.uuid;
    const stored = answersOf(await createKycClient({ endpoint: ENDPOINT }).getApplication(uuid));
    expect(stored['email'], 'the first code stored what it signs').to.equal('jane@example.com');
    expect(stored['phone'], 'the phone waits for its code').to.equal(null);
    expect($(el, '#notice'), 'no alert of an earlier problem').to.equal(null);
  });
});
