/**
 * Short-lived signed tokens for embeds whose page and backend sit on different origins: the
 * partner's backend mints one from its own session, the widget sends it as
 * `Authorization: Bearer …`, and the proxy reads the identity back from it.
 *
 * A token is `base64url(payload).base64url(HMAC-SHA256)`, where the payload is the JSON
 * `{"v":2,"aud","legal_entity_uuid","client_uuid","iat","exp","jti"}` (`jti`: 128 random bits, so
 * that no two tokens are the same). `aud` names what the token is
 * for (the proxy's audience, by default {@link DEFAULT_KYC_TOKEN_AUDIENCE}): a token minted for
 * anything else with the same secret (a session cookie, another service) is refused. Only
 * WebCrypto is used, so it runs in Node 20 and in edge runtimes alike. The payload is signed, not
 * encrypted: it holds uuids only.
 */
import type { KycIdentity } from '../identity.js';
import { errorResponse, jsonResponse, secureAnswer } from '../http-util.js';
import { CorsPolicy, type KycCorsOptions } from './cors.js';
import { trustedOriginOf } from './origin.js';
import type { KycAuthorize, KycHandler } from './proxy.js';
import { fromStore, type KycProxyStore } from './store.js';

/** The HMAC key: at least 32 bytes (a string counts its UTF-8 bytes). */
export type KycTokenSecret = string | Uint8Array;

/**
 * The audience of the proxy's tokens when none is configured. Give each service that shares a
 * secret its own audience (the proxy's URL is a good one): a token then opens only the service it
 * was minted for.
 */
export const DEFAULT_KYC_TOKEN_AUDIENCE = 'kyc-onboarding/proxy';

/** The audience option of every token function. */
interface AudienceOption {
  /**
   * What the token is for: minted into it, and required to match when it is verified. Default
   * {@link DEFAULT_KYC_TOKEN_AUDIENCE}. 1 to 256 characters.
   */
  audience?: string;
}

/** Options of {@link mintKycToken}. */
export interface KycTokenMintOptions extends AudienceOption {
  /** The signing secret, at least 32 bytes. */
  secret: KycTokenSecret;
  /** Lifetime of the token, in seconds. */
  ttlSeconds: number;
  /** The current time in milliseconds since the epoch. Default `Date.now()`. */
  now?: number;
}

/** Options of {@link verifyKycToken}. */
export interface KycTokenVerifyOptions extends AudienceOption {
  /** The signing secret, at least 32 bytes. */
  secret: KycTokenSecret;
  /** The current time in milliseconds since the epoch. Default `Date.now()`. */
  now?: number;
}

