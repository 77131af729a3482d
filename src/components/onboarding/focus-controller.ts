import type { ReactiveController } from 'lit';
import type { KycQuestion } from '../question/question.js';
import type { FlowController, FlowProblem, FlowScreen } from '../../flow/flow-controller.js';
import type { KycElement } from '../../internal/kyc-element.js';
import type { LocalizeController } from '../../utilities/localize.js';

/** What the focus needs of the widget: the element (its shadow root), its flow and its language. */
interface FocusHost extends KycElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Where the focus goes in `<kyc-onboarding>`, and what its live region says, after each render
 * (once the screen element shown has rendered too):
 *
 * - a new screen: its heading takes the focus when the person is working in the widget; else the
 *   heading is only announced (the first render, a change found by polling while they are away);
 * - a question asked for ("Change" on the review, an error summary entry of another step): that
 *   question, once its step is shown;
 * - a fresh error summary: the summary;
 * - the same screen, but the control that had the focus was disabled or removed while the person
 *   worked in the widget: the notice, else the primary button, else the heading.
 */
export class FocusController implements ReactiveController {
  readonly #host: FocusHost;
  readonly #flow: FlowController;
  readonly #localize: LocalizeController;
  readonly #load: (tag: string) => Promise<void>;
  #lastScreen: FlowScreen['name'] | null = null;
  #lastStepIndex: number | null = null;
  #screenChanged = false;
  /** The error summary last focused. */
  #lastSummary: readonly FlowProblem[] = [];
  /** A question to focus once the step it is on is shown. */
  #focusAfterMove: string | null = null;
  /** The language of the live region's last announcement. */
  #announcedIn = '';
  /** The work after the renders so far: the screen's own render, then the focus. */
  #settled: Promise<void> = Promise.resolve();
  /**
   * Whether the person is working in the widget: focus came in, and neither moved to something
   * else of the page nor did the person press elsewhere. A control disabled or removed while its
   * request runs drops the focus to the body, which is not leaving.
   */
  #engaged = false;

  /** @param load Loads and defines a screen element's code, by tag. */
  constructor(host: FocusHost, flow: FlowController, localize: LocalizeController, load: (tag: string) => Promise<void>) {
    this.#host = host;
    this.#load = load;
    this.#flow = flow;
    this.#localize = localize;
    host.addController(this);
    host.addEventListener('focusin', () => (this.#engaged = true));
    host.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (next instanceof Node && next !== host && !host.contains(next)) this.#engaged = false;
    });
  }

  /** Resolves once the work after the last render is done (the focus is where it belongs). */
  get settled(): Promise<void> {
    return this.#settled;
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onPagePointerDown, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onPagePointerDown, true);
  }

  hostUpdate(): void {
    const { screen } = this.#flow;
    const index = screen.name === 'step' ? screen.index : null;
    this.#screenChanged ||= screen.name !== this.#lastScreen || index !== this.#lastStepIndex;
    this.#lastScreen = screen.name;
    this.#lastStepIndex = index;
  }

  hostUpdated(): void {
    this.#settled = this.#settled.then(() => this.#afterRender()).catch(() => undefined);
  }

  /** Brings a question to the person: focused on this step, else its step is shown and it is focused there. */
  goToQuestion(key: string): void {
    if (this.#focusQuestion(key)) return;
    const { screen } = this.#flow;
    const index = this.#flow.stepOf(key);
    if (index === null || (screen.name === 'step' && screen.index === index)) return;
    this.#focusAfterMove = key;
    this.#flow.goToStep(index);
  }

  async #afterRender(): Promise<void> {
    const root = this.#host.renderRoot;
    const screen = root.querySelector<KycElement>('.screen');
    if (screen) {
      // A failed load is tried again at the widget's next update, which settles again.
      await this.#load(screen.localName);
      await screen.updateComplete;
    }
    const lang = this.#localize.lang();
    if (lang !== this.#announcedIn) {
      // An announcement made in another language must not stay in a region now marked with this one.
      this.#announcedIn = lang;
      const status = root.querySelector('#status');
      if (status) status.textContent = '';
    }
    const { summary } = this.#flow;
    if (summary !== this.#lastSummary) {
      this.#lastSummary = summary;
      if (summary.length > 0) {
        this.#screenChanged = false;
        root.querySelector<HTMLElement>('#error-summary')?.focus();
        return;
      }
    }
    const dropped = document.activeElement === null || document.activeElement === document.body;
    if (!this.#screenChanged) {
      // Checked again once the current task is over: a control being edited (a date field moving
      // between its segments) may report no focus for a moment, and must not lose it.
      if (this.#engaged && dropped && !this.#flow.busy) setTimeout(() => this.#restore());
      return;
    }
    const heading = root.querySelector<HTMLElement>('#heading');
    if (!heading) return; // the screen's code is on its way: settled again when it renders
    this.#screenChanged = false;
    const wanted = this.#focusAfterMove;
    this.#focusAfterMove = null;
    if (wanted && this.#focusQuestion(wanted)) return;
    if (this.#host.matches(':focus-within') || (this.#engaged && dropped)) heading.focus();
    else {
      const status = root.querySelector('#status');
      if (status) status.textContent = heading.textContent?.trim() ?? '';
    }
  }

  /** The focus was dropped on the same screen: back where the person can go on. */
  #restore(): void {
    const active = document.activeElement;
    if (!this.#host.isConnected || !this.#engaged || this.#flow.busy || (active !== null && active !== document.body)) return;
    const root = this.#host.renderRoot;
    const target =
      root.querySelector<HTMLElement>('#notice') ??
      root.querySelector<HTMLElement>('[part~="button-continue"]:not([disabled])') ??
      root.querySelector<HTMLElement>('#heading');
    target?.focus();
  }

  /** Focuses a question shown now; whether it is shown. */
  #focusQuestion(key: string): boolean {
    const question = this.#host.renderRoot.querySelector<KycQuestion>(`kyc-question[data-key="${CSS.escape(key)}"]`);
    question?.focus();
    return question !== null;
  }

  readonly #onPagePointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.#host)) this.#engaged = false;
  };
}
