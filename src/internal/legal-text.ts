// Whether a legal document's text carries markup, decided without loading the sanitizer: only a
// text with a tag of HTML loads it (legal-markup.ts). Text that merely looks like a tag (an address
// in angle brackets, "<privacy@example.com>") is text.

/** The name of an HTML element (or one a hostile text would use), as a tag opens or closes it. */
export const TAG =
  /<\/?(?:a|abbr|article|b|base|blockquote|body|br|button|center|cite|code|dd|details|div|dl|dt|em|embed|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|link|li|mark|math|meta|nav|object|ol|p|pre|q|s|script|section|small|span|strong|style|sub|summary|sup|svg|table|tbody|td|th|thead|title|tr|u|ul)(?=[\s/>])[^<>]*>/i;

/** Whether `text` has HTML markup (to be rendered as formatted text, sanitized). */
export function hasMarkup(text: string): boolean {
  return TAG.test(text);
}

/**
 * The text with every `<` that opens no tag of HTML written as `&lt;`: what only looks like a tag
 * (`<privacy@example.com>`) stays text when the rest is parsed as HTML.
 */
export function escapeNonTags(text: string): string {
  const tags = new RegExp(TAG.source, 'gi');
  let escaped = '';
  let from = 0;
  for (const match of text.matchAll(tags)) {
    escaped += text.slice(from, match.index).replaceAll('<', '&lt;') + match[0];
    from = match.index + match[0].length;
  }
  return escaped + text.slice(from).replaceAll('<', '&lt;');
}

/** The words of a text with markup, tags left out: what is shown if the sanitizer cannot be loaded. */
export function withoutTags(text: string): string {
  return text.replace(new RegExp(TAG.source, 'gi'), '');
}
