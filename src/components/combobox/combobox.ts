import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { KycFormAssociatedElement, type KycValidator } from '../../internal/form-associated.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { LocalizeController, type KycTranslationOverrides } from '../../utilities/localize.js';
import '../../translations/en-combobox.js'; // this element's English words
import { InheritedProperty } from '../../context/controllers.js';
import { translationsContext } from '../../context/translations-context.js';
import { comboboxStyles } from './combobox.styles.js';

/** One choice of a `<kyc-combobox>`: the submitted `value` and the `label` people see and search. */
export interface KycComboboxOption {
  value: string;
  label: string;
}

/** An option with its position in `options` (its stable id) and its folded label. */
interface SearchableOption {
  option: KycComboboxOption;
  index: number;
  key: string;
}

/** How long typing must pause before the number of results is announced. */
const ANNOUNCE_DELAY_MS = 500;

/** How many options PageUp and PageDown move. */
const PAGE_SIZE = 10;

/** Letters that carry no combining mark after NFD, folded to what people type on a plain keyboard. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', þ: 'th' };

/** Text as it is compared when filtering: without diacritics, lower case ("Åland" → "aland"). */
function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđħıþ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
}

/**
 * The options whose label contains `text`, ignoring case and diacritics; those whose label starts
 * with it come first, each group in the order of `options`. An empty `text` keeps them all.
 */
function filterOptions(options: readonly SearchableOption[], text: string): SearchableOption[] {
  const needle = searchKey(text.trim());
  if (!needle) return [...options];
  const starting: SearchableOption[] = [];
  const containing: SearchableOption[] = [];
  for (const entry of options) {
    const position = entry.key.indexOf(needle);
    if (position === 0) starting.push(entry);
    else if (position > 0) containing.push(entry);
  }
  return [...starting, ...containing];
}

const chevron = svg`<path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`;
const check = svg`<path d="M3 8.5l3.5 3.5L13 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`;

/**
 * @summary A searchable single-select field for long lists (countries, reference data): type to
 * filter, choose with the keyboard or the pointer. Follows the WAI-ARIA "editable combobox with
 * list autocomplete" pattern and takes part in forms like a native control.
 * @tag kyc-combobox
 * @status experimental
 * @since 0.1
 *
 * The value is the chosen option's `value`; text that matches no option is not a value, and on
 * leaving the field the text returns to the chosen option's label. Emptying the text and leaving
 * the field (or pressing Enter) clears the choice.
 *
 * Keyboard: ArrowDown / ArrowUp open the list and move through the options, Alt+ArrowDown opens
 * it without moving, Alt+ArrowUp closes it; while an option is active, Home / End go to the first
 * / last one; PageDown / PageUp move by 10; Enter chooses the active option (or the one whose
 * label was typed in full); Escape closes the list, and a second Escape undoes the typing (the
 * text is cleared when nothing is chosen); Tab leaves without choosing.
 *
 * @event input - The person chose an option, or cleared the choice. Read `event.target.value`.
 * @event change - The person chose an option, or cleared the choice. Never fired for a `value` set by code.
 *
 * @csspart base - The wrapper of label, field, help and error.
 * @csspart label - The label.
 * @csspart input - The text field.
 * @csspart expand-icon - The chevron inside the field.
 * @csspart listbox - The popup list of options.
 * @csspart option - One option of the list.
 * @csspart message - The "no matches" or "loading" line of the popup.
 * @csspart help-text - The help text.
 * @csspart error - The error message.
 *
 * @cssproperty --kyc-combobox-list-max-height - Maximum height of the popup list (16rem).
 *
 * @cssstate user-invalid - Invalid, after the person changed the value or tried to submit.
 * @cssstate disabled - Disabled, by its own `disabled` or a disabled `<fieldset>`.
 */
export class KycCombobox extends KycFormAssociatedElement {
  // ── static ────────────────────────────────────────────────────────────────

  static override styles = [formControlStyles, comboboxStyles];

