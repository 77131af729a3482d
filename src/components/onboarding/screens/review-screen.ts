import { html, nothing, type TemplateResult } from 'lit';
import type { KycApplicationQuestion } from '../../../api/index.js';
import { answerText } from '../../../internal/answer.js';
import { correction, heading, notice, signaturePrompt, signaturePromptLoader } from './parts.js';
import { GoToQuestionEvent, KycScreen } from './screen.js';

/**
 * @summary The review: every answer in words, a "Change" link to each, and Send for review (with
 * the code prompt when the submission must be signed).
 * @internal Rendered by `<kyc-onboarding>` only.
 */
export class KycReviewScreen extends KycScreen {
  static override lazyDependencies = signaturePromptLoader;

  protected override willUpdate(): void {
    // The code prompt's code arrives with the first request for a code (tried again if it failed).
    if (this.flow?.signature) this.need('kyc-signature-prompt').catch(() => undefined);
  }

  override render(): TemplateResult | typeof nothing {
    const flow = this.flow;
    if (!flow || flow.screen.name !== 'review') return nothing;
    const localize = this.localize;
    return html`
      ${heading(localize.term('reviewTitle'))}
      <div class="stack" part="body">
        <p class="muted">${localize.term('reviewIntro')}</p>
        ${flow.application?.status === 'pending' ? correction(localize, flow.application) : nothing} ${notice(localize, flow)}
        ${flow.steps.map(
          (step) => html`
            <h3 dir="auto">${step.title}</h3>
            <dl class="review">
              ${step.questions.map(
                (question) => html`<div>
                  <dt dir="auto">${question.title}</dt>
                  <dd class="answer" dir="auto">${this.#answerText(question)}</dd>
                  <dd>
                    ${
                      question.attribute.readOnly || !flow.editable
                        ? nothing
                        : html`<button
                          class="link"
                          aria-label=${localize.term('changeAnswer', question.title)}
                          @click=${() => this.dispatchEvent(new GoToQuestionEvent(question.attribute.key))}
                        >
                          ${localize.term('change')}
                        </button>`
                    }
                  </dd>
                </div>`,
              )}
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
              ?disabled=${flow.busy !== null || !flow.editable}
              @click=${() => flow.submit()}
            >
              ${flow.busy === 'submitting' ? localize.term('saving') : localize.term('sendForReview')}
            </button>`
        }
      </div>
    `;
  }

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
