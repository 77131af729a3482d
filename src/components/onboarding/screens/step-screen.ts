import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { KycApplicationQuestion } from '../../../api/index.js';
import { KycQuestion, type FileUploadSettings } from '../../question/question.js';
import { backSideKeys, backSideOf } from '../../../flow/documents.js';
import type { FlowProblem } from '../../../flow/flow-controller.js';
import { errorText } from '../../../internal/error-text.js';
import { atDesk } from '../../../internal/device.js';
import { correction, exportParts, heading, notice, signaturePrompt, signaturePromptLoader } from './parts.js';
import { GoToQuestionEvent } from './screen.js';
import { KycWordedScreen } from './worded-screen.js';

/** The parts of `<kyc-question>` the widget re-exports as `question__<part>`. */
const QUESTION_PARTS = [
  'base',
  'label',
  'help',
  'control',
  'error',
  'note',
  'answer',
  'placeholder',
  'document',
  'document-text',
  'document-link',
  'status',
  'retry-button',
  'stop-button',
  'combobox-input',
  'combobox-expand-icon',
  'combobox-listbox',
  'combobox-option',
  'combobox-message',
  'liveness-frame',
  'liveness-status',
  'liveness-retry-button',
  'liveness-link',
  'liveness-qr-code',
  'upload',
  'upload-files',
  'upload-file',
  'upload-thumbnail',
  'upload-progress',
  'upload-message',
  'upload-actions',
  'upload-button-choose',
  'upload-button-camera',
  'upload-button-remove',
  'upload-button-cancel',
  'upload-button-retry',
  'upload-button-retake',
  'upload-capture',
  'upload-capture-viewfinder',
  'upload-capture-frame',
  'upload-capture-guidance',
  'upload-capture-preview',
  'upload-capture-problems',
  'upload-capture-example',
  'upload-capture-button-shutter',
  'upload-capture-button-use',
  'upload-capture-button-retake',
  'upload-capture-button-close',
  'upload-capture-button-choose',
  'upload-capture-button-retry',
  'upload-capture-title',
  'upload-capture-video',
  'upload-capture-actions',
  'upload-capture-button-open',
  'upload-example',
] as const;
const QUESTION_EXPORTPARTS = exportParts('question', QUESTION_PARTS);

/**
 * @summary One step of the questionnaire: the progress, the step's questions (a two-sided
 * document's sides as a pair), the error summary, the code prompt, Back and Continue.
 * @internal Rendered by `<kyc-onboarding>` only.
 */
export class KycStepScreen extends KycWordedScreen {
  static override dependencies = { 'kyc-question': KycQuestion };
  static override lazyDependencies = signaturePromptLoader;

  /** How document questions take files (the widget's settings, and whether the step is locked). */
  @property({ attribute: false }) upload: FileUploadSettings = {};
  /** The theme of Sumsub's check. */
  @property({ attribute: false }) sumsubTheme: 'light' | 'dark' = 'light';
  /** The host's page a phone opens to go on there (the widget's `handoff-url`); null: no hand-off. */
  @property({ attribute: false }) handoffUrl: string | null = null;

  /** The QR encoder, loaded when a hand-off link is first shown. */
  #qr: typeof import('../../../internal/qr-code.js') | null = null;

  protected override willUpdate(): void {
    // The code prompt's code arrives with the first request for a code (tried again if it failed).
    if (this.flow?.signature) this.need('kyc-signature-prompt').catch(() => undefined);
  }

