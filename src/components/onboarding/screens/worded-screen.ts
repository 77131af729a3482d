import { property } from 'lit/decorators.js';
import { Wording, type KycContent } from '../content.js';
import { KycScreen } from './screen.js';

/**
 * A screen that shows the platform's steps and questions (a step, the review): in the words the
 * person reads, the host's `content` first (see {@link Wording}).
 * @internal
 */
export class KycWordedScreen extends KycScreen {
  /** The words of the platform's steps and questions as the person reads them. */
  protected readonly wording = new Wording(this.localize);

  /** The host's words for the platform's steps and questions (the widget's `content`). */
  @property({ attribute: false })
  get content(): KycContent | undefined {
    return this.wording.content;
  }
  set content(value: KycContent | undefined) {
    const old = this.wording.content;
    this.wording.content = value;
    this.requestUpdate('content', old);
  }
}
