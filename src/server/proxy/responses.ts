/** The JSON answers the proxy and the token endpoint produce themselves. */

/**
 * A JSON answer that no cache keeps.
 */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const answer = Response.json(body, { status, headers });
  answer.headers.set('cache-control', 'no-store');
  return answer;
}

/**
 * An error in the platform's own shape, `{"detail": "…"}`, so the browser client reads the
 * proxy's refusals exactly like the platform's.
 */
export function errorResponse(status: number, detail: string, headers?: HeadersInit): Response {
  return jsonResponse(status, { detail }, headers);
}
