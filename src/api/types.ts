// The platform's KYC objects as the widget sees them: camelCase, defaults filled in, statuses
// normalized. Built from the wire format (snake_case, tolerant) by ./schemas.ts.

/** Status of a KYC application, normalized from the platform's value (see `rawStatus`). */
export type KycStatus = 'draft' | 'in_review' | 'pending' | 'approved' | 'rejected' | 'unknown';

/** Attribute types the widget knows; any other type arrives as its own string. */
export type KycAttributeType =
  | 'string'
  | 'text'
  | 'email'
  | 'phone'
  | 'date'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'reference_data'
  | 'legal_document'
  | 'document'
  | (string & {});

/** A way of signing a change with a one-time code. */
export type KycSignProvider = 'sms' | 'email';

/** A KYC level (items given as bare uuids have no name or description). */
export interface KycLevel {
  uuid: string;
  name: string | null;
  description: string | null;
}

/** What the client may do next: `GET /v1/clients/kyc-level-info/`. */
export interface KycLevelInfo {
  allowedToCreateKycApplication: boolean;
  availableLevelsForUpgrade: KycLevel[];
  lastKycApplicationUuid: string | null;
  currentLevel: KycLevel | null;
}

/** Sumsub's diagnostics on an answer (shown beside its question). */
export interface KycVerification {
  /** Who checked it, e.g. `sumsub`. */
  verificator: string | null;
  /** Sumsub's verdict on the item, e.g. `ignored`. */
  status: string | null;
  /** A note meant for the person. */
  clientNote: string | null;
}

/** Contact data the platform adds to the liveness token attribute. */
export interface KycAdditionalInfo {
  email: string | null;
  phone: string | null;
}

/** One answer of the questionnaire. */
export interface KycAttribute {
  key: string;
  type: KycAttributeType;
  /** The stored value; for an object value, its `uuid`. */
  value: string | null;
  /** Sumsub's diagnostics when the value came as an object carrying them. */
  verification: KycVerification | null;
  additionalInfo: KycAdditionalInfo | null;
  required: boolean;
  readOnly: boolean;
  /** Providers whose code must sign a change of this answer; unknown providers are kept as strings. */
  signProviders: (KycSignProvider | (string & {}))[];
  /** Reviewer or validation remarks on this answer. */
  errors: string[];
}

/** A question of a step. */
export interface KycApplicationQuestion {
  title: string;
  description: string | null;
  attribute: KycAttribute;
}

/** A step (screen) of the questionnaire. */
export interface KycStep {
  title: string;
  description: string | null;
  questions: KycApplicationQuestion[];
}

/** A KYC application with its questionnaire. */
export interface KycApplication {
  uuid: string;
  /** Normalized status; `unknown` for a value the widget does not know (editing disabled). */
  status: KycStatus;
  /** The status exactly as the platform sent it. */
  rawStatus: string;
  kycLevel: KycLevel | null;
  /** Reviewer's note to the person when the application was returned for correction. */
  comment: string | null;
  steps: KycStep[];
}

/** An option of a `reference_data` attribute; store `key` as the value. */
export interface KycDefinition {
  key: string;
  title: string;
}

/** A legal document to read and accept; store `uuid` as the value. */
export interface KycLegalDocument {
  uuid: string;
  key: string | null;
  title: string;
  url: string | null;
  text: string | null;
  version: string | null;
}

/** A file uploaded for a document (files given as bare uuids have only their uuid). */
export interface KycUploadedFile {
  uuid: string;
  name: string | null;
  size: number | null;
  contentType: string | null;
}

/** A document made of uploaded files; store `uuid` as the value. */
export interface KycDocument {
  uuid: string;
  attributeKey: string | null;
  files: KycUploadedFile[];
}

/** One change sent with `updateApplication`. */
export interface KycAttributeChange {
  key: string;
  value: string;
}

/** One-time codes that sign a request, by provider. */
export interface KycSignCodes {
  sms?: string;
  email?: string;
}

/** Progress of an upload, in bytes of the request body. */
export interface KycUploadProgress {
  loaded: number;
  total: number;
}
