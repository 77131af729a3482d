/**
 * Time as a dependency: what the flow and the elements schedule by (the review polling, the
 * resend countdown). The system's clock by default; tests give a fake one and drive it, so that
 * no test waits for real time to pass.
 */
export interface KycClock {
  /** The current time, in milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, `ms` milliseconds from now; returns a handle for {@link KycClock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer (a handle already run, cancelled or undefined is ignored). */
  clearTimeout(handle: unknown): void;
}

/**
 * How long a read may wait before the person is told it takes longer than usual (the client goes
 * on trying, and a "Stop waiting" is offered): the widget's first load, a question's options or
 * legal document.
 */
export const SLOW_AFTER_MS = 10_000;

/** The system's clock: `Date.now` and the global timers. */
export const systemClock: KycClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout> | undefined),
};
