// Test files made in memory, for the browser and for Node alike.

/**
 * A PDF the sandbox accepts (its header, then zeros, then its end marker) of `size` bytes (≥ 32).
 * A random mark makes each one unique: a second document of the same key made of the same bytes
 * is a duplicate for Sumsub (1000), so tests that make documents need fresh bytes.
 */
export function pdfFile(name: string, size: number): File {
  const bytes = new Uint8Array(size);
  const text = new TextEncoder();
  bytes.set(text.encode('%PDF-1.4\n%'));
  crypto.getRandomValues(bytes.subarray(10, 26));
  bytes.set(text.encode('\n%%EOF\n'), size - 7);
  return new File([bytes], name, { type: 'application/pdf' });
}
