// A run of checks as `npm run e2e` and `npm run examples` print it: one line per check,
// `ok   <name> (1.2 s)`, `FAIL <name> (1.2 s)` or `skip <name>`, what it found indented below; the
// counts; with KYC_TEST_SUMMARY set, {"passed":n,"failed":n,"skipped":n} written to that path
// (scripts/test.mjs adds them up).
import { writeFileSync } from 'node:fs';

const INDENT = '\n       ';

/** Seconds since `started` (a performance.now()), one decimal. */
export const secondsSince = (started) => ((performance.now() - started) / 1000).toFixed(1);

/** An error's message (a thrown non-error as text). */
export const messageOf = (error) => (error instanceof Error ? error.message : String(error));

export class CheckRun {
  counts = { passed: 0, failed: 0, skipped: 0 };

  /**
   * Counts an outcome and prints its line: the time since `started` when given, `detail` below
   * (Playwright's colours taken out).
   */
  report(outcome, name, { started, detail = '' } = {}) {
    this.counts[{ ok: 'passed', FAIL: 'failed', skip: 'skipped' }[outcome]] += 1;
    const text = String(detail)
      // eslint-disable-next-line no-control-regex -- terminal colour codes (ESC [ … m) are removed
      .replace(/\u001b\[[0-9;]*m/g, '')
      .trim();
    console.log(
      `${outcome.padEnd(4)} ${name}${started === undefined ? '' : ` (${secondsSince(started)} s)`}${text ? `${INDENT}${text.replace(/\n/g, INDENT)}` : ''}`,
    );
  }

  /**
   * Runs one check: `body` answers a detail to print, or throws. `describe` turns the error into
   * what the FAIL line says (default: its message). Resolves with whether it passed.
   */
  async check(name, body, { describe = messageOf } = {}) {
    const started = performance.now();
    try {
      const detail = await body();
      this.report('ok', name, { started, detail: detail ?? '' });
      return true;
    } catch (error) {
      this.report('FAIL', name, { started, detail: await describe(error) });
      return false;
    }
  }

  skip(name, reason) {
    this.report('skip', name, { detail: reason });
  }

  /** `n passed, n failed, n skipped`. */
  get summary() {
    return `${this.counts.passed} passed, ${this.counts.failed} failed, ${this.counts.skipped} skipped`;
  }

  /** Writes the counts to KYC_TEST_SUMMARY (when set); answers the exit code: 1 when a check failed. */
  end() {
    if (process.env.KYC_TEST_SUMMARY) writeFileSync(process.env.KYC_TEST_SUMMARY, JSON.stringify(this.counts));
    return this.counts.failed > 0 ? 1 : 0;
  }

  /**
   * Ends the process when the run takes longer than `ms`: one more failure, `last()` (a closing
   * line), the counts written, exit code 1. Does not keep the process alive.
   */
  watchdog(ms, last = () => undefined) {
    const timer = setTimeout(() => {
      this.report('FAIL', `the run took longer than ${ms / 1000} s`);
      last();
      process.exit(this.end());
    }, ms);
    timer.unref();
    return timer;
  }
}
