// The widget's public events as a host page receives them: they bubble and are composed, so the
// document hears them. A test records the details of a type, and stops recording after itself.

/** Listeners to remove after each test. */
const stops: (() => void)[] = [];

/** The details of every `type` event that reaches the document, as they come (until {@link stopRecording}). */
export function record<T = Record<string, unknown>>(type: string): T[] {
  const seen: T[] = [];
  const listener = (event: Event) => seen.push((event as CustomEvent<T>).detail);
  document.addEventListener(type, listener);
  stops.push(() => document.removeEventListener(type, listener));
  return seen;
}

/** Removes every listener {@link record} added (call it after each test). */
export function stopRecording(): void {
  stops.splice(0).forEach((stop) => stop());
}
