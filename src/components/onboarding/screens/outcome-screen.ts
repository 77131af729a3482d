import { html, nothing, type TemplateResult } from 'lit';
import { heading, notice } from './parts.js';
import { KycScreen } from './screen.js';

/**
 * @summary After the submission: waiting for the reviewer (the flow polls), then the outcome —
 * approved, rejected (with the reviewer's comment, and a new application when allowed), or a status
 * the widget does not know.
 * @internal Rendered by `<kyc-onboarding>` only.
 */
export class KycOutcomeScreen extends KycScreen {
  override render(): TemplateResult | typeof nothing {
    const flow = this.flow;
    const screen = flow?.screen;
    if (!flow || (screen?.name !== 'waiting' && screen?.name !== 'outcome')) return nothing;
    const localize = this.localize;
    if (screen.name === 'waiting') {
      return html`
        ${heading(localize.term('inReviewTitle'))}
        <div class="stack" part="body">
          <p>${localize.term('inReviewBody')}</p>
          ${notice(localize, flow)}
        </div>
      `;
    }
    if (screen.status === 'approved') {
      return html`${heading(localize.term('approvedTitle'))}
        <div class="panel panel--success" part="body"><p>${localize.term('approvedBody')}</p></div>`;
    }
    if (screen.status === 'rejected') {
      const comment = flow.application?.comment;
      return html`
        ${heading(localize.term('rejectedTitle'))}
        <div class="stack" part="body">
          <p>${localize.term('rejectedBody')}</p>
          ${
            comment
              ? html`<p><strong>${localize.term('reviewerComment')}</strong></p>
                <p class="comment" dir="auto">${comment}</p>`
              : nothing
          }
        </div>
        ${
          flow.levelInfo?.allowedToCreateKycApplication
            ? html`<div class="actions" part="actions">
              <button class="button button--primary" part="button-continue" @click=${() => flow.startNewApplication()}>
                ${localize.term('startNewApplication')}
              </button>
            </div>`
            : nothing
        }
      `;
    }
    // A status the widget does not know: the flow keeps asking; the person may ask at once.
    return html`${heading(localize.term('unknownStatusTitle'))}
      <div class="stack" part="body">
        <p>${localize.term('unknownStatusBody', flow.application?.rawStatus ?? '')}</p>
        ${notice(localize, flow)}
      </div>
      <div class="actions" part="actions">
        <button class="button button--primary" part="button-continue" @click=${() => flow.retry()}>${localize.term('retry')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-outcome-screen': KycOutcomeScreen;
  }
}
