/** The checks a real platform runs on one answer, by attribute type. */

import type { AttributeSpec } from './seed.js';
import type { Client } from './store.js';

const MAX_LENGTH: Record<string, number> = { text: 5000, email: 254 };
const DEFAULT_MAX_LENGTH = 255;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]{2,}$/;
/** E.164: a plus, a non-zero country digit, at most 15 digits in all. */
const PHONE = /^\+[1-9]\d{6,14}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER = /^-?\d{1,15}$/;
const DECIMAL = /^-?\d{1,15}(\.\d+)?$/;
const DECIMAL_PLACES = 2;
const ADULT_AGE = 18;
const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Checks one non-empty answer against its attribute.
 * @param value the trimmed answer.
 * @param client whose documents and legal entity the answer may refer to.
 * @param now today, for age checks.
 * @returns the error message, or `null` when the answer is valid.
 */
export function validateAnswer(attribute: AttributeSpec, value: string, client: Client, now: Date): string | null {
  const maxLength = MAX_LENGTH[attribute.type] ?? DEFAULT_MAX_LENGTH;
  if (value.length > maxLength) return `Ensure this field has no more than ${maxLength} characters.`;
  switch (attribute.type) {
    case 'email':
      return EMAIL.test(value) ? null : 'Enter a valid email address.';
    case 'phone':
      return PHONE.test(value) ? null : 'Enter a valid phone number in international format, e.g. +37120000000.';
    case 'date':
      return validateDate(attribute, value, now);
    case 'integer':
      return INTEGER.test(value) ? validateBounds(attribute, Number(value)) : 'A valid integer is required.';
    case 'decimal':
      return validateDecimal(attribute, value);
    case 'boolean':
      return value === 'true' || value === 'false' ? null : 'Must be "true" or "false".';
    case 'reference_data':
      return attribute.definitions?.some((definition) => definition.key === value) ? null : `"${value}" is not a valid choice.`;
    case 'legal_document': {
      const document = client.entity.legalDocuments.find((candidate) => candidate.key === attribute.key);
      return document?.uuid === value ? null : `Must be the uuid of the current "${attribute.title}" document.`;
    }
    case 'document':
      return client.documents.get(value)?.attributeKey === attribute.key
        ? null
        : 'Must be the uuid of a document created for this question.';
    default:
      return null; // string, text, and types this sandbox does not know: free text
  }
}

function validateDate(attribute: AttributeSpec, value: string, now: Date): string | null {
  const match = DATE.exec(value);
  if (!match) return 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return 'Enter a real date.';
  }
  if (!attribute.adult) return null;
  if (year < EARLIEST_BIRTH_YEAR) return 'Enter a real date of birth.';
  // Dates as yyyymmdd numbers compare in calendar order; a 29 February birthday comes of age on 1 March.
  const comesOfAge = (year + ADULT_AGE) * 10_000 + month * 100 + day;
  const today = now.getUTCFullYear() * 10_000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  return comesOfAge <= today ? null : `You must be at least ${ADULT_AGE} years old.`;
}

function validateDecimal(attribute: AttributeSpec, value: string): string | null {
  if (!DECIMAL.test(value)) return 'A valid number is required.';
  if ((value.split('.')[1] ?? '').length > DECIMAL_PLACES) {
    return `Ensure that there are no more than ${DECIMAL_PLACES} decimal places.`;
  }
  return validateBounds(attribute, Number(value));
}

function validateBounds(attribute: AttributeSpec, value: number): string | null {
  if (attribute.min !== undefined && value < attribute.min) return `Ensure this value is greater than or equal to ${attribute.min}.`;
  if (attribute.max !== undefined && value > attribute.max) return `Ensure this value is less than or equal to ${attribute.max}.`;
  return null;
}
