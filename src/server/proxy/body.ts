/**
 * Request bodies as the proxy takes them: uploads streamed through a size limit (whole bodies are
 * read by `readLimited` in `../http-util.ts`), JSON bodies parsed within a nesting limit, and the
 * content types each kind of body must declare.
 */

import { BodyTooLargeError } from '../http-util.js';

/** A body streamed through a size check. */
export interface LimitedStream {
  readonly stream: ReadableStream<Uint8Array>;
  /** True once the body went over the limit (the stream then errors with {@link BodyTooLargeError}). */
  readonly exceeded: () => boolean;
  /** True once the whole body was read from its source. */
  readonly finished: () => boolean;
  /**
   * True while the consumer waits for the source: the sender is the slow one. False while the
   * consumer is not asking for more (it is the slow one) or once the body ended.
   */
  readonly waitingForSource: () => boolean;
}

/** How many bytes pass between two calls of a meter. */
const METER_EVERY_BYTES = 1024 * 1024;

/**
 * Streams a body through, counting bytes; past `limit` the stream errors with
 * {@link BodyTooLargeError} and the source is cancelled, so no more than the limit is ever passed
 * on. `meter`, when given, is told the bytes as they pass (every MiB, and the rest at the end),
 * before they are passed on: what it throws errors the stream and cancels the source.
 */
export function limitStream(body: ReadableStream<Uint8Array>, limit: number, meter?: (bytes: number) => Promise<void>): LimitedStream {
  const reader = body.getReader();
  let size = 0;
  let unmetered = 0;
  let exceeded = false;
  let finished = false;
  let waiting = false;
  const measure = async (bytes: number): Promise<void> => {
    if (!meter || bytes === 0) return;
    try {
      await meter(bytes);
    } catch (error) {
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        waiting = true;
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } finally {
          waiting = false;
        }
        if (chunk.done) {
          await measure(unmetered);
          finished = true;
          controller.close();
          return;
        }
        size += chunk.value.byteLength;
        if (size > limit) {
          exceeded = true;
          await reader.cancel().catch(() => undefined);
          controller.error(new BodyTooLargeError(limit));
          return;
        }
        unmetered += chunk.value.byteLength;
        if (unmetered >= METER_EVERY_BYTES) {
          const bytes = unmetered;
          unmetered = 0;
          await measure(bytes);
        }
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  ); // pulled only when the consumer asks: a pending pull is the source's delay
  return { stream, exceeded: () => exceeded, finished: () => finished, waitingForSource: () => waiting };
}

/** A request body the proxy refuses (400): not JSON, nested too deeply, not an object. */
export class InvalidBodyError extends Error {
  override readonly name = 'InvalidBodyError';
}

/** Deeper than any body of the platform's API (an attribute change list is 3 levels deep). */
const MAX_JSON_DEPTH = 32;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Parses a JSON request body that must be an object, refusing one nested deeper than
 * {@link MAX_JSON_DEPTH} before parsing it (a deeply nested body costs a recursive parser its
 * stack, here or on the platform). Throws {@link InvalidBodyError}.
 */
export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw new InvalidBodyError(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    } else if (CLOSE.has(byte)) {
      depth -= 1;
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InvalidBodyError('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidBodyError('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** `application/json`, with no parameter but a UTF-8 charset. */
const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
/** `multipart/form-data` with a boundary (RFC 2046: 1 to 70 characters). */
const MULTIPART_TYPE = /^multipart\/form-data\s*;(?:.*;)?\s*boundary\s*=\s*(?:"[^"]{1,70}"|[0-9A-Za-z'()+_,./:=?-]{1,70})\s*(?:;.*)?$/i;

/** True when a request's `Content-Type` declares what a JSON endpoint takes. */
export function isJsonRequestType(contentType: string | null): boolean {
  return contentType !== null && JSON_TYPE.test(contentType);
}

/** True when a request's `Content-Type` declares a multipart form with its boundary. */
export function isMultipartType(contentType: string | null): contentType is string {
  return contentType !== null && MULTIPART_TYPE.test(contentType);
}
