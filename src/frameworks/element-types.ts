// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.
//
// Framework-neutral types of the elements: the properties a framework may set, the attributes,
// and the events by name. Types are the elements' own (indexed access), events the classes
// registered in GlobalEventHandlersEventMap (src/events/).
import type { KycOnboarding } from '../components/onboarding/onboarding.js';
import type {} from '../events/events.js';

/** The properties of `<kyc-onboarding>` a framework may set (camelCase, as on the element). */
export interface KycOnboardingProperties {
  /** Base URL of the host endpoint (the partner's proxy), e.g. `/kyc`. Required. */
  endpoint?: KycOnboarding['endpoint'];
  /** Sent as `legal_entity_uuid` (the proxy may overwrite it). */
  legalEntityUuid?: KycOnboarding['legalEntityUuid'];
  /** Sent as `client_uuid` (the proxy may overwrite it). */
  clientUuid?: KycOnboarding['clientUuid'];
  /** Resume this application (otherwise the client's last open one). The host proxy lets a person open only their latest application unless the partner's `authorizeApplication` allows others. */
  applicationUuid?: KycOnboarding['applicationUuid'];
  /** Preselect this level on the level choice. */
  levelUuid?: KycOnboarding['levelUuid'];
  /** URL answering POST with `{token, expires_in?}`, for a bearer token (cross-origin embeds). A page opened from a hand-off link (`#kyc-handoff=…&kyc-application=…`, see the proxy's `handoff`) exchanges the link's single-use token here, and opens its application. */
  tokenEndpoint?: KycOnboarding['tokenEndpoint'];
  /** Gives a bearer token; wins over `token-endpoint`. */
  tokenProvider?: KycOnboarding['tokenProvider'];
  /** Path of the send-code endpoint when the platform's differs from `/v1/signatures/send-code/`. */
  signCodePath?: KycOnboarding['signCodePath'];
  /** What the widget should know of the platform that its guide leaves open: status words, type names, document keys, liveness result words, the upload field, a signed submission, legal document keys (see `KycPlatformProfile`; `npx kyc-onboarding doctor` prints one that fits). */
  platform?: KycOnboarding['platform'];
  /** `light` (default), `dark`, or `auto` (follows the system). */
  theme?: KycOnboarding['theme'];
  /** First interval of the review polling, in milliseconds. */
  pollInterval?: KycOnboarding['pollInterval'];
  /** What the widget schedules by (the review polling, the resend countdown, the wait for Sumsub's check): the system's clock by default. A host or a test that controls time gives its own (`now`, `setTimeout`, `clearTimeout`). */
  clock?: KycOnboarding['clock'];
  /** Per-language overrides of the texts: `{ de: { continue: 'Weiter' } }`, for the widget and every element inside it (one that has `translations` of its own keeps them). */
  translations?: KycOnboarding['translations'];
  /** The host's words for the platform's steps and questions, by language: `{ de: { questions: { first_name: { title: 'Vorname', description: '…' } }, steps: { 'Personal data': { title: 'Angaben zur Person' } } } }` (questions by attribute key, steps by the platform's title). They win over the platform's and the widget's own (which name the guide's documents and the liveness check in the person's language when the platform's words are missing or technical). */
  content?: KycOnboarding['content'];
  /** `on` (default): before the first step of an application nothing was answered in, a welcome says what the person will need (from the level's questions: documents, a phone for codes, a camera), about how long it takes, and links the partner's privacy notice. `off`: straight to the first step (the welcome still comes when `consent` asks for it). */
  welcome?: KycOnboarding['welcome'];
  /** `on` (default): answers the person typed that are valid and need no code are stored two seconds after their last change, so that a reload, a lost connection or a closed tab loses nothing (code-signed answers wait for Continue and the code). `off`: only Continue stores. Either way the browser asks before the page is left while something typed is not stored. */
  autosave?: KycOnboarding['autosave'];
  /** The partner's page that continues on a phone: on a step with documents, at a desk, "Continue on your phone" shows a link to it (and its QR code) carrying a single-use hand-off token, and fires `kyc-handoff`; the phone's widget (on that page, with the same `token-endpoint`) opens the application, and this one goes on once the phone stored the documents. Needs `token-endpoint` and the proxy's `handoff`. */
  handoffUrl?: KycOnboarding['handoffUrl'];
  /** The partner's privacy notice, linked from the welcome (opens in a new tab). */
  privacyUrl?: KycOnboarding['privacyUrl'];
  /** Ask the person's consent on the welcome before anything of theirs (an answer, a file, a code, the liveness check) is sent to the platform; `kyc-consent` is fired when they agree. The value names the term of the consent text in `translations` (e.g. `consent="partnerConsent"` with `{ en: { partnerConsent: '…' } }`); empty, the widget's own text. Or give the text (links allowed) as a child with `slot="consent"`. Asked while the application may be changed, once for each application each time the widget starts: drop the attribute once your backend recorded the consent (the widget goes on, nothing is restarted). */
  consent?: KycOnboarding['consent'];
  /** Largest document file accepted, in bytes (64 MB, Sumsub's limit, by default). */
  maxFileSize?: KycOnboarding['maxFileSize'];
  /** Longest side of a document photo after the fix-up, in pixels. */
  photoMaxSide?: KycOnboarding['photoMaxSide'];
  /** Send document photos exactly as chosen (no turning, scaling or re-encoding). */
  originalPhotos?: KycOnboarding['originalPhotos'];
  /** What a document photo's quality checks (too few pixels, blur, dark, over-exposed, glare, the document cut off or too small) lead to: `warn` (default) says what to fix and lets the person send it; `strict` refuses it until retaken; `off` checks nothing. */
  quality?: KycOnboarding['quality'];
  /** The quality checks' thresholds where yours differ (see `QualityThresholds`: each is optional). */
  qualityThresholds?: KycOnboarding['qualityThresholds'];
  /** "Take a photo" beside a document's file chooser, which opens the camera in the page (with a frame, guidance and auto-capture): `auto` on touch devices only, `always`, or `never`. */
  camera?: KycOnboarding['camera'];
}

