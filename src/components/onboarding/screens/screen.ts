import { ContextConsumer } from '@lit/context';
import { property } from 'lit/decorators.js';
import { flowContext } from '../../../context/flow-context.js';
import { InheritedProperty } from '../../../context/controllers.js';
import { translationsContext } from '../../../context/translations-context.js';
import type { FlowController } from '../../../flow/flow-controller.js';
import { KycElement } from '../../../internal/kyc-element.js';
import { LocalizeController, type KycTranslationOverrides } from '../../../utilities/localize.js';

/**
 * Base class of the widget's screens (level choice, step, review, outcome): elements that render
 * one screen of the flow they take from the enclosing `<kyc-onboarding>` by context, rendering again
 * whenever it does. Internal: only `<kyc-onboarding>` renders them.
 *
 * A screen has no shadow root of its own: it renders into the widget's, so the widget's parts
 * (`title`, `body`, `actions`, `question__…`), its styles, the ids its live region and headings are
 * tied by, and the focus all stay in one scope — exactly as a partner styles and a screen reader
 * reads the widget, whichever screen is shown. Its tag takes `display: contents` there.
 */
export class KycScreen extends KycElement {
  protected readonly localize = new LocalizeController(this);
  readonly #flow = new ContextConsumer(this, { context: flowContext, subscribe: true });
  readonly #translations = new InheritedProperty(this, 'translations', translationsContext, { fallback: undefined });

  /** The texts' overrides: the widget's. */
  @property({ attribute: false })
  get translations(): KycTranslationOverrides | undefined {
    return this.#translations.value;
  }
  set translations(value: KycTranslationOverrides | undefined) {
    this.#translations.set(value);
  }

  /** The flow the screen shows (the widget's). */
  protected get flow(): FlowController | undefined {
    return this.#flow.value;
  }

  /** Renders into the widget's shadow root (see the class's comment). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}

/**
 * Asks the widget to bring a question to the person: focused where it is shown, else on its step
 * (a "Change" link of the review, an error summary entry of a question on another step). Stays in
 * the widget's shadow root (not composed).
 */
export class GoToQuestionEvent extends Event {
  static readonly type = 'kyc-go-to-question';
  constructor(readonly key: string) {
    super(GoToQuestionEvent.type, { bubbles: true });
  }
}
