// Type-level test, checked by `npm run typecheck` (tsconfig.json includes test/**): the public
// types' names from before the `Kyc` prefix (the API's, the translations') stay exported, as
// deprecated aliases of the new names, from every entry that exported them, so partners' code
// keeps compiling. Nothing here runs.
import type * as api from '../../src/api/index.js';
import type * as cdn from '../../src/cdn.js';
import type * as root from '../../src/index.js';
import type { KycQuestion as KycQuestionElement } from '../../src/components/question/question.js';

/** `true` when A and B are the same type (not merely assignable one way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

/** `kyc-onboarding/api`: every old name, `KycQuestion` included. */
export type ApiEntry = [
  Expect<Equal<api.AttributeChange, api.KycAttributeChange>>,
  Expect<Equal<api.Definition, api.KycDefinition>>,
  Expect<Equal<api.KycQuestion, api.KycApplicationQuestion>>,
  Expect<Equal<api.LegalDocument, api.KycLegalDocument>>,
  Expect<Equal<api.RetryInfo, api.KycRetryInfo>>,
  Expect<Equal<api.RetryOptions, api.KycRetryOptions>>,
  Expect<Equal<api.UploadedFile, api.KycUploadedFile>>,
  Expect<Equal<api.UploadProgress, api.KycUploadProgress>>,
];

/** `kyc-onboarding` (and `kyc-onboarding/kyc-onboarding.js`, which re-exports it): the old names but
 * `KycQuestion`, which there is the element class, as it was before the rename. */
export type RootEntry = [
  Expect<Equal<root.AttributeChange, api.KycAttributeChange>>,
  Expect<Equal<root.Definition, api.KycDefinition>>,
  Expect<Equal<root.KycApplicationQuestion, api.KycApplicationQuestion>>,
  Expect<Equal<root.KycQuestion, KycQuestionElement>>,
  Expect<Equal<root.LegalDocument, api.KycLegalDocument>>,
  Expect<Equal<root.RetryInfo, api.KycRetryInfo>>,
  Expect<Equal<root.RetryOptions, api.KycRetryOptions>>,
  Expect<Equal<root.UploadedFile, api.KycUploadedFile>>,
  Expect<Equal<root.UploadProgress, api.KycUploadProgress>>,
  Expect<Equal<root.Translation, root.KycTranslation>>,
  Expect<Equal<root.TranslationOverrides, root.KycTranslationOverrides>>,
];

/** The CDN bundle's entry re-exports the API entry whole, as before. */
export type CdnEntry = [
  Expect<Equal<cdn.AttributeChange, api.KycAttributeChange>>,
  Expect<Equal<cdn.Definition, api.KycDefinition>>,
  Expect<Equal<cdn.KycQuestion, api.KycApplicationQuestion>>,
  Expect<Equal<cdn.LegalDocument, api.KycLegalDocument>>,
  Expect<Equal<cdn.RetryInfo, api.KycRetryInfo>>,
  Expect<Equal<cdn.RetryOptions, api.KycRetryOptions>>,
  Expect<Equal<cdn.UploadedFile, api.KycUploadedFile>>,
  Expect<Equal<cdn.UploadProgress, api.KycUploadProgress>>,
  Expect<Equal<cdn.Translation, root.KycTranslation>>,
  Expect<Equal<cdn.TranslationOverrides, root.KycTranslationOverrides>>,
];
