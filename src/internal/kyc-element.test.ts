import { expect, fixture, html } from '@open-wc/testing';
import { css } from 'lit';
import { expectNoLitDevWarnings } from '../../test/helpers/lit-warnings.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokensStyles } from '../styles/tokens.styles.js';
import { KycElement } from './kyc-element.js';

const ownStyles = css`
  :host {
    display: flex;
  }
`;

class StyledProbe extends KycElement {
  static override styles = ownStyles;
  renders = 0;

  override render() {
    this.renders += 1;
    return html`<p>probe</p>`;
  }
}
StyledProbe.define('kyc-test-styled-probe');

/** Lists the base styles itself, as Lit's `[super.styles, …]` idiom would. */
class RelistingProbe extends KycElement {
  static override styles = [hostStyles, tokensStyles, ownStyles];
}
RelistingProbe.define('kyc-test-relisting-probe');

class PlainProbe extends KycElement {}
PlainProbe.define('kyc-test-plain-probe');

describe('KycElement', () => {
  it('prepends the host and token styles to a standard static styles, once', () => {
    expect(StyledProbe.elementStyles).to.deep.equal([hostStyles, tokensStyles, ownStyles]);
    expect(RelistingProbe.elementStyles).to.deep.equal([hostStyles, tokensStyles, ownStyles]);
    expect(PlainProbe.elementStyles).to.deep.equal([hostStyles, tokensStyles]);
  });

  it('is a block by default, and the hidden attribute wins over a component display', async () => {
    const plain = await fixture<PlainProbe>(html`<kyc-test-plain-probe></kyc-test-plain-probe>`);
    const styled = await fixture<StyledProbe>(html`<kyc-test-styled-probe></kyc-test-styled-probe>`);
    expect(getComputedStyle(plain).display).to.equal('block');
    expect(getComputedStyle(styled).display).to.equal('flex');
    styled.hidden = true;
    expect(getComputedStyle(styled).display).to.equal('none');
  });

  it('defines its tag once through the guarded define', () => {
    class Once extends KycElement {}
    expect(Once.define('kyc-test-define-once')).to.equal(true);
    expect(Once.define('kyc-test-define-once')).to.equal(false);
    expect(customElements.get('kyc-test-define-once')).to.equal(Once);
  });

  it('defines its dependencies first, so defining the root defines the tree', () => {
    class Leaf extends KycElement {}
    class Root extends KycElement {
      static override dependencies = { 'kyc-test-dep-leaf': Leaf };
    }
    expect(Root.define('kyc-test-dep-root')).to.equal(true);
    expect(customElements.get('kyc-test-dep-leaf')).to.equal(Leaf);
    expect(customElements.get('kyc-test-dep-root')).to.equal(Root);
  });

  it('re-renders when lang or dir changes', async () => {
    const el = await fixture<StyledProbe>(html`<kyc-test-styled-probe></kyc-test-styled-probe>`);
    const before = el.renders;
    el.setAttribute('lang', 'de');
    await el.updateComplete;
    expect(el.renders).to.equal(before + 1);
    el.setAttribute('dir', 'rtl');
    await el.updateComplete;
    expect(el.renders).to.equal(before + 2);
  });

  it('renders and updates with no Lit dev-mode warnings', async () => {
    await expectNoLitDevWarnings(async () => {
      const el = await fixture<StyledProbe>(html`<kyc-test-styled-probe lang="fr"></kyc-test-styled-probe>`);
      el.setAttribute('lang', 'es');
      await el.updateComplete;
    });
  });
});
