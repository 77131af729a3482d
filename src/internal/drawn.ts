import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Draws a bitmap on the canvas it is placed on (once per bitmap). */
class DrawnDirective extends Directive {
  #drawn: ImageBitmap | null = null;
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('drawn() goes on a <canvas>.');
  }
  override render(_bitmap: ImageBitmap): unknown {
    return nothing;
  }
  override update(part: ElementPart, [bitmap]: [ImageBitmap]): unknown {
    if (bitmap !== this.#drawn && part.element instanceof HTMLCanvasElement) {
      this.#drawn = bitmap;
      part.element.getContext('2d')?.drawImage(bitmap, 0, 0);
    }
    return nothing;
  }
}
/** `<canvas ${drawn(bitmap)}>`: the bitmap drawn on the canvas (no object URL, no `blob:` image: a strict CSP needs nothing). */
export const drawn = directive(DrawnDirective);
