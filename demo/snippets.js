// The copy-paste snippets of the demo page, written against the package's real API (README,
// src/server/proxy/). Each one follows the switches of the page: language, theme, brand colour.

/** Where the snippets say the CDN build is served from (the package's dist/cdn/ folder, as is). */
const CDN = 'https://your-cdn.example/kyc-onboarding/dist/cdn/kyc-onboarding.js';

/** The element's attributes for the current switches. */
function attributes({ lang, theme }) {
  return [
    ['endpoint', '/kyc'],
    ['lang', lang],
    ['theme', theme],
  ];
}

/**
 * The stylesheet rule that sets the brand colour (a file of yours: nothing inline, CSP-safe). With
 * no colour chosen, an example (the widget's own colours fit light and dark).
 */
function brandRule({ brand, onBrand }) {
  if (!brand)
    return 'kyc-onboarding {\n  /* Your brand colour (each theme has its own by default): */\n  /* --kyc-color-primary: #0b7a3b; */\n}';
  const lines = [`  --kyc-color-primary: ${brand};`];
  if (onBrand) lines.push(`  --kyc-color-on-primary: ${onBrand};`);
  return `kyc-onboarding {\n${lines.join('\n')}\n}`;
}

/** The partner's own site, where the snippets say browsers reach the proxy. */
const SITE = 'https://www.your-site.example';

const PROXY_OPTIONS = `  upstream: 'https://platform.example/api',
  credentials: { authorization: \`Api-Key \${process.env.PLATFORM_KEY}\` },
  // Your own login: who is signed in, as { legalEntityUuid, clientUuid }, or null (answered 401).
  // \`request\` is a web-standard Request: read your session cookie from request.headers.
  authorize: (request) => identityOf(request),`;

const SERVERS = {
  node: {
    title: 'Host proxy — Node http',
    intro:
      'The widget talks only to this endpoint on your backend. Only the KYC endpoints pass, the customer comes from your session, and the platform key stays on the server.',
    code: `// npm install kyc-onboarding
// server.js
import { createServer } from 'node:http';
import { createKycProxy, toNodeListener } from 'kyc-onboarding/proxy';
import { identityOf } from './session.js';

const kyc = toNodeListener(
  createKycProxy({
${PROXY_OPTIONS.replace(/^/gm, '  ')}
  }),
  // Where browsers reach you: trusted instead of the Host header they send.
  { origin: '${SITE}' },
);

createServer((req, res) => {
  // Mounted at /kyc by default (the widget's endpoint).
  if (req.url === '/kyc' || req.url.startsWith('/kyc/')) return kyc(req, res);
  // … the rest of your app
}).listen(8080);
`,
  },
  express: {
    title: 'Host proxy — Express',
    intro: 'Mount it before any body parser: the proxy streams and limits request bodies itself (express.json() would consume them).',
    code: `// npm install kyc-onboarding
// server.js
import express from 'express';
import { createKycProxy, toNodeListener } from 'kyc-onboarding/proxy';
import { identityOf } from './session.js';

const proxy = createKycProxy({
${PROXY_OPTIONS}
});

const app = express();
app.use('/kyc', toNodeListener(proxy, { origin: '${SITE}' })); // before express.json()
app.use(express.json());
// … the rest of your app
app.listen(8080);
`,
  },
  next: {
    title: 'Host proxy — Next.js route handler',
    intro:
      'The proxy is a web-standard (Request) => Response handler, which is what a route handler is. The platform’s paths end with a slash: tell Next.js to keep it.',
    code: `// npm install kyc-onboarding
// app/kyc/[...path]/route.js
import { createKycProxy } from 'kyc-onboarding/proxy';
import { identityOf } from '@/lib/session';

const proxy = createKycProxy({
${PROXY_OPTIONS}
  // Where browsers reach you: Next.js builds request.url from the Host header they send.
  origin: '${SITE}',
});

const handler = (request) => proxy(request);
export { handler as GET, handler as POST, handler as PATCH, handler as OPTIONS };

// next.config.js
/** @type {import('next').NextConfig} */
module.exports = { skipTrailingSlashRedirect: true };
`,
  },
};

/**
 * The snippet of a kind for the given settings: `{title, intro, code}`.
 * @param {'script'|'react'|'vue'|'angular'|'proxy'} kind
 * @param {{lang: string, theme: string, brand: string|null, onBrand: string|null, server: 'node'|'express'|'next'}} settings
 */
