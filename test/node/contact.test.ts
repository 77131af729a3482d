// The one set of rules for typed contacts (src/internal/contact.ts): the questionnaire's e-mail and
// phone questions and the code prompt's destinations read them alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asciiDigits, EMAIL, normalizeEmail, normalizePhone, PHONE } from '../../src/internal/contact.js';

describe('typed contacts', () => {
  test('a phone number as people type it becomes E.164', () => {
    for (const typed of [
      '+371 2000-0009',
      '(+371) 20 00 00 09',
      '+371.2000.0009',
      '+371\u00a02000\u202f0009',
      '+371–2000–0009',
      '+٣٧١٢٠٠٠٠٠٠٩',
      '+３７１２' + '０'.repeat(6) + '９',
    ]) {
      assert.equal(normalizePhone(typed), '+37120000009', typed);
      assert.ok(PHONE.test(normalizePhone(typed)), typed);
    }
    for (const typed of ['37120000009', '+0371 2000 0009', '+371 200', '+371 2000 0009 ext. 5'])
      assert.ok(!PHONE.test(normalizePhone(typed)), typed);
  });

  test('digits of other scripts read as ASCII digits', () => {
    assert.equal(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ０１２３４５６７８９'), '0123456789 0123456789 0123456789');
  });

  test('an e-mail address is trimmed, and needs a domain with a dot', () => {
    assert.equal(normalizeEmail('  jane@example.com '), 'jane@example.com');
    assert.ok(EMAIL.test('jane@example.com'));
    for (const typed of ['jane@example', 'jane example@x.com', 'jane@@example.com', '<jane@example.com>'])
      assert.ok(!EMAIL.test(typed), typed);
  });
});
