/**
 * What tells a phone from a device at a desk, where a QR code for a phone helps: a coarse (touch)
 * pointer, or a narrow screen. A desk has neither (a mouse, or no pointer at all, and a wide screen).
 */
export const PHONE_SIGNS: readonly string[] = ['(pointer: coarse)', '(max-width: 47.99rem)'];

/** Whether the device is at a desk now (no media queries, as in Node: taken for one). */
export function atDesk(): boolean {
  return typeof matchMedia !== 'function' || !PHONE_SIGNS.some((query) => matchMedia(query).matches);
}