/** The attributes of `<kyc-onboarding>` (kebab-case), typed like their properties; what server rendering writes. */
export interface KycOnboardingAttributes {
  /** Base URL of the host endpoint (the partner's proxy), e.g. `/kyc`. Required. */
  endpoint?: KycOnboarding['endpoint'];
  /** Sent as `legal_entity_uuid` (the proxy may overwrite it). */
  'legal-entity-uuid'?: KycOnboarding['legalEntityUuid'];
  /** Sent as `client_uuid` (the proxy may overwrite it). */
  'client-uuid'?: KycOnboarding['clientUuid'];
  /** Resume this application (otherwise the client's last open one). The host proxy lets a person open only their latest application unless the partner's `authorizeApplication` allows others. */
  'application-uuid'?: KycOnboarding['applicationUuid'];
  /** Preselect this level on the level choice. */
  'level-uuid'?: KycOnboarding['levelUuid'];
  /** URL answering POST with `{token, expires_in?}`, for a bearer token (cross-origin embeds). A page opened from a hand-off link (`#kyc-handoff=…&kyc-application=…`, see the proxy's `handoff`) exchanges the link's single-use token here, and opens its application. */
  'token-endpoint'?: KycOnboarding['tokenEndpoint'];
  /** Path of the send-code endpoint when the platform's differs from `/v1/signatures/send-code/`. */
  'sign-code-path'?: KycOnboarding['signCodePath'];
  /** `light` (default), `dark`, or `auto` (follows the system). */
  theme?: KycOnboarding['theme'];
  /** First interval of the review polling, in milliseconds. */
  'poll-interval'?: KycOnboarding['pollInterval'];
  /** `on` (default): before the first step of an application nothing was answered in, a welcome says what the person will need (from the level's questions: documents, a phone for codes, a camera), about how long it takes, and links the partner's privacy notice. `off`: straight to the first step (the welcome still comes when `consent` asks for it). */
  welcome?: KycOnboarding['welcome'];
  /** `on` (default): answers the person typed that are valid and need no code are stored two seconds after their last change, so that a reload, a lost connection or a closed tab loses nothing (code-signed answers wait for Continue and the code). `off`: only Continue stores. Either way the browser asks before the page is left while something typed is not stored. */
  autosave?: KycOnboarding['autosave'];
  /** The partner's page that continues on a phone: on a step with documents, at a desk, "Continue on your phone" shows a link to it (and its QR code) carrying a single-use hand-off token, and fires `kyc-handoff`; the phone's widget (on that page, with the same `token-endpoint`) opens the application, and this one goes on once the phone stored the documents. Needs `token-endpoint` and the proxy's `handoff`. */
  'handoff-url'?: KycOnboarding['handoffUrl'];
  /** The partner's privacy notice, linked from the welcome (opens in a new tab). */
  'privacy-url'?: KycOnboarding['privacyUrl'];
  /** Ask the person's consent on the welcome before anything of theirs (an answer, a file, a code, the liveness check) is sent to the platform; `kyc-consent` is fired when they agree. The value names the term of the consent text in `translations` (e.g. `consent="partnerConsent"` with `{ en: { partnerConsent: '…' } }`); empty, the widget's own text. Or give the text (links allowed) as a child with `slot="consent"`. Asked while the application may be changed, once for each application each time the widget starts: drop the attribute once your backend recorded the consent (the widget goes on, nothing is restarted). */
  consent?: KycOnboarding['consent'];
  /** Largest document file accepted, in bytes (64 MB, Sumsub's limit, by default). */
  'max-file-size'?: KycOnboarding['maxFileSize'];
  /** Longest side of a document photo after the fix-up, in pixels. */
  'photo-max-side'?: KycOnboarding['photoMaxSide'];
  /** Send document photos exactly as chosen (no turning, scaling or re-encoding). */
  'original-photos'?: KycOnboarding['originalPhotos'];
  /** What a document photo's quality checks (too few pixels, blur, dark, over-exposed, glare, the document cut off or too small) lead to: `warn` (default) says what to fix and lets the person send it; `strict` refuses it until retaken; `off` checks nothing. */
  quality?: KycOnboarding['quality'];
  /** "Take a photo" beside a document's file chooser, which opens the camera in the page (with a frame, guidance and auto-capture): `auto` on touch devices only, `always`, or `never`. */
  camera?: KycOnboarding['camera'];
}

