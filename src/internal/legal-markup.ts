// A legal document's text with markup, as formatted text: sanitized by DOMPurify (loaded only when a
// text carries markup, see legal-text.ts) under a Trusted Types policy of its own, so that the page's
// policy names exactly what may make HTML. Paragraphs, emphasis, lists and links survive; scripts,
// styles, event handlers, images, frames, forms and links to anything but the document's own site
// (or an e-mail address) do not.
import DOMPurify from 'dompurify';
import { escapeNonTags } from './legal-text.js';
import type { TrustedTypePolicy, TrustedTypesWindow } from 'trusted-types/lib/index.js';

/** The Trusted Types policy the sanitizer parses with: list it in the page's `trusted-types` directive. */
export const LEGAL_TEXT_POLICY = 'kyc-legal-text';

/** What a legal text may keep (the content of any other element is kept as text). */
const ALLOWED_TAGS = [
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ul',
  'ol',
  'li',
  'a',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'small',
  'sup',
  'sub',
  'span',
];
/** A chunk of text that opens with one of these is a block of its own (else it is a paragraph). */
const BLOCK = /^<(?:p|ul|ol|h[1-6]|blockquote|div)[\s>]/i;

let policy: TrustedTypePolicy | null | undefined;
/** The page's CSP refused the policy: asked once (one violation report); its texts are shown as words. */
let refused = false;
/** The module's own policy: private to it, and only ever given to the sanitizer (null: no Trusted Types). */
function policyOf(): TrustedTypePolicy | null {
  if (refused) throw new Error(`The page refused the ${LEGAL_TEXT_POLICY} Trusted Types policy.`);
  if (policy !== undefined) return policy;
  try {
    policy =
      ((window as unknown as TrustedTypesWindow).trustedTypes?.createPolicy(LEGAL_TEXT_POLICY, {
        createHTML: (html: string) => html, // DOMPurify parses the text with it, then sanitizes the tree
        createScriptURL: () => '', // nothing of a legal text is ever a script
      }) as TrustedTypePolicy | undefined) ?? null;
  } catch (error) {
    refused = true;
    throw error;
  }
  return policy;
}

/** An instance of the sanitizer of its own: the page's DOMPurify (if any) keeps its settings. */
let purify: ReturnType<typeof DOMPurify> | null = null;

/**
 * Where a link may lead, or null: an e-mail address, or an absolute https address on the
 * document's own site. Never resolved against anything (a relative or scheme-relative link, or
 * `https:evil.example`, would resolve against the host's page, not the document).
 */
function allowedLink(href: string, documentUrl: string | null): string | null {
  if (/^mailto:[^\s]+$/i.test(href)) return href;
  if (!documentUrl || !/^https:\/\/[^/\\]/i.test(href)) return null;
  try {
    const target = new URL(href);
    return target.origin === new URL(documentUrl).origin ? target.href : null;
  } catch {
    return null;
  }
}

/**
 * The formatted text of a legal document whose text has markup: a `<div>` holding the sanitized
 * elements (never HTML parsed anywhere else). Links open in a new tab; a link elsewhere than the
 * document's own site keeps its words and loses its target.
 * @param documentUrl The document's own address (`KycLegalDocument.url`): links to its origin stay.
 */
export function legalMarkup(text: string, documentUrl: string | null): HTMLDivElement {
  purify ??= DOMPurify(window);
  // Paragraphs are separated by blank lines, as in a plain text; a chunk that is a block already stays.
  const source = escapeNonTags(text)
    .split(/\n\s*\n/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => (BLOCK.test(chunk.trimStart()) ? chunk : `<p>${chunk}</p>`))
    .join('');
  const trusted = policyOf();
  const fragment = purify.sanitize(source, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^(?:https:|mailto:)/i,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
    ...(trusted ? { TRUSTED_TYPES_POLICY: trusted } : {}),
  });
  for (const link of fragment.querySelectorAll('a')) {
    const href = allowedLink(link.getAttribute('href') ?? '', documentUrl);
    if (href) {
      link.setAttribute('href', href); // as checked, absolute
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    } else link.replaceWith(...link.childNodes);
  }
  const container = document.createElement('div');
  container.className = 'markup';
  container.append(fragment);
  for (const block of container.querySelectorAll('p, li, h3, h4, h5, h6, blockquote')) block.setAttribute('dir', 'auto');
  return container;
}
