// Legal texts with markup: formatted through DOMPurify under the widget's own Trusted Types
// policy. A hostile corpus (scripts, styles, handlers, foreign and scripted URLs, mutation XSS)
// leaves nothing but the allowed elements, their words, and links to the document's own site.
import { expect } from '@open-wc/testing';
import { hasMarkup, withoutTags } from './legal-text.js';
import { legalMarkup } from './legal-markup.js';

const DOCUMENT_URL = 'https://legal.sandbox.example/terms-of-service/v3';
const ALLOWED = new Set([
  'DIV',
  'P',
  'BR',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'UL',
  'OL',
  'LI',
  'A',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'SMALL',
  'SUP',
  'SUB',
  'SPAN',
]);
const ATTRIBUTES = new Set(['href', 'target', 'rel', 'dir', 'class']);

/** Payloads that must never run, load anything or style the page. */
const HOSTILE = [
  '<script>window.pwned = 1</script>Terms',
  '<img src=x onerror="window.pwned = 1">Terms',
  '<b onclick="window.pwned = 1" onmouseover="window.pwned = 1">Terms</b>',
  '<a href="javascript:window.pwned = 1">Terms</a>',
  '<a href=" javascript:window.pwned=1">Terms</a>',
  '<a href="JaVaScRiPt:window.pwned=1">Terms</a>',
  '<a href="data:text/html,<script>window.pwned=1</script>">Terms</a>',
  '<a href="vbscript:msgbox(1)">Terms</a>',
  '<a href="https://evil.example/phish">Terms</a>',
  '<a href="//evil.example/phish">Terms</a>',
  '<a href="http://legal.sandbox.example/terms">Terms</a>',
  '<a href="https://legal.sandbox.example.evil.example/">Terms</a>',
  '<a href="https:evil.example/x">Terms</a>',
  '<a href="https:/evil.example/x">Terms</a>',
  '<a href="https:\\\\evil.example/x">Terms</a>',
  '<a href="/fees">Terms</a>',
  '<a href="fees">Terms</a>',
  '<a href="https://user@evil.example/">Terms</a>',
  '<style>* { display: none }</style>Terms',
  '<p style="position:fixed;inset:0;background:url(https://evil.example/x)">Terms</p>',
  '<iframe src="https://evil.example"></iframe>Terms',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">Terms',
  '<svg><script>window.pwned = 1</script><a xlink:href="javascript:window.pwned=1">Terms</a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.pwned = 1">Terms',
  '<noscript><p title="</noscript><img src=x onerror=window.pwned=1>">Terms</p></noscript>',
  '<form action="https://evil.example"><input name="password"><button>Terms</button></form>',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">Terms',
  '<link rel="stylesheet" href="https://evil.example/x.css">Terms',
  '<template><script>window.pwned = 1</script></template>Terms',
  '<div id="kyc" data-x="1" class="panel">Terms</div>',
  '<details open ontoggle="window.pwned = 1"><summary>Terms</summary></details>',
  '<a href="https://legal.sandbox.example/fees" onclick="window.pwned = 1" target="_self">Terms</a>',
  '<p>Terms<!-- <img src=x onerror=window.pwned=1> --></p>',
  '<select><style></select><img src=x onerror=window.pwned=1></style></select>Terms',
];

function problemsOf(container: HTMLElement): string[] {
  const problems: string[] = [];
  for (const element of [container, ...container.querySelectorAll('*')]) {
    if (!ALLOWED.has(element.tagName)) problems.push(`<${element.localName}>`);
    for (const { name, value } of element.attributes) {
      if (!ATTRIBUTES.has(name)) problems.push(`${element.localName}[${name}]`);
      if (name === 'href' && !(value.startsWith('https://legal.sandbox.example/') || value.startsWith('mailto:')))
        problems.push(`href=${value}`);
      if (name === 'target' && value !== '_blank') problems.push(`target=${value}`);
    }
  }
  return problems;
}

describe('legal texts with markup', () => {
  afterEach(() => delete (window as { pwned?: number }).pwned);

  it('tells markup from text that only looks like a tag', () => {
    expect(hasMarkup('the <b>Company</b>')).to.equal(true);
    expect(hasMarkup('<p>One</p>')).to.equal(true);
    expect(hasMarkup('<script>x</script>')).to.equal(true);
    expect(hasMarkup('<img src=x onerror=y>')).to.equal(true);
    expect(hasMarkup('Write to <privacy@sandbox.example> to see your data.')).to.equal(false);
    expect(hasMarkup('1 < 2 and 3 > 2, <https://legal.sandbox.example/fees>')).to.equal(false);
    expect(hasMarkup('Use <Ctrl> + <C>')).to.equal(false);
    expect(withoutTags('the <b>Company</b> and <privacy@sandbox.example>')).to.equal('the Company and <privacy@sandbox.example>');
  });

  it('keeps text that only looks like a tag beside markup', () => {
    const container = legalMarkup(
      'the <b>Company</b>; write to <privacy@sandbox.example>, press <Ctrl> + <C>, see <https://legal.sandbox.example/fees>',
      DOCUMENT_URL,
    );
    expect(problemsOf(container)).to.deep.equal([]);
    expect(container.querySelector('b')!.textContent).to.equal('Company');
    expect(container.textContent).to.equal(
      'the Company; write to <privacy@sandbox.example>, press <Ctrl> + <C>, see <https://legal.sandbox.example/fees>',
    );
  });

  it('keeps paragraphs, emphasis, lists and the links of the document’s own site', () => {
    const text = [
      'These terms govern the account that the <b>Company</b> opens for <em>you</em>.',
      'Fees are at <a href="https://legal.sandbox.example/fees">our fees page</a>; write to <a href="mailto:privacy@sandbox.example">us</a>.',
      '<ul><li>One</li><li><strong>Two</strong></li></ul>',
    ].join('\n\n');
    const container = legalMarkup(text, DOCUMENT_URL);
    expect(problemsOf(container)).to.deep.equal([]);
    expect([...container.children].map((child) => child.localName)).to.deep.equal(['p', 'p', 'ul']);
    expect(container.querySelector('b')!.textContent).to.equal('Company');
    expect(container.querySelector('em')!.textContent).to.equal('you');
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['One', 'Two']);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((link) => [link.getAttribute('href'), link.target, link.rel])).to.deep.equal([
      ['https://legal.sandbox.example/fees', '_blank', 'noopener noreferrer'],
      ['mailto:privacy@sandbox.example', '_blank', 'noopener noreferrer'],
    ]);
    expect(container.querySelector('p')!.getAttribute('dir')).to.equal('auto');
  });

  for (const payload of HOSTILE) {
    it(`leaves only allowed, inert markup of ${JSON.stringify(payload.slice(0, 60))}`, async () => {
      const container = legalMarkup(payload, DOCUMENT_URL);
      document.body.append(container);
      try {
        expect(problemsOf(container)).to.deep.equal([]);
        // Inside SVG or MathML, nothing is kept (not even words): those are no legal text.
        if (!/^<(svg|math)/.test(payload)) expect(container.textContent, 'the words stay').to.contain('Terms');
        expect(container.textContent).to.not.contain('pwned');
        for (const element of container.querySelectorAll('*')) expect(getComputedStyle(element).position).to.equal('static');
        await new Promise(requestAnimationFrame);
        expect((window as { pwned?: number }).pwned, 'nothing ran').to.equal(undefined);
      } finally {
        container.remove();
      }
    });
  }
});
