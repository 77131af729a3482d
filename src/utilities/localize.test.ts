import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement, html as template, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import en from '../translations/en.js';
import {
  LocalizeController,
  registerEnglishTerms,
  registerTranslation,
  registerTranslationLoader,
  type TermArgs,
  type TermFormat,
  type TermKey,
  type KycTranslation,
  type KycTranslationOverrides,
} from './localize.js';

/** A minimal localized element: renders one term and records every text it rendered. */
class LocalizeProbe extends LitElement {
  @property({ attribute: false }) translations?: KycTranslationOverrides;
  readonly localize = new LocalizeController(this);
  readonly rendered: string[] = [];

  override render(): TemplateResult {
    const text = this.localize.term('loading');
    this.rendered.push(text);
    return template`${text}`;
  }
}
customElements.define('kyc-localize-probe', LocalizeProbe);

type FunctionTermKey = { [K in TermKey]: KycTranslation[K] extends string ? never : K }[TermKey];
type StringTermKey = Exclude<TermKey, FunctionTermKey>;

const probe = (lang?: string) => fixture<LocalizeProbe>(html`<kyc-localize-probe lang=${lang ?? ''}></kyc-localize-probe>`);
const shown = (element: LocalizeProbe) => element.shadowRoot?.textContent;
/** Waits until the element uses the catalog `code` (which loads it on first use). */
const usesCatalog = (element: LocalizeProbe, code: string) =>
  waitUntil(() => element.localize.term('$code') === code, `the ${code} catalog did not arrive`);

const LAZY = ['de', 'fr', 'es', 'ru', 'ar'] as const;
const loadCatalog = async (code: (typeof LAZY)[number]): Promise<KycTranslation> => {
  const modules = {
    de: () => import('../translations/de.js'),
    fr: () => import('../translations/fr.js'),
    es: () => import('../translations/es.js'),
    ru: () => import('../translations/ru.js'),
    ar: () => import('../translations/ar.js'),
  };
  return (await modules[code]()).default;
};

