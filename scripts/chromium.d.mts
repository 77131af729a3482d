/** Path of an installed Chromium, or undefined. */
export function findChromium(): string | undefined;
/** True when a Chromium is there, installing Debian's package first when possible. */
export function ensureChromium(): boolean;
