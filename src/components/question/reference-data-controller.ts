import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { KycApiError, type KycApplicationQuestion, type KycClient, type KycDefinition, type KycLegalDocument } from '../../api/index.js';
import { flowContext } from '../../context/flow-context.js';
import { KycErrorEvent } from '../../events/events.js';
import { ReferenceData } from '../../flow/reference-data.js';
import { SLOW_AFTER_MS, type KycClock } from '../../internal/clock.js';

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
  /** The read has waited {@link SLOW_AFTER_MS} and goes on: the person is told, and may stop waiting. */
  slow = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #flow: ContextConsumer<typeof flowContext, ReactiveControllerHost & HTMLElement>;
  /** The read whose answer is awaited; an answer of an older read is dropped. */
  #request: Promise<unknown> | null = null;
  /** What was read last (client, and attribute type and key): a new question object for the same reads nothing. */
  #source: { client: KycClient | null; what: string | null } | null = null;
  /** How to forget the read in flight (stopping waiting for it). */
  #forget: (() => void) | null = null;
  readonly #clock: () => KycClock;
  #slowTimer: unknown = null;

  /** @param clock What the "taking long" wait runs on (the question's clock). */
  constructor(host: ReactiveControllerHost & HTMLElement, clock: () => KycClock) {
    this.#host = host;
    this.#clock = clock;
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
    const kind = question.attribute.type === 'reference_data' ? 'definitions' : 'legal-documents';
    const legalKey = client.platform.legalDocumentKeys[key] ?? key;
    this.#forget = () => data.forget(client, kind, kind === 'definitions' ? key : legalKey);
    const request: Promise<QuestionData> =
      question.attribute.type === 'reference_data'
        ? data.definitionsOf(client, key).then((options) => ({ status: 'options', options }))
        : // By the platform's own question (its title is a fallback to find the document; the one shown may be the host's words).
          data.legalDocumentOf(client, this.#flow.value?.questionOf(key) ?? question).then((document) => {
            if (!document) throw new KycApiError('not_found', 'The platform has no legal document for this question.');
            return { status: 'document', document };
          });
    this.#request = request;
    this.#set({ status: 'loading' });
    const clock = this.#clock();
    this.#clearSlow();
    const timer = clock.setTimeout(() => {
      if (this.#request !== request) return;
      this.slow = true;
      this.#host.requestUpdate();
    }, SLOW_AFTER_MS);
    this.#slowTimer = { clock, timer };
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

  /**
   * Stops waiting for a read that takes long: its answer, when it comes, is dropped; the question
   * says it could not be read and offers to read again (reported once, as a timeout).
   */
  stopWaiting(): void {
    if (this.state.status !== 'loading') return;
    this.#request = null;
    this.#forget?.(); // a retry asks again, rather than wait on this read
    this.#set({ status: 'failed' });
    this.#host.dispatchEvent(
      KycErrorEvent.of(new KycApiError('timeout', 'The person stopped waiting for options or a legal document to be read.')),
    );
  }

  #set(state: QuestionData): void {
    this.state = state;
    if (state.status !== 'loading') this.#clearSlow();
    this.#host.requestUpdate();
  }

  #clearSlow(): void {
    const running = this.#slowTimer as { clock: KycClock; timer: unknown } | null;
    running?.clock.clearTimeout(running.timer);
    this.#slowTimer = null;
    this.slow = false;
  }
}