  /** `required` with no chosen value is `valueMissing`, with the localized `fieldRequired` message. */
  static override validators: readonly KycValidator[] = [
    {
      check: (element: KycCombobox) =>
        element.required && element.value === ''
          ? { flags: { valueMissing: true }, message: element.#localize.term('fieldRequired') }
          : { flags: {}, message: '' },
    } satisfies KycValidator<KycCombobox>,
  ];

  // ── controllers / non-reactive ────────────────────────────────────────────

  readonly #localize = new LocalizeController(this);
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined });
  #searchable: SearchableOption[] = [];
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  // ── queries ───────────────────────────────────────────────────────────────

  @query('#input') private input!: HTMLInputElement | null;
  @query('#listbox') private listbox!: HTMLElement | null;

  // ── state ─────────────────────────────────────────────────────────────────

  /** Whether the popup is shown. */
  @state() private open = false;
  /** The text the person typed since the last choice; `null` while the field shows the chosen label. */
  @state() private typed: string | null = null;
  /** The options shown, in display order. */
  @state() private filtered: SearchableOption[] = [];
  /** Index in {@link filtered} of the option with visual focus, or -1. */
  @state() private activeIndex = -1;
  /** Text of the polite live region. */
  @state() private announcement = '';

  // ── public properties ─────────────────────────────────────────────────────

  /** The field's label (a `<label>` in the shadow root). */
  @property() label = '';

  /** The choices, in the order they are listed when nothing is typed. */
  @property({ attribute: false }) options: readonly KycComboboxOption[] = [];

  /** Text shown while the field is empty; the `chooseOption` term when not set. */
  @property() placeholder = '';

  /** A hint shown under the field and tied to it with `aria-describedby`. */
  @property({ attribute: 'help-text' }) helpText = '';

  /** The options are being loaded: the list says so and is `aria-busy`. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** An error to show (from the server or the parent's validation); also the field's custom validity. */
  @property() error = '';

  /** Per-instance translation overrides, by language code: the enclosing `<kyc-onboarding>`'s unless set here. */
  @property({ attribute: false })
  get translations(): KycTranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: KycTranslationOverrides | undefined) {
    this.#translations.set(value);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changedProperties: PropertyValues<this>): void {
    super.willUpdate(changedProperties);
    const changed = changedProperties as Map<PropertyKey, unknown>; // private states are not keys of `this`
    if (changed.has('error')) this.setCustomValidity(this.error);
    if (changed.has('options')) {
      this.#searchable = this.options.map((option, index) => ({ option, index, key: searchKey(option.label) }));
    }
    if (changed.has('options') || changed.has('typed') || changed.has('loading')) {
      this.filtered = this.loading ? [] : filterOptions(this.#searchable, this.typed ?? '');
      this.activeIndex = -1;
    }
    if (changed.has('loading') && !this.loading && this.open) this.#scheduleAnnouncement();
    if (this.readonly || this.isDisabled) this.open = false;
    if (!this.open) this.activeIndex = -1;
  }

  protected override updated(changedProperties: PropertyValues<this>): void {
    super.updated(changedProperties);
    const changed = changedProperties as Map<PropertyKey, unknown>; // private states are not keys of `this`
    if (!this.open) return;
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.#scrollToOption(this.activeIndex);
    } else if (changed.has('open')) {
      this.#scrollToOption(this.#chosenIndex());
    } else if (changed.has('filtered') && this.listbox) {
      this.listbox.scrollTop = 0;
    }
  }

  // ── private helpers ───────────────────────────────────────────────────────

  /** @internal The text field carries the validation message. */
  protected override get validationTarget(): HTMLElement | null | undefined {
    return this.input;
  }

  /** The option whose value is the current value, if it is among the options. */
  #chosen(): KycComboboxOption | undefined {
    return this.value === '' ? undefined : this.options.find((option) => option.value === this.value);
  }

  /** Index in {@link filtered} of the chosen option, or -1. */
  #chosenIndex(): number {
    return this.value === '' ? -1 : this.filtered.findIndex((entry) => entry.option.value === this.value);
  }

  /** Scrolls the list just enough to show the option at `index` (only the list, never the page). */
  #scrollToOption(index: number): void {
    const list = this.listbox;
    const item = index >= 0 ? list?.querySelector<HTMLElement>(`[data-index="${index}"]`) : null;
    if (!list || !item) return;
    const top = item.offsetTop;
    const bottom = top + item.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  /** Opens the list with the option at `index` active (-1: none). */
  #openAt(index: number): void {
    this.open = true;
    this.activeIndex = index;
  }

  /** Moves the active option by `step`; single steps wrap around, page steps stop at the ends. */
  #move(step: number): void {
    const last = this.filtered.length - 1;
    if (last < 0) return;
    if (this.activeIndex < 0) {
      this.activeIndex = step > 0 ? 0 : last;
    } else if (Math.abs(step) === 1) {
      const next = this.activeIndex + step;
      this.activeIndex = next > last ? 0 : next < 0 ? last : next;
    } else {
      this.activeIndex = Math.min(last, Math.max(0, this.activeIndex + step));
    }
  }

  /** Closes the list and shows the chosen label again. */
  #close(): void {
    this.open = false;
    this.typed = null;
  }

  /**
   * Commits a choice made by the person: closes the list, shows `option`'s label (nothing for
   * `null`, which clears the choice) and, when the value changes, fires `input` and `change` once
   * the form value is updated.
   */
  async #choose(option: KycComboboxOption | null): Promise<void> {
    this.#close();
    const value = option?.value ?? '';
    if (value === this.value) return;
    this.value = value;
    await this.updateComplete;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Enter: the active option, else the option whose label was typed in full, else an emptied field clears. */
  #commit(): void {
    const active = this.filtered[this.activeIndex];
    if (active) return void this.#choose(active.option);
    if (this.typed === null) return this.#close();
    if (!searchKey(this.typed.trim())) return void this.#choose(null);
    const exact = this.#exactMatch();
    if (exact) return void this.#choose(exact);
    this.open = false;
  }

  /** The option whose label the person typed in full (accents and case aside), if any. */
  #exactMatch(): KycComboboxOption | undefined {
    if (this.typed === null || this.loading) return undefined;
    const key = searchKey(this.typed.trim());
    return this.#searchable.find((entry) => entry.key === key)?.option;
  }

  /** Announces the number of results once typing pauses. */
  #scheduleAnnouncement(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.announcement = this.loading
        ? this.#localize.term('loadingOptions')
        : this.#localize.term('optionsAvailable', this.filtered.length);
    }, ANNOUNCE_DELAY_MS);
  }

  // ── event handlers ────────────────────────────────────────────────────────

  #onInput(event: Event): void {
    // The value changes only when an option is chosen: typing is not an `input` of this field.
    event.stopPropagation();
    this.typed = this.input!.value;
    this.open = true;
    this.#scheduleAnnouncement();
  }

  #onClick(): void {
    if (!this.readonly) this.open = true;
  }

  #onBlur(): void {
    clearTimeout(this.#announceTimer);
    this.announcement = '';
    // Leaving the field keeps what was typed when it is a whole label (Tab after "Latvia"),
    // clears the choice when the text was emptied, and otherwise shows the chosen label again.
    const exact = this.#exactMatch();
    if (exact && exact.value !== this.value) void this.#choose(exact);
    else if (this.typed !== null && this.typed.trim() === '' && this.value !== '') void this.#choose(null);
    else this.#close();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (this.readonly || event.isComposing) return;
    const count = this.filtered.length;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (event.altKey) this.open = true;
        else if (!this.open) this.#openAt(this.#chosenIndex() >= 0 ? this.#chosenIndex() : count ? 0 : -1);
        else this.#move(1);
        break;
      case 'ArrowUp':
        if (event.altKey) this.open = false;
        else if (!this.open) this.#openAt(this.#chosenIndex() >= 0 ? this.#chosenIndex() : count - 1);
        else this.#move(-1);
        break;
      case 'PageDown':
      case 'PageUp':
        if (this.open) this.#move(event.key === 'PageDown' ? PAGE_SIZE : -PAGE_SIZE);
        else handled = false;
        break;
      case 'Home':
      case 'End':
        // Without an active option these keys move the caret in the text, as in any text field.
        if (this.open && this.activeIndex >= 0) this.activeIndex = event.key === 'Home' ? 0 : count - 1;
        else handled = false;
        break;
      case 'Enter':
        handled = this.open;
        this.#commit();
        break;
      case 'Escape':
        if (this.open) this.open = false;
        else if (this.typed !== null) this.typed = null;
        else handled = false;
        break;
      case 'Tab':
        this.open = false;
        handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  /** Keeps the focus in the text field when the list is clicked or scrolled. */
  #onPopupMouseDown(event: Event): void {
    event.preventDefault();
  }

  #onListClick(event: Event): void {
    const item = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const entry = item ? this.filtered[Number(item.dataset['index'])] : undefined;
    if (entry) void this.#choose(entry.option);
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const chosen = this.#chosen();
    const active = this.open ? this.filtered[this.activeIndex] : undefined;
    const invalid = this.error !== '';
    const describedBy = [this.helpText ? 'help' : '', invalid ? 'error' : ''].filter(Boolean).join(' ');
    return html`
      <div part="base" class="form-control" dir=${this.#localize.dir()}>
        <label part="label" class="form-control__label" id="label" for="input">
          ${this.label}${this.required ? html`<span class="form-control__required" aria-hidden="true">*</span>` : nothing}
        </label>
        <div class=${classMap({ combobox: true, 'combobox--open': this.open })}>
          <input
            part="input"
            class="input"
            id="input"
            type="text"
            role="combobox"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-controls="listbox"
            aria-expanded=${this.open ? 'true' : 'false'}
            aria-activedescendant=${active ? `option-${active.index}` : nothing}
            aria-required=${this.required ? 'true' : 'false'}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            placeholder=${this.placeholder || this.#localize.term('chooseOption')}
            .value=${live(this.typed ?? chosen?.label ?? '')}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @input=${this.#onInput}
            @click=${this.#onClick}
            @blur=${this.#onBlur}
            @keydown=${this.#onKeyDown}
          />
          <svg part="expand-icon" class="expand-icon" viewBox="0 0 16 16" aria-hidden="true">${chevron}</svg>
          <div class="popup" ?hidden=${!this.open} @mousedown=${this.#onPopupMouseDown}>
            <ul
              part="listbox"
              class="listbox"
              id="listbox"
              role="listbox"
              aria-labelledby="label"
              aria-busy=${this.loading ? 'true' : 'false'}
              @click=${this.#onListClick}
            >
              ${this.open ? this.filtered.map((entry, index) => this.#renderOption(entry, index, chosen)) : nothing}
            </ul>
            ${
              this.loading || !this.filtered.length
                ? html`<p part="message" class="popup__message">
                  ${this.#localize.term(this.loading ? 'loadingOptions' : 'noMatches')}
                </p>`
                : nothing
            }
          </div>
        </div>
        ${this.helpText ? html`<p part="help-text" class="form-control__help" id="help">${this.helpText}</p>` : nothing}
        ${invalid ? html`<p part="error" class="form-control__error" id="error">${this.error}</p>` : nothing}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  #renderOption(entry: SearchableOption, index: number, chosen: KycComboboxOption | undefined): TemplateResult {
    const selected = entry.option === chosen;
    return html`<li
      part="option"
      class=${classMap({ option: true, 'option--active': index === this.activeIndex, 'option--selected': selected })}
      id="option-${entry.index}"
      role="option"
      aria-selected=${selected ? 'true' : 'false'}
      data-index=${index}
    >
      <svg class="option__check" viewBox="0 0 16 16" aria-hidden="true">${check}</svg>${entry.option.label}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-combobox': KycCombobox;
  }
}
