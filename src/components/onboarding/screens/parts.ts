// What several screens show the same way: the heading, the flow's notice, the reviewer's
// correction request, and the one-time code prompt.
import { html, nothing, type TemplateResult } from 'lit';
import type { KycApplication } from '../../../api/index.js';
import type { FlowController } from '../../../flow/flow-controller.js';
import { errorText } from '../../../internal/error-text.js';
import type { KycElement } from '../../../internal/kyc-element.js';
import type { LocalizeController } from '../../../utilities/localize.js';

/** The parts of `<kyc-signature-prompt>` the widget re-exports as `signature__<part>`. */
const SIGNATURE_PARTS = [
  'base',
  'title',
  'progress',
  'form',
  'code',
  'error',
  'actions',
  'button-send',
  'button-confirm',
  'button-resend',
  'button-cancel',
] as const;

/** An `exportparts` value that re-exports `parts` with `prefix__`. */
export const exportParts = (prefix: string, parts: readonly string[]): string =>
  parts.map((part) => `${part}: ${prefix}__${part}`).join(', ');

const SIGNATURE_EXPORTPARTS = exportParts('signature', SIGNATURE_PARTS);

/** The code prompt, loaded with the first request for a code (a chunk of its own in the CDN build). */
export const signaturePromptLoader = {
  'kyc-signature-prompt': (): Promise<typeof KycElement> =>
    import('../../signature-prompt/signature-prompt.js').then((module) => module.KycSignaturePrompt),
};

/** The screen's heading, which takes the focus when the screen comes. */
export function heading(text: string): TemplateResult {
  // dir=auto: a heading may be the platform's text (a step title) in another script than the widget's.
  return html`<h2 id="heading" part="title" tabindex="-1" dir="auto">${text}</h2>`;
}

/** The flow's last failure that did not stop it (a wrong code is said by the code prompt). */
export function notice(localize: LocalizeController, flow: FlowController): TemplateResult | typeof nothing {
  const { notice } = flow;
  if (!notice || notice.code === 'signature_invalid') return nothing;
  return html`<div id="notice" class="panel panel--danger" role="alert" tabindex="-1"><p>${errorText(localize, notice)}</p></div>`;
}

/** The reviewer returned the application for correction: what to do, their comment, how many remarks. */
export function correction(localize: LocalizeController, application: KycApplication): TemplateResult {
  const remarks = application.steps.flatMap((step) => step.questions).filter((q) => q.attribute.errors.length > 0).length;
  return html`
    <div class="panel panel--warning" role="note">
      <h3>${localize.term('pendingTitle')}</h3>
      <p>${localize.term(remarks > 0 || !application.comment ? 'pendingBody' : 'pendingBodyNoRemarks')}</p>
      ${
        application.comment
          ? html`<p><strong>${localize.term('reviewerComment')}</strong></p>
            <p class="comment" dir="auto">${application.comment}</p>`
          : nothing
      }
      ${remarks > 0 ? html`<p class="muted">${localize.term('remarksCount', remarks)}</p>` : nothing}
    </div>
  `;
}

/** The one-time code prompt, while a save or the submission waits for codes. */
export function signaturePrompt(localize: LocalizeController, flow: FlowController): TemplateResult | typeof nothing {
  if (!flow.signature) return nothing;
  return html`<kyc-signature-prompt
    exportparts=${SIGNATURE_EXPORTPARTS}
    .request=${flow.signature}
    .busy=${flow.busy !== null}
    .error=${flow.notice?.code === 'signature_invalid' ? errorText(localize, flow.notice) : ''}
    @kyc-code-send=${(event: CustomEvent<{ provider: 'sms' | 'email'; destination?: string }>) =>
      flow.sendCode(event.detail.provider, event.detail.destination)}
    @kyc-code-submit=${(event: CustomEvent<{ code: string }>) => flow.confirmCode(event.detail.code)}
    @kyc-signature-cancel=${() => flow.cancelSignature()}
  ></kyc-signature-prompt>`;
}
