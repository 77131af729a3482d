import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/internal/define.js';

describe('defineElement (guarded registration)', () => {
  it('defines a tag once and warns, without throwing, when a second copy registers it', () => {
    class First extends HTMLElement {}
    class SecondCopy extends HTMLElement {}
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      expect(defineElement('kyc-define-probe', First)).to.equal(true);
      expect(defineElement('kyc-define-probe', First)).to.equal(false);
      expect(warnings).to.have.length(0);
      expect(() => defineElement('kyc-define-probe', SecondCopy)).not.to.throw();
      expect(customElements.get('kyc-define-probe')).to.equal(First);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain('kyc-define-probe');
    } finally {
      console.warn = original;
    }
  });
});
