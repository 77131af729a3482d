/**
 * QR codes (ISO/IEC 18004) for the widget, drawn locally: no request to any service. The
 * encoding is lean-qr's (a small, maintained, dependency-free encoder); this module pins how the
 * widget uses it and turns the result into an SVG path that a lit template can bind (no
 * innerHTML, no inline style: it renders under a strict CSP with Trusted Types).
 *
 * The text goes as one byte-mode segment of its UTF-8 bytes, with no ECI header: the plain form
 * every reader takes. lean-qr's automatic mode would mix segments and, for text that is not ASCII,
 * add an ECI header; for text that ISO-8859-1 can hold it switches to ECI 3 and Latin-1 bytes,
 * which a reader that ignores ECI (jsQR, for one) misreads. The error correction level is exactly
 * the one asked for (lean-qr would raise it where the version has room), and the version the
 * smallest that holds the bytes at that level (ISO/IEC 18004 table 7, byte mode).
 *
 * Safe to import in Node (no DOM at module scope).
 */
import { correction, generate, mode } from 'lean-qr';

/** A QR code as a square of modules: `true` is dark. Quiet zone not included. */
export interface QrCode {
  size: number;
  modules: boolean[][];
}

/** Error correction level: recovers about 7 % (L), 15 % (M), 25 % (Q) or 30 % (H) of the codewords. */
export type QrEcc = 'L' | 'M' | 'Q' | 'H';

/** lean-qr's code for "too much data for any version" (its errors carry a numeric `code`). */
const TOO_MUCH_DATA = 4;

/**
 * Encodes text (UTF-8, byte mode) with error correction level `ecc` (default 'M'), the smallest
 * version (1–40) that fits; throws RangeError when it does not fit.
 */
export function encodeQr(text: string, ecc: QrEcc = 'M'): QrCode {
  if (typeof text !== 'string') throw new TypeError('encodeQr: text must be a string');
  if (!/^[LMQH]$/.test(ecc)) throw new RangeError(`encodeQr: unknown error correction level ${String(ecc)}`);
  const bytes = new TextEncoder().encode(text);
  let bitmap;
  try {
    bitmap = generate(mode.bytes(bytes), { minCorrectionLevel: correction[ecc], maxCorrectionLevel: correction[ecc] });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== TOO_MUCH_DATA) throw error;
    throw new RangeError(`encodeQr: ${bytes.length} bytes do not fit in a QR code at level ${ecc}`, { cause: error });
  }
  const { size } = bitmap;
  return { size, modules: Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => bitmap.get(x, y))) };
}

/**
 * An SVG path `d` drawing the dark modules (one unit per module, offset by `margin` modules of
 * quiet zone), for a `<path>` in a lit template (no innerHTML). Each horizontal run of dark
 * modules is one closed rectangle, `M{x} {y}h{n}v1h-{n}z`; none overlap, so either fill rule
 * draws them. The matching `viewBox` is `0 0 {size + 2·margin} {size + 2·margin}`; with
 * `shape-rendering="crispEdges"` no seams show between the rectangles.
 */
export function qrPath(code: QrCode, margin = 4): string {
  if (!Number.isSafeInteger(margin) || margin < 0) throw new RangeError('qrPath: margin must be a non-negative integer');
  const { size, modules } = code;
  if (!Number.isSafeInteger(size) || size < 0 || modules.length !== size) {
    throw new RangeError('qrPath: modules must be a square of `size` rows');
  }
  let path = '';
  for (let y = 0; y < size; y++) {
    const row = modules[y];
    if (row.length !== size) throw new RangeError('qrPath: modules must be a square of `size` columns');
    // Runs of `true` (anything else is light), found in the row written as 1s and 0s.
    for (const run of Array.from(row, (module) => (module === true ? 1 : 0))
      .join('')
      .matchAll(/1+/g)) {
      path += `M${run.index + margin} ${y + margin}h${run[0].length}v1h-${run[0].length}z`;
    }
  }
  return path;
}
