import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { KycElement } from './kyc-element.js';

/** What a validator found: the failed validity flags (none when valid) and the message to show. */
export interface KycValidationResult {
  flags: ValidityStateFlags;
  message: string;
}

/**
 * One constraint of a form-associated element (Web Awesome's validators). `check` runs in every
 * update and whenever validity is read, so it must be cheap and free of side effects; a failing
 * result needs a non-empty message. `observedAttributes` lists attributes it reads that are not
 * reactive properties, so their changes re-validate.
 */
export interface KycValidator<T extends KycFormAssociatedElement = KycFormAssociatedElement> {
  observedAttributes?: readonly string[];
  check(element: T): KycValidationResult;
}

const VALID: KycValidationResult = Object.freeze({ flags: Object.freeze({}), message: '' });

let nativeValueMissing: string | undefined;

/**
 * `required` with an empty `value` is `valueMissing`. The message is the browser's own (from a
 * probe `<input required>`, in the browser's language), like a native control's; components with
 * a `LocalizeController` replace this validator by one with a localized message.
 */
export const requiredValidator: KycValidator = {
  check(element) {
    if (!element.required || element.value !== '') return VALID;
    nativeValueMissing ??= Object.assign(document.createElement('input'), { required: true }).validationMessage;
    return { flags: { valueMissing: true }, message: nativeValueMissing };
  },
};

/**
 * Base class of the fields (`kyc-question`, `kyc-file-upload`, `kyc-signature-prompt`): a
 * form-associated custom element with the API of a native control, so a field works in a host's
 * `<form>` (submission, reset, `required`, `<fieldset disabled>`, state restore) and steps can
 * validate it with `reportValidity()`.
 *
 * Subclasses render the inner control, expose it through {@link validationTarget} (validation
 * bubbles point at it), and fire `input` / `change` (`bubbles`, `composed`) on the host for user
 * edits only, never for programmatic changes. The native `change` of an inner control does not
 * leave the shadow root, so it must be re-dispatched; a native `input` does (it is composed).
 *
 * Form value and validity are synced in each update (`await el.updateComplete` after setting
 * properties); `validity`, `validationMessage`, `checkValidity()` and `reportValidity()` re-run
 * the validators first, so they are never stale.
 *
 * @cssstate user-invalid - Invalid, after the person changed the value or tried to submit.
 * @cssstate disabled - Disabled, by its own `disabled` or a disabled `<fieldset>`.
 */
export abstract class KycFormAssociatedElement extends KycElement {
  /** @internal Makes the element take part in forms. */
  static formAssociated = true;

  /** @internal Focusing the host focuses its inner control. */
  static override shadowRootOptions: ShadowRootInit = { ...KycElement.shadowRootOptions, delegatesFocus: true };

  /** Constraints checked in order; subclasses extend with `[...super.validators, …]`. */
  static validators: readonly KycValidator[] = [requiredValidator];

  /** @internal Attributes read by the validators re-validate when they change. */
  protected static override get updateOnAttributes(): readonly string[] {
    return [...super.updateOnAttributes, ...this.validators.flatMap((validator) => validator.observedAttributes ?? [])];
  }

  /** The element's `ElementInternals`. */
  protected readonly internals: ElementInternals = this.attachInternals();

  /** The field's name in form submissions. */
  @property({ reflect: true }) name: string | null = null;

  /** The value restored by a form reset; the `value` attribute. */
  @property({ attribute: 'value' }) defaultValue = '';

  /** Makes the field unusable and leaves it out of form submission and validation. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Makes an empty value invalid (`valueMissing`). */
  @property({ type: Boolean, reflect: true }) required = false;

  /** The value cannot be edited; like a native control, the field is barred from validation. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Set by an edit or a submit attempt; reset by a form reset. */
  @state() private hasInteracted = false;

  #dirtyValue: string | null = null;
  #customValidityMessage = '';
  #checkingQuietly = false;

  constructor() {
    super();
    // A user edit (a `change` the subclass fires) or a submit attempt (an `invalid` not caused by
    // our own `checkValidity()`) makes errors visible.
    this.addEventListener('change', this.#markInteracted);
    this.addEventListener('invalid', () => {
      if (!this.#checkingQuietly) this.#markInteracted();
    });
  }

  /** The current value; follows {@link defaultValue} until it is set. */
  @property({ attribute: false })
  get value(): string {
    return this.#dirtyValue ?? this.defaultValue;
  }
  set value(value: string) {
    this.#dirtyValue = value ?? '';
  }

  /** The form the field belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The field's validity state. */
  get validity(): ValidityState {
    this.#updateValidity();
    return this.internals.validity;
  }

  /** The message of the first failed constraint (a custom one first), or `''`. */
  get validationMessage(): string {
    this.#updateValidity();
    return this.internals.validationMessage;
  }

  /** Whether the field takes part in validation (false when disabled or read-only). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /**
   * The inner control the validation message points at (`setValidity`'s anchor). Undefined
   * before the first render.
   */
  protected abstract get validationTarget(): HTMLElement | null | undefined;

  /** Whether the field is disabled, by its own `disabled` or a disabled `<fieldset>` ancestor. */
  protected get isDisabled(): boolean {
    return this.matches(':disabled');
  }

  /** Like a native control's: false (and fires `invalid`) when invalid; shows nothing. */
  checkValidity(): boolean {
    this.#updateValidity();
    this.#checkingQuietly = true;
    try {
      return this.internals.checkValidity();
    } finally {
      this.#checkingQuietly = false;
    }
  }

  /** Like a native control's: when invalid, fires `invalid`, shows the message and errors become visible. */
  reportValidity(): boolean {
    this.#updateValidity();
    return this.internals.reportValidity();
  }

  /** Sets a custom error (e.g. a server-side validation message); `''` clears it. */
  setCustomValidity(message: string): void {
    this.#customValidityMessage = message;
    this.#updateValidity();
    this.requestUpdate();
  }

  /** @internal The owner form was reset: back to the default value, errors hidden. */
  formResetCallback(): void {
    const previous = this.value;
    this.#dirtyValue = null;
    this.hasInteracted = false;
    this.requestUpdate('value', previous);
  }

  /** @internal The browser restores the value after a navigation or autofills it. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** @internal Enabled or disabled, by its own attribute or a `<fieldset>`: re-render. */
  formDisabledCallback(): void {
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.internals.setFormValue(this.value);
    this.#updateValidity();
    this.#toggleState('disabled', this.isDisabled);
  }

  #markInteracted = (): void => {
    this.hasInteracted = true;
    this.#updateValidity();
  };

  /** Runs the validators and sets validity, anchored to the inner control, and `:state(user-invalid)`. */
  #updateValidity(): void {
    const validators = (this.constructor as typeof KycFormAssociatedElement).validators;
    const flags: ValidityStateFlags = {};
    let message = this.#customValidityMessage;
    if (message) flags.customError = true;
    for (const validator of validators) {
      const result = validator.check(this);
      const failed = Object.entries(result.flags).filter(([, value]) => value === true);
      if (!failed.length) continue;
      for (const [flag] of failed) flags[flag as keyof ValidityStateFlags] = true;
      message ||= result.message;
    }
    this.internals.setValidity(flags, message, this.validationTarget ?? undefined);
    this.#toggleState('user-invalid', this.hasInteracted && this.willValidate && !this.internals.validity.valid);
  }

  /** Custom states, where supported (`:state(x)`; engines before 2024 only knew `--x`). */
  #toggleState(name: string, on: boolean): void {
    const states = this.internals.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      if (on) states.add(`--${name}`);
      else states.delete(`--${name}`);
    }
  }
}
