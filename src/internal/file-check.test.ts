import { expect } from '@open-wc/testing';
import { bytes } from '../../test/helpers/bytes.js';
import { canvasImage, heicBytes, pdfBytes, validSamples } from '../../test/helpers/corpus.js';
import { checkFile, DEFAULT_ACCEPTED_KINDS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_PIXELS, type FileCheck } from './file-check.js';

/** A file whose reads are recorded: the byte ranges asked for, in order. */
function recorded(file: File): { file: File; reads: [number, number][] } {
  const reads: [number, number][] = [];
  const slice = file.slice.bind(file);
  Object.assign(file, {
    slice: (start = 0, end = file.size) => {
      reads.push([start, Math.min(end, file.size)]);
      return slice(start, end);
    },
    arrayBuffer: () => {
      reads.push([0, file.size]);
      return Blob.prototype.arrayBuffer.call(file);
    },
  });
  return { file, reads };
}

describe('checkFile', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_MAX_FILE_BYTES, "Sumsub's 64 MB, decimal").to.equal(64_000_000);
    expect(DEFAULT_ACCEPTED_KINDS).to.deep.equal(['jpeg', 'png', 'pdf', 'heic', 'webp']);
    expect(DEFAULT_MAX_PIXELS).to.equal(100_000_000);
  });

  it('accepts valid JPEG, PNG, WebP, PDF and HEIC files with their real kind and dimensions', async () => {
    const samples = await validSamples();
    const verdicts: Record<string, FileCheck> = {};
    for (const [name, file] of Object.entries(samples)) verdicts[name] = await checkFile(file);
    expect(verdicts).to.deep.equal({
      jpeg: { ok: true, kind: 'jpeg', width: 64, height: 48 },
      png: { ok: true, kind: 'png', width: 40, height: 30 },
      webp: { ok: true, kind: 'webp', width: 30, height: 20 },
      pdf: { ok: true, kind: 'pdf', width: null, height: null },
      heic: { ok: true, kind: 'heic', width: null, height: null },
    });
  });

  it('accepts a 12-megapixel photo with the default pixel limit', async () => {
    const photo = new File([await canvasImage('image/jpeg', 4000, 3000, { quality: 0.5 })], 'IMG_0001.JPG', { type: 'image/jpeg' });
    expect(await checkFile(photo)).to.deep.equal({ ok: true, kind: 'jpeg', width: 4000, height: 3000 });
  });

  it('takes no claim from a generic declared type or a name without extension, and knows the aliases', async () => {
    const jpeg = await canvasImage('image/jpeg', 8, 8);
    for (const [name, type] of [
      ['scan', 'application/octet-stream'],
      ['scan', ''],
      ['photo.JPEG', 'image/jpg'],
      ['photo.jfif', 'image/pjpeg'],
    ]) {
      expect(await checkFile(new File([jpeg], name, { type })), `${name} ${type}`).to.include({ ok: true, kind: 'jpeg' });
    }
    expect(await checkFile(new File([heicBytes()], 'IMG_0001.heif', { type: 'image/heif' }))).to.include({ ok: true, kind: 'heic' });
  });

  it('honours accept: a format left out is unsupported, one added (a GIF, its screen 2 × 1) is decoded and measured', async () => {
    const { jpeg, pdf } = await validSamples();
    expect(await checkFile(jpeg, { accept: ['pdf'] })).to.deep.equal({ ok: false, problem: 'unsupported', kind: 'jpeg' });
    expect(await checkFile(pdf, { accept: ['pdf'] })).to.include({ ok: true, kind: 'pdf' });
    const gif = new File(
      [bytes('GIF89a', [2, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff], [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0], ';')],
      'a.gif',
      { type: 'image/gif' },
    );
    expect(await checkFile(gif)).to.deep.equal({ ok: false, problem: 'unsupported', kind: 'gif' });
    expect(await checkFile(gif, { accept: [...DEFAULT_ACCEPTED_KINDS, 'gif'] })).to.deep.equal({
      ok: true,
      kind: 'gif',
      width: 2,
      height: 1,
    });
  });

  it('honours maxBytes: a file of exactly the limit passes, one byte more is too big and is not read', async () => {
    const pdf = pdfBytes(1000);
    expect(await checkFile(new File([pdf], 'a.pdf'), { maxBytes: 1000 })).to.include({ ok: true });
    const { file, reads } = recorded(new File([pdf], 'a.pdf'));
    expect(await checkFile(file, { maxBytes: 999 })).to.deep.equal({ ok: false, problem: 'too-big', kind: null });
    expect(reads).to.deep.equal([]);
  });

  it('honours maxPixels, judged from the header before decoding', async () => {
    const jpeg = new File([await canvasImage('image/jpeg', 64, 48)], 'a.jpg');
    expect(await checkFile(jpeg, { maxPixels: 64 * 48 })).to.include({ ok: true });
    expect(await checkFile(jpeg, { maxPixels: 64 * 48 - 1 })).to.deep.equal({ ok: false, problem: 'too-many-pixels', kind: 'jpeg' });
  });

  it('reads only the head and the tail of a large PDF', async () => {
    const { file, reads } = recorded(new File([pdfBytes(3 * 1024 * 1024)], 'statement.pdf', { type: 'application/pdf' }));
    expect(await checkFile(file)).to.include({ ok: true, kind: 'pdf' });
    const read = reads.reduce((sum, [start, end]) => sum + end - start, 0);
    expect(read).to.be.at.most(4096 + 1024);
  });

  it('refuses by default what Sumsub refuses as more than 64MB (decimal megabytes), and takes 64,000,000 bytes', async () => {
    const pdf = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
      bytes.set(new TextEncoder().encode('\n%%EOF\n'), size - 7);
      return new File([bytes], 'scan.pdf', { type: 'application/pdf' });
    };
    expect(await checkFile(pdf(64_000_001))).to.deep.equal({ ok: false, problem: 'too-big', kind: null });
    expect(await checkFile(pdf(64_000_000))).to.include({ ok: true, kind: 'pdf' });
  });

  it('checks emptiness and size before anything else, whatever the name says', async () => {
    expect(await checkFile(new File([], 'setup.exe'))).to.deep.equal({ ok: false, problem: 'empty', kind: null });
    expect(await checkFile(new File([bytes('MZ')], 'setup.exe'), { maxBytes: 1 })).to.deep.equal({
      ok: false,
      problem: 'too-big',
      kind: null,
    });
  });

  it('resolves with a problem, never throws, on random bytes behind every signature and on unreadable files', async () => {
    const samples = await validSamples();
    let seed = 1;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    for (const file of Object.values(samples)) {
      const head = new Uint8Array(await file.slice(0, 24).arrayBuffer());
      for (let round = 0; round < 40; round += 1) {
        const noise = Uint8Array.from({ length: 1 + round * 7 }, random);
        const verdict = await checkFile(new File([head.subarray(0, 4 + (round % 20)), noise], file.name, { type: file.type }));
        expect(verdict.ok, `${file.name} round ${round}`).to.equal(false);
      }
    }
    const unreadable = new File([pdfBytes(600)], 'a.pdf');
    Object.assign(unreadable, { slice: () => ({ arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) }) });
    expect(await checkFile(unreadable)).to.deep.equal({ ok: false, problem: 'corrupted', kind: null });
  });
});
