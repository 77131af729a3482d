import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { KycApiError, type KycApplicationQuestion, type KycClient, type KycDefinition, type KycLegalDocument } from '../../api/index.js';
import { flowContext } from '../../context/flow-context.js';
import { KycErrorEvent } from '../../events/events.js';
import { ReferenceData } from '../../flow/reference-data.js';

/** Where a question's options or legal document stand. */
export type QuestionData =
  | { status: 'idle' | 'loading' | 'failed' }
  | { status: 'options'; options: KycDefinition[] }
  | { status: 'document'; document: KycLegalDocument };

/**
 * Reads what a `reference_data` or `legal_document` question shows — its options, or the current
 * document — through the widget's flow (whose reads every question and the review share), or the
 * client's own reference data for a question used on its own. Keeps where the read stands for the
 * question to render, drops the answer of a read made stale by a newer one, and reports a failed
 * read once (one `kyc-error`, however many questions share it).
 */
export class ReferenceDataController {
  /** Where the read stands. */
  state: QuestionData = { status: 'idle' };

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #flow: ContextConsumer<typeof flowContext, ReactiveControllerHost & HTMLElement>;
  /** The read whose answer is awaited; an answer of an older read is dropped. */
  #request: Promise<unknown> | null = null;
  /** What was read last (client, and attribute type and key): a new question object for the same reads nothing. */
  #source: { client: KycClient | null; what: string | null } | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#flow = new ContextConsumer(host, { context: flowContext });
  }

  /**
   * Reads what `question` needs (nothing when not `wanted`). A question object that asks for what
   * is already read or being read (the same question, saved) keeps it, unless `again` (a retry);
   * a failed read is tried again.
   */
  read(question: KycApplicationQuestion | null, client: KycClient | null, wanted: boolean, again = false): void {
    const what = question && wanted ? `${question.attribute.type}:${question.attribute.key}` : null;
    const same = this.#source?.client === client && this.#source.what === what;
    if (same && !again && this.state.status !== 'failed') return;
    this.#source = { client, what };
    if (!question || !client || !wanted) {
      this.#request = null;
      this.#set({ status: 'idle' });
      return;
    }
    const { key } = question.attribute;
    const data = this.#flow.value?.referenceData ?? ReferenceData.of(client);
    const request: Promise<QuestionData> =
      question.attribute.type === 'reference_data'
        ? data.definitionsOf(client, key).then((options) => ({ status: 'options', options }))
        : data.legalDocumentOf(client, question).then((document) => {
            if (!document) throw new KycApiError('not_found', 'The platform has no legal document for this question.');
            return { status: 'document', document };
          });
    this.#request = request;
    this.#set({ status: 'loading' });
    request.then(
      (state) => {
        if (this.#request === request) this.#set(state);
      },
      (error: unknown) => {
        if (this.#request !== request) return;
        this.#set({ status: 'failed' });
        if (error instanceof KycApiError && data.firstReport(error)) this.#host.dispatchEvent(KycErrorEvent.of(error));
      },
    );
  }

  #set(state: QuestionData): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