/** The events `<kyc-onboarding>` fires (bubbling, composed), by name. */
export interface KycOnboardingEventMap {
  /** The first load is done. Detail: `{applicationUuid, levelUuid, status}`. */
  'kyc-ready': GlobalEventHandlersEventMap['kyc-ready'];
  /** The person chose a level. Detail: `{levelUuid}`. */
  'kyc-level-select': GlobalEventHandlersEventMap['kyc-level-select'];
  /** The person continues on their phone: the link is shown. Detail: `{applicationUuid, url}` (the url is a key: never log it). */
  'kyc-handoff': GlobalEventHandlersEventMap['kyc-handoff'];
  /** The person agreed to the consent text (`consent`), before anything of theirs was sent. Detail: `{applicationUuid, levelUuid}`. */
  'kyc-consent': GlobalEventHandlersEventMap['kyc-consent'];
  /** An application was created. Detail: `{applicationUuid, levelUuid}`. */
  'kyc-application-create': GlobalEventHandlersEventMap['kyc-application-create'];
  /** The person moves to another step (cancelable). Detail: `{from, to, total}`. */
  'kyc-step-change': GlobalEventHandlersEventMap['kyc-step-change'];
  /** Answers were stored. Detail: `{applicationUuid, keys}`. */
  'kyc-save': GlobalEventHandlersEventMap['kyc-save'];
  /** A one-time code was sent to the person. Detail: `{applicationUuid, provider, keys}`. */
  'kyc-signature-request': GlobalEventHandlersEventMap['kyc-signature-request'];
  /** The person sends the application to review (cancelable). Detail: `{applicationUuid}`. */
  'kyc-submit': GlobalEventHandlersEventMap['kyc-submit'];
  /** The application's status changed. Detail: `{applicationUuid, status, rawStatus, previous}`. */
  'kyc-status-change': GlobalEventHandlersEventMap['kyc-status-change'];
  /** The application was approved. Detail: `{applicationUuid, status}`. */
  'kyc-complete': GlobalEventHandlersEventMap['kyc-complete'];
  /** The application was rejected (final). Detail: `{applicationUuid, canCreateNew}`. */
  'kyc-reject': GlobalEventHandlersEventMap['kyc-reject'];
  /** Sumsub's check is on screen. Detail: `{applicationUuid, attributeKey}`. */
  'kyc-liveness-ready': GlobalEventHandlersEventMap['kyc-liveness-ready'];
  /** Sumsub says the person finished; the platform is asked. Detail: `{applicationUuid, attributeKey}`. */
  'kyc-liveness-complete': GlobalEventHandlersEventMap['kyc-liveness-complete'];
  /** Sumsub reported an error. Detail: `{applicationUuid, attributeKey, code}`. */
  'kyc-liveness-error': GlobalEventHandlersEventMap['kyc-liveness-error'];
  /** Bytes of a document upload sent. Detail: `{attributeKey, loaded, total}`. */
  'kyc-upload-progress': GlobalEventHandlersEventMap['kyc-upload-progress'];
  /** The document camera's picture shows. Detail: `{attributeKey, shape, side}`. */
  'kyc-capture-start': GlobalEventHandlersEventMap['kyc-capture-start'];
  /** The document camera took a photo and checked it (no image data). Detail: `{attributeKey, shape, side, auto, problems, accepted}`. */
  'kyc-capture-result': GlobalEventHandlersEventMap['kyc-capture-result'];
  /** Something failed; the person was told. Detail: `{code, message, recoverable, correlationId?}`. */
  'kyc-error': GlobalEventHandlersEventMap['kyc-error'];
}