  override render(): TemplateResult | typeof nothing {
    const flow = this.flow;
    const screen = flow?.screen;
    if (!flow || screen?.name !== 'step') return nothing;
    const localize = this.localize;
    const { index } = screen;
    const step = flow.steps[index];
    const words = this.wording.step(step);
    const busy = flow.busy !== null;
    const backSides = backSideKeys(step.questions); // asked beside their front side
    return html`
      ${this.#renderProgress(index)} ${heading(words.title)}
      <div class="stack" part="body">
        ${words.description ? html`<p class="muted" dir="auto">${words.description}</p>` : nothing}
        ${flow.application?.status === 'pending' ? correction(localize, flow.application) : nothing} ${this.#renderSummary()}
        ${flow.summary.length > 0 ? nothing : notice(localize, flow)}
        ${
          flow.unsavedAnswers
            ? html`<div class="panel panel--warning" role="alert"><p>${localize.term('unsavedAnswers')}</p></div>`
            : nothing
        }
        ${
          flow.documentNote
            ? html`<div class="panel panel--warning" id="document-note" role="alert"><p>${localize.term('documentNoteSaved')}</p></div>`
            : nothing
        }
        <div class="questions" @input=${this.#onAnswer} @change=${this.#onAnswer} @kyc-liveness-complete=${() => flow.checkNow()}>
          ${repeat(
            step.questions.filter((question) => !backSides.has(question.attribute.key)),
            (question) => question.attribute.key,
            (question) => this.#renderQuestionOrSides(question, step.questions),
          )}
        </div>
        ${this.#renderHandoff()} ${signaturePrompt(localize, flow)}
      </div>
      <div class="actions" part="actions">
        ${
          index > 0
            ? html`<button class="button button--secondary" part="button-back" ?disabled=${busy} @click=${() => flow.back()}>
              ${localize.term('back')}
            </button>`
            : nothing
        }
        ${
          flow.signature
            ? nothing
            : html`<button class="button button--primary" part="button-continue" ?disabled=${busy} @click=${this.#onContinue}>
              ${flow.busy === 'saving' ? localize.term('saving') : localize.term('continue')}
            </button>`
        }
      </div>
    `;
  }

  /**
   * "Continue on your phone", on a step with documents, at a desk (a fine pointer and a wide
   * screen: on a phone the camera is right there), when the host gave its `handoff-url`; once asked,
   * the link and its QR code, while the platform is watched for the phone's documents.
   */
  #renderHandoff(): TemplateResult | typeof nothing {
    const flow = this.flow!;
    const screen = flow.screen;
    if (!this.handoffUrl || screen.name !== 'step' || !flow.editable) return nothing;
    const localize = this.localize;
    const handoff = flow.handoff;
    if (handoff) {
      // One panel for the link and its expiry: its status region stays, so the change is announced.
      const code = handoff.expired ? null : (this.#qr?.encodeQr(handoff.url) ?? null);
      if (!this.#qr && !handoff.expired) {
        void import('../../../internal/qr-code.js').then((module) => {
          this.#qr = module;
          this.requestUpdate();
        });
      }
      const size = code ? code.size + 8 : 0;
      return html`<div class="panel" part="handoff" role="region" aria-labelledby="handoff-title">
        <h3 id="handoff-title">${localize.term('handoffTitle')}</h3>
        ${handoff.expired ? nothing : html`<p>${localize.term('handoffBody')}</p>`}
        ${
          code && this.#qr
            ? html`<svg class="qr" part="handoff-qr-code" viewBox="0 0 ${size} ${size}" role="img" aria-label=${localize.term('handoffQrLabel')}>
              <rect width=${size} height=${size} class="qr__background"></rect>
              <path d=${this.#qr.qrPath(code, 4)} class="qr__modules"></path>
            </svg>`
            : nothing
        }
        ${
          handoff.expired
            ? nothing
            : html`<p><a class="link" part="handoff-link" href=${handoff.url} target="_blank" rel="noopener noreferrer">${localize.term('handoffLink')}</a></p>`
        }
        <p class="muted" role="status">${localize.term(handoff.expired ? 'handoffExpired' : 'handoffWaiting')}</p>
        <div class="actions">
          ${
            handoff.expired
              ? html`<button class="button button--secondary" part="button-handoff" ?disabled=${flow.busy !== null} @click=${() => flow.startHandoff(this.handoffUrl!)}>
                  ${localize.term('handoffNewLink')}
                </button>`
              : nothing
          }
          <button class="button button--secondary" part="button-handoff-stop" @click=${() => flow.stopHandoff()}>${localize.term('handoffStop')}</button>
        </div>
      </div>`;
    }
    const documents = flow.steps[screen.index]?.questions.some(({ attribute }) => attribute.type === 'document');
    if (!documents || !atDesk()) return nothing;
    return html`<div>
      <button class="button button--secondary" part="button-handoff" ?disabled=${flow.busy !== null} @click=${() => flow.startHandoff(this.handoffUrl!)}>
        ${localize.term('handoffStart')}
      </button>
    </div>`;
  }

  #renderProgress(index: number): TemplateResult {
    const steps = this.flow!.steps;
    const localize = this.localize;
    return html`
      <nav class="progress" part="progress" aria-label=${localize.term('stepsLabel')}>
        <p class="muted">${localize.term('stepOf', index + 1, steps.length)}</p>
        <progress max=${steps.length} value=${index + 1} aria-hidden="true"></progress>
        <ol>
          ${steps.map(
            (step, i) => html`<li class=${i < index ? 'done' : ''} aria-current=${i === index ? 'step' : 'false'} dir="auto">
              ${this.wording.step(step).title}
            </li>`,
          )}
        </ol>
      </nav>
    `;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    const flow = this.flow!;
    const { summary } = flow;
    if (summary.length === 0) return nothing;
    const localize = this.localize;
    const text = (item: FlowProblem) => item.message ?? (item.error ? errorText(localize, item.error) : '');
    // A question is named as the person reads it on the step.
    const title = (item: FlowProblem) => {
      const question = item.key ? flow.questionOf(item.key) : undefined;
      return question ? this.wording.question(question).title : item.title;
    };
    return html`
      <div class="panel panel--danger" part="error-summary" id="error-summary" tabindex="-1" aria-labelledby="summary-title">
        <h3 id="summary-title">${localize.term('errorSummaryTitle')}</h3>
        <ul>
          ${summary.map(
            (item) => html`<li>
              ${
                item.key
                  ? html`<button class="link" @click=${() => this.dispatchEvent(new GoToQuestionEvent(item.key!))}>
                    ${title(item) ? localize.term('errorSummaryItem', title(item)!, text(item)) : text(item)}
                  </button>`
                  : text(item)
              }
            </li>`,
          )}
        </ul>
      </div>
    `;
  }

  /** A question; a document's front side with its back side (from `questions`) beside it. */
  #renderQuestionOrSides(question: KycApplicationQuestion, questions: readonly KycApplicationQuestion[]): TemplateResult {
    const flow = this.flow!;
    const back = backSideOf(question, questions);
    if (!back) return this.#renderQuestion(question);
    const frontKey = question.attribute.key;
    const { documents } = flow;
    const single = documents.noBackSide.has(frontKey);
    // No back side: the front picture goes again as the back side (unless the flow needs it asked).
    const reuse = documents.backFromFront(question, back);
    const localize = this.localize;
    return html`<div class="sides">
      <div class="sides__pair">
        ${this.#renderQuestion(
          question,
          // The camera takes the back after the front, unless the back is not asked or already stored.
          reuse || flow.valueOf(back.attribute)
            ? null
            : { label: this.wording.question(back).title, files: documents.filesOf(back.attribute.key) },
        )}
        ${reuse ? nothing : this.#renderQuestion(back)}
      </div>
      <label class="choice">
        <input
          type="checkbox"
          .checked=${single}
          ?disabled=${!flow.editable || flow.busy !== null}
          @change=${(event: Event) => documents.setNoBackSide(frontKey, (event.target as HTMLInputElement).checked)}
        />
        <span>${localize.term('noBackSide')}</span>
      </label>
      ${single ? html`<p class="muted">${localize.term(reuse ? 'noBackSideHelp' : 'noBackSideFrontAgain')}</p>` : nothing}
      ${
        single && documents.backSideError
          ? html`<p class="message message--danger" role="alert">${errorText(localize, documents.backSideError)}</p>`
          : nothing
      }
    </div>`;
  }

