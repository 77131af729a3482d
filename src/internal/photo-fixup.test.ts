import { expect } from '@open-wc/testing';
import { canvasImage, hasExif, heicBytes, pdfBytes, syntheticPhoto, withExif } from '../../test/helpers/corpus.js';
import { checkFile } from './file-check.js';
import { jpegOrientation } from '../shared/file-type.js';
import { DEFAULT_PHOTO_MAX_SIDE, fixUpPhoto } from './photo-fixup.js';

async function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The colour (r, g, b) of one pixel of a decoded file. */
async function pixels(file: Blob, points: readonly (readonly [number, number])[]): Promise<number[][]> {
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return points.map(([x, y]) => Array.from(context.getImageData(x, y, 1, 1).data.subarray(0, 3)));
}

/** Whether a colour is near the expected one (JPEG is lossy). */
function near(actual: number[], expected: readonly number[]): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]) < 60);
}

describe('fixUpPhoto', () => {
  let photo: File;
  before(async () => {
    photo = await syntheticPhoto(4000, 3000, { quality: 0.95, name: 'IMG_0001.JPG' });
  });

  it('scales a 12-megapixel photo to 2560 px on its longest side, smaller, decodable, as a .jpg', async () => {
    expect(DEFAULT_PHOTO_MAX_SIDE).to.equal(2560);
    const fixed = await fixUpPhoto(photo, 'jpeg');
    expect(fixed).to.include({ changed: true, before: photo.size, width: 2560, height: 1920 });
    expect(fixed.after).to.equal(fixed.file.size);
    expect(fixed.after).to.be.below(photo.size);
    expect(fixed.file.name).to.equal('IMG_0001.jpg');
    expect(fixed.file.type).to.equal('image/jpeg');
    expect(await checkFile(fixed.file)).to.deep.equal({ ok: true, kind: 'jpeg', width: 2560, height: 1920 });
  });

  it('honours maxSide and quality', async () => {
    const small = await fixUpPhoto(photo, 'jpeg', { maxSide: 1000, quality: 0.5 });
    expect(small).to.include({ changed: true, width: 1000, height: 750 });
    const better = await fixUpPhoto(photo, 'jpeg', { maxSide: 1000, quality: 0.95 });
    expect(better.after).to.be.above(small.after);
  });

  it('applies Exif orientation 6 (turned 90° clockwise), even when the result is larger, and drops the Exif (GPS)', async () => {
    // Stored 40 × 20: red top left, green top right, blue bottom left, white bottom right.
    const stored = await canvasImage('image/jpeg', 40, 20, { quality: 0.3 });
    const original = withExif(stored, 6);
    expect(jpegOrientation(original)).to.equal(6);
    expect(hasExif(original)).to.equal(true);
    const file = new File([original], 'selfie.jpeg', { type: 'image/jpeg' });
    const fixed = await fixUpPhoto(file, 'jpeg');
    expect(fixed).to.include({ changed: true, width: 20, height: 40 });
    expect(fixed.after, 'kept although larger').to.be.above(fixed.before);
    expect(fixed.file.name).to.equal('selfie.jpg');
    const output = await bytesOf(fixed.file);
    expect(hasExif(output)).to.equal(false);
    expect(jpegOrientation(output)).to.equal(1);
    // Upright 20 × 40: the stored left column is now the top row, read right to left.
    const [topLeft, topRight, bottomLeft, bottomRight] = await pixels(fixed.file, [
      [5, 5],
      [15, 5],
      [5, 35],
      [15, 35],
    ]);
    expect(near(topLeft, [0, 0, 255]), `top left ${topLeft} is blue`).to.equal(true);
    expect(near(topRight, [255, 0, 0]), `top right ${topRight} is red`).to.equal(true);
    expect(near(bottomLeft, [255, 255, 255]), `bottom left ${bottomLeft} is white`).to.equal(true);
    expect(near(bottomRight, [0, 255, 0]), `bottom right ${bottomRight} is green`).to.equal(true);
  });

  it('drops the Exif (GPS) of a photo it makes smaller', async () => {
    const original = withExif(await canvasImage('image/jpeg', 1200, 900, { quality: 1, noise: 60 }), 1);
    const fixed = await fixUpPhoto(new File([original], 'a.jpg', { type: 'image/jpeg' }), 'jpeg');
    expect(fixed.changed).to.equal(true);
    expect(hasExif(await bytesOf(fixed.file))).to.equal(false);
  });

  it('keeps a small, already compact JPEG as it is', async () => {
    const file = new File([await canvasImage('image/jpeg', 64, 48, { quality: 0.5 })], 'small.jpg', { type: 'image/jpeg' });
    const fixed = await fixUpPhoto(file, 'jpeg');
    expect(fixed).to.deep.equal({ file, changed: false, before: file.size, after: file.size, width: 64, height: 48 });
  });

  it('turns a large PNG into a smaller JPEG named .jpg', async () => {
    const file = new File([await canvasImage('image/png', 600, 400, { noise: 50 })], 'Scan.PNG', { type: 'image/png' });
    const fixed = await fixUpPhoto(file, 'png');
    expect(fixed).to.include({ changed: true, width: 600, height: 400 });
    expect(fixed.after).to.be.below(fixed.before);
    expect([fixed.file.name, fixed.file.type]).to.deep.equal(['Scan.jpg', 'image/jpeg']);
    expect(await checkFile(fixed.file)).to.include({ ok: true, kind: 'jpeg' });
  });

  it('leaves PDF and HEIC files untouched', async () => {
    for (const [file, kind] of [
      [new File([pdfBytes(800)], 'a.pdf'), 'pdf'],
      [new File([heicBytes()], 'b.heic'), 'heic'],
    ] as const) {
      expect(await fixUpPhoto(file, kind)).to.deep.equal({
        file,
        changed: false,
        before: file.size,
        after: file.size,
        width: 0,
        height: 0,
      });
    }
  });

  it('returns a file it cannot decode unchanged rather than failing', async () => {
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'broken.jpg');
    expect(await fixUpPhoto(file, 'jpeg')).to.deep.equal({ file, changed: false, before: 7, after: 7, width: 0, height: 0 });
  });
});
