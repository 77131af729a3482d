// Whether a legal document's text carries markup, decided without loading the sanitizer: only a
// text with a tag of HTML loads it (legal-markup.ts). Text that merely looks like a tag (an address
// in angle brackets, "<privacy@example.com>") is text.

/** The name of an HTML element (or one a hostile text would use), as a tag opens or closes it. */
const TAG =
  /<\/?(?:a|abbr|article|b|base|blockquote|body|br|button|center|cite|code|dd|details|div|dl|dt|em|embed|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|link|li|mark|math|meta|nav|object|ol|p|pre|q|s|script|section|small|span|strong|style|sub|summary|sup|svg|table|tbody|td|th|thead|title|tr|u|ul)(?=[\s/>])[^<>]*>/i;

/** Whether `text` has HTML markup (to be rendered as formatted text, sanitized). */
export function hasMarkup(text: string): boolean {
  return TAG.test(text);
}

/** The words of a text with markup, tags left out: what is shown if the sanitizer cannot be loaded. */
export function withoutTags(text: string): string {
  return text.replace(new RegExp(TAG.source, 'gi'), '');
}