  /** A question; `captureBack`: a front side's back side, which the camera takes after it. */
  #renderQuestion(question: KycApplicationQuestion, captureBack: KycQuestion['captureBack'] = null): TemplateResult {
    const flow = this.flow!;
    const { attribute } = question;
    return html`<kyc-question
      data-key=${attribute.key}
      exportparts=${QUESTION_EXPORTPARTS}
      .question=${this.wording.question(question)}
      .value=${flow.valueOf(attribute) ?? ''}
      .errors=${flow.errorsOf(attribute)}
      .upload=${this.upload}
      .documentFiles=${attribute.type === 'document' ? flow.documents.filesOf(attribute.key) : null}
      .captureBack=${captureBack}
      application-uuid=${flow.application?.uuid ?? ''}
      sumsub-theme=${this.sumsubTheme}
      ?disabled=${!flow.editable}
    ></kyc-question>`;
  }

  readonly #onAnswer = (event: Event): void => {
    const question = event.target;
    if (!(question instanceof KycQuestion) || !question.question) return;
    // Its own checks' verdict: a valid answer that needs no code is stored as the person goes.
    this.flow?.setAnswer(question.question.attribute.key, question.value, question.validity.valid);
  };

  /**
   * Continue: the questions' own checks first (their problems listed in the flow's error summary,
   * nothing sent), then the flow saves the step. A document that could not be made takes the focus.
   */
  readonly #onContinue = async (): Promise<void> => {
    const flow = this.flow;
    if (!flow) return;
    const questions = [...this.querySelectorAll<KycQuestion>('kyc-question')];
    const invalid = questions.filter((question) => !question.checkValidity());
    if (invalid.length > 0) {
      for (const question of invalid) question.reportValidity();
      flow.showProblems(
        invalid.map((question) => ({
          key: question.question!.attribute.key,
          title: question.question!.title,
          message: question.validationMessage,
        })),
      );
      return;
    }
    await flow.continue();
    const failed = flow.documents.failed;
    if (failed) this.querySelector<KycQuestion>(`kyc-question[data-key="${CSS.escape(failed)}"]`)?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-step-screen': KycStepScreen;
  }
}
