/**
 * A streaming reader of `multipart/form-data` bodies (RFC 7578): parts are read one after the
 * other and their bodies handed out in pieces as they arrive, so a large upload is never held in
 * memory; at any time the reader holds one read chunk and the few bytes that may begin a boundary
 * (or a part's header block, at most {@link MAX_HEADER_BYTES}).
 *
 * Written for the sandbox rather than taken from npm: the sandbox works on web-standard `Request`
 * streams (the Node stream parsers want a Node stream and events), and it ships inside the
 * widget's package, which should not pull a server dependency into every install.
 */

/** A malformed or unacceptable multipart body (answered 400). */
export class MultipartError extends Error {
  override readonly name = 'MultipartError';
}

/** The headers of one part. */
export interface MultipartPart {
  /** The form field's name (`Content-Disposition: form-data; name=…`), or null without one. */
  name: string | null;
  /** The file name, or null for a plain field (a part without `filename` is not a file). */
  filename: string | null;
  /** The declared `Content-Type`, `''` when none was given. */
  contentType: string;
}

/** The most bytes of a part's header block. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** The most bytes before the first boundary (browsers send none). */
const MAX_PREAMBLE_BYTES = 16 * 1024;
/** The most bytes read after the closing boundary; more is not read at all. */
const MAX_EPILOGUE_BYTES = 16 * 1024;
/** RFC 2046: a boundary is 1 to 70 characters of these, not ending with a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const CRLF = Buffer.from('\r\n');

/** The boundary of a `multipart/form-data` content type, or null when it names none (or a malformed one). */
export function boundaryOf(contentType: string | null): string | null {
  const [type, ...parameters] = splitParameters(contentType ?? '');
  if (type?.toLowerCase() !== 'multipart/form-data') return null;
  const boundary = parameters.find(([name]) => name === 'boundary')?.[1];
  return boundary !== undefined && BOUNDARY.test(boundary) ? boundary : null;
}

/** Options of {@link MultipartReader}. */
export interface MultipartReaderOptions {
  /** The most bytes the whole body may have: a longer one fails with a {@link MultipartError} as soon as it is past it. */
  maxBytes: number;
  /** The most parts (each costs a header block): more fail with a {@link MultipartError}. */
  maxParts: number;
}

/**
 * Reads a multipart body part by part: {@link nextPart} moves to the next part (skipping what is
 * left of the current one) and gives its headers, {@link readBody} gives the current part's body
 * in pieces, then `null`. A piece is a view that is valid until the next call.
 */
export class MultipartReader {
  /** The body bytes read so far. */
  bytesRead = 0;
  /** The most bytes this reader held at once (its buffer), for the sandbox's memory checks. */
  peakBuffered = 0;

  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  /** `CRLF--boundary`: what ends a part's body (the first boundary is found with a CRLF put before the body). */
  readonly #delimiter: Buffer;
  readonly #options: MultipartReaderOptions;
  #buffer: Buffer = CRLF;
  #eof = false;
  #state: 'start' | 'body' | 'between' | 'done' = 'start';
  #parts = 0;

  constructor(body: ReadableStream<Uint8Array>, boundary: string, options: MultipartReaderOptions) {
    this.#reader = body.getReader();
    this.#delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
    this.#options = options;
  }

