/**
 * Registers a custom element once. A second copy of the widget on the same page (two bundles,
 * two versions) must not throw "this name has already been used": it warns and keeps the first.
 * Safe to import in Node: `customElements` is only touched when called.
 */
export function defineElement(tagName: string, constructor: CustomElementConstructor): boolean {
  const registry = globalThis.customElements;
  if (!registry) return false;
  const existing = registry.get(tagName);
  if (existing) {
    if (existing !== constructor) {
      console.warn(
        `<${tagName}> is already defined by another copy of kyc-onboarding; this copy is not registered. ` +
          'Load the widget once per page.',
      );
    }
    return false;
  }
  registry.define(tagName, constructor);
  return true;
}
