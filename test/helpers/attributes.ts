// API attributes made in tests: every field at its default unless given (for Node and the browser).
import type { KycAttribute } from '../../src/api/index.js';

/** An attribute of `key`: a string, unanswered, optional, unsigned, unless `fields` say otherwise. */
export function attributeOf(key: string, fields: Partial<KycAttribute> = {}): KycAttribute {
  return {
    key,
    type: 'string',
    value: null,
    verification: null,
    additionalInfo: null,
    required: false,
    readOnly: false,
    signProviders: [],
    errors: [],
    ...fields,
  };
}
