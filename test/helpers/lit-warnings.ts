/**
 * Runs `action` and fails when Lit printed a dev-mode warning meanwhile (Spectrum's
 * `testForLitDevWarnings`): e.g. `change-in-update` (a property set in `updated()`), a reactive
 * property shadowed by a class field. Lit prints each warning once per page (it keeps
 * `globalThis.litIssuedWarnings`), so the set is emptied for the duration and restored after:
 * a warning another test already caused is still caught. Other `console.warn` calls pass through.
 */
export async function expectNoLitDevWarnings(action: () => unknown): Promise<void> {
  const global = globalThis as { litIssuedWarnings?: Set<string | undefined> };
  const issued = global.litIssuedWarnings;
  const before = new Set(issued);
  issued?.clear();
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const message = String(args[0] ?? '');
    if (message.includes('lit.dev/msg/')) warnings.push(message);
    else original.apply(console, args);
  };
  try {
    await action();
  } finally {
    console.warn = original;
    before.forEach((warning) => issued?.add(warning));
  }
  if (warnings.length) throw new Error(`Lit dev-mode warnings:\n${warnings.join('\n')}`);
}
