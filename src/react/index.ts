// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.
//
// `<kyc-onboarding>` as a React component for React 18 and earlier, which set every prop of a
// custom element as a string attribute and cannot listen to its events: @lit/react's
// `createComponent` sets properties on the element and maps `onKycReady`-style props to
// listeners (one listener per event, updated in place: StrictMode's double effects add none).
// React 19 needs no wrapper (`kyc-onboarding/react-jsx`).
//
// Importing it registers `<kyc-onboarding>` in a browser (the guarded define: a second copy of
// the widget warns instead of throwing). On a server (Lit's `isServer`: Node, SSR) it registers
// nothing, not even in the registry Lit's Node build provides, and touches no window or document.
import { createComponent, type EventName } from '@lit/react';
import { isServer } from 'lit';
import * as React from 'react';
import { KycOnboarding as KycOnboardingElement, defineKycElements } from '../index.js';

if (!isServer) defineKycElements();

/** `<kyc-onboarding>` for React ≤ 18: properties as props, events as `on` + PascalCase props (`onKycReady`). */
export const KycOnboarding = createComponent({
  react: React,
  tagName: 'kyc-onboarding',
  elementClass: KycOnboardingElement,
  displayName: 'KycOnboarding',
  events: {
    /** The first load is done. Detail: `{applicationUuid, levelUuid, status}`. */
    onKycReady: 'kyc-ready' as EventName<GlobalEventHandlersEventMap['kyc-ready']>,
    /** The person chose a level. Detail: `{levelUuid}`. */
    onKycLevelSelect: 'kyc-level-select' as EventName<GlobalEventHandlersEventMap['kyc-level-select']>,
    /** The person continues on their phone: the link is shown. Detail: `{applicationUuid, url}` (the url is a key: never log it). */
    onKycHandoff: 'kyc-handoff' as EventName<GlobalEventHandlersEventMap['kyc-handoff']>,
    /** The person agreed to the consent text (`consent`), before anything of theirs was sent. Detail: `{applicationUuid, levelUuid}`. */
    onKycConsent: 'kyc-consent' as EventName<GlobalEventHandlersEventMap['kyc-consent']>,
    /** An application was created. Detail: `{applicationUuid, levelUuid}`. */
    onKycApplicationCreate: 'kyc-application-create' as EventName<GlobalEventHandlersEventMap['kyc-application-create']>,
    /** The person moves to another step (cancelable). Detail: `{from, to, total}`. */
    onKycStepChange: 'kyc-step-change' as EventName<GlobalEventHandlersEventMap['kyc-step-change']>,
    /** Answers were stored. Detail: `{applicationUuid, keys}`. */
    onKycSave: 'kyc-save' as EventName<GlobalEventHandlersEventMap['kyc-save']>,
    /** A one-time code was sent to the person. Detail: `{applicationUuid, provider, keys}`. */
    onKycSignatureRequest: 'kyc-signature-request' as EventName<GlobalEventHandlersEventMap['kyc-signature-request']>,
    /** The person sends the application to review (cancelable). Detail: `{applicationUuid}`. */
    onKycSubmit: 'kyc-submit' as EventName<GlobalEventHandlersEventMap['kyc-submit']>,
    /** The application's status changed. Detail: `{applicationUuid, status, rawStatus, previous}`. */
    onKycStatusChange: 'kyc-status-change' as EventName<GlobalEventHandlersEventMap['kyc-status-change']>,
    /** The application was approved. Detail: `{applicationUuid, status}`. */
    onKycComplete: 'kyc-complete' as EventName<GlobalEventHandlersEventMap['kyc-complete']>,
    /** The application was rejected (final). Detail: `{applicationUuid, canCreateNew}`. */
    onKycReject: 'kyc-reject' as EventName<GlobalEventHandlersEventMap['kyc-reject']>,
    /** Sumsub's check is on screen. Detail: `{applicationUuid, attributeKey}`. */
    onKycLivenessReady: 'kyc-liveness-ready' as EventName<GlobalEventHandlersEventMap['kyc-liveness-ready']>,
    /** Sumsub says the person finished; the platform is asked. Detail: `{applicationUuid, attributeKey}`. */
    onKycLivenessComplete: 'kyc-liveness-complete' as EventName<GlobalEventHandlersEventMap['kyc-liveness-complete']>,
    /** Sumsub reported an error. Detail: `{applicationUuid, attributeKey, code}`. */
    onKycLivenessError: 'kyc-liveness-error' as EventName<GlobalEventHandlersEventMap['kyc-liveness-error']>,
    /** Bytes of a document upload sent. Detail: `{attributeKey, loaded, total}`. */
    onKycUploadProgress: 'kyc-upload-progress' as EventName<GlobalEventHandlersEventMap['kyc-upload-progress']>,
    /** The document camera's picture shows. Detail: `{attributeKey, shape, side}`. */
    onKycCaptureStart: 'kyc-capture-start' as EventName<GlobalEventHandlersEventMap['kyc-capture-start']>,
    /** The document camera took a photo and checked it (no image data). Detail: `{attributeKey, shape, side, auto, problems, accepted}`. */
    onKycCaptureResult: 'kyc-capture-result' as EventName<GlobalEventHandlersEventMap['kyc-capture-result']>,
    /** Something failed; the person was told. Detail: `{code, message, recoverable, correlationId?}`. */
    onKycError: 'kyc-error' as EventName<GlobalEventHandlersEventMap['kyc-error']>,
  },
});
