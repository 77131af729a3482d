// How `<kyc-question>` takes the text-like attribute types: the input each is typed in, the value
// sent for what the person typed (a decimal with the locale's comma, a phone number with its
// separators), the check of its format, and the autofill token of well-known keys.
import { isRealDate } from '../../internal/answer.js';
import { asciiDigits, EMAIL, normalizeEmail, normalizePhone, PHONE } from '../../internal/contact.js';
import type { TextTermKey } from '../../utilities/localize.js';

/** A validity flag with the term of its message. */
export interface Problem {
  flag: 'typeMismatch' | 'patternMismatch' | 'badInput';
  message: TextTermKey;
}

/** How a text-like type is typed, turned into the value sent, and checked. */
export interface TextSpec {
  inputType: 'text' | 'email' | 'tel' | 'date';
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email';
  multiline?: boolean;
  /** Phone numbers and e-mail addresses read left to right, also in a right-to-left language. */
  ltr?: boolean;
  /** The value sent for what the person typed (`decimalSeparator`: the element's locale's). */
  normalize?: (text: string, decimalSeparator: string) => string;
  /** The problem of a non-empty value, or null. */
  check?: (value: string) => Problem | null;
}

/** Autofill by well-known attribute key (HTML's autocomplete tokens). */
export const AUTOCOMPLETE_BY_KEY: Readonly<Record<string, string>> = {
  first_name: 'given-name',
  given_name: 'given-name',
  middle_name: 'additional-name',
  last_name: 'family-name',
  family_name: 'family-name',
  full_name: 'name',
  date_of_birth: 'bday',
  birth_date: 'bday',
  email: 'email',
  phone: 'tel',
  phone_number: 'tel',
  mobile_phone: 'tel',
  address: 'street-address',
  street_address: 'street-address',
  city: 'address-level2',
  postal_code: 'postal-code',
  zip_code: 'postal-code',
  country: 'country',
  country_of_residence: 'country',
};

/** Autofill by type, for keys not listed above. */
export const AUTOCOMPLETE_BY_TYPE: Readonly<Record<string, string>> = { email: 'email', phone: 'tel' };

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Spaces people type inside numbers (also the no-break and thin ones locales group digits with). */
const NUMBER_SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * A decimal as typed (`12,5`, `1 234,50`, `1,234.50`, `١٢٫٥`) with '.' as its separator. With both
 * ',' and '.', the last one separates the decimals; a lone ',' does too, unless it groups
 * thousands (`1,234`) in a locale whose separator is '.'.
 */
function normalizeDecimal(text: string, decimalSeparator: string): string {
  const compact = asciiDigits(text).replace(NUMBER_SPACES, '').replaceAll('\u066b', '.').replaceAll('\u066c', '');
  const comma = compact.lastIndexOf(',');
  const dot = compact.lastIndexOf('.');
  if (comma < 0) return compact;
  if (dot >= 0) return comma > dot ? compact.replaceAll('.', '').replace(',', '.') : compact.replaceAll(',', '');
  if (decimalSeparator !== ',' && /^-?\d{1,3}(,\d{3})+$/.test(compact)) return compact.replaceAll(',', '');
  return compact.indexOf(',') === comma ? compact.replace(',', '.') : compact;
}

const STRING: TextSpec = { inputType: 'text' };

/** Text-like types; any other type is typed like `string`. */
const TEXT_SPECS: Readonly<Record<string, TextSpec>> = {
  string: STRING,
  text: { inputType: 'text', multiline: true },
  email: {
    inputType: 'email',
    inputMode: 'email',
    ltr: true,
    normalize: normalizeEmail,
    check: (value) => (EMAIL.test(value) ? null : { flag: 'typeMismatch', message: 'invalidEmail' }),
  },
  phone: {
    inputType: 'tel',
    inputMode: 'tel',
    ltr: true,
    normalize: normalizePhone,
    check: (value) => (PHONE.test(value) ? null : { flag: 'patternMismatch', message: 'invalidPhone' }),
  },
  date: {
    inputType: 'date',
    check: (value) => (isRealDate(value) ? null : { flag: 'badInput', message: 'invalidDate' }),
  },
  integer: {
    inputType: 'text',
    inputMode: 'numeric',
    normalize: (text) => asciiDigits(text).replace(NUMBER_SPACES, ''),
    check: (value) => (INTEGER.test(value) ? null : { flag: 'badInput', message: 'invalidInteger' }),
  },
  decimal: {
    inputType: 'text',
    inputMode: 'decimal',
    normalize: normalizeDecimal,
    check: (value) => (DECIMAL.test(value) ? null : { flag: 'badInput', message: 'invalidNumber' }),
  },
};

/** How a text-like attribute type is typed (any type the widget does not know: like `string`). */
export function textSpecOf(type: string): TextSpec {
  return TEXT_SPECS[type] ?? STRING;
}
