/**
 * How typed contacts and digits are read: one set of rules for the questionnaire's e-mail and phone
 * questions and for the destinations the code prompt asks for, as the platform checks them.
 */

/** An e-mail address: something, `@`, a domain with a dot and a top-level part of 2+ characters. */
export const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]{2,}$/;
/** E.164: `+`, a country code that does not start with 0, 7 to 15 digits in all. */
export const PHONE = /^\+[1-9]\d{6,14}$/;

/** Arabic-Indic, Persian and full-width digits: each block starts at a code point that is a multiple of 16. */
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g;
/** What people type between the groups of a phone number: spaces of any kind, dashes, brackets, dots. */
const PHONE_SEPARATORS = /[\s\-\u2010-\u2015().]/g;

/** The text with other scripts' digits as ASCII digits. */
export const asciiDigits = (text: string): string => text.replace(OTHER_DIGITS, (digit) => String(digit.codePointAt(0)! % 16));

/** A phone number as typed (`+371 2000-0009`, `(+371) 20 00 00 09`, `+٣٧١…`) in the form the platform takes. */
export const normalizePhone = (text: string): string => asciiDigits(text).replace(PHONE_SEPARATORS, '');

/** An e-mail address as typed, in the form the platform takes. */
export const normalizeEmail = (text: string): string => text.trim();
