// Writes the README's API reference (between `<!-- api:start -->` and `<!-- api:end -->`) from
// custom-elements.json: attributes, properties, methods, events with their classes, CSS parts and custom
// properties of every element. With --check, fails when the README's tables are stale.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  // The element partners use first, then the others by name.
  .sort((a, b) => (a.tagName === 'kyc-onboarding' ? -1 : b.tagName === 'kyc-onboarding' ? 1 : a.tagName.localeCompare(b.tagName)));

const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) =>
  text
    ? '`' +
      String(text)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/`/g, "'") +
      '`'
    : '';
function table(head, rows) {
  if (!rows.length) return [];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`), ''];
}

/** The design tokens every element takes: listed once, on <kyc-onboarding>. */
const shared = new Set(
  (elements.find((element) => element.tagName === 'kyc-onboarding')?.cssProperties ?? []).map((property) => property.name),
);

function section(element) {
  const publicFields = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && member.description,
  );
  const attributes = element.attributes ?? [];
  const withoutAttribute = publicFields.filter((member) => !member.attribute);
  const lines = [`### \`<${element.tagName}>\``, '', cell(element.summary ?? element.description), ''];
  lines.push(
    ...table(
      ['attribute', 'property', 'type', 'default', 'what'],
      attributes.map((attribute) => [
        code(attribute.name),
        code(attribute.fieldName),
        code(attribute.type?.text),
        code(attribute.default),
        attribute.description,
      ]),
    ),
  );
  lines.push(
    ...table(
      ['property (no attribute)', 'type', 'what'],
      withoutAttribute.map((member) => [
        code(member.name),
        code(member.type?.text),
        `${member.readonly ? 'read-only. ' : ''}${member.description}`,
      ]),
    ),
  );
  const methods = (element.members ?? []).filter(
    (member) =>
      member.kind === 'method' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && member.description,
  );
  lines.push(
    ...table(
      ['method', 'what'],
      methods.map((method) => [
        code(`${method.name}(${(method.parameters ?? []).map((parameter) => parameter.name).join(', ')})`),
        method.description,
      ]),
    ),
  );
  lines.push(
    ...table(
      ['event', 'class', 'when, and its detail'],
      (element.events ?? []).map((event) => [code(event.name), code(event.type?.text), event.description]),
    ),
  );
  lines.push(
    ...table(
      ['slot', 'what'],
      (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', slot.description]),
    ),
  );
  lines.push(
    ...table(
      ['CSS part', 'what'],
      (element.cssParts ?? []).map((part) => [code(part.name), part.description]),
    ),
  );
  const root = element.tagName === 'kyc-onboarding';
  const own = (element.cssProperties ?? []).filter((property) => root || !shared.has(property.name));
  lines.push(
    ...table(
      ['CSS custom property', 'what'],
      own.map((property) => [code(property.name), property.description]),
    ),
  );
  if (!root && own.length < (element.cssProperties ?? []).length) lines.push('And the design tokens listed for `<kyc-onboarding>`.', '');
  return lines.join('\n');
}

const generated = [
  START,
  '<!-- Generated from custom-elements.json by `npm run manifest`; do not edit by hand. -->',
  '',
  ...elements.map(section),
  END,
].join('\n');

const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) {
  console.error(`README.md has no ${START} … ${END} block.`);
  process.exit(1);
}
const next = readme.slice(0, from) + generated + readme.slice(to + END.length);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error("README.md's API tables are stale: run `npm run manifest` and commit README.md.");
    process.exit(1);
  }
  console.log("README.md's API tables are up to date.");
} else if (next !== readme) {
  writeFileSync('README.md', next);
}
