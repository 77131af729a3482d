import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { KycDefinition, KycClient, KycApplicationQuestion, KycLegalDocument } from '../../api/index.js';
import { KycFormAssociatedElement, type KycValidationResult, type KycValidator } from '../../internal/form-associated.js';
import { answerText, hasVerificationProblem, isLiveness, isLivenessDone, verificationNote } from '../../internal/answer.js';
import { hasMarkup, withoutTags } from '../../internal/legal-text.js';
import { comparable } from '../../flow/reference-data.js';
import { formControlStyles } from '../../styles/form-control.styles.js';
import { LocalizeController, numberFormat, type TextTermKey, type KycTranslationOverrides } from '../../utilities/localize.js';
import type { KycComboboxOption } from '../combobox/combobox.js';
import type { KycFileUpload } from '../file-upload/file-upload.js';
import { DocumentFiles } from '../../flow/document-files.js';
import type { QualityThresholds } from '../../internal/photo-quality.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_PHOTO_MAX_SIDE } from '../../internal/upload-limits.js';
import { clientContext } from '../../context/client-context.js';
import { InheritedProperty } from '../../context/controllers.js';
import { clockContext } from '../../context/clock-context.js';
import { systemClock, type KycClock } from '../../internal/clock.js';
import { translationsContext } from '../../context/translations-context.js';
import { questionStyles } from './question.styles.js';
import { ReferenceDataController } from './reference-data-controller.js';
import { AUTOCOMPLETE_BY_KEY, AUTOCOMPLETE_BY_TYPE, textSpecOf, type TextSpec } from './text-formats.js';

/** How a question is shown, from its attribute (and the element's `readonly`). */
type Kind = 'text' | 'boolean' | 'reference' | 'legal' | 'read-only' | 'document' | 'liveness';

/** A term without parameters. */

/** The parts of `<kyc-combobox>` re-exported as `combobox-<part>`. */
const COMBOBOX_EXPORTPARTS = ['input', 'expand-icon', 'listbox', 'option', 'message'].map((part) => `${part}: combobox-${part}`).join(', ');
/** The parts of `<kyc-liveness>` re-exported as `liveness-<part>`. */
const LIVENESS_EXPORTPARTS = ['frame', 'status', 'retry-button', 'link', 'qr-code'].map((part) => `${part}: liveness-${part}`).join(', ');
/** The parts of `<kyc-file-upload>` re-exported as `upload-<part>` (its `base` as `upload`). */
const UPLOAD_EXPORTPARTS = [
  'base: upload',
  ...[
    'files',
    'file',
    'thumbnail',
    'progress',
    'message',
    'actions',
    'button-choose',
    'button-camera',
    'button-remove',
    'button-cancel',
    'button-retry',
    'button-retake',
    'capture',
    'capture-viewfinder',
    'capture-frame',
    'capture-guidance',
    'capture-preview',
    'capture-problems',
    'capture-example',
    'capture-button-shutter',
    'capture-button-use',
    'capture-button-retake',
    'capture-button-close',
    'capture-button-choose',
    'capture-button-retry',
    'capture-title',
    'capture-video',
    'capture-actions',
    'capture-button-open',
    'example',
  ].map((part) => `${part}: upload-${part}`),
].join(', ');

/** Options up to this many are a native `<select>`; more are a searchable `<kyc-combobox>`. */
const SELECT_MAX_OPTIONS = 15;

/** How a `document` question checks and fixes files: the `<kyc-file-upload>` settings of the same names. */
export interface FileUploadSettings {
  /** No file may be added or removed (the step is being saved, its documents made). */
  locked?: boolean;
  maxFileSize?: number;
  photoMaxSide?: number;
  originalPhotos?: boolean;
  camera?: 'auto' | 'always' | 'never';
  quality?: 'strict' | 'warn' | 'off';
  qualityThresholds?: Partial<QualityThresholds>;
}

const VALID: KycValidationResult = { flags: {}, message: '' };
/** No threshold of the host's: the checks' own. */
const NO_THRESHOLDS: Partial<QualityThresholds> = Object.freeze({});

