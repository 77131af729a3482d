// A rollup plugin for the CDN builds: minifies the static text of Lit's `css` and `html` tagged
// templates, which terser leaves as written (indentation, comments, line breaks).
// - css: comments dropped, whitespace collapsed, no space around `{ } ; , >` or after `:` (never
//   around `+ - * /`: calc() needs them); quoted strings are kept as they are; the ends trimmed.
// - html/svg: every run of whitespace that holds a line break becomes one space (the browser
//   collapses such runs anyway; the templates have no <pre> or <textarea> content), the template's
//   leading and trailing whitespace is dropped.
// Only the template's own text changes: expressions are untouched, source maps follow (magic-string).
import MagicString from 'magic-string';

const STRING = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;

/** Minifies one static part of a css`` template (raw text between expressions). */
export function minifyCssPart(raw, first = false, last = false) {
  let text = raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(STRING)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
  if (first) text = text.replace(/^\s+/, '');
  if (last) text = text.replace(/\s+$/, '');
  return text;
}

/** Minifies one static part of an html`` template. */
export function minifyHtmlPart(raw, first, last) {
  let text = raw.replace(/\s*\n\s*/g, ' ');
  if (first) text = text.replace(/^\s+/, '');
  if (last) text = text.replace(/\s+$/, '');
  return text;
}

/** Calls `enter` on every node of an ESTree AST. */
function visit(node, enter) {
  enter(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') visit(child, enter);
    } else if (value && typeof value.type === 'string') visit(value, enter);
  }
}

const TAGS = { css: minifyCssPart, html: minifyHtmlPart, svg: minifyHtmlPart };

export default function minifyTemplates({ include = /\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      let changed = false;
      visit(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const minify = TAGS[node.tag.name];
        if (!minify) return;
        const { quasis } = node.quasi;
        quasis.forEach((quasi, index) => {
          const raw = quasi.value.raw;
          const next = minify(raw, index === 0, index === quasis.length - 1);
          if (next === raw) return;
          if (next.length) out.overwrite(quasi.start, quasi.end, next);
          else out.remove(quasi.start, quasi.end);
          changed = true;
        });
      });
      return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
