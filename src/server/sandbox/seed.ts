/**
 * What every sandbox legal entity is seeded with: the attribute catalogue, three KYC levels, the
 * reference data, the legal documents, and the demo clients of the showcase legal entity.
 * Data only; `store.ts` turns it into state.
 */

import { GUIDE_DOCUMENT_KEYS } from '../../shared/guide.js';
import { COUNTRIES } from './countries.js';

/** A signature provider of an attribute or of send-to-review. */
export type SignProvider = 'sms' | 'email';

/** A reference-data option; its `key` is what an answer stores. */
export interface Definition {
  key: string;
  title: string;
}

/** An attribute of the catalogue: its type, how it is asked, and the checks its answers pass. */
export interface AttributeSpec {
  key: string;
  /** One of the platform's types, or any other string (treated as free text). */
  type: string;
  title: string;
  description: string | null;
  readOnly?: boolean;
  signProviders?: readonly SignProvider[];
  /** The options of a `reference_data` attribute. */
  definitions?: readonly Definition[];
  /** A `date` that must make the person at least 18 years old. */
  adult?: boolean;
  /** Bounds of an `integer` or `decimal`. */
  min?: number;
  max?: number;
}

/** A level's questionnaire step: its questions are attribute keys, a trailing `?` marks optional. */
export interface StepSpec {
  title: string;
  description: string | null;
  questions: readonly string[];
}

/** A KYC level, lowest first in {@link LEVELS}. */
export interface LevelSpec {
  /** Stable name, from which the level's uuid is derived. */
  id: string;
  name: string;
  description: string;
  /** Providers whose code send-to-review needs. */
  signOnSubmit: readonly SignProvider[];
  steps: readonly StepSpec[];
}

/** A legal document; the `legal_document` attribute with the same key takes its uuid as answer. */
export interface LegalDocumentSpec {
  key: string;
  title: string;
  version: string;
  url: string;
  text: string;
}

/** A state the showcase legal entity starts a demo client in. */
export interface DemoScenario {
  /** Stable name, from which the client's (and its application's) uuid is derived. */
  id: string;
  label: string;
  description: string;
  allowedToCreate: boolean;
  /** The level the client already holds, by {@link LevelSpec.id}. */
  currentLevel?: string;
  application?: {
    level: string;
    status: string;
    comment?: string;
    remarks?: Record<string, string[]>;
    answers: Record<string, string>;
    /** Answers every legal document of the level with its uuid. */
    acceptsLegalDocuments: boolean;
  };
}

/** The document attribute keys the platform knows: the guide's. */
export const DOCUMENT_KEYS: readonly string[] = GUIDE_DOCUMENT_KEYS;

/** The attribute whose value is a Sumsub WebSDK access token [seed]. */
export const LIVENESS_TOKEN_KEY = 'sumsub_liveness_check_token';
/** The attribute whose value is a link to Sumsub's liveness page [seed]. */
export const LIVENESS_URL_KEY = 'sumsub_liveness_check_url';
/** Volatile attributes: read-only, their value is made on each read (their type is their key). */
export const VOLATILE_KEYS: ReadonlySet<string> = new Set([LIVENESS_TOKEN_KEY, LIVENESS_URL_KEY]);

const SOURCES_OF_FUNDS: readonly Definition[] = [
  { key: 'salary', title: 'Salary' },
  { key: 'savings', title: 'Savings' },
  { key: 'business_income', title: 'Business income' },
  { key: 'investments', title: 'Investments' },
  { key: 'inheritance', title: 'Inheritance or gift' },
  { key: 'pension', title: 'Pension or benefits' },
  { key: 'other', title: 'Other' },
];

const EMPLOYMENT_STATUSES: readonly Definition[] = [
  { key: 'employed', title: 'Employed' },
  { key: 'self_employed', title: 'Self-employed' },
  { key: 'unemployed', title: 'Unemployed' },
  { key: 'student', title: 'Student' },
  { key: 'retired', title: 'Retired' },
];

