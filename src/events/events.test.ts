import { expect } from '@open-wc/testing';
import {
  KYC_APPLICATION_CREATE,
  KYC_CAPTURE_RESULT,
  KYC_CAPTURE_START,
  KYC_COMPLETE,
  KYC_ERROR,
  KYC_LIVENESS_COMPLETE,
  KYC_LIVENESS_ERROR,
  KYC_LIVENESS_READY,
  KYC_LEVEL_SELECT,
  KYC_READY,
  KYC_REJECT,
  KYC_SAVE,
  KYC_SIGNATURE_REQUEST,
  KYC_STATUS_CHANGE,
  KYC_STEP_CHANGE,
  KYC_SUBMIT,
  KYC_UPLOAD_PROGRESS,
  KycApplicationCreateEvent,
  KycCaptureResultEvent,
  KycCaptureStartEvent,
  KycCompleteEvent,
  KycErrorEvent,
  KycLivenessCompleteEvent,
  KycLivenessErrorEvent,
  KycLivenessReadyEvent,
  KycLevelSelectEvent,
  KycConsentEvent,
  KYC_CONSENT,
  KycHandoffEvent,
  KYC_HANDOFF,
  KycReadyEvent,
  KycRejectEvent,
  KycSaveEvent,
  KycSignatureRequestEvent,
  KycStatusChangeEvent,
  KycStepChangeEvent,
  KycSubmitEvent,
  KycUploadProgressEvent,
} from './events.js';
import { KycApiError } from '../api/index.js';

const APP = '3f1b8c1e-4d5a-4c43-9a55-0d8f2b7e6a10';
const LEVEL = '9d2e7c4a-1b3f-4e5d-8a6b-7c8d9e0f1a2b';

/** Every public event: its name, a sample instance and whether the host may veto it. */
const EVENTS: { name: string; event: () => CustomEvent<object>; cancelable: boolean }[] = [
  { name: KYC_READY, event: () => new KycReadyEvent({ applicationUuid: APP, levelUuid: LEVEL, status: 'draft' }), cancelable: false },
  { name: KYC_LEVEL_SELECT, event: () => new KycLevelSelectEvent({ levelUuid: LEVEL }), cancelable: false },
  { name: KYC_CONSENT, event: () => new KycConsentEvent({ applicationUuid: APP, levelUuid: LEVEL }), cancelable: false },
  {
    name: KYC_HANDOFF,
    event: () => new KycHandoffEvent({ applicationUuid: APP, url: 'https://partner.example/kyc#kyc-handoff=x' }),
    cancelable: false,
  },
  {
    name: KYC_APPLICATION_CREATE,
    event: () => new KycApplicationCreateEvent({ applicationUuid: APP, levelUuid: LEVEL }),
    cancelable: false,
  },
  { name: KYC_STEP_CHANGE, event: () => new KycStepChangeEvent({ from: 0, to: 1, total: 3 }), cancelable: true },
  { name: KYC_SAVE, event: () => new KycSaveEvent({ applicationUuid: APP, keys: ['first_name'] }), cancelable: false },
  {
    name: KYC_UPLOAD_PROGRESS,
    event: () => new KycUploadProgressEvent({ attributeKey: 'passport', loaded: 5, total: 10 }),
    cancelable: false,
  },
  {
    name: KYC_CAPTURE_START,
    event: () => new KycCaptureStartEvent({ attributeKey: 'passport', shape: 'passport', side: 'single' }),
    cancelable: false,
  },
  {
    name: KYC_CAPTURE_RESULT,
    event: () =>
      new KycCaptureResultEvent({
        attributeKey: 'passport',
        shape: 'passport',
        side: 'single',
        auto: true,
        problems: ['glare'],
        accepted: true,
      }),
    cancelable: false,
  },
  {
    name: KYC_SIGNATURE_REQUEST,
    event: () => new KycSignatureRequestEvent({ applicationUuid: APP, provider: 'sms', keys: ['phone'] }),
    cancelable: false,
  },
  { name: KYC_SUBMIT, event: () => new KycSubmitEvent({ applicationUuid: APP }), cancelable: true },
  {
    name: KYC_STATUS_CHANGE,
    event: () => new KycStatusChangeEvent({ applicationUuid: APP, status: 'in_review', rawStatus: 'in_review', previous: 'draft' }),
    cancelable: false,
  },
  { name: KYC_COMPLETE, event: () => new KycCompleteEvent({ applicationUuid: APP, status: 'approved' }), cancelable: false },
  { name: KYC_REJECT, event: () => new KycRejectEvent({ applicationUuid: APP, canCreateNew: true }), cancelable: false },
  { name: KYC_ERROR, event: () => new KycErrorEvent({ code: 'network', message: 'No answer.', recoverable: true }), cancelable: false },
  {
    name: KYC_LIVENESS_READY,
    event: () => new KycLivenessReadyEvent({ applicationUuid: APP, attributeKey: 'sumsub_liveness_check_token' }),
    cancelable: false,
  },
  {
    name: KYC_LIVENESS_COMPLETE,
    event: () => new KycLivenessCompleteEvent({ applicationUuid: APP, attributeKey: 'sumsub_liveness_check_token' }),
    cancelable: false,
  },
  {
    name: KYC_LIVENESS_ERROR,
    event: () => new KycLivenessErrorEvent({ applicationUuid: APP, attributeKey: 'sumsub_liveness_check_token', code: 'invalid-token' }),
    cancelable: false,
  },
];

