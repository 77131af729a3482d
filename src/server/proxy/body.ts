/** Request bodies under a size limit, read in full or streamed through. */

/** A request body went over its size limit (answered 413). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/**
 * Reads a whole body into memory, never holding more than `limit` bytes: it stops and throws
 * {@link BodyTooLargeError} as soon as one byte too many arrives, whatever Content-Length said.
 * When `signal` aborts, reading stops and its reason is thrown.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  signal: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  signal.throwIfAborted();
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const stop = (): void => {
    reader.cancel(signal.reason).catch(() => undefined);
  };
  signal.addEventListener('abort', stop, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new BodyTooLargeError(limit);
      }
      chunks.push(value);
    }
    // A cancelled read ends like a finished one: tell the two apart.
    signal.throwIfAborted();
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    signal.removeEventListener('abort', stop);
    reader.releaseLock();
  }
}

/** A body streamed through a size check. */
export interface LimitedStream {
  readonly stream: ReadableStream<Uint8Array>;
  /** True once the body went over the limit (the stream then errors with {@link BodyTooLargeError}). */
  readonly exceeded: () => boolean;
}

/**
 * Streams a body through, counting bytes; past `limit` the stream errors with
 * {@link BodyTooLargeError} and the source is cancelled, so no more than the limit is ever passed on.
 */
export function limitStream(body: ReadableStream<Uint8Array>, limit: number): LimitedStream {
  let size = 0;
  let exceeded = false;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size > limit) {
        exceeded = true;
        controller.error(new BodyTooLargeError(limit));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  return { stream: body.pipeThrough(counter), exceeded: () => exceeded };
}