const document = (key: string, title: string, description: string | null = null): AttributeSpec => ({
  key,
  type: 'document',
  title,
  description,
});
const legalDocument = (key: string, title: string): AttributeSpec => ({
  key,
  type: 'legal_document',
  title,
  description: 'Please read the document and accept it.',
});

/** Every attribute a level may ask, covering every attribute type of the platform. */
export const ATTRIBUTES: readonly AttributeSpec[] = [
  { key: 'first_name', type: 'string', title: 'First name', description: null },
  { key: 'middle_name', type: 'string', title: 'Middle name', description: 'Leave empty if you have none.' },
  { key: 'last_name', type: 'string', title: 'Last name', description: null },
  { key: 'date_of_birth', type: 'date', title: 'Date of birth', description: 'As in your identity document.', adult: true },
  { key: 'citizenship', type: 'reference_data', title: 'Citizenship', description: null, definitions: COUNTRIES },
  {
    key: 'client_number',
    type: 'string',
    title: 'Client number',
    description: 'Assigned by us: quote it when you contact support.',
    readOnly: true,
  },
  {
    key: 'email',
    type: 'email',
    title: 'E-mail address',
    description: 'We will send a confirmation code to this address.',
    signProviders: ['email'],
  },
  {
    key: 'phone',
    type: 'phone',
    title: 'Mobile phone number',
    description: 'In international format, e.g. +37120000000. We will send a confirmation code by SMS.',
    signProviders: ['sms'],
  },
  { key: 'country_of_residence', type: 'reference_data', title: 'Country of residence', description: null, definitions: COUNTRIES },
  { key: 'city', type: 'string', title: 'City', description: null },
  { key: 'address', type: 'text', title: 'Street address', description: 'Street, house and apartment number.' },
  { key: 'postal_code', type: 'string', title: 'Postal code', description: null },
  { key: 'employment_status', type: 'reference_data', title: 'Employment status', description: null, definitions: EMPLOYMENT_STATUSES },
  { key: 'occupation', type: 'string', title: 'Occupation', description: null },
  { key: 'source_of_funds', type: 'reference_data', title: 'Main source of funds', description: null, definitions: SOURCES_OF_FUNDS },
  { key: 'annual_income', type: 'decimal', title: 'Expected annual income (EUR)', description: null, min: 0 },
  { key: 'number_of_dependants', type: 'integer', title: 'Number of dependants', description: null, min: 0, max: 50 },
  {
    key: 'is_pep',
    type: 'boolean',
    title: 'I am a politically exposed person',
    description: 'A senior public official, or a close relative or associate of one. Confirm with a code by SMS or e-mail.',
    signProviders: ['sms', 'email'],
  },
  document('id_card_front_side', 'ID card: front side'),
  document('id_card_back_side', 'ID card: back side'),
  document('passport', 'Passport', 'The page with your photo.'),
  document('proof_of_address', 'Proof of address', 'A utility bill or bank statement, not older than 3 months.'),
  document('proof_of_funds', 'Proof of funds', 'A payslip, bank statement or tax return.'),
  {
    key: LIVENESS_TOKEN_KEY,
    type: LIVENESS_TOKEN_KEY,
    title: 'SumSub liveness check token',
    description: 'Turn on your camera and follow the instructions.',
    readOnly: true,
  },
  {
    key: LIVENESS_URL_KEY,
    type: LIVENESS_URL_KEY,
    title: 'Liveness check on another device',
    description: 'Open this link on your phone to take the check there.',
    readOnly: true,
  },
  legalDocument('terms_of_service', 'Terms of service'),
  legalDocument('privacy_policy', 'Privacy policy'),
  legalDocument('risk_disclosure', 'Risk disclosure'),
];

