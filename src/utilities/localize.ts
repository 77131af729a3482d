// Per-element localization: typed terms from lazily loaded catalogs, Intl formatting, lang and dir.
// Nothing here touches `document` or `window` at import time (SSR-safe): the one MutationObserver
// starts when the first host connects.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import english from '../translations/en-core.js';
import type en from '../translations/en.js';

/** Plural forms of a term, by `Intl.PluralRules` category; `other` is the fallback for a missing one. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The helpers a function term receives as its last argument (callers of `term()` never pass it). */
export interface TermFormat {
  /** Formats a number for the element's locale (digits, separators): use it for every count. */
  number(value: number): string;
  /** Chooses the form for `count` by the plural rules of the language the term is written in. */
  plural(count: number, forms: PluralForms): string;
}

/** The shape every catalog has; the English catalog is checked against it. */
export interface TranslationBase {
  /** Language code of the catalog, e.g. `de`. */
  $code: string;
  /** The language's own name, e.g. `Deutsch`. */
  $name: string;
  /** Writing direction of the language. */
  $dir: 'ltr' | 'rtl';
  [term: string]: string | ((...args: never[]) => string);
}

type English = typeof en;

/**
 * A complete catalog: every term of the English one, with the same parameters. Catalogs are
 * written `{ … } satisfies KycTranslation`, so a missing or an unknown term is a type error.
 */
export type KycTranslation = {
  [K in keyof English]: K extends '$dir' ? TranslationBase['$dir'] : English[K] extends string ? string : English[K];
};

/** A term's name (the `$code`, `$name`, `$dir` metadata included). */
export type TermKey = keyof KycTranslation;

/** A term that is a plain string (no arguments). */
export type TextTermKey = { [K in TermKey]: KycTranslation[K] extends string ? K : never }[TermKey];

/** The arguments `term(key, …)` takes: the term's parameters without its trailing {@link TermFormat}. */
export type TermArgs<K extends TermKey> = KycTranslation[K] extends (...args: infer P) => string
  ? P extends [...infer Args, TermFormat]
    ? Args
    : P
  : [];

/** Per-element overrides: catalogs by language code (custom codes allowed), each with any subset of terms. */
export type KycTranslationOverrides = Record<string, Partial<KycTranslation>>;

/** @deprecated Use {@link KycTranslation}. */
export type Translation = KycTranslation;
/** @deprecated Use {@link KycTranslationOverrides}. */
export type TranslationOverrides = KycTranslationOverrides;

/** An element that localizes: a reactive host that may carry per-instance `translations`. */
export type LocalizeHost = ReactiveControllerHost & HTMLElement & { translations?: KycTranslationOverrides | undefined };

/** Loads a catalog on demand, as a module whose default export is the catalog. */
export type TranslationLoader = () => Promise<{ default: KycTranslation }>;

// English starts with the terms the widget needs first; lazily loaded elements bring theirs.
const catalogs = new Map<string, KycTranslation>([['en', english as Partial<KycTranslation> as KycTranslation]]);
/** Explicit dynamic imports, so that bundlers split every language into its own chunk. */
const loaders = new Map<string, TranslationLoader>([
  ['de', () => import('../translations/de.js')],
  ['fr', () => import('../translations/fr.js')],
  ['es', () => import('../translations/es.js')],
  ['ru', () => import('../translations/ru.js')],
  ['ar', () => import('../translations/ar.js')],
]);
/** Languages whose loader has run: each loads at most once per page, and a failed load keeps English. */
const requested = new Set<string>();
const hosts = new Set<LocalizeHost>();
let observer: MutationObserver | undefined;

const updateHosts = () => hosts.forEach((host) => host.requestUpdate());
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Intl formatters, made once per language and options: the first one a page makes costs tens of
 * milliseconds (the engine loads its locale data), later ones still cost a little on every render.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.PluralRules>();