  /** The next part's headers, or null after the last part. */
  async nextPart(): Promise<MultipartPart | null> {
    if (this.#state === 'start') {
      await this.#skipTo(this.#delimiter, MAX_PREAMBLE_BYTES + CRLF.length, 'No multipart boundary was found.');
      this.#state = 'between';
    }
    while (this.#state === 'body') await this.readBody();
    if (this.#state === 'done') return null;
    // After a boundary: `--` closes the body; else optional padding, then CRLF and a part.
    await this.#need(2);
    if (this.#buffer.subarray(0, 2).toString('latin1') === '--') {
      this.#state = 'done';
      await this.#discardEpilogue();
      return null;
    }
    await this.#skipTo(CRLF, 256, 'Malformed multipart boundary line.', /^[ \t]*$/);
    if (++this.#parts > this.#options.maxParts) throw new MultipartError(`More than ${this.#options.maxParts} parts.`);
    const part = parseHeaders(await this.#headerBlock());
    this.#state = 'body';
    return part;
  }

  /** The next piece of the current part's body, or null at its end. */
  async readBody(): Promise<Uint8Array | null> {
    if (this.#state !== 'body') return null;
    for (;;) {
      const found = this.#buffer.indexOf(this.#delimiter);
      if (found >= 0) {
        const piece = this.#buffer.subarray(0, found);
        this.#buffer = this.#buffer.subarray(found + this.#delimiter.length);
        this.#state = 'between';
        return piece.length > 0 ? piece : null;
      }
      // All but what may be the start of a delimiter is body.
      const keep = this.#delimiter.length - 1;
      if (this.#buffer.length > keep) {
        const piece = this.#buffer.subarray(0, this.#buffer.length - keep);
        this.#buffer = this.#buffer.subarray(this.#buffer.length - keep);
        return piece;
      }
      if (!(await this.#fill())) throw new MultipartError('The multipart body ends inside a part.');
    }
  }

  /** Stops reading (the rest of the body is left unread). */
  async cancel(): Promise<void> {
    this.#state = 'done';
    await this.#reader.cancel().catch(() => undefined);
  }

  /** Reads one more chunk into the buffer; false at the end of the body. */
  async #fill(): Promise<boolean> {
    if (this.#eof) return false;
    const { done, value } = await this.#reader.read();
    if (done) {
      this.#eof = true;
      return false;
    }
    this.bytesRead += value.byteLength;
    if (this.bytesRead > this.#options.maxBytes) {
      await this.cancel();
      throw new MultipartError(`The body is larger than ${this.#options.maxBytes} bytes.`);
    }
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    this.peakBuffered = Math.max(this.peakBuffered, this.#buffer.length);
    return true;
  }

  /** Makes the buffer hold at least `count` bytes; a {@link MultipartError} when the body ends first. */
  async #need(count: number): Promise<void> {
    while (this.#buffer.length < count) {
      if (!(await this.#fill())) throw new MultipartError('The multipart body ends too early.');
    }
  }

  /**
   * Drops everything up to and including `marker`, which must come within `limit` bytes (what
   * comes before it must match `before`, when given).
   */
  async #skipTo(marker: Buffer, limit: number, message: string, before?: RegExp): Promise<void> {
    for (;;) {
      const found = this.#buffer.indexOf(marker);
      if (found >= 0 && found <= limit) {
        if (before && !before.test(this.#buffer.subarray(0, found).toString('latin1'))) throw new MultipartError(message);
        this.#buffer = this.#buffer.subarray(found + marker.length);
        return;
      }
      if (this.#buffer.length > limit + marker.length || !(await this.#fill())) throw new MultipartError(message);
    }
  }

  /** A part's header block, without its closing empty line; the buffer then starts at the body. */
  async #headerBlock(): Promise<string> {
    for (;;) {
      // No headers at all: the empty line comes at once.
      if (this.#buffer.length >= 2 && this.#buffer[0] === 0x0d && this.#buffer[1] === 0x0a) {
        this.#buffer = this.#buffer.subarray(2);
        return '';
      }
      const end = this.#buffer.indexOf('\r\n\r\n', 0, 'latin1');
      if (end >= 0 && end <= MAX_HEADER_BYTES) {
        const block = new TextDecoder().decode(this.#buffer.subarray(0, end));
        this.#buffer = this.#buffer.subarray(end + 4);
        return block;
      }
      if (this.#buffer.length > MAX_HEADER_BYTES + 4) throw new MultipartError('A part header block is too long.');
      if (!(await this.#fill())) throw new MultipartError('The multipart body ends inside a part header.');
    }
  }

  /** Reads (and drops) a bounded epilogue after the closing boundary, so that a well-formed body is read to its end. */
  async #discardEpilogue(): Promise<void> {
    let seen = this.#buffer.length;
    this.#buffer = Buffer.alloc(0);
    while (seen <= MAX_EPILOGUE_BYTES && (await this.#fill())) {
      seen += this.#buffer.length;
      this.#buffer = Buffer.alloc(0);
    }
    if (seen > MAX_EPILOGUE_BYTES) await this.cancel();
  }
}

/** Parses a part's header block: its `Content-Disposition` (name, filename) and `Content-Type`. */
function parseHeaders(block: string): MultipartPart {
  const part: MultipartPart = { name: null, filename: null, contentType: '' };
  for (const line of block === '' ? [] : block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('Malformed part header.');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-type') part.contentType = value;
    if (name !== 'content-disposition') continue;
    const [kind, ...parameters] = splitParameters(value);
    if (kind?.toLowerCase() !== 'form-data') throw new MultipartError('A part is not form-data.');
    const get = (key: string) => parameters.find(([parameter]) => parameter === key)?.[1];
    part.name = get('name') ?? null;
    const extended = get('filename*');
    part.filename = (extended === undefined ? null : decodeExtended(extended)) ?? get('filename') ?? null;
  }
  return part;
}

/**
 * Splits a header value into its first token and its `name=value` parameters (names in lower
 * case; quoted values unquoted, backslash escapes resolved).
 */
function splitParameters(value: string): [string | undefined, ...[string, string][]] {
  const first = /^\s*([^;]*)/.exec(value)![1].trim();
  const parameters: [string, string][] = [];
  const pattern = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/gy;
  pattern.lastIndex = value.indexOf(';') < 0 ? value.length : value.indexOf(';');
  for (let match; (match = pattern.exec(value));) {
    parameters.push([match[1].toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim()]);
  }
  return [first === '' ? undefined : first, ...parameters];
}

/** An RFC 5987 extended value (`UTF-8''name%20here`), or null when it is not one. */
function decodeExtended(value: string): string | null {
  const match = /^utf-8'[^']*'(.*)$/i.exec(value);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