/** The question of an unknown attribute type, added to every level in the `extra_fields` dialect. */
export const UNKNOWN_TYPE_ATTRIBUTE: AttributeSpec = {
  key: 'preferred_contact_time',
  type: 'time_of_day',
  title: 'Preferred time for a call',
  description: 'An attribute type the client does not know yet.',
};

const PERSONAL: StepSpec = {
  title: 'Personal data',
  description: 'Exactly as in your identity document.',
  questions: ['first_name', 'middle_name?', 'last_name', 'date_of_birth', 'citizenship', 'client_number?'],
};
const CONTACTS: StepSpec = { title: 'Contact details', description: null, questions: ['email', 'phone'] };
const ADDRESS: StepSpec = {
  title: 'Address',
  description: 'Where you live now.',
  questions: ['country_of_residence', 'city', 'address', 'postal_code?'],
};
const FINANCES: StepSpec = {
  title: 'Financial profile',
  description: null,
  questions: ['employment_status', 'occupation?', 'source_of_funds', 'annual_income', 'number_of_dependants?', 'is_pep'],
};
const AGREEMENTS: StepSpec = { title: 'Agreements', description: null, questions: ['terms_of_service', 'privacy_policy'] };

/** The KYC levels, lowest first. The lowest asks for no document and no liveness check. */
export const LEVELS: readonly LevelSpec[] = [
  {
    id: 'basic',
    name: 'Basic',
    description: 'Personal and contact details. Payments up to 1 000 EUR a month.',
    signOnSubmit: [],
    steps: [PERSONAL, CONTACTS, AGREEMENTS],
  },
  {
    id: 'standard',
    name: 'Standard',
    description: 'Adds your address, financial profile and ID card. Payments up to 15 000 EUR a month.',
    signOnSubmit: ['sms'],
    steps: [
      PERSONAL,
      CONTACTS,
      ADDRESS,
      FINANCES,
      {
        title: 'Identity document',
        description: 'Photos of both sides of your ID card.',
        questions: ['id_card_front_side', 'id_card_back_side'],
      },
      AGREEMENTS,
    ],
  },
  {
    id: 'advanced',
    name: 'Advanced',
    description: 'Adds your passport, proofs and a liveness check. No monthly limit.',
    signOnSubmit: ['sms'],
    steps: [
      PERSONAL,
      CONTACTS,
      ADDRESS,
      FINANCES,
      { title: 'Passport', description: null, questions: ['passport'] },
      {
        title: 'Proofs',
        description: 'Documents that confirm your address and your funds.',
        questions: ['proof_of_address', 'proof_of_funds?'],
      },
      { title: 'Liveness check', description: null, questions: [LIVENESS_TOKEN_KEY, `${LIVENESS_URL_KEY}?`] },
      { ...AGREEMENTS, questions: [...AGREEMENTS.questions, 'risk_disclosure'] },
    ],
  },
];

/** The legal documents every legal entity publishes for individuals. */
export const LEGAL_DOCUMENTS: readonly LegalDocumentSpec[] = [
  {
    key: 'terms_of_service',
    title: 'Terms of service',
    version: '3',
    url: 'https://legal.sandbox.example/terms-of-service/v3',
    text: [
      'These terms govern the account that "Sandbox Payments Ltd." (the <b>Company</b>) opens for you.',
      'By accepting them you confirm that the data you give us is true & complete, and that you will tell us when it changes.',
      'We may close the account if the verification of your identity fails. Fees are listed at https://legal.sandbox.example/fees.',
    ].join('\n\n'),
  },
  {
    key: 'privacy_policy',
    title: 'Privacy policy',
    version: '2.1',
    url: 'https://legal.sandbox.example/privacy-policy/v2.1',
    text: [
      'We process your personal data to verify your identity, as anti-money-laundering law requires.',
      'Your documents and the result of the liveness check are shared with our verification provider & kept for 5 years after the account is closed.',
      'Write to <privacy@sandbox.example> to see, correct or "forget" your data where the law allows it.',
    ].join('\n\n'),
  },
  {
    key: 'risk_disclosure',
    title: 'Risk disclosure',
    version: '1',
    url: 'https://legal.sandbox.example/risk-disclosure/v1',
    text: [
      'Digital assets can lose all of their value. Past returns say nothing about future ones.',
      'Transfers on a blockchain cannot be reversed: check every address twice & never share your keys.',
    ].join('\n\n'),
  },
];