/** Handlers named `on` + the event's name, the way React 19 and Preact bind custom events (`onkyc-ready`). */
export interface KycOnboardingEventHandlers {
  /** The first load is done. Detail: `{applicationUuid, levelUuid, status}`. */
  'onkyc-ready'?: (event: GlobalEventHandlersEventMap['kyc-ready']) => void;
  /** The person chose a level. Detail: `{levelUuid}`. */
  'onkyc-level-select'?: (event: GlobalEventHandlersEventMap['kyc-level-select']) => void;
  /** The person continues on their phone: the link is shown. Detail: `{applicationUuid, url}` (the url is a key: never log it). */
  'onkyc-handoff'?: (event: GlobalEventHandlersEventMap['kyc-handoff']) => void;
  /** The person agreed to the consent text (`consent`), before anything of theirs was sent. Detail: `{applicationUuid, levelUuid}`. */
  'onkyc-consent'?: (event: GlobalEventHandlersEventMap['kyc-consent']) => void;
  /** An application was created. Detail: `{applicationUuid, levelUuid}`. */
  'onkyc-application-create'?: (event: GlobalEventHandlersEventMap['kyc-application-create']) => void;
  /** The person moves to another step (cancelable). Detail: `{from, to, total}`. */
  'onkyc-step-change'?: (event: GlobalEventHandlersEventMap['kyc-step-change']) => void;
  /** Answers were stored. Detail: `{applicationUuid, keys}`. */
  'onkyc-save'?: (event: GlobalEventHandlersEventMap['kyc-save']) => void;
  /** A one-time code was sent to the person. Detail: `{applicationUuid, provider, keys}`. */
  'onkyc-signature-request'?: (event: GlobalEventHandlersEventMap['kyc-signature-request']) => void;
  /** The person sends the application to review (cancelable). Detail: `{applicationUuid}`. */
  'onkyc-submit'?: (event: GlobalEventHandlersEventMap['kyc-submit']) => void;
  /** The application's status changed. Detail: `{applicationUuid, status, rawStatus, previous}`. */
  'onkyc-status-change'?: (event: GlobalEventHandlersEventMap['kyc-status-change']) => void;
  /** The application was approved. Detail: `{applicationUuid, status}`. */
  'onkyc-complete'?: (event: GlobalEventHandlersEventMap['kyc-complete']) => void;
  /** The application was rejected (final). Detail: `{applicationUuid, canCreateNew}`. */
  'onkyc-reject'?: (event: GlobalEventHandlersEventMap['kyc-reject']) => void;
  /** Sumsub's check is on screen. Detail: `{applicationUuid, attributeKey}`. */
  'onkyc-liveness-ready'?: (event: GlobalEventHandlersEventMap['kyc-liveness-ready']) => void;
  /** Sumsub says the person finished; the platform is asked. Detail: `{applicationUuid, attributeKey}`. */
  'onkyc-liveness-complete'?: (event: GlobalEventHandlersEventMap['kyc-liveness-complete']) => void;
  /** Sumsub reported an error. Detail: `{applicationUuid, attributeKey, code}`. */
  'onkyc-liveness-error'?: (event: GlobalEventHandlersEventMap['kyc-liveness-error']) => void;
  /** Bytes of a document upload sent. Detail: `{attributeKey, loaded, total}`. */
  'onkyc-upload-progress'?: (event: GlobalEventHandlersEventMap['kyc-upload-progress']) => void;
  /** The document camera's picture shows. Detail: `{attributeKey, shape, side}`. */
  'onkyc-capture-start'?: (event: GlobalEventHandlersEventMap['kyc-capture-start']) => void;
  /** The document camera took a photo and checked it (no image data). Detail: `{attributeKey, shape, side, auto, problems, accepted}`. */
  'onkyc-capture-result'?: (event: GlobalEventHandlersEventMap['kyc-capture-result']) => void;
  /** Something failed; the person was told. Detail: `{code, message, recoverable, correlationId?}`. */
  'onkyc-error'?: (event: GlobalEventHandlersEventMap['kyc-error']) => void;
}
