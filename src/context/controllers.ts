// How the elements share what the root owns: the root provides, each element takes what it has no
// value of its own for. The rule lives here, once, for every element and every property.
import { ContextConsumer, ContextProvider, type Context } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * A public property of an element that comes from the enclosing `<kyc-onboarding>` by context
 * unless it is set on the element itself. What the property reads, in this order:
 *
 * 1. a value set on the element (anything but `null` or `undefined`): a partner's or a test's
 *    override, or what an element used on its own is given — it wins over the context;
 * 2. otherwise the value provided by the nearest provider around the element: the root, or an
 *    element between them that has a value of its own and was made with `provide: true`;
 * 3. otherwise `fallback` (the property's default).
 *
 * Setting `null` or `undefined` drops the element's own value, and the context shows through again.
 *
 * The element declares the property as an accessor under Lit's `@property`, reading
 * {@link InheritedProperty.value} and writing through {@link InheritedProperty.set}:
 *
 * ```ts
 * readonly #client = new InheritedProperty(this, 'client', clientContext, { fallback: null });
 * @property({ attribute: false })
 * get client(): KycClient | null { return this.#client.value; }
 * set client(value: KycClient | null) { this.#client.set(value); }
 * ```
 *
 * Lit records a change of the property whenever the value it reads changes, set on the element or
 * arriving by context, so `changed.has('client')` in `willUpdate` / `updated` keeps its meaning.
 * (The controllers, not `@consume` / `@provide`: those write the field itself, which leaves no
 * room for an element's own value, and need standard decorators for accessors.)
 */
export class InheritedProperty<V> {
  readonly #host: ReactiveElement;
  readonly #name: string;
  readonly #context: Context<unknown, V>;
  readonly #fallback: V;
  readonly #provides: boolean;
  #own: V | null | undefined = undefined;
  #inherited: V | undefined = undefined;
  #provider: ContextProvider<Context<unknown, V>, ReactiveElement> | null = null;

  /**
   * @param name The property's name on `host` (its changes are recorded under it).
   * @param options.fallback What the property reads with no value of its own and none provided.
   * @param options.provide Whether the elements inside `host` take the value from it (once it has
   *   a value of its own), rather than from the root: for an element that renders others, so that
   *   what it is given standalone reaches them too.
   */
  constructor(host: ReactiveElement, name: string, context: Context<unknown, V>, options: { fallback: V; provide?: boolean }) {
    this.#host = host;
    this.#name = name;
    this.#context = context;
    this.#fallback = options.fallback;
    this.#provides = options.provide ?? false;
    new ContextConsumer(host, { context, subscribe: true, callback: (value) => this.#inherit(value) });
  }

  /** What the property reads: the element's own value, else the provided one, else the fallback. */
  get value(): V {
    return this.#own ?? this.#inherited ?? this.#fallback;
  }

  /** Sets the element's own value (`null` or `undefined`: none). */
  set(value: V | null | undefined): void {
    this.#own = value;
    if (this.#provides && !this.#provider && value != null) {
      this.#provider = new ContextProvider(this.#host, { context: this.#context, initialValue: this.value });
    } else this.#provider?.setValue(this.value);
  }

  #inherit(value: V): void {
    const before = this.value;
    this.#inherited = value;
    const after = this.value;
    this.#provider?.setValue(after);
    if (Object.is(before, after)) return;
    // Before the first update a property's first value is recorded as a change from `undefined`,
    // as Lit records the initial value of a plain property: not as a change of an earlier value.
    this.#host.requestUpdate(this.#name, this.#host.hasUpdated ? before : undefined);
  }
}

/**
 * Provides what `read()` returns under `context` to the elements inside `host`, read again at each
 * of the host's updates, before it renders (so a child rendered then has it already).
 * `everyUpdate`: tell the subscribers at every update even when the value is the same object (a
 * controller whose state changes inside it).
 */
export class ProvidedValue<V> implements ReactiveController {
  readonly #provider: ContextProvider<Context<unknown, V>, ReactiveElement>;
  readonly #read: () => V;
  readonly #everyUpdate: boolean;

  constructor(host: ReactiveElement, context: Context<unknown, V>, read: () => V, options: { everyUpdate?: boolean } = {}) {
    this.#provider = new ContextProvider(host, { context });
    this.#read = read;
    this.#everyUpdate = options.everyUpdate ?? false;
    host.addController(this);
  }

  /** @internal */
  hostUpdate(): void {
    this.#provider.setValue(this.#read(), this.#everyUpdate);
  }
}