const ANNA: Record<string, string> = {
  first_name: 'Anna',
  last_name: 'Bērziņa',
  date_of_birth: '1990-04-12',
  citizenship: 'LV',
  email: 'anna.berzina@example.com',
  phone: '+37120000001',
};

/** The demo clients of the showcase legal entity: each in its own state, each isolated. */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    id: 'new',
    label: 'New client',
    description: 'Has never applied: chooses a level and starts from scratch.',
    allowedToCreate: true,
  },
  {
    id: 'draft',
    label: 'Draft in progress',
    description: 'A Standard application, partly filled in.',
    allowedToCreate: true,
    application: {
      level: 'standard',
      status: 'draft',
      answers: { first_name: 'Jānis', last_name: 'Kalniņš', date_of_birth: '1985-11-02', citizenship: 'LV', email: 'janis@example.com' },
      acceptsLegalDocuments: false,
    },
  },
  {
    id: 'pending',
    label: 'Returned for correction',
    description: 'A Basic application the reviewer sent back with a comment and remarks on two answers.',
    allowedToCreate: true,
    application: {
      level: 'basic',
      status: 'pending',
      comment: 'Your date of birth and last name do not match your identity document. Please correct them.',
      remarks: {
        date_of_birth: ['Does not match the date in your identity document.'],
        last_name: ['Spell it exactly as in your identity document.'],
      },
      answers: { ...ANNA, last_name: 'Berzina', date_of_birth: '1990-04-21' },
      acceptsLegalDocuments: true,
    },
  },
  {
    id: 'in-review',
    label: 'Waiting for review',
    description: 'A Basic application sent to review: nothing to edit until the reviewer decides.',
    allowedToCreate: true,
    application: { level: 'basic', status: 'in_review', answers: { ...ANNA, first_name: 'Marta' }, acceptsLegalDocuments: true },
  },
  {
    id: 'approved-basic',
    label: 'Approved at Basic',
    description: 'Holds the Basic level and may apply for Standard or Advanced.',
    allowedToCreate: true,
    currentLevel: 'basic',
    application: {
      level: 'basic',
      status: 'approved',
      answers: { ...ANNA, first_name: 'Pēteris', last_name: 'Ozols', email: 'peteris@example.com', phone: '+37120000002' },
      acceptsLegalDocuments: true,
    },
  },
  {
    id: 'blocked',
    label: 'Not allowed to apply',
    description: 'The platform does not let this client create an application, and there is none to resume.',
    allowedToCreate: false,
  },
];

// ── The bench level (opt-in: `createSandbox({ benchLevel: true })`, for `npm run bench`) ──────

/** How the bench level's questions are asked, one entry per question of a step. */
const BENCH_STEP_PATTERN = [
  'string',
  'string',
  'date',
  'country',
  'string',
  'email',
  'phone',
  'string',
  'text',
  'employment',
  'integer',
  'decimal',
  'boolean',
  'string',
  'funds',
  'string',
  'date',
  'text?',
  'boolean',
  'legal',
  'string',
  'employment',
  'integer',
  'decimal',
  'string',
  'country',
  'string?',
  'boolean',
  'funds',
  'date',
  'string',
  'text',
  'employment',
  'boolean',
  'string',
  'document?',
  'string',
  'funds',
  'legal',
  'string',
] as const;
const BENCH_STEPS = 5;