/** Options of {@link createKycTokenEndpoint}. */
export interface KycTokenEndpointOptions extends AudienceOption {
  /** The signing secret, at least 32 bytes; the proxy's `bearerTokenAuthorizer` needs the same one. */
  secret: KycTokenSecret;
  /** Reads the partner's own session (usually its cookie); null answers 401. */
  authorize: KycAuthorize;
  /** Lifetime of the tokens, in seconds. Default 300. */
  ttlSeconds?: number;
  /**
   * The page origins allowed to ask for a token. A cookie session needs `credentials: true`, and
   * the widget calling with `credentials: 'include'`. Other origins get 403.
   */
  cors?: KycCorsOptions;
  /**
   * Hand-off to a phone: with it, a session may ask for a hand-off token (`POST {"purpose":
   * "handoff"}` answers `{"handoff", "expires_in"}`), which the phone, having no session, exchanges
   * once for a normal token (`POST {"handoff": "…"}`). A hand-off token opens nothing by itself (its
   * audience is its own), lives at most 10 minutes with no tolerance for clock skew, and works once:
   * its use is recorded in `store` (the proxy's; share one between instances).
   */
  handoff?: KycHandoffOptions;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/** Options of the token endpoint's hand-off (see {@link KycTokenEndpointOptions.handoff}). */
export interface KycHandoffOptions {
  /** Where the use of each hand-off token is recorded (the proxy's store). */
  store: KycProxyStore;
  /** Lifetime of a hand-off token, in seconds: 1 to 600. Default 600. */
  ttlSeconds?: number;
  /**
   * Lifetime of the token the phone gets for it, in seconds. Default 1800: the phone has no
   * session to renew it with, and the rest of the documents may take a while.
   */
  sessionTtlSeconds?: number;
}

/** The longest a hand-off token lives, in seconds (10 minutes). */
export const MAX_HANDOFF_TTL_SECONDS = 600;
const DEFAULT_HANDOFF_SESSION_SECONDS = 1800;

/** Options of {@link bearerTokenAuthorizer}. */
export interface KycBearerAuthorizerOptions extends AudienceOption {
  /** The secret the token endpoint signs with. */
  secret: KycTokenSecret;
  /** The clock, in milliseconds since the epoch (the token endpoint's). Default `Date.now`. */
  now?: () => number;
}

/** 2 since tokens name their audience; version 1 tokens (no audience) are refused. */
const FORMAT_VERSION = 2;
const MAX_AUDIENCE_LENGTH = 256;
const MIN_SECRET_BYTES = 32;
const DEFAULT_TTL_SECONDS = 300;
/** Tolerated difference between the clocks of the servers that mint and verify, in seconds. */
const CLOCK_SKEW_SECONDS = 30;
/** Far longer than a token for uuids; longer input is refused before any work. */
const MAX_TOKEN_LENGTH = 1024;
/** Prefixed to the signed text so that a MAC made with the same secret for anything else never verifies. */
const SIGNING_CONTEXT = 'kyc-onboarding/token/v1.';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const BEARER = /^Bearer +([A-Za-z0-9_.-]+) *$/i;

/** One secret and one audience, the secret imported once as a WebCrypto HMAC key. */
class TokenKey {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #audience: string;
  #key: Promise<CryptoKey> | undefined;

  /** Throws a `RangeError` when the secret is shorter than 32 bytes, a `TypeError` on an invalid audience. */
  constructor(secret: KycTokenSecret, audience: string = DEFAULT_KYC_TOKEN_AUDIENCE) {
    const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : new Uint8Array(secret);
    if (bytes.byteLength < MIN_SECRET_BYTES) {
      throw new RangeError(`The token secret must be at least ${MIN_SECRET_BYTES} bytes long`);
    }
    if (typeof audience !== 'string' || audience.length === 0 || audience.length > MAX_AUDIENCE_LENGTH) {
      throw new TypeError(`The token audience must be a string of 1 to ${MAX_AUDIENCE_LENGTH} characters`);
    }
    this.#bytes = bytes;
    this.#audience = audience;
  }

