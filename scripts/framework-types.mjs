// Writes the framework bindings of <kyc-onboarding> from custom-elements.json, or with --check
// fails when the committed ones are stale (like scripts/manifest.mjs --check):
//
//   src/frameworks/element-types.ts  framework-neutral types: properties, attributes, events
//   src/frameworks/react-jsx.ts      React 19 JSX (`kyc-onboarding/react-jsx`, types only)
//   src/frameworks/vue.ts            Vue's GlobalComponents (`kyc-onboarding/vue`, types only)
//   src/react/index.ts               the React ≤ 18 wrapper on @lit/react (`kyc-onboarding/react`)
//
// Names and descriptions come from the manifest; every type is looked up in the sources
// (`KycOnboarding['endpoint']`, `GlobalEventHandlersEventMap['kyc-ready']`), so `tsc` fails when
// the manifest names something the element or its events do not have.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The elements partners write in their templates (the others are rendered inside these). */
const ELEMENTS = ['kyc-onboarding'];
const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

/** What the bindings need of one element, from its manifest entry. */
function describe(tagName) {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName === tagName) {
        const source = module.path.replace(/^dist\//, ''); // dist/components/…/x.js → components/…/x.js
        const settable = (declaration.members ?? []).filter(
          (member) =>
            member.kind === 'field' &&
            !member.static &&
            !member.readonly &&
            member.privacy !== 'private' &&
            member.privacy !== 'protected' &&
            !member.name.startsWith('#'),
        );
        return {
          tagName,
          className: declaration.name,
          source,
          properties: settable.map((member) => ({ name: member.name, description: member.description })),
          attributes: (declaration.attributes ?? [])
            .filter((attribute) => attribute.fieldName)
            .map((attribute) => ({ name: attribute.name, fieldName: attribute.fieldName, description: attribute.description })),
          events: (declaration.events ?? [])
            .filter((event) => event.name)
            .map((event) => ({ name: event.name, description: event.description })),
        };
      }
    }
  }
  throw new Error(`custom-elements.json has no <${tagName}>`);
}

const elements = ELEMENTS.map(describe);

