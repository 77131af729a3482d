// Nothing of Sumsub's WebSDK loads for a level without a liveness check: its module is fetched
// only when a liveness step is reached. (Its own file: a page loads a module once, so the order of
// the two checks matters and no other test may have loaded it before.)
import { expect, waitUntil } from '@open-wc/testing';
import { advancedBeforeLiveness, sendBasicForReview, widget } from '../helpers/onboarding.js';
import { loggedInClient, logout } from '../helpers/sandbox.js';

const sdkRequested = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('@sumsub/websdk'));

describe('@sumsub/websdk is loaded lazily', () => {
  afterEach(logout);

  it('is not requested through a whole level without liveness, and is when a liveness step is reached', async () => {
    performance.setResourceTimingBufferSize(100_000); // the default 250 fill up during a walk
    await loggedInClient();
    const basic = await widget();
    await sendBasicForReview(basic);
    basic.remove();
    expect(sdkRequested(), 'a Basic walk loads nothing of the SDK').to.equal(false);

    await loggedInClient();
    await advancedBeforeLiveness();
    const advanced = await widget({ pollInterval: 60_000 });
    advanced.flow.goToStep(advanced.flow.steps.findIndex((step) => step.title === 'Liveness check'));
    await waitUntil(sdkRequested, 'the SDK is loaded on the liveness step', { timeout: 10_000 });
  });
});
