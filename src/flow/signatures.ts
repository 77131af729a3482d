/**
 * One-time codes: which codes a change of answers needs (groups of providers), and the request the
 * flow keeps open while the person gives them.
 */
import type { KycAttribute, KycSignCodes, KycSignProvider } from '../api/index.js';

/**
 * A save or a submission that waits for one-time codes. One code of a provider signs every
 * answer of that provider in the request, so the person gives one code per group: a group is
 * the providers any of which will do (one provider when an answer takes only that one).
 */
export interface SignatureRequest {
  purpose: 'save' | 'submit';
  /** Attribute keys the codes sign (empty for a submission). */
  keys: string[];
  /** The groups, in the order they are asked; each needs one code of one of its providers. */
  groups: KycSignProvider[][];
  /** The group being asked now. */
  index: number;
  /** The provider a code was sent with for the current group, once sent. */
  sentWith: KycSignProvider | null;
  /** Codes given so far, by provider. */
  codes: KycSignCodes;
  /** Where a code can go without asking, by provider (from the answers); absent: ask. */
  destinations: Partial<Record<KycSignProvider, string>>;
}

/** True for a provider the widget can ask a code of. */
export function isProvider(value: string): value is KycSignProvider {
  return value === 'sms' || value === 'email';
}

/**
 * The codes a request changing these answers needs: every provider that is the only one of some
 * answer, then, for answers that take any of several providers and are not signed yet, one group
 * of the providers they all accept.
 */
export function signatureGroups(attributes: readonly KycAttribute[]): KycSignProvider[][] {
  const accepted = attributes.map((a) => a.signProviders.filter(isProvider)).filter((providers) => providers.length > 0);
  const forced = [...new Set(accepted.filter((providers) => providers.length === 1).map(([provider]) => provider))];
  const open = accepted.filter((providers) => !providers.some((provider) => forced.includes(provider)));
  const groups = forced.map((provider) => [provider]);
  if (open.length > 0) {
    const common = open.reduce((left, right) => left.filter((provider) => right.includes(provider)));
    groups.push(common.length > 0 ? common : open[0]);
  }
  return groups;
}
