/** Upload bodies streamed through a size limit (whole bodies are read by `readLimited` in `../http-util.ts`). */

import { BodyTooLargeError } from '../http-util.js';

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