describe('public events', () => {
  it('cover the names of architecture.md, issue 5 (liveness) and issue 16 (document camera), in kyc-noun-verb form', () => {
    expect(EVENTS.map((entry) => entry.name)).to.deep.equal([
      'kyc-ready',
      'kyc-level-select',
      'kyc-consent',
      'kyc-handoff',
      'kyc-application-create',
      'kyc-step-change',
      'kyc-save',
      'kyc-upload-progress',
      'kyc-capture-start',
      'kyc-capture-result',
      'kyc-signature-request',
      'kyc-submit',
      'kyc-status-change',
      'kyc-complete',
      'kyc-reject',
      'kyc-error',
      'kyc-liveness-ready',
      'kyc-liveness-complete',
      'kyc-liveness-error',
    ]);
  });

  for (const { name, event, cancelable } of EVENTS) {
    it(`${name} bubbles out of a shadow root to the document${cancelable ? ' and can be vetoed' : ''}`, () => {
      const host = document.createElement('div');
      const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
      document.body.append(host);
      const received: Event[] = [];
      const listener = (e: Event) => {
        received.push(e);
        e.preventDefault();
      };
      document.addEventListener(name, listener);
      try {
        const fired = event();
        expect(fired).to.be.instanceOf(CustomEvent);
        expect(fired.type).to.equal(name);
        const notVetoed = inner.dispatchEvent(fired);
        expect(received).to.deep.equal([fired]);
        expect(fired.target, 'retargeted to the host').to.equal(host);
        expect(fired.cancelable).to.equal(cancelable);
        expect(notVetoed).to.equal(!cancelable);
      } finally {
        document.removeEventListener(name, listener);
        host.remove();
      }
    });
  }

  it('carry frozen copies: neither the sender nor a listener can change a detail after the fact', () => {
    for (const { name, event } of EVENTS) {
      const { detail } = event();
      expect(Object.isFrozen(detail), name).to.equal(true);
      for (const value of Object.values(detail)) {
        if (typeof value === 'object' && value !== null) expect(Object.isFrozen(value), name).to.equal(true);
      }
    }
    const keys = ['first_name', 'last_name'];
    const event = new KycSaveEvent({ applicationUuid: APP, keys });
    keys.push('date_of_birth');
    expect(event.detail.keys).to.deep.equal(['first_name', 'last_name']);
    expect(() => (event.detail.keys as string[]).push('x')).to.throw(TypeError);
    expect(() => Object.assign(event.detail, { applicationUuid: 'other' })).to.throw(TypeError);
    expect(keys).to.deep.equal(['first_name', 'last_name', 'date_of_birth']);
  });

  it('kyc-error for a failed call carries its code, message and recoverability only', () => {
    const error = new KycApiError('validation', 'KYC API PATCH /v1/kyc/x/: refused.', {
      status: 400,
      fieldErrors: { phone: ['+371 2000 0009 is not reachable.'] },
    });
    const event = KycErrorEvent.of(error);
    expect(Object.keys(event.detail).sort()).to.deep.equal(['code', 'message', 'recoverable']);
    expect(event.detail).to.deep.equal({ code: 'validation', message: error.message, recoverable: error.recoverable });
  });

  it('are typed on addEventListener through GlobalEventHandlersEventMap', () => {
    const el = document.createElement('div');
    let seen: string | null = null;
    el.addEventListener('kyc-complete', (event) => {
      // Type-checked: `event` is a KycCompleteEvent, so `detail.applicationUuid` is a string.
      seen = event.detail.applicationUuid;
    });
    el.dispatchEvent(new KycCompleteEvent({ applicationUuid: APP, status: 'approved' }));
    expect(seen).to.equal(APP);
  });
});
