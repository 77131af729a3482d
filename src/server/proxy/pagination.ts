/**
 * Paginated list answers carry absolute `next` / `previous` links to the platform's own host; the
 * proxy points them back at itself so the browser follows them through it.
 */
import { matchRoute, type Operation, type Route } from './routes.js';

/** What rewriting the links of one list answer needs to know. */
export interface PageLinkContext {
  /** The proxy's route table. */
  readonly routes: readonly Route[];
  /** The endpoint the list came from: links to anything else are dropped. */
  readonly route: Route;
  readonly operation: Operation;
  /** The platform request the list answers, to resolve relative links against. */
  readonly sent: URL;
  /** The upstream base path (`/api`, or `''`) in front of platform paths. */
  readonly upstreamPrefix: string;
  /**
   * Where the proxy is reached: its configured public origin plus the mount path, or the mount
   * path alone (links are then paths: a request's `Host` never makes the origin of a link).
   */
  readonly proxyBase: string;
}

/**
 * Points the `next` / `previous` links of a paginated list (`{count, next, previous, results}`, or
 * without `count` when paged by cursor) at the proxy (an absolute URL when the proxy knows its
 * public origin, else a path): the same platform path under the mount point, with only the
 * endpoint's own query parameters, its filters and whichever paging parameters the platform's link
 * uses (`page`, `page_size`, `limit`, `offset`, `cursor`), and never `legal_entity_uuid` /
 * `client_uuid` (the proxy sets them again on the next call). A link that is not a page of the
 * same endpoint becomes null rather than reveal the platform's address. Anything but an object (a
 * bare list) is returned as it is.
 */
export function rewritePageLinks(list: unknown, context: PageLinkContext): unknown {
  if (typeof list !== 'object' || list === null || Array.isArray(list)) return list;
  const page: Record<string, unknown> = { ...list };
  for (const name of ['next', 'previous']) {
    const link = page[name];
    if (typeof link === 'string') page[name] = rewritePageLink(link, context);
  }
  return page;
}

function rewritePageLink(link: string, context: PageLinkContext): string | null {
  let target: URL;
  try {
    target = new URL(link, context.sent);
  } catch {
    return null;
  }
  if (!target.pathname.startsWith(`${context.upstreamPrefix}/`)) return null;
  const match = matchRoute(context.routes, target.pathname.slice(context.upstreamPrefix.length));
  if (match?.route !== context.route) return null;
  const query = new URLSearchParams();
  for (const name of context.operation.query) {
    const value = target.searchParams.get(name);
    if (value !== null) query.set(name, value);
  }
  const search = query.size > 0 ? `?${query}` : '';
  return `${context.proxyBase}${match.path}${search}`;
}