  async mint(identity: KycIdentity, ttlSeconds: number, now: number): Promise<string> {
    if (!isNonEmptyString(identity?.legalEntityUuid) || !isNonEmptyString(identity?.clientUuid)) {
      throw new TypeError('A token needs an identity {legalEntityUuid, clientUuid} of non-empty strings');
    }
    assertTtl(ttlSeconds);
    const iat = Math.floor(now / 1000);
    const payload = toBase64Url(
      new TextEncoder().encode(
        JSON.stringify({
          v: FORMAT_VERSION,
          aud: this.#audience,
          legal_entity_uuid: identity.legalEntityUuid,
          client_uuid: identity.clientUuid,
          iat,
          exp: iat + ttlSeconds,
          // Every token is another: two hand-off links made in one second are two links, each used once.
          jti: toBase64Url(crypto.getRandomValues(new Uint8Array(16))),
        }),
      ),
    );
    const signature = await crypto.subtle.sign('HMAC', await this.#cryptoKey(), signedText(payload));
    const token = `${payload}.${toBase64Url(new Uint8Array(signature))}`;
    if (token.length > MAX_TOKEN_LENGTH) throw new RangeError('The identity is too long for a token');
    return token;
  }

  async verify(token: string, now: number, skewSeconds = CLOCK_SKEW_SECONDS): Promise<KycIdentity | null> {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
    const parts = token.split('.');
    if (parts.length !== 2) return null;
    const [payload, signature] = parts as [string, string];
    const signatureBytes = fromBase64Url(signature);
    if (!BASE64URL.test(payload) || !signatureBytes) return null;
    // crypto.subtle.verify compares in constant time.
    const valid = await crypto.subtle.verify('HMAC', await this.#cryptoKey(), signatureBytes, signedText(payload));
    if (!valid) return null;
    const claims = parseClaims(payload);
    if (!claims || claims.aud !== this.#audience) return null;
    const seconds = Math.floor(now / 1000);
    if (claims.exp + skewSeconds <= seconds || claims.iat - skewSeconds > seconds) return null;
    return { legalEntityUuid: claims.legal_entity_uuid, clientUuid: claims.client_uuid };
  }

  #cryptoKey(): Promise<CryptoKey> {
    this.#key ??= crypto.subtle.importKey('raw', this.#bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    return this.#key;
  }
}

interface Claims {
  aud: string;
  legal_entity_uuid: string;
  client_uuid: string;
  iat: number;
  exp: number;
}

function parseClaims(payload: string): Claims | null {
  const bytes = fromBase64Url(payload);
  if (!bytes) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const { v, aud, legal_entity_uuid, client_uuid, iat, exp } = claims as Record<string, unknown>;
  const wellFormed =
    v === FORMAT_VERSION &&
    isNonEmptyString(aud) &&
    isNonEmptyString(legal_entity_uuid) &&
    isNonEmptyString(client_uuid) &&
    Number.isSafeInteger(iat) &&
    Number.isSafeInteger(exp);
  return wellFormed ? { aud, legal_entity_uuid, client_uuid, iat: iat as number, exp: exp as number } : null;
}

/**
 * Mints a token binding a legal entity and a client for an audience, valid for `ttlSeconds`.
 * Rejects with a `RangeError` when the secret is shorter than 32 bytes, the lifetime is not a
 * positive whole number or the identity is absurdly long, and a `TypeError` when it is empty.
 */
export async function mintKycToken(identity: KycIdentity, options: KycTokenMintOptions): Promise<string> {
  return new TokenKey(options.secret, options.audience).mint(identity, options.ttlSeconds, options.now ?? Date.now());
}

/**
 * Checks a token's signature and lifetime (with 30 s of tolerance for clock skew) and returns the
 * identity it carries; null for a malformed, tampered, expired or foreign (other secret, other
 * audience) token.
 * Rejects with a `RangeError` when the secret is shorter than 32 bytes.
 */
export async function verifyKycToken(token: string, options: KycTokenVerifyOptions): Promise<KycIdentity | null> {
  return new TokenKey(options.secret, options.audience).verify(token, options.now ?? Date.now());
}

/**
 * An `authorize` function for {@link createKycProxy} that reads `Authorization: Bearer <token>`
 * and returns the token's identity, or null (also for a token minted for another audience).
 * Tokens anywhere else (a query parameter, a cookie) are ignored: a URL ends up in logs and
 * browser history.
 * Throws a `RangeError` at once when the secret is shorter than 32 bytes.
 */
export function bearerTokenAuthorizer(options: KycBearerAuthorizerOptions): KycAuthorize {
  const key = new TokenKey(options.secret, options.audience);
  const now = options.now ?? Date.now;
  return async (request) => {
    const token = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
    return token ? key.verify(token, now()) : null;
  };
}

/**
 * The token endpoint the widget's `token-endpoint` attribute points at: `POST` answers
 * `{"token", "expires_in"}` (with the proxy's own `Cache-Control: no-store`, `nosniff` and CSP) for the session `authorize` finds, 401
 * without one, 405 for other methods; origins outside `cors` get 403, and listed ones their
 * preflight. Throws at once when the secret is shorter than 32 bytes or the TTL is not a positive
 * integer.
 */
export function createKycTokenEndpoint(options: KycTokenEndpointOptions): KycHandler {
  const key = new TokenKey(options.secret, options.audience);
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  assertTtl(ttlSeconds);
  const now = options.now ?? Date.now;
  const handoff = options.handoff && {
    store: options.handoff.store,
    // Its own audience: a hand-off token is never a bearer token, nor the other way round.
    key: new TokenKey(options.secret, `${options.audience ?? DEFAULT_KYC_TOKEN_AUDIENCE}#handoff`),
    ttlSeconds: options.handoff.ttlSeconds ?? MAX_HANDOFF_TTL_SECONDS,
    sessionTtlSeconds: options.handoff.sessionTtlSeconds ?? DEFAULT_HANDOFF_SESSION_SECONDS,
  };
  if (handoff) {
    assertTtl(handoff.ttlSeconds);
    assertTtl(handoff.sessionTtlSeconds);
    if (handoff.ttlSeconds > MAX_HANDOFF_TTL_SECONDS)
      throw new RangeError(`A hand-off token lives at most ${MAX_HANDOFF_TTL_SECONDS} seconds`);
  }
  const cors = new CorsPolicy(options.cors);
  const answer = async (request: Request): Promise<Response> => {
    const verdict = cors.check(request, trustedOriginOf(request));
    if (!verdict.allowed) return cors.refusal();
    if (cors.isPreflight(request, verdict)) return cors.apply(cors.preflight('POST'), verdict);
    if (request.method !== 'POST') {
      return cors.apply(errorResponse(405, `Method "${request.method}" not allowed.`, { allow: 'POST' }), verdict);
    }
    const body = await requestBody(request);
    if (body === undefined) return cors.apply(errorResponse(400, 'The body must be empty or a JSON object.'), verdict);
    if (body.handoff !== undefined || body.purpose === 'handoff') {
      if (!handoff) return cors.apply(errorResponse(404, 'Hand-off is not enabled on this endpoint.'), verdict);
      if (body.handoff !== undefined) {
        // The phone: its hand-off token, once, for a normal token of the same identity.
        const identity = typeof body.handoff === 'string' ? await handoff.key.verify(body.handoff, now(), 0) : null;
        const first =
          identity !== null &&
          (
            await fromStore(async () =>
              handoff.store.increment(`handoff:${await digest(body.handoff as string)}`, 1, handoff.ttlSeconds * 1000),
            )
          ).total === 1;
        if (!identity || !first) {
          return cors.apply(errorResponse(401, 'This hand-off link has expired or was used already.'), verdict);
        }
        const token = await key.mint(identity, handoff.sessionTtlSeconds, now());
        return cors.apply(jsonResponse(200, { token, expires_in: handoff.sessionTtlSeconds }), verdict);
      }
    }
    const identity = await options.authorize(request);
    if (identity === null) {
      return cors.apply(errorResponse(401, 'Authentication credentials were not provided.'), verdict);
    }
    if (body.purpose === 'handoff' && handoff) {
      const token = await handoff.key.mint(identity, handoff.ttlSeconds, now());
      return cors.apply(jsonResponse(200, { handoff: token, expires_in: handoff.ttlSeconds }), verdict);
    }
    const token = await key.mint(identity, ttlSeconds, now());
    return cors.apply(jsonResponse(200, { token, expires_in: ttlSeconds }), verdict);
  };
  return async (request) => secureAnswer(await answer(request));
}

/** A token's SHA-256, as the store's key of its use (the store never holds a usable token). */
async function digest(token: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return toBase64Url(hash);
}

/** The most a token request's body may hold. */
const MAX_BODY_BYTES = 4096;

/** A token request's body: {} when empty, its JSON object, or undefined for anything else. */
async function requestBody(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_BODY_BYTES) return undefined;
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function assertTtl(ttlSeconds: number): void {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError('ttlSeconds must be a positive integer');
}

function signedText(payload: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(SIGNING_CONTEXT + payload);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes canonical unpadded base64url (the only form {@link toBase64Url} writes); null otherwise. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  // atob ignores the unused low bits of the last character: refuse such second spellings.
  return toBase64Url(bytes) === text ? bytes : null;
}
