/**
 * The proxy's anti-automation: how many one-time codes an identity may have sent, and to one
 * destination, how many codes may be tried on one application, how many files and bytes an
 * identity may upload, each per time window. Counted in a {@link KycProxyStore}, so that several
 * proxy instances share the counts.
 */
import type { KycIdentity } from '../identity.js';
import { errorResponse, toHex } from '../http-util.js';
import { fromStore, type KycProxyStore } from './store.js';

/** At most `max` per `windowSeconds` (a fixed window starting with the first one counted). */
export interface KycRate {
  max: number;
  windowSeconds: number;
}

/**
 * The rate limits, each a {@link KycRate} or `false` to turn it off. Every limit is on by default;
 * over one, the proxy answers 429 with `Retry-After` (the seconds until the window ends) and
 * forwards nothing.
 */
export interface KycRateLimits {
  /** One-time codes sent (send-code calls) per identity. Default 10 per hour. */
  codesPerIdentity?: KycRate | false;
  /**
   * One-time codes sent to one phone number or e-mail address, whoever asks: the send-code body's
   * `destination` (a phone number compared by its digits, an address without case; stored as a
   * SHA-256 hash, never as written), or, when the body names none, the destination the platform
   * has on file for that application and provider. Default 5 per hour.
   */
  codesPerDestination?: KycRate | false;
  /** Requests carrying one-time codes per application (code guessing). Default 20 per 15 minutes. */
  codeAttemptsPerApplication?: KycRate | false;
  /** Upload requests per identity. Default 60 per hour. */
  uploadsPerIdentity?: KycRate | false;
  /** Upload bytes per identity (as declared by `Content-Length`, or as read). Default 512 MiB per hour. */
  uploadBytesPerIdentity?: KycRate | false;
}

type RateName = keyof KycRateLimits;

const DEFAULT_RATES: Readonly<Record<RateName, KycRate>> = {
  codesPerIdentity: { max: 10, windowSeconds: 3600 },
  codesPerDestination: { max: 5, windowSeconds: 3600 },
  codeAttemptsPerApplication: { max: 20, windowSeconds: 900 },
  uploadsPerIdentity: { max: 60, windowSeconds: 3600 },
  uploadBytesPerIdentity: { max: 512 * 1024 * 1024, windowSeconds: 3600 },
};

const REFUSALS: Readonly<Record<RateName, string>> = {
  codesPerIdentity: 'Too many codes were sent.',
  codesPerDestination: 'Too many codes were sent to this destination.',
  codeAttemptsPerApplication: 'Too many codes were tried.',
  uploadsPerIdentity: 'Too many files were uploaded.',
  uploadBytesPerIdentity: 'Too much was uploaded.',
};

/** What one request is counted as. */
export interface Counted {
  identity: KycIdentity;
  /** A send-code call: its application and provider, and the destination when the body names one. */
  sendCode?: { application: string; provider: string; destination: string | null };
  /** A request carrying one-time codes for this application. */
  codeAttempt?: string;
  /** An upload of this many bytes (0 when not declared: counted later with {@link RateLimits.countUploadBytes}). */
  uploadBytes?: number;
}

/** Validated limits, counting in one store. */
export class RateLimits {
  readonly #rates: Partial<Record<RateName, KycRate>>;
  readonly #store: KycProxyStore;

  /** Throws a `TypeError` on a rate that is not `false` or `{max, windowSeconds}` of positive integers. */
  constructor(limits: KycRateLimits | undefined, store: KycProxyStore) {
    const rates: Partial<Record<RateName, KycRate>> = {};
    for (const name of Object.keys(DEFAULT_RATES) as RateName[]) {
      const given = limits?.[name];
      if (given === false) continue;
      const rate = given ?? DEFAULT_RATES[name];
      const valid = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
      if (!valid(rate?.max) || !valid(rate?.windowSeconds)) {
        throw new TypeError(`limits.${name} must be false or {max, windowSeconds} of positive integers`);
      }
      rates[name] = { max: rate.max, windowSeconds: rate.windowSeconds };
    }
    this.#rates = rates;
    this.#store = store;
  }

  /**
   * Counts a request against every limit it falls under, and returns the 429 answer for the
   * first one it goes over, or null. A refused request counts too; the window does not move.
   */
  async count(request: Counted): Promise<Response | null> {
    const who = identityKey(request.identity);
    const checks: Array<[RateName, string, number]> = [];
    if (request.sendCode) {
      checks.push(['codesPerIdentity', `codes:${who}`, 1]);
      const { destination, application, provider } = request.sendCode;
      const to = destination === null ? `on-file:${application.toLowerCase()}:${await hash(provider)}` : await destinationKey(destination);
      checks.push(['codesPerDestination', `codes-to:${to}`, 1]);
    }
    if (request.codeAttempt !== undefined) {
      checks.push(['codeAttemptsPerApplication', `code-attempts:${request.codeAttempt.toLowerCase()}`, 1]);
    }
    if (request.uploadBytes !== undefined) {
      checks.push(['uploadsPerIdentity', `uploads:${who}`, 1], ['uploadBytesPerIdentity', `upload-bytes:${who}`, request.uploadBytes]);
    }
    for (const [name, key, amount] of checks) {
      const refusal = await this.#count(name, key, amount);
      if (refusal) return refusal;
    }
    return null;
  }

  /**
   * Counts bytes of an upload whose size was not declared, as they pass: the 429 answer once the
   * identity went over its bytes, else null.
   */
  countUploadBytes(identity: KycIdentity, bytes: number): Promise<Response | null> {
    return this.#count('uploadBytesPerIdentity', `upload-bytes:${identityKey(identity)}`, bytes);
  }

  async #count(name: RateName, key: string, amount: number): Promise<Response | null> {
    const rate = this.#rates[name];
    if (!rate) return null;
    const { total, resetMs } = await fromStore(() => this.#store.increment(`limit:${key}`, amount, rate.windowSeconds * 1000));
    if (total <= rate.max) return null;
    const seconds = Math.max(1, Math.ceil(resetMs / 1000));
    return errorResponse(429, `${REFUSALS[name]} Try again in ${seconds} seconds.`, { 'retry-after': String(seconds) });
  }
}

/** How the store names an identity (uuids only). */
export function identityKey(identity: KycIdentity): string {
  return `${identity.legalEntityUuid.toLowerCase()}:${identity.clientUuid.toLowerCase()}`;
}

/**
 * A destination as a hash, the same however it is written: compatibility forms folded (NFKC:
 * full-width digits), invisible characters dropped; an address without case, a phone number by
 * its digits alone (no `tel:`, spaces, dashes, brackets, `+` or international `00`). The store
 * never holds a phone number or an address. A national and an international form of one number
 * (`0791…`, `+44 791…`) stay apart: telling them together needs the country.
 */
async function destinationKey(destination: string): Promise<string> {
  const folded = destination
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Cc}\s]/gu, '')
    .toLowerCase();
  if (folded.includes('@')) return hash(`email:${folded}`);
  const digits = folded.replace(/\D/g, '').replace(/^00/, '');
  return hash(digits === '' ? `other:${folded}` : `phone:${digits}`);
}

async function hash(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
