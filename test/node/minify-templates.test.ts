// The CDN build's template minifier (scripts/rollup-minify-templates.mjs) changes only what the
// browser ignores.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minifyCssPart, minifyHtmlPart } from '../../scripts/rollup-minify-templates.mjs';

describe('css`` minification', () => {
  test('drops comments and the whitespace around punctuation', () => {
    assert.equal(
      minifyCssPart(
        `
        /* a comment */
        :host {
          display: block;
          font-family: system-ui, 'Segoe UI', sans-serif;
        }
        .a > .b,
        .c {
          color: red;
        }
      `,
        true,
        true,
      ),
      ":host{display:block;font-family:system-ui,'Segoe UI',sans-serif}.a>.b,.c{color:red}",
    );
  });

  test('keeps what has meaning: calc() operators, descendant pseudo-classes, quoted text', () => {
    assert.equal(minifyCssPart('width: calc(100% - 2 * var(--x));'), 'width:calc(100% - 2 * var(--x));');
    assert.equal(minifyCssPart('.a :focus-visible { outline: none; }'), '.a :focus-visible{outline:none}');
    assert.equal(minifyCssPart(`content: '  a ,  b  ';`), `content:'  a ,  b  ';`);
    assert.equal(minifyCssPart('@media (min-width: 40rem) and (hover: hover) {'), '@media (min-width:40rem) and (hover:hover){');
  });
});

describe('html`` minification', () => {
  test('a run of whitespace with a line break becomes one space; the ends are trimmed', () => {
    assert.equal(minifyHtmlPart('\n  <p>\n    a\n  </p>\n  <b>x</b> <i>y</i>\n', true, true), '<p> a </p> <b>x</b> <i>y</i>');
  });

  test('between expressions, a space stays a space and a single-line run is kept', () => {
    assert.equal(minifyHtmlPart('\n   ', false, false), ' ');
    assert.equal(minifyHtmlPart('a  b', false, false), 'a  b');
  });
});
