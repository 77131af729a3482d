import type { Browser, BrowserContext } from 'playwright-core';

/** Path of an installed Chromium, or undefined. */
export function findChromium(): string | undefined;
/** True when a Chromium is there, installing Debian's package first when possible. */
export function ensureChromium(): boolean;
/** Chromium's command-line switches for every run here (headless is the launcher's to add). */
export const CHROMIUM_ARGS: readonly string[];
/** The installed Chromium, headless, through playwright-core (throws when there is none). */
export function launchChromium(): Promise<Browser>;

/** Something a page should never do. */
export interface PageProblem {
  kind: 'console error' | 'page error' | 'CSP violation';
  text: string;
  /** Where: the script's location for a console error, else the page's or frame's URL. */
  url: string;
}
/** Records console errors, page errors and CSP violations in every page and frame of `context`. */
export function recordPageProblems(context: BrowserContext): Promise<PageProblem[]>;
/** A recorded problem as one line: `console error: … (url)`. */
export function describeProblem(problem: PageProblem): string;