/** A number formatter for `lang`, shared. */
export function numberFormat(lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${lang} ${options ? JSON.stringify(options) : ''}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(lang, options)));
  return format;
}
/** Languages whose first formatter was made ahead (once per language, not once per element). */
const warmed = new Set<string>();
function pluralRules(lang: string): Intl.PluralRules {
  const key = `p ${lang}`;
  let rules = formatters.get(key) as Intl.PluralRules | undefined;
  if (!rules) formatters.set(key, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/**
 * Registers complete catalogs (a host's own languages, or a replacement of a shipped one) and
 * re-renders every connected element.
 */
export function registerTranslation(...translations: KycTranslation[]): void {
  for (const translation of translations) catalogs.set(translation.$code.toLowerCase(), translation);
  updateHosts();
}

/**
 * Adds the English terms of a lazily loaded element (translations/en-<element>.ts, imported by the
 * element): the words come with the element that shows them. A host's own English catalog, when it
 * registered one, keeps its words.
 */
export function registerEnglishTerms(terms: Partial<KycTranslation>): void {
  catalogs.set('en', { ...terms, ...catalogs.get('en') } as KycTranslation);
  updateHosts();
}

/**
 * Registers a lazy catalog for `lang` (e.g. `() => import('./lv.js')`): it is loaded the first
 * time an element shows that language, and elements re-render when it arrives.
 */
export function registerTranslationLoader(lang: string, loader: TranslationLoader): void {
  loaders.set(lang.toLowerCase(), loader);
}

function catalog(code: string): KycTranslation | undefined {
  const found = catalogs.get(code);
  const loader = loaders.get(code);
  if (!found && loader && !requested.has(code)) {
    requested.add(code);
    loader().then(
      (module) => {
        if (catalogs.has(code)) return; // registered meanwhile by the host: that one wins
        catalogs.set(code, module.default);
        updateHosts();
      },
      () => undefined, // offline or a missing chunk: English stays
    );
  }
  return found;
}

/** Lookup order for a locale: `de-at` → `de` → `en`. */
function candidates(lang: string): string[] {
  const subtags = lang.toLowerCase().split('-');
  const codes = subtags.map((_, index) => subtags.slice(0, subtags.length - index).join('-'));
  return codes.includes('en') ? codes : [...codes, 'en'];
}

/** A canonical BCP 47 tag (`de_at` → `de-AT`), or `en` for a missing or invalid one. */
function canonical(tag: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag?.trim().replaceAll('_', '-') || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Localizes one element (Shoelace-style): terms from the catalog of the element's language, with
 * per-instance overrides from its `translations` property, and dates, numbers and lists via Intl.
 *
 * The language is the element's `lang`, else the closest `[lang]` ancestor (across shadow roots),
 * else `<html lang>`, else English; a regional tag falls back to its base language (`de-AT` →
 * `de`), then to English. Catalogs other than English are loaded on first use; English shows
 * until they arrive, then the element re-renders. Elements also re-render when a `lang` or `dir`
 * attribute changes in the document (one observer shared by all elements).
 *
 * An element holds it, like its other controllers, in a private field:
 * `readonly #localize = new LocalizeController(this);` — private at run time, not only to the
 * type checker, so it is no member of the element's public interface, typings or docs.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: LocalizeHost;

  constructor(host: LocalizeHost) {
    this.host = host;
    host.addController(this);
  }

  /** @internal */
  hostConnected(): void {
    hosts.add(this.host);
    // The first formatter's cost is paid while the first requests are on the network, not on the
    // way to the first step ("Step 1 of 3").
    const lang = this.lang();
    if (!warmed.has(lang)) {
      warmed.add(lang);
      setTimeout(() => {
        try {
          numberFormat(lang);
        } catch {
          // an invalid language tag: term() falls back to English
        }
      });
    }
    if (observer) return;
    observer = new MutationObserver(updateHosts);
    observer.observe(this.host.ownerDocument.documentElement, {
      attributes: true,
      attributeFilter: ['lang', 'dir'],
      subtree: true,
    });
  }

  /** @internal */
  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size) return;
    observer?.disconnect();
    observer = undefined;
  }

  /** The element's language as a canonical BCP 47 tag (`de-AT`); `en` when none is set. */
  lang(): string {
    let node: Element | undefined = this.host;
    while (node) {
      const owner = node.closest('[lang]:not([lang=""])');
      if (owner) return canonical(owner.getAttribute('lang'));
      node = (node.getRootNode() as Partial<ShadowRoot>).host;
    }
    return canonical(this.host.ownerDocument.documentElement?.getAttribute('lang'));
  }

  /** The writing direction: the element's own `dir` attribute when `ltr`/`rtl`, else its language's. */
  dir(): 'ltr' | 'rtl' {
    const own = this.host.getAttribute('dir');
    return own === 'ltr' || own === 'rtl' ? own : (this.term('$dir') as 'ltr' | 'rtl');
  }

  /** The text of a term in the element's language; function terms take their parameters after the key. */
  term<K extends TermKey>(key: K, ...args: TermArgs<K>): string {
    const lang = this.lang();
    const overrides = Object.entries(this.host.translations ?? {});
    for (const code of candidates(lang)) {
      const value = overrides.find(([name]) => name.toLowerCase() === code)?.[1][key] ?? catalog(code)?.[key];
      if (typeof value === 'string') return value;
      if (typeof value === 'function') {
        const format: TermFormat = {
          number: (count) => numberFormat(lang).format(count),
          plural: (count, forms) => forms[pluralRules(code).select(count)] ?? forms.other,
        };
        return (value as (...params: unknown[]) => string)(...args, format);
      }
    }
    return key; // only for an unknown key from untyped callers
  }

  /**
   * Formats a date for the element's locale. A date-only string (`2024-03-01`, as the API sends
   * dates) is shown as that calendar day in every time zone. An invalid date is returned as given.
   */
  date(value: Date | string | number, options: Intl.DateTimeFormatOptions = {}): string {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    const dateOnly = typeof value === 'string' && DATE_ONLY.test(value);
    return new Intl.DateTimeFormat(this.lang(), dateOnly ? { timeZone: 'UTC', ...options } : options).format(date);
  }

  /** Formats a number for the element's locale. */
  number(value: number | bigint, options?: Intl.NumberFormatOptions): string {
    return numberFormat(this.lang(), options).format(value);
  }

  /** Joins items as a sentence list for the element's locale (`a, b and c`). */
  list(items: Iterable<string>, options?: Intl.ListFormatOptions): string {
    return new Intl.ListFormat(this.lang(), options).format(items);
  }
}
