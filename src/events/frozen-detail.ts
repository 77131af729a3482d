/**
 * A frozen copy of an event detail: the host gets a snapshot it cannot change, and the widget's
 * own objects (an application's keys, its state) never leak by reference. Details are flat
 * (strings, numbers, booleans, null, arrays of strings), so copying one level and each array is
 * a deep copy. Mutating a frozen detail throws in strict-mode code and is ignored elsewhere.
 */
export function frozenDetail<T extends object>(detail: T): T {
  const copy = Object.fromEntries(
    Object.entries(detail).map(([key, value]: [string, unknown]) => [
      key,
      Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value,
    ]),
  );
  return Object.freeze(copy) as T;
}
