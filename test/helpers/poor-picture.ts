// The document camera's tests with a picture that is not good enough (the fake camera's blurred,
// dark, glared and far-away videos): the right guidance, no auto-capture however long it looks,
// and the shutter's photo explained with an example, refused by `quality="strict"`.
import { expect } from '@open-wc/testing';
import type { QualityProblem } from '../../src/internal/photo-quality.js';
import type { Guidance } from '../../src/internal/capture-guidance.js';
import { expectAccessible } from './axe.js';
import { camera, liveTracks, measure, partOf, removeCameras, STEADY_CHECKS, textOf } from './capture.js';
import { record, stopRecording } from './events.js';

export interface PoorPicture {
  /** What the video shows, in words. */
  scene: string;
  guidance: Guidance;
  /** What the person reads and hears while the document is in the camera's picture. */
  words: string;
  /** What the checks find in the shutter's photo (its first problem). */
  problem: QualityProblem;
  /** What the review says about it. */
  explanation: string;
}

export function poorPictureTests({ scene, guidance, words, problem, explanation }: PoorPicture): void {
  describe(`document camera: ${scene}`, () => {
    afterEach(() => {
      removeCameras();
      stopRecording();
    });

    it(`says "${words}" and never takes the photo by itself`, async () => {
      const results = record('kyc-capture-result');
      const { el, clock } = await camera();
      const said = () => el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim();
      await measure(el, clock);
      expect(el.guidance).to.equal(guidance);
      expect(textOf(el, 'guidance')).to.equal(words);
      // Said to screen readers once it held for two measures (a shaking hand does not make it chatter).
      expect(said()).to.equal('Starting the camera…');
      await measure(el, clock);
      expect(said()).to.equal(words);
      expect(el.matches(':state(ready)')).to.equal(false);
      // However long the person holds it, the fake clock's measures never take it.
      await measure(el, clock, STEADY_CHECKS * 4);
      expect(clock.pending(), 'still measuring').to.deep.equal([200]);
      expect(el.status).to.equal('live');
      expect(el.guidance).to.equal(guidance);
      expect(results).to.deep.equal([]);
      await expectAccessible(el);
    });

    it('explains what is wrong with the shutter’s photo, with an example, and lets it be used anyway', async () => {
      const results = record<{ problems: string[]; accepted: boolean; auto: boolean }>('kyc-capture-result');
      const errors = record('kyc-error');
      const { el } = await camera();
      partOf(el, 'button-shutter')!.click();
      await el.settled(); // the shot is taken and checked
      expect(el.status).to.equal('review');
      expect(results).to.have.length(1);
      expect(results[0].auto).to.equal(false);
      expect(results[0].problems[0]).to.equal(problem);
      expect(results[0].accepted).to.equal(true);
      expect(textOf(el, 'problems')).to.contain(explanation);
      expect(partOf(el, 'example')!.querySelector('svg[role="img"]')!.getAttribute('aria-label')).to.match(/^Example of a good photo/);
      expect(textOf(el, 'button-use')).to.equal('Use it anyway');
      expect(errors).to.deep.equal([]);
      await expectAccessible(el);
      partOf(el, 'button-use')!.click();
      await el.updateComplete;
      expect(el.files).to.have.length(1);
      expect(liveTracks()).to.deep.equal([]);
    });

    it('with quality="strict", refuses it: only a retake, and one kyc-error', async () => {
      const results = record<{ accepted: boolean }>('kyc-capture-result');
      const errors = record<{ code: string }>('kyc-error');
      const { el } = await camera({ quality: 'strict' });
      partOf(el, 'button-shutter')!.click();
      await el.settled();
      expect(el.status).to.equal('review');
      expect(results.map((result) => result.accepted)).to.deep.equal([false]);
      expect(errors.map((error) => error.code)).to.deep.equal(['upload_rejected']);
      expect(partOf(el, 'button-use')).to.equal(null);
      expect(textOf(el, 'problems')).to.contain('This photo cannot be used: please take it again.');
      await expectAccessible(el);
      partOf(el, 'button-retake')!.click();
      await el.settled();
      expect(el.status).to.equal('live');
      expect(el.files).to.deep.equal([]);
    });
  });
}
