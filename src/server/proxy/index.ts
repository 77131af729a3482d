/**
 * The host proxy a partner mounts on its backend in front of the platform's KYC API, the signed
 * tokens for cross-origin embeds, and a Node `http` adapter. Web-standard `Request → Response`
 * handlers: they fit Node's http (through {@link toNodeListener}), Express, Next.js route handlers
 * and Hono.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createKycProxy, toNodeListener } from 'kyc-onboarding/proxy';
 *
 * const proxy = createKycProxy({
 *   upstream: 'https://platform.example/api',
 *   credentials: { authorization: `Api-Key ${process.env.PLATFORM_KEY}` },
 *   authorize: (request) => sessions.identityOf(request), // {legalEntityUuid, clientUuid} or null
 * });
 * createServer(toNodeListener(proxy, { origin: 'https://shop.example' })).listen(8080);
 * ```
 */
export type { KycIdentity } from '../identity.js';
export type { KycCorsOptions } from './cors.js';
export {
  createKycProxy,
  type KycAuthorize,
  type KycCredentials,
  type KycFetch,
  type KycHandler,
  type KycProxyLimits,
  type KycProxyOptions,
  type KycProxyPaths,
  type KycRate,
  type KycRateLimits,
  type KycAuthorizeApplication,
  type KycRequestLog,
} from './proxy.js';
export {
  bearerTokenAuthorizer,
  createKycTokenEndpoint,
  DEFAULT_KYC_TOKEN_AUDIENCE,
  MAX_HANDOFF_TTL_SECONDS,
  mintKycToken,
  verifyKycToken,
  type KycBearerAuthorizerOptions,
  type KycHandoffOptions,
  type KycTokenEndpointOptions,
  type KycTokenMintOptions,
  type KycTokenSecret,
  type KycTokenVerifyOptions,
} from './token.js';
export { createMemoryStore, type KycCount, type KycMemoryStoreOptions, type KycProxyStore } from './store.js';
export { createRedisStore, type KycRedisClient, type KycRedisSend, type KycRedisStoreOptions } from './redis-store.js';
export { nodeRequestToWeb, toNodeListener, type KycNodeOptions, type KycNodeRequest, type KycNodeRequestOptions } from './node.js';
