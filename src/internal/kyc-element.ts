import { LitElement, type CSSResultGroup, type CSSResultOrNative } from 'lit';
import { hostStyles } from '../styles/host.styles.js';
import { tokensStyles } from '../styles/tokens.styles.js';
import { defineElement } from './define.js';

/** Lazy dependencies being loaded, by tag (see {@link KycElement.need}). */
const lazyLoads = new Map<string, Promise<void>>();

/**
 * Base class of every kyc element.
 *
 * - Styles: subclasses declare a standard `static styles` (a `css` result or an array of them);
 *   {@link hostStyles} and {@link tokensStyles} are always prepended, so a component cannot lose
 *   the theming contract, and listing them again (e.g. through `super.styles`) is harmless.
 * - Registration: `KycX.define('kyc-x')` goes through the guarded {@link defineElement}.
 * - `lang` and `dir` are observed: changing them re-renders, so a `LocalizeController` picks them up.
 *
 * Nothing here touches `window` or `document` at import time, so the module is safe to import in
 * Node (SSR frameworks).
 */
export class KycElement extends LitElement {
  /**
   * Attributes that re-render the element when they change although no reactive property
   * reflects them. Subclasses extend the list with `[...super.updateOnAttributes, …]`.
   */
  protected static get updateOnAttributes(): readonly string[] {
    return ['lang', 'dir'];
  }

  /** @internal Lit's observed attributes plus {@link updateOnAttributes}. */
  static override get observedAttributes(): string[] {
    return [...new Set([...super.observedAttributes, ...this.updateOnAttributes])];
  }

  /** @internal Prepends the host and token styles to the subclass's own `static styles`. */
  protected static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    return super.finalizeStyles([hostStyles, tokensStyles, styles ?? []]);
  }

  /**
   * Elements this one renders, by tag: {@link define} registers them first, so defining the root
   * defines the whole tree while importing any module stays free of side effects.
   */
  static dependencies: Readonly<Record<string, typeof KycElement>> = {};

  /**
   * Elements this one renders only in some states (a document's file chooser, a long list's
   * combobox), by tag, each with a loader of its class: their code is a chunk of its own in the
   * CDN build, loaded the first time {@link KycElement.need} asks for it.
   */
  static lazyDependencies: Readonly<Record<string, () => Promise<typeof KycElement>>> = {};

  /**
   * Loads and defines a lazy dependency of this element's class (once per page, however many ask);
   * resolves when it is defined. Call it before rendering the tag (until then it is rendered
   * undefined, and upgrades when its code arrives, keeping the properties already set on it).
   */
  protected need(tagName: string): Promise<void> {
    const load = (this.constructor as typeof KycElement).lazyDependencies[tagName];
    if (!load || customElements.get(tagName)) return Promise.resolve();
    let loading = lazyLoads.get(tagName);
    if (!loading) {
      loading = load().then((element) => void element.define(tagName));
      lazyLoads.set(tagName, loading);
      loading.catch(() => lazyLoads.delete(tagName)); // a failed chunk is fetched again next time
    }
    return loading;
  }

  /**
   * Registers this class under `tagName` once, after its {@link dependencies}; a second copy of
   * the widget on the page warns instead of throwing. Returns whether this call defined the element.
   */
  static define(tagName: string): boolean {
    for (const [tag, dependency] of Object.entries(this.dependencies)) dependency.define(tag);
    return defineElement(tagName, this);
  }

  /** @internal Lit's attribute handling, then a re-render for {@link updateOnAttributes}. */
  override attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    super.attributeChangedCallback(name, oldValue, value);
    if ((this.constructor as typeof KycElement).updateOnAttributes.includes(name)) this.requestUpdate();
  }
}
