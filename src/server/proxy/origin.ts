/**
 * Which requests carry an origin the server vouches for: `toNodeListener` with its `origin`
 * option builds the request URL from that configuration, not from the client's `Host` header.
 * Kept beside the request object (never in a header, which a client could send itself).
 */
const trusted = new WeakMap<Request, string>();

/** Marks `request` as reaching the server on `origin`, as the server's own configuration says. */
export function trustOrigin(request: Request, origin: string): void {
  trusted.set(request, origin);
}

/** The configured origin `request` came in on, or null when only the client's `Host` tells it. */
export function trustedOriginOf(request: Request): string | null {
  return trusted.get(request) ?? null;
}