const doc = (text, indent) => {
  const clean = String(text ?? '')
    .replace(/\*\//g, '*\\/')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return clean ? `${indent}/** ${clean} */\n` : '';
};
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
/** `kyc-ready` → `onKycReady`. */
const reactEventProp = (event) => `on${camel(`-${event}`)}`;
const eventType = (name) => `GlobalEventHandlersEventMap['${name}']`;

function elementTypes() {
  const lines = [
    HEADER,
    '//',
    '// Framework-neutral types of the elements: the properties a framework may set, the attributes,',
    "// and the events by name. Types are the elements' own (indexed access), events the classes",
    '// registered in GlobalEventHandlersEventMap (src/events/).',
    ...elements.map((element) => `import type { ${element.className} } from '../${element.source}';`),
    "import type {} from '../events/events.js';",
    '',
  ];
  for (const element of elements) {
    const { className, tagName } = element;
    lines.push(`/** The properties of \`<${tagName}>\` a framework may set (camelCase, as on the element). */`);
    lines.push(`export interface ${className}Properties {`);
    for (const property of element.properties) {
      lines.push(`${doc(property.description, '  ')}  ${quote(property.name)}?: ${className}['${property.name}'];`);
    }
    lines.push('}', '');
    lines.push(`/** The attributes of \`<${tagName}>\` (kebab-case), typed like their properties; what server rendering writes. */`);
    lines.push(`export interface ${className}Attributes {`);
    for (const attribute of element.attributes) {
      lines.push(`${doc(attribute.description, '  ')}  ${quote(attribute.name)}?: ${className}['${attribute.fieldName}'];`);
    }
    lines.push('}', '');
    lines.push(`/** The events \`<${tagName}>\` fires (bubbling, composed), by name. */`);
    lines.push(`export interface ${className}EventMap {`);
    for (const event of element.events) lines.push(`${doc(event.description, '  ')}  '${event.name}': ${eventType(event.name)};`);
    lines.push('}', '');
    lines.push(`/** Handlers named \`on\` + the event's name, the way React 19 and Preact bind custom events (\`onkyc-ready\`). */`);
    lines.push(`export interface ${className}EventHandlers {`);
    for (const event of element.events) {
      lines.push(`${doc(event.description, '  ')}  'on${event.name}'?: (event: ${eventType(event.name)}) => void;`);
    }
    lines.push('}', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function reactJsx() {
  const names = elements.flatMap(({ className }) => [`${className}Attributes`, `${className}EventHandlers`, `${className}Properties`]);
  const lines = [
    HEADER,
    '//',
    '// `<kyc-onboarding>` in React 19 JSX. React 19 sets a prop as a property when the element has',
    '// it (else as an attribute) and binds `on<event-name>` props as event listeners, so no wrapper',
    "// is needed: `import type {} from 'kyc-onboarding/react-jsx'` once, and register the element",
    "// (`import 'kyc-onboarding/kyc-onboarding.js'`). React 18 and earlier: `kyc-onboarding/react`.",
    "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    ...elements.map((element) => `import type { ${element.className} } from '../${element.source}';`),
    `import type { ${names.sort().join(', ')} } from './element-types.js';`,
    '',
    `export type { ${names.sort().join(', ')} } from './element-types.js';`,
    '',
  ];
  for (const { className, tagName } of elements) {
    lines.push(
      `/** The props of \`<${tagName}>\` in React 19 JSX: its properties, its attributes, \`on<event>\` handlers and the usual HTML props. */`,
      `export interface ${className}JsxProps`,
      // The element's own properties win over the HTML props of the same name (React's \`content\` is <meta>'s).
      `  extends Omit<DetailedHTMLProps<HTMLAttributes<${className}>, ${className}>, keyof ${className}Properties>,`,
      `    ${className}Properties,`,
      `    ${className}Attributes,`,
      `    ${className}EventHandlers {}`,
      '',
    );
  }
  lines.push("declare module 'react' {", '  namespace JSX {', '    interface IntrinsicElements {');
  for (const { className, tagName } of elements) lines.push(`      '${tagName}': ${className}JsxProps;`);
  lines.push('    }', '  }', '}');
  return `${lines.join('\n')}\n`;
}

function vue() {
  const lines = [
    HEADER,
    '//',
    "// `<kyc-onboarding>` in Vue templates (vue-tsc / Vue's language tools), after Vue's recipe for",
    "// custom elements not built with Vue: `import type {} from 'kyc-onboarding/vue'` once; props",
    "// are checked against the element's properties and `@kyc-ready` handlers get the event class.",
    '// The compiler must still be told it is a custom element (`isCustomElement`), see the README.',
    "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
    ...elements.map((element) => `import type { ${element.className} } from '../${element.source}';`),
    `import type { ${elements
      .flatMap(({ className }) => [`${className}EventMap`, `${className}Properties`])
      .sort()
      .join(', ')} } from './element-types.js';`,
    '',
  ];
  for (const { className, tagName } of elements) {
    lines.push(
      `/** \`<${tagName}>\` as Vue's template type-checker sees it (\`$props\` and \`$emit\` exist for the checker only). */`,
      `export type ${className}VueComponent = new () => ${className} & {`,
      '  /** @deprecated For template type-checking only: not a property of the element. */',
      `  $props: HTMLAttributes & ${className}Properties & PublicProps;`,
      '  /** @deprecated For template type-checking only: not a method of the element. */',
      `  $emit: EmitFn<{ [K in keyof ${className}EventMap]: (event: ${className}EventMap[K]) => void }>;`,
      '};',
      '',
    );
  }
  lines.push("declare module 'vue' {", '  interface GlobalComponents {');
  for (const { className, tagName } of elements) lines.push(`    '${tagName}': ${className}VueComponent;`);
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

function reactWrapper() {
  const lines = [
    HEADER,
    '//',
    '// `<kyc-onboarding>` as a React component for React 18 and earlier, which set every prop of a',
    "// custom element as a string attribute and cannot listen to its events: @lit/react's",
    '// `createComponent` sets properties on the element and maps `onKycReady`-style props to',
    "// listeners (one listener per event, updated in place: StrictMode's double effects add none).",
    '// React 19 needs no wrapper (`kyc-onboarding/react-jsx`).',
    '//',
    '// Importing it registers `<kyc-onboarding>` in a browser (the guarded define: a second copy of',
    "// the widget warns instead of throwing). On a server (Lit's `isServer`: Node, SSR) it registers",
    "// nothing, not even in the registry Lit's Node build provides, and touches no window or document.",
    "import { createComponent, type EventName } from '@lit/react';",
    "import { isServer } from 'lit';",
    "import * as React from 'react';",
    `import { ${elements.map(({ className }) => `${className} as ${className}Element`).join(', ')}, defineKycElements } from '../index.js';`,
    '',
    'if (!isServer) defineKycElements();',
    '',
  ];
  for (const { className, tagName, events } of elements) {
    lines.push(
      `/** \`<${tagName}>\` for React ≤ 18: properties as props, events as \`on\` + PascalCase props (\`onKycReady\`). */`,
      `export const ${className} = createComponent({`,
      '  react: React,',
      `  tagName: '${tagName}',`,
      `  elementClass: ${className}Element,`,
      `  displayName: '${className}',`,
      '  events: {',
    );
    for (const event of events) {
      lines.push(
        `${doc(event.description, '    ')}    ${reactEventProp(event.name)}: '${event.name}' as EventName<${eventType(event.name)}>,`,
      );
    }
    lines.push('  },', '});', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const outputs = {
  'src/frameworks/element-types.ts': elementTypes(),
  'src/frameworks/react-jsx.ts': reactJsx(),
  'src/frameworks/vue.ts': vue(),
  'src/react/index.ts': reactWrapper(),
};

if (process.argv.includes('--check')) {
  const stale = Object.entries(outputs).filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    for (const [file] of stale) console.error(`${file} is stale: run \`node scripts/framework-types.mjs\` and commit it.`);
    process.exit(1);
  }
  console.log('The framework bindings (src/frameworks/, src/react/) are up to date.');
} else {
  for (const [file, text] of Object.entries(outputs)) {
    let current = null;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // not written yet
    }
    if (current !== text) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
}
