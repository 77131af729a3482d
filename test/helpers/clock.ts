// A clock the test drives: time passes only when the test says so, and every timer the widget
// sets is seen (its delay, in order). No test waits for real time to pass.
import type { KycClock } from '../../src/internal/clock.js';

export interface FakeClock extends KycClock {
  /** The delay of every timer set, in the order they were set. */
  readonly delays: number[];
  /** The timers waiting, as milliseconds from now, soonest first. */
  pending(): number[];
  /** Moves time on by `ms`, running each timer that comes due, in order, letting promises settle after each. */
  advance(ms: number): Promise<void>;
  /** Moves time to the next timer and runs it; false when no timer waits. */
  next(): Promise<boolean>;
}

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/** Lets what a timer started (promise reactions, Lit updates) settle before time moves again. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function fakeClock(start = Date.UTC(2026, 0, 15, 12)): FakeClock {
  let now = start;
  let ids = 0;
  const timers: Timer[] = [];
  const delays: number[] = [];
  const soonest = () => [...timers].sort((a, b) => a.at - b.at || a.id - b.id)[0];
  const run = async (timer: Timer) => {
    timers.splice(timers.indexOf(timer), 1);
    now = Math.max(now, timer.at);
    timer.callback();
    await settle();
  };
  return {
    delays,
    now: () => now,
    setTimeout(callback, ms) {
      const delay = Math.max(0, Number.isFinite(ms) ? ms : 0);
      delays.push(delay);
      const timer = { id: (ids += 1), at: now + delay, callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((timer) => timer.id === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    pending: () => timers.map((timer) => timer.at - now).sort((a, b) => a - b),
    async advance(ms) {
      const until = now + ms;
      for (let timer = soonest(); timer && timer.at <= until; timer = soonest()) await run(timer);
      now = until;
    },
    async next() {
      const timer = soonest();
      if (!timer) return false;
      await run(timer);
      return true;
    },
  };
}
