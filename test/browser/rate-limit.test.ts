// The host proxy's rate limits as the person meets them: the real proxy (its default limit of one-time
// codes per person and hour) answers 429 with Retry-After, and the widget says how long to wait.
import { expect } from '@open-wc/testing';
import { createKycClient } from '../../src/api/index.js';
import de from '../../src/translations/de.js';
import en from '../../src/translations/en.js';
import type { TermFormat } from '../../src/utilities/localize.js';
import { expectAccessible } from '../helpers/axe.js';
import {
  $,
  fillPersonalAndContacts,
  heading,
  promptOf,
  question,
  settled,
  startLevel,
  widget,
  type Widget,
} from '../helpers/onboarding.js';
import { countRequests, ENDPOINT, loggedInClient, logout, type SandboxClient } from '../helpers/sandbox.js';

/** The proxy's default: ten codes per person per hour. */
const CODES_PER_HOUR = 10;

/** Until the contact step asks for a code, as a person would get there. */
async function atTheCodePrompt(el: Widget): Promise<void> {
  await startLevel(el, 'Basic');
  await fillPersonalAndContacts(el, { sign: false });
  expect(el.flow.signature).to.not.equal(null);
}

/**
 * Every code the proxy lets this person have sent this hour, as a script (or other tabs) would,
 * each to another number: the limit met is the person's, not one number's.
 */
async function useUpTheCodes(el: Widget): Promise<void> {
  const api = createKycClient({ endpoint: ENDPOINT });
  for (let sent = 0; sent < CODES_PER_HOUR; sent += 1) {
    const destination = `+3712${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await api.sendSignCode({ objectUuid: el.flow.application!.uuid, providerType: 'sms', destination });
  }
}

describe('a rate limit of the host proxy, in the widget', () => {
  let client: SandboxClient;
  const errors: string[] = [];
  const onError = (event: Event) => errors.push((event as CustomEvent<{ code: string }>).detail.code);

  beforeEach(async () => {
    client = await loggedInClient();
    errors.length = 0;
    document.addEventListener('kyc-error', onError);
  });
  afterEach(async () => {
    document.removeEventListener('kyc-error', onError);
    await logout();
  });

  it('says how long to wait, in minutes, reports one kyc-error and keeps what was typed', async () => {
    const el = await widget();
    await atTheCodePrompt(el);
    await useUpTheCodes(el);
    const prompt = await promptOf(el);
    prompt.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-send"]')!.click();
    await settled(el);

    const notice = $(el, '#notice')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    const expected = [60, 59].map((minutes) => en.errorRateLimitedMinutes(minutes, formatFor('en')));
    expect(expected).to.include(notice.textContent.trim());
    expect(errors).to.deep.equal(['rate_limited']);
    expect(await countRequests(client, 'POST', '/v1/signatures/send-code/'), 'the refused one never reached the platform').to.equal(
      CODES_PER_HOUR,
    );
    // Nothing typed is lost, and the person can go back to the step.
    expect(heading(el)).to.equal('Contact details');
    expect((question(el, 'phone') as unknown as { value: string }).value).to.equal('+37120000009');
    await expectAccessible(el);
  });

  it('says it in the widget’s language', async () => {
    const el = await widget({ lang: 'de' });
    await atTheCodePrompt(el);
    await useUpTheCodes(el);
    (await promptOf(el)).shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-send"]')!.click();
    await settled(el);
    const expected = [60, 59].map((minutes) => de.errorRateLimitedMinutes(minutes, formatFor('de')));
    expect(expected).to.include($(el, '#notice')!.textContent.trim());
  });
});

/** The term formatter a catalog's function terms are given, for `lang`. */
function formatFor(lang: string): TermFormat {
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  return {
    number: (value: number) => numbers.format(value),
    plural: (count, forms) => forms[rules.select(count)] ?? forms.other,
  };
}
