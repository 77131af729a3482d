import { expect } from '@open-wc/testing';
import { frameRect, guidanceFor, LIVE_MIN_FILL, MAX_MOTION, measuredRect, motionBetween, SHAPE_ASPECT } from './capture-guidance.js';
import type { QualityMeasures } from './photo-quality.js';

/** Measures of a good live picture: sharp, well lit, the document filling the frame. */
const GOOD: QualityMeasures = { sharpness: 400, brightness: 120, glare: 0, median: 110, fill: 0.6, edgeDetail: 0 };

describe('capture guidance', () => {
  it('draws the frame in the document’s shape, centred, inside the picture', () => {
    for (const [width, height] of [
      [1280, 720],
      [720, 1280],
      [640, 480],
    ]) {
      for (const shape of ['card', 'passport', 'page'] as const) {
        const frame = frameRect(width, height, shape);
        expect(frame.width / frame.height).to.be.closeTo(SHAPE_ASPECT[shape], 1e-9);
        expect(frame.x).to.be.closeTo(width - frame.x - frame.width, 1e-9);
        expect(frame.y).to.be.closeTo(height - frame.y - frame.height, 1e-9);
        expect(frame.x).to.be.greaterThan(0);
        expect(frame.y).to.be.greaterThan(0);
        const part = measuredRect(width, height, shape);
        expect(part.x).to.be.at.most(frame.x);
        expect(part.y).to.be.at.most(frame.y);
        expect(part.x + part.width).to.be.at.least(frame.x + frame.width);
        expect(part.y + part.height).to.be.at.least(frame.y + frame.height);
        expect(part.x + part.width).to.be.at.most(width);
        expect(part.y + part.height).to.be.at.most(height);
      }
    }
  });

  it('measures how much the picture moved', () => {
    const still = new Uint8Array(64).fill(100);
    const moved = new Uint8Array(64).fill(130);
    expect(motionBetween(still, still)).to.equal(0);
    expect(motionBetween(still, moved)).to.equal(30);
    expect(motionBetween(still, new Uint8Array(32))).to.equal(Infinity);
  });

  it('says one thing at a time: light first, then the document’s place, then stillness and sharpness', () => {
    expect(guidanceFor(GOOD, 0, 'card')).to.equal('ready');
    expect(guidanceFor({ ...GOOD, brightness: 30, fill: 0.05 }, 50, 'card')).to.equal('dark');
    expect(guidanceFor({ ...GOOD, brightness: 240, glare: 0.5 }, 0, 'card')).to.equal('bright');
    expect(guidanceFor({ ...GOOD, glare: 0.05 }, 50, 'card')).to.equal('glare');
    expect(guidanceFor({ ...GOOD, edgeDetail: 0.2 }, 50, 'card')).to.equal('fit');
    expect(guidanceFor({ ...GOOD, fill: LIVE_MIN_FILL - 0.01 }, 50, 'card')).to.equal('closer');
    expect(guidanceFor(GOOD, MAX_MOTION + 1, 'card')).to.equal('still');
    expect(guidanceFor({ ...GOOD, sharpness: 5 }, 0, 'card')).to.equal('blur');
    // The host's thresholds count: a lower sharpness floor takes that picture.
    expect(guidanceFor({ ...GOOD, sharpness: 5 }, 0, 'card', { minSharpness: 4 })).to.equal('ready');
  });
});