/**
 * @summary One question of the server-defined questionnaire, with the control its attribute type
 * asks for. Form-associated: it works in a `<form>` and validates like a native control.
 * @tag kyc-question
 * @status experimental
 * @since 0.1
 *
 * Controls by `question.attribute.type` (see platform-api.md, "Attribute types"):
 * - `string`, `text` (multi-line), `email`, `phone`, `date`, `integer`, `decimal`, and any type
 *   the widget does not know: a text field of the right `type`, `inputmode` and `autocomplete`,
 *   checked as the person types (after the first change) for the type's format. A decimal may be
 *   typed with the locale's comma; its value always has '.'. Phone separators are dropped.
 * - `boolean`: a checkbox. A boolean is a statement ("I am a politically exposed person"), not a
 *   box that must be ticked: unchecked is the answer `"false"`, so `value` is `"false"` until it
 *   is checked (also before any edit) and `required` never fails.
 * - `reference_data`: the options from `client.getDefinitions(key)` (read once per client and
 *   key, shared by every question): a `<select>` up to 15 options, a searchable `<kyc-combobox>`
 *   beyond. While loading, a disabled select; when the read fails, a message and a retry button.
 * - `legal_document`: the document from `client.getLegalDocuments(key)` (its text shown as plain
 *   text, in a scrollable region), a link to the full document, and an acceptance checkbox whose
 *   value is the document's uuid (`''` unchecked). Required: the current document must be accepted.
 * - `document`, `sumsub_liveness_check_token`, `sumsub_liveness_check_url`: a placeholder saying
 *   what will be asked ("uploaded" for a document that has a value); never validated here.
 * - a read-only attribute, or the element's `readonly`: the answer as text, not a control.
 *
 * Sumsub's note on the answer (`attribute.verification.clientNote`) is shown beside any question.
 * `errors` (the platform's or the reviewer's messages) are shown under the control and make the
 * field invalid (a custom error) until the person edits the answer: they concern the answer they
 * were given for, and a new `errors` array brings them back.
 *
 * Client-side problems show after the person changes the answer, or when `reportValidity()` is
 * called or a form is submitted. `question.attribute.value` is the default value (a form reset
 * goes back to it); `required` follows the attribute's `required` (or the element's own).
 *
 * @event input - The person edits the answer (read `value` on the element).
 * @event change - The person committed a change to the answer (read `value` on the element).
 *
 * @csspart base - The question's wrapper.
 * @csspart label - The question's title.
 * @csspart help - The question's description.
 * @csspart control - The input, textarea, select, combobox or checkbox.
 * @csspart error - The messages under the control.
 * @csspart note - Sumsub's note on the answer.
 * @csspart answer - The answer of a read-only question.
 * @csspart placeholder - What a document or liveness question will ask.
 * @csspart document - The legal document's box.
 * @csspart document-text - The legal document's scrollable text.
 * @csspart document-link - The link to the full legal document.
 * @csspart status - The loading or failure message of options and legal documents.
 * @csspart retry-button - The button that reads failed options or a failed document again.
 * @csspart stop-button - "Stop waiting", while options or a document take long to be read.
 * @csspart combobox-input - Re-exported from `<kyc-combobox>`: its text field (likewise
 *   `combobox-expand-icon`, `combobox-listbox`, `combobox-option`, `combobox-message`).
 * @csspart liveness-frame - Re-exported from `<kyc-liveness>`: the box of Sumsub's check (likewise
 *   `liveness-status`, `liveness-retry-button`, `liveness-link`, `liveness-qr-code`).
 * @csspart upload - Re-exported from `<kyc-file-upload>`: its box (likewise `upload-files`,
 *   `upload-file`, `upload-thumbnail`, `upload-progress`, `upload-message`, `upload-actions`,
 *   `upload-button-choose`, `upload-button-camera`, `upload-button-remove`, `upload-button-cancel`,
 *   `upload-button-retry`, `upload-button-retake`, `upload-example`; the camera as `upload-capture` and its parts as
 *   `upload-capture-<part>`).
 *
 * @cssproperty --kyc-question-document-height - Maximum height of a legal document's text (16rem).
 *
 * @cssstate user-invalid - Invalid, after the person changed the answer or tried to submit.
 * @cssstate disabled - Disabled, by its own `disabled` or a disabled `<fieldset>`.
 */
export class KycQuestion extends KycFormAssociatedElement {
  static override styles = [formControlStyles, questionStyles];
  /** @internal Long option lists are a `<kyc-combobox>`, documents a `<kyc-file-upload>`, liveness a `<kyc-liveness>`: each loaded when first shown. */
  static override lazyDependencies = {
    'kyc-combobox': () => import('../combobox/combobox.js').then((module) => module.KycCombobox),
    'kyc-file-upload': () => import('../file-upload/file-upload.js').then((module) => module.KycFileUpload),
    'kyc-liveness': () => import('../liveness/liveness.js').then((module) => module.KycLiveness),
  };

  /** @internal The question's own checks, in one validator that reads its state. */
  static override validators: readonly KycValidator[] = [{ check: (element) => (element as KycQuestion).checkAnswer() }];

  // ── controllers / non-reactive ──────────────────────────────────────────────