export function snippet(kind, settings) {
  const attrs = attributes(settings);
  switch (kind) {
    case 'script':
      return {
        title: 'Script tag',
        intro:
          'One module from your CDN (copy the package’s dist/cdn/ folder as is: the chunks beside it load on demand). Nothing inline, so your strict CSP stays as it is.',
        code: `<!-- index.html -->
<link rel="stylesheet" href="/css/kyc.css" />
<script type="module" src="${CDN}"></script>
<script type="module" src="/js/kyc-events.js"></script>

<kyc-onboarding ${attrs.map(([name, value]) => `${name}="${value}"`).join(' ')}></kyc-onboarding>

<!-- Works under a policy as strict as:
     script-src 'self' https://your-cdn.example; style-src 'self'; connect-src 'self';
     frame-src https://*.sumsub.com; require-trusted-types-for 'script'; trusted-types lit-html -->

/* /css/kyc.css */
${brandRule(settings)}

// /js/kyc-events.js
const kyc = document.querySelector('kyc-onboarding');
kyc.addEventListener('kyc-complete', (event) => {
  console.log('Approved:', event.detail.applicationUuid);
});
kyc.addEventListener('kyc-error', (event) => {
  console.warn('KYC error:', event.detail.code, event.detail.recoverable);
});
`,
      };
    case 'react':
      return {
        title: 'React 19',
        intro:
          'React 19 sets the element’s properties and listens to its custom events (on + the event’s name). The brand colour lives in your stylesheet.',
        code: `// npm install kyc-onboarding
// Onboarding.jsx
import 'kyc-onboarding/kyc-onboarding.js'; // registers <kyc-onboarding>
import './kyc.css';

export function Onboarding({ onApproved }) {
  return (
    <kyc-onboarding
${attrs.map(([name, value]) => `      ${name}="${value}"`).join('\n')}
      onkyc-complete={(event) => onApproved(event.detail.applicationUuid)}
      onkyc-error={(event) => console.warn('KYC error:', event.detail.code)}
    />
  );
}

/* kyc.css */
${brandRule(settings)}
`,
      };
    case 'vue':
      return {
        title: 'Vue 3',
        intro: 'Tell Vue’s template compiler that kyc-* tags are custom elements; events bind with @kyc-….',
        code: `// npm install kyc-onboarding
// vite.config.js
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kyc-') } } }),
  ],
});

<!-- Onboarding.vue -->
<script setup>
import 'kyc-onboarding/kyc-onboarding.js'; // registers <kyc-onboarding>
import './kyc.css';

const emit = defineEmits(['approved']);
const onComplete = (event) => emit('approved', event.detail.applicationUuid);
const onError = (event) => console.warn('KYC error:', event.detail.code);
</script>

<template>
  <kyc-onboarding
${attrs.map(([name, value]) => `    ${name}="${value}"`).join('\n')}
    @kyc-complete="onComplete"
    @kyc-error="onError"
  ></kyc-onboarding>
</template>

/* kyc.css */
${brandRule(settings)}
`,
      };
    case 'angular':
      return {
        title: 'Angular',
        intro: 'CUSTOM_ELEMENTS_SCHEMA lets the template use the element; events bind with (kyc-…)="…".',
        code: `// npm install kyc-onboarding
// onboarding.component.ts
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import type { KycCompleteEvent, KycReadyEvent } from 'kyc-onboarding';
import 'kyc-onboarding/kyc-onboarding.js'; // registers <kyc-onboarding>

@Component({
  selector: 'app-onboarding',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: \`
    <kyc-onboarding
${attrs.map(([name, value]) => `      ${name}="${value}"`).join('\n')}
      (kyc-ready)="onReady($event)"
      (kyc-complete)="onComplete($event)"
    ></kyc-onboarding>
  \`,
})
export class OnboardingComponent {
  // With strictTemplates, $event is the event's class: the package declares the tag and its events.
  onReady(event: KycReadyEvent) {
    console.log('KYC ready:', event.detail.status);
  }
  onComplete(event: KycCompleteEvent) {
    console.log('Approved:', event.detail.applicationUuid);
  }
}

/* src/styles.css, the global stylesheet of angular.json: Angular writes component styles into
   <style> elements, which a strict style-src refuses unless you give them a nonce (ngCspNonce) */
${brandRule(settings)}
`,
      };
    case 'proxy':
      return SERVERS[settings.server] ?? SERVERS.node;
    default:
      throw new Error(`Unknown snippet kind: ${kind}`);
  }
}
