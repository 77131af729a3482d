// The quality checks on the project's corpus of document photos (test/helpers/document-corpus.ts):
// each picture gets exactly the verdict it was made for, sharp ones none.
import { expect } from '@open-wc/testing';
import { documentCorpus, type DocumentPicture } from '../../test/helpers/document-corpus.js';
import { assessPhoto } from './photo-quality.js';

let corpus: DocumentPicture[];

describe('photo quality checks', () => {
  before(async () => {
    corpus = await documentCorpus();
  });

  it('find exactly what each picture of the corpus was made with', async () => {
    const wrong: string[] = [];
    for (const picture of corpus) {
      const report = (await assessPhoto(picture.file, picture.shape))!;
      const line = `${picture.name}: ${JSON.stringify(report.problems)} (sharpness ${report.sharpness.toFixed(0)}, brightness ${report.brightness.toFixed(0)}, glare ${(report.glare * 100).toFixed(1)} %, fill ${(report.fill * 100).toFixed(0)} %, edge detail ${(report.edgeDetail * 100).toFixed(1)} %)`;
      if (JSON.stringify(report.problems) !== JSON.stringify(picture.expected))
        wrong.push(`${line}, expected ${JSON.stringify(picture.expected)}`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it('has nothing to say of what the browser cannot decode (a PDF)', async () => {
    const pdf = new File(['%PDF-1.4\n%%EOF\n'], 'statement.pdf', { type: 'application/pdf' });
    expect(await assessPhoto(pdf, 'page')).to.equal(null);
  });
});