/** The bench level's attribute of one entry of {@link BENCH_STEP_PATTERN}. */
function benchAttribute(step: number, index: number, kind: string): AttributeSpec {
  const key = `bench_${step}_${String(index).padStart(2, '0')}_${kind}`;
  const title = `Question ${step}.${index}`;
  const description = index % 3 === 0 ? `A ${kind} question of the bench level, step ${step}.` : null;
  switch (kind) {
    case 'country':
      return { key, type: 'reference_data', title: `${title}: country`, description, definitions: COUNTRIES };
    case 'employment':
      return { key, type: 'reference_data', title: `${title}: employment`, description, definitions: EMPLOYMENT_STATUSES };
    case 'funds':
      return { key, type: 'reference_data', title: `${title}: source of funds`, description, definitions: SOURCES_OF_FUNDS };
    case 'legal':
      return {
        key,
        type: 'legal_document',
        title: `Bench agreement ${step}.${index}`,
        description: 'Please read the document and accept it.',
      };
    case 'integer':
      return { key, type: kind, title, description, min: 0, max: 1000 };
    case 'decimal':
      return { key, type: kind, title, description, min: 0 };
    default:
      return { key, type: kind, title, description };
  }
}

const BENCH_QUESTIONS = Array.from({ length: BENCH_STEPS }, (_, step) =>
  BENCH_STEP_PATTERN.map((entry, index) => {
    const kind = entry.replace(/\?$/, '');
    return { attribute: benchAttribute(step + 1, index + 1, kind), optional: entry.endsWith('?') };
  }),
);

/**
 * The attributes of the bench level: 200 of its own (no signatures), of every type a level asks
 * for but liveness: text kinds, dates, booleans, short and long reference data, legal documents
 * and (optional) documents.
 */
export const BENCH_ATTRIBUTES: readonly AttributeSpec[] = BENCH_QUESTIONS.flat().map(({ attribute }) => attribute);

/** The legal documents the bench level's legal-document questions accept. */
export const BENCH_LEGAL_DOCUMENTS: readonly LegalDocumentSpec[] = BENCH_ATTRIBUTES.filter(
  (attribute) => attribute.type === 'legal_document',
).map((attribute) => ({
  key: attribute.key,
  title: attribute.title,
  version: '1',
  url: `https://legal.sandbox.example/bench/${attribute.key}`,
  text: [
    `This agreement (${attribute.title}) exists so that the bench level asks for legal documents the way real levels do.`,
    'It has a few paragraphs of plain text, a version and a link, & the person accepts it with a checkbox.',
    'Nothing in it binds anybody: it is sandbox data.',
  ].join('\n\n'),
}));

/**
 * A valid answer to a bench-level question, by the question's type (reference data and legal
 * documents aside: an option's key, a document's uuid). `npm run bench` stores them through the
 * proxy (test/bench/widget.ts); the sandbox's tests send them.
 */
export const BENCH_ANSWERS: Readonly<Record<string, string>> = {
  date: '1990-01-01',
  integer: '3',
  decimal: '12.50',
  email: 'bench@example.com',
  phone: '+37120000009',
  boolean: 'true',
  string: 'Bench answer',
  text: 'A first line.\nA second line.',
};

/** A level of 200 questions over 5 steps of 40, ranked above the others (`createSandbox({ benchLevel: true })`). */
export const BENCH_LEVEL: LevelSpec = {
  id: 'bench',
  name: 'Bench (200 questions)',
  description: 'A long questionnaire for measuring the widget: 200 questions of every kind over 5 steps.',
  signOnSubmit: [],
  steps: BENCH_QUESTIONS.map((questions, step) => ({
    title: `Bench step ${step + 1} of ${BENCH_STEPS}`,
    description: step === 0 ? 'Forty questions of every kind: text, dates, numbers, lists, agreements and a document.' : null,
    questions: questions.map(({ attribute, optional }) => `${attribute.key}${optional ? '?' : ''}`),
  })),
};
