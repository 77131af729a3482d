import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { heading, notice } from './parts.js';
import { KycScreen } from './screen.js';

/**
 * @summary The level choice: the client's current level, the levels on offer, and Start.
 * @internal Rendered by `<kyc-onboarding>` only.
 */
export class KycLevelsScreen extends KycScreen {
  /** The level chosen before the person picks one (the widget's `level-uuid`). */
  @property({ attribute: false }) preselected: string | null = null;

  override render(): TemplateResult | typeof nothing {
    const flow = this.flow;
    const screen = flow?.screen;
    if (!flow || screen?.name !== 'levels') return nothing;
    const localize = this.localize;
    if (screen.levels.length === 0) {
      return html`${heading(localize.term('chooseLevelTitle'))}
        <p part="body">${localize.term('noLevels')}</p>`;
    }
    const chosen = this.#chosen(screen.levels);
    return html`
      ${heading(localize.term('chooseLevelTitle'))}
      <div class="stack" part="body">
        ${screen.currentLevel?.name ? html`<p>${localize.term('currentLevel', screen.currentLevel.name)}</p>` : nothing}
        <fieldset class="levels">
          <legend class="muted">${localize.term('chooseLevelIntro')}</legend>
          ${screen.levels.map(
            (level, index) => html`
              <label class="level">
                <input
                  type="radio"
                  name="level"
                  .value=${level.uuid}
                  .checked=${level.uuid === chosen.uuid}
                  @change=${() => flow.chooseLevel(level.uuid)}
                />
                <strong dir="auto">${level.name ?? localize.term('unnamedLevel', index + 1)}</strong>
                ${level.description ? html`<span class="muted" dir="auto">${level.description}</span>` : nothing}
              </label>
            `,
          )}
        </fieldset>
        ${notice(localize, flow)}
      </div>
      <div class="actions" part="actions">
        <button class="button button--primary" part="button-continue" ?disabled=${flow.busy !== null} @click=${() => flow.selectLevel(this.#chosen(screen.levels).uuid)}>
          ${localize.term('startVerification')}
        </button>
      </div>
    `;
  }

  /** The level Start creates an application for: the one picked, else the preselected one, else the first. */
  #chosen<L extends { uuid: string }>(levels: readonly L[]): L {
    const flow = this.flow;
    return levels.find((level) => level.uuid === flow?.chosenLevel) ?? levels.find((level) => level.uuid === this.preselected) ?? levels[0];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kyc-levels-screen': KycLevelsScreen;
  }
}
