import type { Plugin } from 'rollup';
export function minifyCssPart(raw: string, first?: boolean, last?: boolean): string;
export function minifyHtmlPart(raw: string, first: boolean, last: boolean): string;
export default function minifyTemplates(options?: { include?: RegExp }): Plugin;
