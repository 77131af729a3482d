// The words a person reads for the platform's steps and questions: the host's own (`content`),
// else the widget's for the keys the platform's guide defines when the platform's are missing,
// technical, or not in the person's language, else the platform's.
import type { KycApplicationQuestion, KycStep } from '../../api/index.js';
import type { LocalizeController, TextTermKey } from '../../utilities/localize.js';
import '../../translations/en-screens.js'; // the guide keys' English words

/** A title and a description the host gives a step or a question (either may be left out). */
export interface KycContentText {
  title?: string;
  description?: string;
}

/** The host's words in one language: questions by attribute key, steps by the platform's title of the step. */
export interface KycContentLanguage {
  questions?: Record<string, KycContentText>;
  steps?: Record<string, KycContentText>;
}

/**
 * The host's words for the platform's steps and questions, by language code (`de`, `pt-BR`; a
 * regional code falls back to its language's): `{ de: { questions: { first_name: { title: 'Vorname' } } } }`.
 */
export type KycContent = Record<string, KycContentLanguage>;

/** The widget's words for the guide's keys: title and description terms. */
const GUIDE_WORDS: Readonly<Record<string, readonly [TextTermKey, TextTermKey]>> = {
  passport: ['guidePassport', 'guidePassportHelp'],
  id_card_front_side: ['guideIdCardFront', 'guideFrontHelp'],
  id_card_back_side: ['guideIdCardBack', 'guideBackHelp'],
  driver_license_front_side: ['guideDriverLicenseFront', 'guideFrontHelp'],
  driver_license_back_side: ['guideDriverLicenseBack', 'guideBackHelp'],
  residence_permit_license_front_side: ['guideResidencePermitFront', 'guideFrontHelp'],
  residence_permit_license_back_side: ['guideResidencePermitBack', 'guideBackHelp'],
  proof_of_address: ['guideProofOfAddress', 'guideProofOfAddressHelp'],
  proof_of_funds: ['guideProofOfFunds', 'guideProofOfFundsHelp'],
  sumsub_liveness_check_token: ['guideLiveness', 'guideLivenessHelp'],
  sumsub_liveness_check_url: ['guideLivenessLink', 'guideLivenessLinkHelp'],
};

/** Words of an engine rather than of a person: an identifier, a vendor's or a transport's name. */
const TECHNICAL = /[_{}<>]|\b(token|url|uuid|api|sumsub)\b/i;

/** Whether a platform's text is missing or technical (the attribute's key spelt out, or jargon). */
export function isTechnical(text: string | null | undefined, key: string): boolean {
  const trimmed = text?.trim() ?? '';
  const squeezed = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return trimmed === '' || TECHNICAL.test(trimmed) || squeezed(trimmed) === squeezed(key);
}

/** The host's words for a language: its own, else those of its primary language. */
function hostWords(content: KycContent | undefined, lang: string): KycContentLanguage | undefined {
  if (!content) return undefined;
  return content[lang] ?? content[lang.toLowerCase()] ?? content[lang.split('-')[0].toLowerCase()];
}

/**
 * Gives the steps and questions of the platform as the person reads them: the same object for the
 * same question while its words stay the same (elements given it do not render again).
 */
export class Wording {
  readonly #localize: LocalizeController;
  readonly #cache = new WeakMap<object, { title: string; description: string | null; worded: object }>();

  constructor(localize: LocalizeController) {
    this.#localize = localize;
  }

  /** The host's words (`content` of `<kyc-onboarding>`). */
  content: KycContent | undefined = undefined;

  /** A question with the title and description the person reads. */
  question(question: KycApplicationQuestion): KycApplicationQuestion {
    const { key } = question.attribute;
    const lang = this.#localize.lang();
    const own = hostWords(this.content, lang)?.questions?.[key];
    const guide = GUIDE_WORDS[key];
    // The platform writes in English: in another language, or when its words are technical, the widget's.
    const foreign = !lang.toLowerCase().startsWith('en');
    const title = own?.title ?? (guide && (foreign || isTechnical(question.title, key)) ? this.#localize.term(guide[0]) : question.title);
    const description =
      own?.description ??
      (guide && (foreign || isTechnical(question.description, key)) ? this.#localize.term(guide[1]) : question.description);
    return this.#worded(question, title, description);
  }

  /** A step's title and description as the person reads them (its questions as the platform's). */
  step(step: KycStep): KycStep {
    const own = hostWords(this.content, this.#localize.lang())?.steps?.[step.title];
    return this.#worded(step, own?.title ?? step.title, own?.description ?? step.description);
  }

  #worded<T extends { title: string; description: string | null }>(object: T, title: string, description: string | null): T {
    if (title === object.title && description === object.description) return object;
    const cached = this.#cache.get(object);
    if (cached && cached.title === title && cached.description === description) return cached.worded as T;
    const worded = { ...object, title, description };
    this.#cache.set(object, { title, description, worded });
    return worded;
  }
}
