/** Seconds since `started` (a performance.now()), one decimal. */
export function secondsSince(started: number): string;
/** An error's message (a thrown non-error as text). */
export function messageOf(error: unknown): string;

/** A run of checks: one line per check, the counts, the summary file (KYC_TEST_SUMMARY). */
export class CheckRun {
  readonly counts: { passed: number; failed: number; skipped: number };
  /** Counts an outcome and prints its line: the time since `started` when given, `detail` below. */
  report(outcome: 'ok' | 'FAIL' | 'skip', name: string, options?: { started?: number; detail?: string }): void;
  /** Runs one check; `describe` turns a failure into what its line says. Resolves with whether it passed. */
  check(name: string, body: () => Promise<string | void> | string | void, options?: { describe?: (error: unknown) => string | Promise<string> }): Promise<boolean>;
  skip(name: string, reason: string): void;
  /** `n passed, n failed, n skipped`. */
  readonly summary: string;
  /** Writes the counts to KYC_TEST_SUMMARY (when set); answers the exit code. */
  end(): 0 | 1;
  /** Ends the process (exit code 1, counts written) when the run takes longer than `ms`. */
  watchdog(ms: number, last?: () => void): ReturnType<typeof setTimeout>;
}
