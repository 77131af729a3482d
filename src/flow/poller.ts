/**
 * The schedule of the flow's reads of the platform while it waits on it (the review's decision, a
 * liveness check taken elsewhere): one timer on the flow's clock, an interval that grows ×1.5 while
 * nothing changes (up to a minute) and starts again from the first one when something does.
 * Nothing is scheduled while the page is hidden: the flow asks again when it shows.
 */
import { systemClock, type KycClock } from '../internal/clock.js';

const DEFAULT_FIRST_MS = 5_000;
const MAX_MS = 60_000;
const GROWTH = 1.5;

export class Poller {
  #clock: KycClock = systemClock;
  #first = DEFAULT_FIRST_MS;
  #delay = DEFAULT_FIRST_MS;
  #timer: unknown;
  readonly #read: () => void;

  /** `read` is called when a poll comes due. */
  constructor(read: () => void) {
    this.#read = read;
  }

  /** Takes a clock and a first interval (in ms) from now on; a timer set on the old clock is cancelled. */
  configure(clock: KycClock = systemClock, firstMs: number = DEFAULT_FIRST_MS): void {
    this.stop();
    this.#clock = clock;
    this.#first = firstMs;
    this.#delay = firstMs;
  }

  /** The interval starts again from the first one (something changed, or the flow asks now). */
  reset(): void {
    this.#delay = this.#first;
  }

  /** The next interval is longer (nothing changed, or the read failed). */
  slowDown(): void {
    this.#delay = Math.min(this.#delay * GROWTH, MAX_MS);
  }

  /** Sets the next read, one interval from now, replacing any set before; none while the page is hidden. */
  schedule(): void {
    this.stop();
    if (typeof document !== 'undefined' && document.hidden) return;
    this.#timer = this.#clock.setTimeout(this.#read, this.#delay);
  }

  /** Cancels the next read. */
  stop(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
