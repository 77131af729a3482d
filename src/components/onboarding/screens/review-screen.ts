import { html, nothing, type TemplateResult } from 'lit';
import type { KycApplicationQuestion } from '../../../api/index.js';
import { answerText, verificationNote } from '../../../internal/answer.js';
import { correction, heading, notice, signaturePrompt, signaturePromptLoader } from './parts.js';
import { GoToQuestionEvent } from './screen.js';
import { KycWordedScreen } from './worded-screen.js';

/**
 * @summary The review: every answer in words, a "Change" link to each, and Send for review (with
 * the code prompt when the submission must be signed).
 * @internal Rendered by `<kyc-onboarding>` only.
 */
export class KycReviewScreen extends KycWordedScreen {
  static override lazyDependencies = signaturePromptLoader;

  protected override willUpdate(): void {
    // The code prompt's code arrives with the first request for a code (tried again if it failed).
    if (this.flow?.signature) this.need('kyc-signature-prompt').catch(() => undefined);
  }

  override render(): TemplateResult | typeof nothing {
    const flow = this.flow;
    if (!flow || flow.screen.name !== 'review') return nothing;
    const localize = this.localize;
    const missing = flow.missing;
    return html`
      ${heading(localize.term('reviewTitle'))}
      <div class="stack" part="body">
        <p class="muted">${localize.term('reviewIntro')}</p>
        ${flow.application?.status === 'pending' ? correction(localize, flow.application) : nothing} ${notice(localize, flow)}
        ${this.#renderMissing()}
        ${flow.steps.map(
          (step) => html`
            <h3 dir="auto">${this.wording.step(step).title}</h3>
            <dl class="review">
              ${step.questions.map((raw) => {
                const question = this.wording.question(raw);
                const missing = flow.isMissing(question.attribute);
                const note = verificationNote(localize, question.attribute);
                return html`<div>
                  <dt dir="auto">${question.title}</dt>
                  <dd class="answer" dir="auto">
                    ${missing ? html`<strong class="not-done">${localize.term('notDone')}</strong>` : this.#answerText(question)}
                  </dd>
                  ${note ? html`<dd class="note" dir="auto"><strong>${localize.term('questionVerificationNote')}</strong> ${note}</dd>` : nothing}
                  <dd>
                    ${
                      question.attribute.readOnly && !missing
                        ? nothing
                        : !flow.editable
                          ? nothing
                          : html`<button
                            class="link"
                            aria-label=${localize.term(missing ? 'completeAnswer' : 'changeAnswer', question.title)}
                            @click=${() => this.dispatchEvent(new GoToQuestionEvent(question.attribute.key))}
                          >
                            ${localize.term(missing ? 'complete' : 'change')}
                          </button>`
                    }
                  </dd>
                </div>`;
              })}
            </dl>
          `,
        )}
        ${signaturePrompt(localize, flow)}
      </div>
      <div class="actions" part="actions">
        <button class="button button--secondary" part="button-back" ?disabled=${flow.busy !== null} @click=${() => flow.back()}>
          ${localize.term('back')}
        </button>
        ${
          flow.signature
            ? nothing
            : html`<button
              class="button button--primary"
              part="button-continue"
              aria-describedby=${missing.length > 0 ? 'review-missing' : nothing}
              aria-disabled=${missing.length > 0 ? 'true' : nothing}
              ?disabled=${flow.busy !== null || !flow.editable}
              @click=${this.#onSend}
            >
              ${flow.busy === 'submitting' ? localize.term('saving') : localize.term('sendForReview')}
            </button>`
        }
      </div>
    `;
  }

  /** What is required and not done yet, each a link to it: Send waits for them. */
  #renderMissing(): TemplateResult | typeof nothing {
    const flow = this.flow!;
    const missing = flow.missing;
    if (missing.length === 0 || !flow.editable) return nothing;
    const localize = this.localize;
    return html`<div class="panel panel--warning" id="review-missing" part="missing" role="region" tabindex="-1" aria-labelledby="missing-title">
      <h3 id="missing-title">${localize.term('reviewMissingTitle', missing.length)}</h3>
      <ul>
        ${missing.map(
          (question) => html`<li>
            <button class="link" dir="auto" @click=${() => this.dispatchEvent(new GoToQuestionEvent(question.attribute.key))}>
              ${this.wording.question(question).title}
            </button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  /**
   * Send: while something required is not done it stays focusable (its description says why) and
   * takes the person to the list of what is missing; the flow sends nothing then either.
   */
  readonly #onSend = (): void => {
    const flow = this.flow;
    if (!flow) return;
    if (flow.missing.length > 0) {
      this.querySelector<HTMLElement>('#review-missing')?.focus();
      return;
    }
    void flow.submit();
  };

  #answerText(question: KycApplicationQuestion): string {
    const value = this.flow!.valueOf(question.attribute) ?? '';
    return answerText(this.localize, question, value, this.flow!.labels[question.attribute.key]?.[value] ?? null);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-review-screen': KycReviewScreen;
  }
}
