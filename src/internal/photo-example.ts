import { svg, type SVGTemplateResult } from 'lit';
import { SHAPE_ASPECT } from './capture-guidance.js';
import type { DocumentShape } from './photo-quality.js';

/**
 * What a good photo of a document looks like, drawn (no picture file to ship or license): the
 * whole document inside the picture with a margin, square to it, evenly lit, its photo and lines
 * of text crisp. Shown beside what a photo's quality checks found wrong. Its colours come from the
 * `.example` rules of the element that shows it (themeable), its name from `label`.
 */
export function photoExample(shape: DocumentShape, label: string): SVGTemplateResult {
  const aspect = SHAPE_ASPECT[shape];
  // The picture is 160 × 120; the document takes 80 % of it on its long side.
  const width = aspect >= 1 ? 128 : 96 * aspect;
  const height = aspect >= 1 ? 128 / aspect : 96;
  const x = (160 - width) / 2;
  const y = (120 - height) / 2;
  const line = (row: number, share: number) =>
    svg`<rect class="example__text" x=${x + width * 0.38} y=${y + height * (0.3 + row * 0.12)} width=${width * 0.55 * share} height=${height * 0.05} rx="1"></rect>`;
  return svg`<svg class="example__picture" viewBox="0 0 160 120" role="img" aria-label=${label}>
    <rect class="example__surface" width="160" height="120" rx="6"></rect>
    <rect class="example__document" x=${x} y=${y} width=${width} height=${height} rx=${Math.min(width, height) * 0.06}></rect>
    <rect class="example__photo" x=${x + width * 0.07} y=${y + height * 0.24} width=${width * 0.24} height=${height * 0.5} rx="1"></rect>
    ${line(0, 1)} ${line(1, 0.8)} ${line(2, 0.9)} ${line(3, 0.6)}
    <path class="example__corners" d="M8 24V8H24 M136 8H152V24 M152 96V112H136 M24 112H8V96"></path>
  </svg>`;
}
