/**
 * Answers stored as the person goes: which answers wait to be stored, when (a pause after the last
 * change, on the flow's clock), and never two stores at once. What is stored, and how, is the
 * flow's ({@link AutosaveHost}).
 */
import type { KycAttributeChange } from '../api/index.js';
import type { KycClock } from '../internal/clock.js';

/**
 * How long after the person's last change the valid answers that need no code are stored (they
 * stay typed whatever happens; a code-signed answer waits for Continue and its code).
 */
export const AUTOSAVE_AFTER_MS = 2_000;

/** What the autosave needs of the flow. */
export interface AutosaveHost {
  clock(): KycClock;
  /** Whether a store may start now (no request of the flow running, no code asked, consent given). */
  idle(): boolean;
  /** Of these answers, the changes to store now: still typed, and needing no code. */
  changesOf(keys: ReadonlySet<string>): KycAttributeChange[];
  /**
   * Stores the changes (quietly: nothing is said to the person); `outlive`: the request is not
   * stopped with the flow's (the widget is leaving the page). Resolves with the keys the platform
   * refused (not tried again until changed); rejects when nothing could be stored.
   */
  store(changes: KycAttributeChange[], outlive: boolean): Promise<string[]>;
}

export class Autosave {
  readonly #host: AutosaveHost;
  /** Answers found valid since they were last changed, not stored yet. */
  readonly #keys = new Set<string>();
  #timer: unknown = undefined;
  #pending = false;
  #running: Promise<void> | null = null;

  constructor(host: AutosaveHost) {
    this.#host = host;
  }

  /** A store on its way (Continue waits for it), or null. */
  get running(): Promise<void> | null {
    return this.#running;
  }

  /** The person changed an answer; `valid`: what its own checks say. Stored after a pause when valid. */
  changed(key: string, valid: boolean): void {
    if (valid) this.#keys.add(key);
    else this.#keys.delete(key);
    this.#schedule();
  }

  /** Stops waiting: Continue stores what is left. */
  cancel(): void {
    this.#host.clock().clearTimeout(this.#timer);
    this.#pending = false;
  }

  /**
   * Stores now what waits for the pause: the page is hidden (a phone may close it without a word),
   * or the widget leaves it (`outlive`: the store is not stopped with the flow's requests).
   */
  flush(outlive = false): void {
    if (!this.#pending) return;
    this.cancel();
    void this.#run(outlive);
  }

  /** Another application: nothing of the last one is stored. */
  forget(): void {
    this.cancel();
    this.#keys.clear();
  }

  #schedule(): void {
    const clock = this.#host.clock();
    clock.clearTimeout(this.#timer);
    this.#pending = true;
    this.#timer = clock.setTimeout(() => {
      this.#pending = false;
      void this.#run(false);
    }, AUTOSAVE_AFTER_MS);
  }

  /** One store at a time; a store that cannot start now (busy, a code asked) is tried after the next pause. */
  async #run(outlive: boolean): Promise<void> {
    const changes = this.#host.changesOf(this.#keys);
    if (changes.length === 0) return;
    if (this.#running || !this.#host.idle()) {
      this.#schedule();
      return;
    }
    let failed = false;
    this.#running = this.#host
      .store(changes, outlive)
      .then((refused) => {
        for (const key of refused) this.#keys.delete(key);
      })
      .catch(() => {
        failed = true; // quiet: the answers stay typed; the next change tries again, Continue says what fails
      });
    await this.#running;
    this.#running = null;
    // Stored answers leave the list (the host no longer gives them); one typed again meanwhile is stored after a pause.
    const left = this.#host.changesOf(this.#keys);
    for (const key of [...this.#keys]) if (!left.some((change) => change.key === key)) this.#keys.delete(key);
    if (left.length > 0 && !failed && !this.#pending) this.#schedule();
  }
}