  readonly #localize = new LocalizeController(this);
  readonly #client = new InheritedProperty(this, 'client', clientContext, { fallback: null, provide: true });
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined, provide: true });
  /** The options or the legal document the question shows. */
  readonly #clock = new InheritedProperty(this, 'clock', clockContext, { fallback: systemClock });
  readonly #data = new ReferenceDataController(this, () => this.clock);
  /** What the person typed, when it differs from the value only by normalization (`12,5` for `12.5`). */
  #typed: string | null = null;
  /** The person edited the answer since `errors` were given. */
  #errorsAddressed = false;
  /** `checkValidity()` is running: its `invalid` event shows nothing. */
  #quiet = false;
  /** Focus the control once the retried read has answered (the retry button is gone then). */
  #focusAfterRetry = false;
  /** The files of a `document` question used on its own. */
  #ownFiles: DocumentFiles | null = null;
  /** The combobox's options, made once per list of definitions. */
  #comboboxOptions = new WeakMap<KycDefinition[], KycComboboxOption[]>();

  // ── queries ─────────────────────────────────────────────────────────────────

  @query('#control') private control!: HTMLElement | null;
  @query('#retry') private retryButton!: HTMLButtonElement | null;

  // ── state ───────────────────────────────────────────────────────────────────

  /** Client-side problems are shown (after a change, a submit attempt or `reportValidity()`). */
  @state() private showProblems = false;

  // ── public properties ───────────────────────────────────────────────────────

  /** The question: title (the label), description (help text) and attribute (type, key, value…). */
  @property({ attribute: false }) question: KycApplicationQuestion | null = null;

  /**
   * Reads the options of reference data and the legal documents (and gives the document upload and
   * the liveness check inside it their client): the enclosing `<kyc-onboarding>`'s unless set here.
   */
  @property({ attribute: false })
  get client(): KycClient | null {
    return this.#client.value;
  }
  set client(value: KycClient | null) {
    this.#client.set(value);
  }

  /** Messages of the platform or the reviewer on the answer, shown under the control. */
  @property({ attribute: false }) errors: string[] = [];

  /**
   * Per-language overrides of the texts: `{ de: { retry: 'Nochmal' } }`, for this question and the
   * controls inside it. The enclosing `<kyc-onboarding>`'s unless set here.
   */
  @property({ attribute: false })
  get translations(): KycTranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: KycTranslationOverrides | undefined) {
    this.#translations.set(value);
  }

  /**
   * What the wait for options or a legal document runs on (after 10 s the question says it takes
   * long): the enclosing `<kyc-onboarding>`'s clock unless set here, else the system's.
   */
  @property({ attribute: false })
  get clock(): KycClock {
    return this.#clock.value;
  }
  set clock(value: KycClock) {
    this.#clock.set(value);
  }

  /** The application a liveness question belongs to (its token or link is read for it). */
  @property({ attribute: 'application-uuid' }) applicationUuid = '';

  /** The theme of Sumsub's check, following the widget's. */
  @property({ attribute: 'sumsub-theme' }) sumsubTheme: 'light' | 'dark' = 'light';

  /** How a `document` question checks and fixes files (see `<kyc-file-upload>`); defaults apply to what is absent. */
  @property({ attribute: false }) upload: FileUploadSettings = {};

  /**
   * @internal The files of a `document` question: the flow's (given by `<kyc-onboarding>`), else
   * the question's own.
   */
  @property({ attribute: false }) documentFiles: DocumentFiles | null = null;

  /** @internal A front side's back side, asked beside it: the camera takes it after the front (see `<kyc-file-upload>`). */
  @property({ attribute: false }) captureBack: { label: string; files: DocumentFiles } | null = null;

  constructor() {
    super();
    // A submit attempt shows the problems; a quiet `checkValidity()` does not.
    this.addEventListener('invalid', () => {
      if (!this.#quiet) this.showProblems = true;
    });
  }

  /**
   * The answer as sent to the platform. A boolean question's is `"true"` or `"false"` (never
   * empty); a decimal's has '.' whatever the person typed.
   */
  override get value(): string {
    const value = super.value;
    if (this.#kind !== 'boolean') return value;
    return value === 'true' ? 'true' : 'false';
  }
  override set value(value: string) {
    super.value = value;
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Files of its own go with the element (the flow's stay with the flow).
    this.#ownFiles?.clear();
    this.#ownFiles = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('question')) {
      this.defaultValue = this.question?.attribute.value ?? '';
      // Another question in the same element (a list rendered without keys): its problems are not shown yet.
      if (changed.get('question')?.attribute.key !== this.question?.attribute.key) {
        this.showProblems = false;
        this.#typed = null;
      }
    }
    if (changed.has('errors')) this.#errorsAddressed = false;
    if (changed.has('question') || changed.has('client') || changed.has('readonly')) this.#load();
    const lazy = this.#lazyControl();
    // A failed load is tried again at the next update (the control stays undefined meanwhile).
    if (lazy) this.need(lazy).catch(() => undefined);
  }

  /** The tag of the lazily loaded control this question shows now, if any. */
  #lazyControl(): string | null {
    switch (this.#kind) {
      case 'document':
        return 'kyc-file-upload';
      case 'liveness':
        return this.client && this.applicationUuid ? 'kyc-liveness' : null;
      case 'reference':
        return this.#data.state.status === 'options' && this.#data.state.options.length > SELECT_MAX_OPTIONS ? 'kyc-combobox' : null;
      default:
        return null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRetry && this.#data.state.status !== 'loading') {
      this.#focusAfterRetry = false;
      this.focus();
    }
  }

  /** @internal The owner form was reset: the stored answer again, problems hidden. */
  override formResetCallback(): void {
    super.formResetCallback();
    this.#typed = null;
    this.showProblems = false;
  }

  // ── public methods ──────────────────────────────────────────────────────────

  /** Focuses the control (the retry button when options or the document failed to load). */
  override focus(options?: FocusOptions): void {
    const target = this.retryButton ?? this.control;
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Like a native control's: false (and fires `invalid`) when invalid; shows nothing. */
  override checkValidity(): boolean {
    this.#quiet = true;
    try {
      return super.checkValidity();
    } finally {
      this.#quiet = false;
    }
  }

  /** The file chooser of a `document` question (null for other kinds). */
  get fileUpload(): KycFileUpload | null {
    // Null until its code arrived (the element is lazily defined).
    const control = this.#kind === 'document' ? this.control : null;
    return control?.matches(':defined') ? (control as KycFileUpload) : null;
  }

  /** Shows the problem under the control and focuses it when invalid; returns whether it is valid. */
  override reportValidity(): boolean {
    this.showProblems = true;
    const valid = super.reportValidity();
    if (!valid) this.focus();
    return valid;
  }

  // ── form-associated plumbing ────────────────────────────────────────────────

  protected override get validationTarget(): HTMLElement | null | undefined {
    return this.control;
  }

  // ── private: state ──────────────────────────────────────────────────────────

  /** The files of a `document` question: the ones given, else the question's own (made when first needed). */
  get #files(): DocumentFiles | null {
    if (this.#kind !== 'document') return null;
    if (this.documentFiles) return this.documentFiles;
    const key = this.question!.attribute.key;
    if (this.#ownFiles?.attributeKey !== key) {
      this.#ownFiles?.clear();
      this.#ownFiles = new DocumentFiles(key, { client: () => this.client, events: this });
    }
    return this.#ownFiles;
  }

  get #kind(): Kind {
    const attribute = this.question?.attribute;
    if (!attribute) return 'text';
    if (isLiveness(attribute)) return 'liveness';
    if (attribute.type === 'document') return 'document';
    if (attribute.readOnly || this.readonly) return 'read-only';
    if (attribute.type === 'boolean') return 'boolean';
    if (attribute.type === 'reference_data') return 'reference';
    if (attribute.type === 'legal_document') return 'legal';
    return 'text';
  }

  get #spec(): TextSpec {
    return textSpecOf(this.question?.attribute.type ?? 'string');
  }

  get #isRequired(): boolean {
    return this.required || (this.question?.attribute.required ?? false);
  }

  /** The messages that make the answer invalid now: `errors`, until the person edits the answer. */
  get #serverErrors(): string[] {
    return this.#errorsAddressed ? [] : this.errors.filter((message) => message.trim() !== '');
  }

  get #decimalSeparator(): string {
    const parts = numberFormat(this.#localize.lang()).formatToParts(1.5);
    return parts.find((part) => part.type === 'decimal')?.value ?? '.';
  }

  /** The validator: `errors` first, then what the type asks. Placeholders and read-only answers pass. */
  private checkAnswer(): KycValidationResult {
    const kind = this.#kind;
    if (!this.question || kind === 'read-only') return VALID;
    // A required liveness check is done when the platform says so, not skipped by Continue.
    if (kind === 'liveness') {
      return this.#isRequired && !isLivenessDone(this.question.attribute) ? this.#problem('valueMissing', 'livenessRequired') : VALID;
    }
    const serverErrors = this.#serverErrors;
    if (serverErrors.length > 0) return { flags: { customError: true }, message: serverErrors.join(' ') };
    if (kind === 'document') {
      const upload = this.#files;
      if (upload?.pending) return this.#problem('customError', 'fileUploadPending');
      if (upload?.hasProblems) return this.#problem('customError', 'fileProblemPending');
      const missing = this.#isRequired && this.value === '' && !upload?.hasFiles;
      return missing ? this.#problem('valueMissing', 'fieldRequired') : VALID;
    }
    if (kind === 'boolean') return VALID;
    const value = this.value;
    if (kind === 'legal') {
      const document = this.#data.state.status === 'document' ? this.#data.state.document : null;
      const accepted = document ? value === document.uuid : value !== '';
      return this.#isRequired && !accepted ? this.#problem('valueMissing', 'acceptRequired') : VALID;
    }
    if (kind === 'text' && this.#spec.inputType === 'date' && (this.control as HTMLInputElement | null)?.validity.badInput) {
      return this.#problem('badInput', 'invalidDate'); // a date input holding an incomplete date
    }
    if (value === '') return this.#isRequired ? this.#problem('valueMissing', 'fieldRequired') : VALID;
    const problem = kind === 'text' ? this.#spec.check?.(value) : null;
    return problem ? this.#problem(problem.flag, problem.message) : VALID;
  }

  #problem(flag: keyof ValidityStateFlags, message: TextTermKey): KycValidationResult {
    return { flags: { [flag]: true }, message: this.#localize.term(message) };
  }

  /** Reads the options or the legal document the question shows (`again`: also when read already). */
  #load(again = false): void {
    const { question } = this;
    const kind = this.#kind;
    const readOnlyLabel = kind === 'read-only' && ['reference_data', 'legal_document'].includes(question?.attribute.type ?? '');
    this.#data.read(question, this.client, kind === 'reference' || kind === 'legal' || readOnlyLabel, again);
  }

  // ── private handlers ────────────────────────────────────────────────────────

  /** Takes the control's state as the answer (the native `input` is composed: it leaves on its own). */
  readonly #onInput = (event: Event): void => {
    this.#take(event.currentTarget as HTMLElement);
  };

  /** Takes the answer and fires `change` on the host (a native `change` stays in the shadow root). */
  readonly #onChange = (event: Event): void => {
    this.#take(event.currentTarget as HTMLElement);
    this.showProblems = true;
    if (!event.composed) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };

  #take(control: HTMLElement): void {
    const previous = super.value;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      const document = this.#data.state.status === 'document' ? this.#data.state.document : null;
      if (this.#kind === 'legal') this.value = control.checked && document ? document.uuid : '';
      else this.value = control.checked ? 'true' : 'false';
    } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      const normalize = this.#spec.normalize;
      this.#typed = control.value;
      this.value = normalize ? normalize(control.value, this.#decimalSeparator) : control.value;
    } else {
      this.value = (control as HTMLElement & { value: string }).value;
    }
    if (super.value !== previous) this.#errorsAddressed = true;
  }

  readonly #onRetry = (): void => {
    this.#focusAfterRetry = true;
    this.#load(true);
  };

  // ── render ──────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    if (!this.question) return html``;
    switch (this.#kind) {
      case 'liveness':
        return this.client && this.applicationUuid ? this.#renderLiveness() : this.#renderPlaceholder(this.#localize.term('livenessLater'));
      case 'document':
        return this.#renderFiles();
      case 'read-only':
        return this.#renderReadOnly();
      case 'boolean':
        return this.#renderBoolean();
      case 'reference':
        return this.#renderReference();
      case 'legal':
        return this.#renderLegal();
      default:
        return this.#renderText();
    }
  }

  /** The messages under the control: `errors`, else the client-side problem once shown. */
  #messages(): string[] {
    const serverErrors = this.#serverErrors;
    if (serverErrors.length > 0) return serverErrors;
    if (!this.showProblems || !this.willValidate || this.validity.valid) return [];
    return [this.validationMessage];
  }

  /** The ids of the help, note and error elements, for `aria-describedby`. */
  #describedBy(messages: string[]): string {
    const ids = [this.question?.description ? 'help' : '', this.#note ? 'note' : '', messages.length ? 'error' : ''];
    return ids.filter(Boolean).join(' ');
  }

  get #note(): string | null {
    return this.question ? verificationNote(this.#localize, this.question.attribute) : null;
  }

  #renderLabel(forControl: boolean): TemplateResult {
    const title = this.question!.title;
    const marker = this.#isRequired ? html`<span class="form-control__required" aria-hidden="true">*</span>` : nothing;
    return forControl
      ? html`<label id="label" class="form-control__label" part="label" for="control">${title}${marker}</label>`
      : html`<span id="label" class="form-control__label" part="label">${title}</span>`;
  }

  #renderHelp(): TemplateResult | typeof nothing {
    const description = this.question!.description;
    return description ? html`<p id="help" class="form-control__help" part="help" dir="auto">${description}</p>` : nothing;
  }

  #renderNote(): TemplateResult | typeof nothing {
    const note = this.#note;
    return note
      ? html`<p id="note" class="note" part="note">
          <span class="note__title">${this.#localize.term('questionVerificationNote')}</span>
          <span dir="auto">${note}</span>
        </p>`
      : nothing;
  }

  #renderMessages(messages: string[]): TemplateResult | typeof nothing {
    return messages.length
      ? html`<div id="error" class="form-control__error" part="error">
          ${messages.map((message) => html`<p class="message" dir="auto">${message}</p>`)}
        </div>`
      : nothing;
  }

  #renderText(): TemplateResult {
    const spec = this.#spec;
    const attribute = this.question!.attribute;
    const messages = this.#messages();
    const normalize = spec.normalize;
    const typed = this.#typed;
    const shown = typed !== null && (normalize ? normalize(typed, this.#decimalSeparator) : typed) === this.value ? typed : this.value;
    const autocomplete = AUTOCOMPLETE_BY_KEY[attribute.key] ?? AUTOCOMPLETE_BY_TYPE[attribute.type] ?? 'off';
    const common = {
      describedBy: this.#describedBy(messages) || nothing,
      invalid: messages.length ? 'true' : nothing,
      dir: spec.ltr ? 'ltr' : nothing,
      spellcheck: spec.inputType === 'text' && !spec.inputMode ? nothing : 'false',
    };
    const control = spec.multiline
      ? html`<textarea
          id="control"
          class="input"
          part="control"
          rows="3"
          autocomplete=${autocomplete}
          aria-describedby=${common.describedBy}
          aria-invalid=${common.invalid}
          ?required=${this.#isRequired}
          ?disabled=${this.isDisabled}
          .value=${live(shown)}
          @input=${this.#onInput}
          @change=${this.#onChange}
        ></textarea>`
      : html`<input
          id="control"
          class="input"
          part="control"
          type=${spec.inputType}
          inputmode=${spec.inputMode ?? nothing}
          autocomplete=${autocomplete}
          dir=${common.dir}
          spellcheck=${common.spellcheck}
          aria-describedby=${common.describedBy}
          aria-invalid=${common.invalid}
          ?required=${this.#isRequired}
          ?disabled=${this.isDisabled}
          .value=${live(shown)}
          @input=${this.#onInput}
          @change=${this.#onChange}
        />`;
    return html`<div class="form-control" part="base">
      ${this.#renderLabel(true)} ${control} ${this.#renderHelp()} ${this.#renderNote()} ${this.#renderMessages(messages)}
    </div>`;
  }

  #renderBoolean(): TemplateResult {
    const messages = this.#messages();
    return html`<div class="form-control" part="base">
      <label class="choice" part="label">
        <input
          id="control"
          type="checkbox"
          part="control"
          aria-describedby=${this.#describedBy(messages) || nothing}
          aria-invalid=${messages.length ? 'true' : nothing}
          ?disabled=${this.isDisabled}
          .checked=${live(this.value === 'true')}
          @input=${this.#onInput}
          @change=${this.#onChange}
        />
        <span id="label">${this.question!.title}</span>
      </label>
      ${this.#renderHelp()} ${this.#renderNote()} ${this.#renderMessages(messages)}
    </div>`;
  }

  #renderReference(): TemplateResult {
    const remote = this.#data.state;
    const messages = this.#messages();
    const attribute = this.question!.attribute;
    const autocomplete = AUTOCOMPLETE_BY_KEY[attribute.key] ?? 'off';
    const options = remote.status === 'options' ? remote.options : null;
    if (options && options.length > SELECT_MAX_OPTIONS) return this.#renderCombobox(options, messages);
    const describedBy = [this.#describedBy(messages), options ? '' : 'status'].filter(Boolean).join(' ');
    return html`<div class="form-control" part="base">
      ${this.#renderLabel(true)}
      <select
        id="control"
        class="input"
        part="control"
        autocomplete=${autocomplete}
        aria-describedby=${describedBy || nothing}
        aria-invalid=${messages.length ? 'true' : nothing}
        ?required=${this.#isRequired}
        ?disabled=${this.isDisabled || !options}
        .value=${live(this.value)}
        @input=${this.#onInput}
        @change=${this.#onChange}
      >
        <option value="" ?selected=${this.value === ''}>${this.#localize.term('chooseOption')}</option>
        ${(options ?? []).map(
          (option) => html`<option value=${option.key} ?selected=${option.key === this.value}>${option.title}</option>`,
        )}
      </select>
      ${options ? nothing : this.#renderRemoteStatus('loadingOptions', 'questionOptionsFailed')} ${this.#renderHelp()}
      ${this.#renderNote()} ${this.#renderMessages(messages)}
    </div>`;
  }

  #renderCombobox(definitions: KycDefinition[], messages: string[]): TemplateResult {
    let options = this.#comboboxOptions.get(definitions);
    if (!options) {
      options = definitions.map((definition) => ({ value: definition.key, label: definition.title }));
      this.#comboboxOptions.set(definitions, options);
    }
    return html`<div class="form-control" part="base">
      <kyc-combobox
        id="control"
        part="control"
        exportparts=${COMBOBOX_EXPORTPARTS}
        .label=${this.question!.title}
        .options=${options}
        .value=${this.value}
        help-text=${this.question!.description ?? ''}
        error=${messages.join(' ')}
        ?required=${this.#isRequired}
        ?disabled=${this.isDisabled}
        @input=${this.#onInput}
        @change=${this.#onChange}
      ></kyc-combobox>
      ${this.#renderNote()}
    </div>`;
  }

  /** The loading or failure message (a live region), with the retry button after a failure. */
  #renderRemoteStatus(loading: TextTermKey, failed: TextTermKey): TemplateResult {
    const hasFailed = this.#data.state.status === 'failed';
    const slow = !hasFailed && this.#data.slow;
    return html`<div class="status" part="status">
      <p id="status" class="status__message" role="status">
        ${this.#localize.term(hasFailed ? failed : slow ? 'loadingSlow' : loading)}
      </p>
      ${
        slow
          ? html`<button
            id="stop"
            type="button"
            class="button button--secondary"
            part="stop-button"
            aria-describedby="status"
            @click=${() => this.#data.stopWaiting()}
          >
            ${this.#localize.term('stopWaiting')}
          </button>`
          : nothing
      }
      ${
        hasFailed
          ? html`<button
            id="retry"
            type="button"
            class="button button--secondary"
            part="retry-button"
            aria-describedby="status"
            ?disabled=${this.isDisabled}
            @click=${this.#onRetry}
          >
            ${this.#localize.term('retry')}
          </button>`
          : nothing
      }
    </div>`;
  }

  #renderLegal(): TemplateResult {
    const remote = this.#data.state;
    const document = remote.status === 'document' ? remote.document : null;
    const messages = this.#messages();
    return html`<fieldset class="form-control" part="base" aria-describedby=${this.#describedBy([]) || nothing}>
      <legend id="label" class="form-control__label" part="label">${this.question!.title}</legend>
      ${this.#renderHelp()} ${this.#renderNote()}
      ${document ? this.#renderDocument(document, messages) : this.#renderRemoteStatus('loading', 'questionDocumentFailed')}
      ${this.#renderMessages(messages)}
    </fieldset>`;
  }

  #renderDocument(document: KycLegalDocument, messages: string[]): TemplateResult {
    const text = document.text ?? '';
    const markup = hasMarkup(text) ? this.#markupOf(document) : null;
    const paragraphs = (markup === 'failed' ? withoutTags(text) : text).split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
    const marker = this.#isRequired ? html`<span class="form-control__required" aria-hidden="true">*</span>` : nothing;
    // The question's title is the legend: the document's is said again only when it is another one.
    const ownTitle = comparable(document.title) !== comparable(this.question!.title);
    return html`<div class="document" part="document">
      ${
        ownTitle || document.version
          ? html`<p class="document__header">
            ${ownTitle ? html`<span id="document-title" class="document__title" dir="auto">${document.title}</span>` : nothing}
            ${
              document.version
                ? html`<span class="document__version">${this.#localize.term('documentVersion', document.version)}</span>`
                : nothing
            }
          </p>`
          : nothing
      }
      ${
        paragraphs.length
          ? html`<div
            class="document__text"
            part="document-text"
            role="region"
            tabindex="0"
            aria-labelledby=${ownTitle ? 'document-title' : 'label'}
            aria-busy=${markup === 'loading' ? 'true' : 'false'}
          >
            ${
              markup === null || markup === 'failed'
                ? paragraphs.map((paragraph) => html`<p dir="auto">${paragraph}</p>`)
                : markup === 'loading'
                  ? nothing
                  : markup
            }
          </div>`
          : nothing
      }
      ${
        document.url
          ? html`<a class="document__link" part="document-link" href=${document.url} target="_blank" rel="noopener noreferrer">
            ${this.#localize.term('readFullDocument')}
            <span class="document__new-tab">${this.#localize.term('opensInNewTab')}</span>
          </a>`
          : nothing
      }
      <label class="choice">
        <input
          id="control"
          type="checkbox"
          part="control"
          aria-describedby=${messages.length ? 'error' : nothing}
          aria-invalid=${messages.length ? 'true' : nothing}
          ?required=${this.#isRequired}
          ?disabled=${this.isDisabled}
          .checked=${live(this.value === document.uuid)}
          @input=${this.#onInput}
          @change=${this.#onChange}
        />
        <span>${ownTitle ? this.#localize.term('acceptDocument', document.title) : this.#localize.term('acceptThisDocument')}${marker}</span>
      </label>
    </div>`;
  }

  /** A legal text with markup, formatted: loading (the sanitizer comes when first needed), made, or failed to load. */
  #markup: { text: string; url: string | null; node: HTMLElement | 'loading' | 'failed' } | null = null;

  #markupOf(document: KycLegalDocument): HTMLElement | 'loading' | 'failed' {
    const text = document.text ?? '';
    const current = this.#markup;
    if (current && current.text === text && current.url === document.url) return current.node;
    const markup: { text: string; url: string | null; node: HTMLElement | 'loading' | 'failed' } = {
      text,
      url: document.url,
      node: 'loading',
    };
    this.#markup = markup;
    import('../../internal/legal-markup.js')
      .then(({ legalMarkup }) => (markup.node = legalMarkup(text, document.url)))
      .catch(() => (markup.node = 'failed')) // its words, without the tags
      .finally(() => this.requestUpdate());
    return markup.node;
  }

  #renderReadOnly(): TemplateResult {
    return html`<div class="form-control" part="base">
      ${this.#renderLabel(false)}
      <p class="answer" part="answer" dir="auto">${this.#answerText()}</p>
      <p class="form-control__help">${this.#localize.term('readOnly')}</p>
      ${this.#renderHelp()} ${this.#renderNote()}
    </div>`;
  }

  /** A read-only answer as words (the same words as on the review page). */
  #answerText(): string {
    const value = super.value;
    const remote = this.#data.state;
    const label =
      remote.status === 'options'
        ? (remote.options.find((option) => option.key === value)?.title ?? null)
        : remote.status === 'document' && remote.document.uuid === value
          ? remote.document.title
          : null;
    return answerText(this.#localize, this.question!, value, label);
  }

  #renderPlaceholder(what: string): TemplateResult {
    return html`<div class="form-control" part="base">
      ${this.#renderLabel(false)}
      <p class="placeholder" part="placeholder">${what}</p>
      ${this.#renderHelp()} ${this.#renderNote()}
    </div>`;
  }

  #renderLiveness(): TemplateResult {
    const { attribute } = this.question!;
    return html`<div class="form-control" part="base">
      ${this.#renderLabel(false)} ${this.#renderHelp()}
      ${
        isLivenessDone(attribute)
          ? html`<p class="uploaded" part="answer">${this.#localize.term('livenessDone')}</p>`
          : html`<kyc-liveness
            part="control"
            exportparts=${LIVENESS_EXPORTPARTS}
            attribute-key=${attribute.key}
            application-uuid=${this.applicationUuid}
            theme=${this.sumsubTheme}
            platform-status=${attribute.verification?.status ?? ''}
          ></kyc-liveness>`
      }
      ${this.#renderNote()}
    </div>`;
  }

  #renderFiles(): TemplateResult {
    const { attribute, title, description } = this.question!;
    const messages = this.#messages();
    const { maxFileSize, photoMaxSide, originalPhotos, camera, quality, qualityThresholds } = this.upload;
    return html`<div class="form-control" part="base">
      ${this.#renderLabel(false)} ${this.#renderHelp()}
      <kyc-file-upload
        id="control"
        part="control"
        exportparts=${UPLOAD_EXPORTPARTS}
        attribute-key=${attribute.key}
        label=${title}
        description=${[description, this.#note, ...messages].filter(Boolean).join(' ')}
        .value=${live(super.value)}
        .documentFiles=${this.#files}
        ?multiple=${!attribute.key.endsWith('_side')}
        ?disabled=${this.isDisabled || (this.upload.locked ?? false)}
        ?flagged=${hasVerificationProblem(attribute)}
        .maxFileSize=${maxFileSize ?? DEFAULT_MAX_FILE_BYTES}
        .photoMaxSide=${photoMaxSide ?? DEFAULT_PHOTO_MAX_SIDE}
        ?original-photos=${originalPhotos ?? false}
        camera=${camera ?? 'auto'}
        quality=${quality ?? 'warn'}
        .qualityThresholds=${qualityThresholds ?? NO_THRESHOLDS}
        .captureBack=${this.captureBack}
        @input=${this.#onFilesChanged}
        @change=${this.#onDocumentMade}
      ></kyc-file-upload>
      ${this.#renderNote()} ${this.#renderMessages(messages)}
    </div>`;
  }

  /** Files were added, removed or uploaded: validity follows (the event goes on to the owner). */
  readonly #onFilesChanged = (): void => {
    this.#errorsAddressed = true;
    this.requestUpdate();
  };

  /** The document was made: its uuid is the answer (the composed `change` goes on to the owner). */
  readonly #onDocumentMade = (event: Event): void => {
    this.value = (event.currentTarget as KycFileUpload).value;
    this.showProblems = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-question': KycQuestion;
  }
}