const root = document.documentElement;
const original = { lang: root.getAttribute('lang'), dir: root.getAttribute('dir') };
afterEach(() => {
  for (const [name, value] of Object.entries(original)) {
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
});

describe('LocalizeController', () => {
  // Runs first: no test before it may show German, so the catalog is not loaded yet.
  it('shows English while a catalog loads, then re-renders in that language', async () => {
    const element = await probe('de');
    expect(element.rendered[0]).to.equal('Loading…');
    await waitUntil(() => shown(element) === 'Wird geladen…', 'no re-render in German');
    expect(element.rendered.at(-1)).to.equal('Wird geladen…');
  });

  describe('language resolution', () => {
    it('uses the element’s own lang first', async () => {
      root.setAttribute('lang', 'fr');
      const outer = await fixture(html`<div lang="ru"><kyc-localize-probe lang="es"></kyc-localize-probe></div>`);
      expect(outer.querySelector<LocalizeProbe>('kyc-localize-probe')!.localize.lang()).to.equal('es');
    });

    it('takes the closest [lang] ancestor, across shadow roots', async () => {
      const outer = await fixture(html`<div lang="ru"><div></div></div>`);
      const shadow = outer.firstElementChild!.attachShadow({ mode: 'open' });
      const element = document.createElement('kyc-localize-probe') as LocalizeProbe;
      shadow.append(element);
      expect(element.localize.lang()).to.equal('ru');

      const wrapper = document.createElement('section');
      wrapper.lang = 'fr';
      shadow.append(wrapper);
      wrapper.append(element);
      expect(element.localize.lang()).to.equal('fr');
    });

    it('falls back to <html lang>, then to English', async () => {
      root.setAttribute('lang', 'fr');
      const element = await probe();
      expect(element.localize.lang()).to.equal('fr');
      root.removeAttribute('lang');
      expect(element.localize.lang()).to.equal('en');
      expect(element.localize.term('$code')).to.equal('en');
    });

    it('canonicalizes tags and treats an invalid one as English', async () => {
      expect((await probe('DE_at')).localize.lang()).to.equal('de-AT');
      expect((await probe('not a language!')).localize.lang()).to.equal('en');
    });

    it('falls back from a region to its language, and from an unknown language to English', async () => {
      const austrian = await probe('de-AT');
      await usesCatalog(austrian, 'de');
      expect(austrian.localize.term('cancel')).to.equal('Abbrechen');
      expect(austrian.localize.lang()).to.equal('de-AT');

      const brazilian = await probe('pt-BR');
      expect(brazilian.localize.term('cancel')).to.equal('Cancel');
      expect(brazilian.localize.lang()).to.equal('pt-BR');
    });

    it('uses a language a host registered, with region fallback (pt-BR → pt)', async () => {
      const element = await probe('pt-BR');
      registerTranslation({ ...en, $code: 'pt', $name: 'Português', loading: 'Carregando…', cancel: 'Cancelar' });
      await waitUntil(() => shown(element) === 'Carregando…', 'no re-render after registerTranslation');
      expect(element.localize.term('cancel')).to.equal('Cancelar');
    });
  });

  describe('English in parts', () => {
    it("has the words of every lazily loaded element once their parts are loaded, and a host's English keeps its own", async () => {
      const element = await probe('en');
      // This test imports en.ts, which loads every part: the elements' words are there.
      expect(element.localize.term('fileTakePhoto')).to.equal(en.fileTakePhoto);
      expect(element.localize.term('noMatches')).to.equal(en.noMatches);
      // A part loaded after a host registered its own English does not overwrite the host's words.
      registerTranslation({ ...en, fileTakePhoto: 'Snap it' });
      registerEnglishTerms({ fileTakePhoto: 'Take a photo' });
      expect(element.localize.term('fileTakePhoto')).to.equal('Snap it');
      registerTranslation(en); // as it was, for the tests after this one
    });
  });

  describe('per-element overrides (translations property)', () => {
    it('overrides single terms of a shipped language, and of a region only', async () => {
      const element = await probe('de-AT');
      await usesCatalog(element, 'de');
      element.translations = { 'de-AT': { loading: 'Lädt…' }, en: { cancel: 'Dismiss' } };
      await element.updateComplete;
      expect(shown(element)).to.equal('Lädt…');
      expect(element.localize.term('cancel')).to.equal('Abbrechen');

      const other = await probe('de');
      other.translations = element.translations;
      await other.updateComplete;
      expect(shown(other)).to.equal('Wird geladen…');
    });

    it('supports a custom language, its own plural rules and direction, with English for missing terms', async () => {
      const latvian: Partial<KycTranslation> = {
        $code: 'lv',
        $name: 'Latviešu',
        $dir: 'ltr',
        loading: 'Ielādē…',
        remarksCount: (count: number, f: TermFormat) =>
          f.plural(count, { zero: `${count} piezīmju`, one: `${count} piezīme`, other: `${count} piezīmes` }),
      };
      const element = await probe('lv');
      element.translations = { lv: latvian };
      await element.updateComplete;
      expect(shown(element)).to.equal('Ielādē…');
      expect(element.localize.term('$name')).to.equal('Latviešu');
      expect(element.localize.term('back')).to.equal('Back');
      // Latvian rules, not English ones: 21 is "one", 10 is "zero".
      expect(element.localize.term('remarksCount', 21)).to.equal('21 piezīme');
      expect(element.localize.term('remarksCount', 10)).to.equal('10 piezīmju');

      const hebrew = await probe('he');
      hebrew.translations = { he: { $dir: 'rtl' } };
      expect(hebrew.localize.dir()).to.equal('rtl');
    });
  });

  describe('re-rendering', () => {
    it('re-renders when <html lang> changes', async () => {
      const russian = await probe('ru');
      await usesCatalog(russian, 'ru'); // loaded before, so only the attribute change can re-render
      const element = await probe();
      expect(shown(element)).to.equal('Loading…');
      root.setAttribute('lang', 'ru');
      await waitUntil(() => shown(element) === 'Загрузка…', 'no re-render after <html lang> changed');
    });

    it('re-renders when a lang attribute changes on the element or dir changes on <html>', async () => {
      const element = await probe('en');
      element.setAttribute('lang', 'de');
      await waitUntil(() => shown(element) === 'Wird geladen…', 'no re-render after the element’s lang changed');
      const renders = element.rendered.length;
      root.setAttribute('dir', 'rtl');
      await waitUntil(() => element.rendered.length > renders, 'no re-render after <html dir> changed');
    });

    it('shares one observer, created when the first element connects and stopped when the last leaves', async () => {
      const Native = window.MutationObserver;
      const log: string[] = [];
      window.MutationObserver = class extends Native {
        constructor(callback: MutationCallback) {
          super(callback);
          log.push('create');
        }
        override disconnect() {
          log.push('disconnect');
          super.disconnect();
        }
      };
      try {
        const container = await fixture(html`<div></div>`);
        const elements = ['en', 'de', 'fr'].map((lang) => {
          const element = document.createElement('kyc-localize-probe');
          element.lang = lang;
          return element;
        });
        container.append(...elements);
        expect(log).to.deep.equal(['create']);
        elements[0].remove();
        elements[1].remove();
        expect(log).to.deep.equal(['create']);
        elements[2].remove();
        expect(log).to.deep.equal(['create', 'disconnect']);
        container.append(elements[0]);
        expect(log).to.deep.equal(['create', 'disconnect', 'create']);
        elements[0].remove();
      } finally {
        window.MutationObserver = Native;
      }
    });
  });

  describe('direction', () => {
    it('is the language’s, unless the element has an explicit dir', async () => {
      const element = await probe('ar');
      await usesCatalog(element, 'ar');
      expect(element.localize.dir()).to.equal('rtl');
      element.setAttribute('dir', 'ltr');
      expect(element.localize.dir()).to.equal('ltr');
      element.setAttribute('dir', 'auto');
      expect(element.localize.dir()).to.equal('rtl');
      expect((await probe('fr')).localize.dir()).to.equal('ltr');
    });
  });

  describe('terms', () => {
    it('fills function terms and formats their numbers for the element’s locale', async () => {
      const english = await probe('en');
      expect(english.localize.term('stepOf', 2, 5)).to.equal('Step 2 of 5');
      expect(english.localize.term('changeAnswer', 'Citizenship')).to.equal('Change Citizenship');
      expect(english.localize.term('optionsAvailable', 0)).to.equal('No results');
      expect(english.localize.term('optionsAvailable', 1)).to.equal('1 result');
      expect(english.localize.term('optionsAvailable', 1234)).to.equal('1,234 results');

      const swiss = await probe('de-CH');
      await usesCatalog(swiss, 'de');
      expect(swiss.localize.term('optionsAvailable', 12345)).to.equal(`${new Intl.NumberFormat('de-CH').format(12345)} Ergebnisse`);
      expect(new Intl.NumberFormat('de-CH').format(12345)).not.to.equal(new Intl.NumberFormat('de').format(12345));
    });

    it('uses the Russian plural forms (1, 2, 5, 21)', async () => {
      const { localize } = await probe('ru');
      await waitUntil(() => localize.term('$code') === 'ru');
      expect([1, 2, 5, 21].map((count) => localize.term('remarksCount', count))).to.deep.equal([
        '1 замечание',
        '2 замечания',
        '5 замечаний',
        '21 замечание',
      ]);
      expect([1, 3, 11, 22].map((count) => localize.term('resendIn', count))).to.deep.equal([
        'Запросить новый код можно через 1 секунду.',
        'Запросить новый код можно через 3 секунды.',
        'Запросить новый код можно через 11 секунд.',
        'Запросить новый код можно через 22 секунды.',
      ]);
    });

    it('uses the six Arabic plural forms, with the digits of the region', async () => {
      const { localize } = await probe('ar');
      await waitUntil(() => localize.term('$code') === 'ar');
      expect([0, 1, 2, 3, 11, 100].map((count) => localize.term('remarksCount', count))).to.deep.equal([
        'لا توجد ملاحظات',
        'ملاحظة واحدة',
        'ملاحظتان',
        '3 ملاحظات',
        '11 ملاحظةً',
        '100 ملاحظة',
      ]);
      const egyptian = await probe('ar-EG');
      expect(egyptian.localize.term('remarksCount', 3)).to.equal('٣ ملاحظات');
    });

    it('never throws for untyped callers (missing arguments, unknown keys)', async () => {
      const { localize } = await probe('en');
      // @ts-expect-error a function term requires its parameters
      expect(localize.term('changeAnswer')).to.be.a('string');
      // @ts-expect-error a string term takes no parameters
      expect(localize.term('loading', 1)).to.equal('Loading…');
      // @ts-expect-error not a term
      expect(localize.term('noSuchTerm')).to.equal('noSuchTerm');
    });
  });

  describe('formatting', () => {
    it('formats dates, numbers and lists for the element’s locale', async () => {
      const german = (await probe('de')).localize;
      expect(german.date('2024-03-01', { dateStyle: 'long' })).to.equal('1. März 2024');
      expect(german.number(1234.5)).to.equal('1.234,5');
      expect(german.list(['Pass', 'Ausweis', 'Selfie'])).to.equal('Pass, Ausweis und Selfie');
      const english = (await probe('en-GB')).localize;
      expect(english.date(new Date(Date.UTC(2024, 2, 1, 12)), { dateStyle: 'medium', timeZone: 'UTC' })).to.equal('1 Mar 2024');
      expect(english.date('not a date')).to.equal('not a date');
    });
  });

  describe('lazy catalogs', () => {
    it('keeps English when a catalog fails to load, without an unhandled rejection or a retry loop', async () => {
      let calls = 0;
      let fail: (error: Error) => void = () => undefined;
      registerTranslationLoader('xx', () => {
        calls += 1;
        return new Promise<{ default: KycTranslation }>((_, reject) => (fail = reject));
      });
      const unhandled: unknown[] = [];
      const onUnhandled = (event: PromiseRejectionEvent) => {
        unhandled.push(event.reason);
        event.preventDefault();
      };
      window.addEventListener('unhandledrejection', onUnhandled);
      try {
        const element = await probe('xx');
        expect(calls).to.equal(1);
        fail(new Error('offline'));
        await aTimeout(0); // let an unhandled rejection, if any, be reported
        element.requestUpdate();
        await element.updateComplete;
        expect(shown(element)).to.equal('Loading…');
        expect(calls).to.equal(1);
        expect(unhandled).to.deep.equal([]);
      } finally {
        window.removeEventListener('unhandledrejection', onUnhandled);
      }
    });
  });

  describe('catalogs', () => {
    const englishKeys = Object.keys(en).sort();
    /** Identical to English on purpose: a word shared by the languages, or a pattern that only joins server texts. */
    const SAME_AS_ENGLISH: Record<string, string[]> = {
      de: ['documentVersion', 'errorSummaryItem'],
      fr: ['documentVersion', 'filePages', 'filePageOf'],
      es: ['no', 'errorSummaryItem'],
      ru: ['errorSummaryItem'],
    };
    /** Arguments for every function term (complete by type: a new function term needs an entry). */
    const SAMPLE_ARGS: { [K in FunctionTermKey]: TermArgs<K> } = {
      stepOf: [2, 5],
      errorSummaryItem: ['Citizenship', 'Choose a country.'],
      currentLevel: ['Basic'],
      changeAnswer: ['Citizenship'],
      completeAnswer: ['Citizenship'],
      reviewMissingTitle: [2],
      welcomeTime: [5],
      remarksCount: [2],
      unknownStatusBody: ['on_hold'],
      optionsAvailable: [2],
      unnamedLevel: [2],
      errorRateLimited: [2],
      errorRateLimitedMinutes: [2],
      documentVersion: ['3'],
      acceptDocument: ['Terms of service'],
      codeSent: ['name@example.com'],
      resendIn: [2],
      signaturePromptProgress: [1, 2],
      signaturePromptSendTo: ['name@example.com'],
      signaturePromptCodeFormat: [6],
      fileChooseFor: ['Passport'],
      fileAddPageFor: ['Passport'],
      fileReplaceFor: ['Passport'],
      fileTakePhotoFor: ['Passport'],
      filePageOf: [2, 'Passport'],
      filePages: [3],
      fileUploadingFor: ['Passport'],
      fileCancelFor: ['Passport'],
      fileRetryFor: ['Passport'],
      fileRetakeFor: ['Passport'],
      fileRemoveFor: ['Passport'],
      fileTooBig: [64],
      fileUploadedFor: ['Passport'],
      fileTooManyPages: [10],
      captureTitle: ['Passport'],
      captureReviewTitle: ['Passport'],
      captureShutterFor: ['Passport'],
      capturePreviewLabel: ['Passport'],
      captureNextSide: ['back side'],
    };
    const text = (localize: LocalizeController, key: TermKey) =>
      key in SAMPLE_ARGS
        ? // The union of every term's parameters is no tuple: the call goes through a looser signature.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          (localize.term as (key: TermKey, ...args: unknown[]) => string)(key, ...SAMPLE_ARGS[key as FunctionTermKey])
        : localize.term(key as StringTermKey);

    for (const code of LAZY) {
      it(`${code}: has exactly the terms of English, of the same kinds, translated and never empty`, async () => {
        const catalog = await loadCatalog(code);
        expect(Object.keys(catalog).sort()).to.deep.equal(englishKeys);
        expect(catalog.$code).to.equal(code);
        expect(catalog.$dir).to.equal(code === 'ar' ? 'rtl' : 'ltr');

        const local = await probe(code);
        await usesCatalog(local, code);
        const english = (await probe('en')).localize;
        for (const key of englishKeys as TermKey[]) {
          expect(typeof catalog[key], key).to.equal(typeof en[key]);
          expect(text(local.localize, key), key).to.match(/\S/);
          if (key === '$dir' || SAME_AS_ENGLISH[code]?.includes(key)) continue;
          expect(text(local.localize, key), `${code}.${key} is still English`).not.to.equal(text(english, key));
        }
      });
    }

    it('en: no term is empty', async () => {
      const { localize } = await probe('en');
      for (const key of englishKeys as TermKey[]) expect(text(localize, key), key).to.match(/\S/);
    });

    it('makes a missing, unknown or mistyped term a type error (checked by tsc)', () => {
      const { loading: _removed, ...incomplete } = en;
      // @ts-expect-error a catalog without `loading` is incomplete
      expect(incomplete satisfies KycTranslation).not.to.have.property('loading');
      // @ts-expect-error `extraTerm` is not a term
      expect({ ...en, extraTerm: 'x' } satisfies KycTranslation).to.have.property('extraTerm');
      // @ts-expect-error stepOf takes numbers
      expect({ ...en, stepOf: (index: string) => index } satisfies KycTranslation).to.have.property('stepOf');
    });
  });

  describe('server-side import', () => {
    it('imports without window or document (in a module worker, which has neither)', async () => {
      const urls = ['./localize.ts', '../translations/en.ts', ...LAZY.map((code) => `../translations/${code}.ts`)].map(
        (path) => new URL(path, import.meta.url).href,
      );
      const source =
        `Promise.all(${JSON.stringify(urls)}.map((url) => import(url))).then(` +
        `(modules) => postMessage({ modules: modules.length, window: typeof window, document: typeof document }),` +
        `(error) => postMessage({ error: String(error) }));`;
      const script = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(script, { type: 'module' });
      try {
        const { data } = await oneEvent<MessageEvent>(worker, 'message');
        expect(data).to.deep.equal({ modules: urls.length, window: 'undefined', document: 'undefined' });
      } finally {
        worker.terminate();
        URL.revokeObjectURL(script);
      }
    });
  });
});
