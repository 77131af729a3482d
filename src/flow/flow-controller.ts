import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  KycApiError,
  type KycAttributeChange,
  type KycApplication,
  type KycAttribute,
  type KycApplicationQuestion,
  type KycClient,
  type KycLevel,
  type KycLevelInfo,
  type KycSignCodes,
  type KycSignProvider,
  type KycStatus,
} from '../api/index.js';
import {
  KycApplicationCreateEvent,
  KycCompleteEvent,
  KycConsentEvent,
  KycHandoffEvent,
  KycErrorEvent,
  KycLevelSelectEvent,
  KycReadyEvent,
  KycRejectEvent,
  KycSaveEvent,
  KycSignatureRequestEvent,
  KycStatusChangeEvent,
  KycStepChangeEvent,
  KycSubmitEvent,
} from '../events/events.js';
import { Autosave, AUTOSAVE_AFTER_MS } from './autosave.js';
import { Documents } from './documents.js';
import { hasVerificationProblem, isLiveness, isLivenessDone } from '../internal/answer.js';
import { livenessPending, withLivenessResult } from './liveness.js';
import { createdDespite, savedDespite, sentDespite } from './lost-answers.js';
import { Poller } from './poller.js';
import { ReferenceData } from './reference-data.js';
import { isProvider, signatureGroups, type SignatureRequest } from './signatures.js';
import { recallRevised, recallStep, rememberRevised, rememberStep } from './tab-memory.js';
import { SLOW_AFTER_MS, systemClock, type KycClock } from '../internal/clock.js';

/** Where the person is in the flow. */
export type FlowScreen =
  | { name: 'loading' }
  /** Nothing could be loaded; `retry()` starts again. */
  | { name: 'failed'; error: KycApiError }
  /** The platform lets this client create no application, and none is open. */
  | { name: 'not-allowed' }
  | { name: 'levels'; levels: KycLevel[]; currentLevel: KycLevel | null }
  /** Before the first step: what the person will need, how long it takes, and the host's consent. */
  | { name: 'welcome' }
  | { name: 'step'; index: number }
  | { name: 'review' }
  /** Sent: waiting for the reviewer (the application is polled). */
  | { name: 'waiting' }
  | { name: 'outcome'; status: 'approved' | 'rejected' | 'unknown' };

/**
 * A problem listed in the error summary: the question it concerns (when the step shows it) and
 * its message; `error` instead of a message: say that failure (a refusal naming no answer).
 */
export interface FlowProblem {
  key: string | null;
  title: string | null;
  message: string | null;
  error?: KycApiError;
}

/** What the flow is doing in the background (the UI shows it and disables what it must). */
export type FlowBusy = 'loading' | 'creating' | 'saving' | 'sending-code' | 'submitting' | null;

/** Options of {@link FlowController}. */
export interface FlowOptions {
  /** Resume this application instead of the client's last one. */
  applicationUuid?: string | null;
  /** First interval of the review polling, in ms (it grows while nothing changes). */
  pollIntervalMs?: number;
  /** What the polling is scheduled by. Default: the system's clock. */
  clock?: KycClock;
  /** Say what the person will need before the first step of an application nothing was answered in. */
  welcome?: boolean;
  /** Store valid answers that need no code as the person goes ({@link AUTOSAVE_AFTER_MS} after the last change). */
  autosave?: boolean;
  /**
   * Ask the host's consent before anything of the person's (an answer, a file, a code, a liveness
   * check) is sent: on every application that may still be changed, once for each application per start of the flow.
   */
  consent?: boolean;
}

/**
 * What the flow needs of its host: Lit's controller host, where it fires its events, connected or
 * not. An element in the page; in tests (Node) an object that says so.
 */
export type FlowControllerHost = ReactiveControllerHost & EventTarget & { readonly isConnected: boolean };

const EDITABLE_STATUSES: ReadonlySet<KycStatus> = new Set(['draft', 'pending']);

export { SLOW_AFTER_MS };

export { AUTOSAVE_AFTER_MS };

/**
 * The onboarding flow's state and its moves: level choice → application → steps → review →
 * send to review → outcome, with signatures, resumption and review polling. Owned by
 * `<kyc-onboarding>`; the elements render what it holds and call its methods. It fires the
 * public events on its host, with no personal data in any detail.
 *
 * Nothing typed is lost: answers live in `drafts` until the platform has stored them, whatever
 * fails in between.
 */
export class FlowController implements ReactiveController {
  screen: FlowScreen = { name: 'loading' };
  levelInfo: KycLevelInfo | null = null;
  application: KycApplication | null = null;
  /** Answers typed but not stored yet, by attribute key. */
  readonly drafts = new Map<string, string>();
  /** Validation messages from the platform's last refusal, by attribute key. */
  fieldErrors: Record<string, string[]> = {};
  /** The last error that did not stop the flow (a failed save, a wrong code), or null. */
  notice: KycApiError | null = null;
  signature: SignatureRequest | null = null;
  busy: FlowBusy = null;
  /**
   * The submission found answers typed but not stored, and brought the person to their step:
   * the UI says so (Continue stores them). Cleared by the next move.
   */
  unsavedAnswers = false;
  /**
   * The error summary of the step: what its questions' own checks found when the person pressed
   * Continue, or the platform's refusal of the step's answers. A new array each time it is
   * filled; emptied by a move to another screen.
   */
  summary: readonly FlowProblem[] = [];
  /**
   * The first load has waited {@link SLOW_AFTER_MS} and goes on trying: the person is told, and
   * may stop waiting ({@link stopWaiting}).
   */
  slow = false;
  /**
   * The step's documents were stored, and Sumsub's diagnostics, read once after, have a note on
   * one of them: the person stays on the step to read it (Continue goes on). Cleared by a move.
   */
  documentNote = false;
  /**
   * The person continues on their phone: the link shown for this step (a single-use hand-off
   * token in its fragment), and whether its token has expired (the link opens nothing any more; a
   * phone that opened it in time goes on). The platform is watched, and the flow goes on once the
   * step's documents are stored. Cleared by a move.
   */
  handoff: { url: string; expired: boolean } | null = null;
  /** When the hand-off link's token expires (on the flow's clock). */
  #handoffExpiry: unknown = undefined;
  /** The applications the person agreed to the host's consent text for, since the flow started. */
  readonly #consents = new Set<string>();

  /** Whether the person agreed to the host's consent text for the application shown (see {@link FlowOptions.consent}). */
  get consented(): boolean {
    return this.application !== null && this.#consents.has(this.application.uuid);
  }
  /** The level the person picked on the level choice (before pressing Start), or null. */
  chosenLevel: string | null = null;
  /** The documents of the application: files chosen, "no back side", their making on Continue. */
  readonly documents: Documents;
  /** Options and legal documents, read once for the questions and the review. */
  readonly referenceData = new ReferenceData();
  /**
   * Titles of the stored answers, by attribute key then value (options and legal documents), for
   * the review: read when it opens (a key missing here is shown as stored).
   */
  labels: Record<string, Record<string, string>> = {};

  readonly #host: FlowControllerHost;
  #client: KycClient | null = null;
  #options: FlowOptions = {};
  /** Aborts whatever the flow has in flight (on disconnect, or when it starts again). */
  #abort = new AbortController();
  /** The reads of the platform while the flow waits on it. */
  readonly #poller = new Poller(() => void this.#poll());
  /** A poll is in flight (the visibility handler and the timer must not both ask). */
  #polling = false;
  /** Asked to check while a poll was on its way: check again once it is back. */
  #askAgain = false;
  /** The last poll failed (its notice is the polling's, cleared by the next answer). */
  #pollFailed = false;
  #started = false;
  /** Answers stored as the person goes (see {@link FlowOptions.autosave}). */
  readonly #autosave = new Autosave({
    clock: () => this.#clock,
    idle: () => this.editable && !this.busy && !this.signature && !this.awaitingConsent,
    changesOf: (keys) => this.#unsignedDrafts(keys),
    store: (changes, outlive) => this.#storeAsTyped(changes, outlive),
  });
  /** The application whose welcome the person went past (it is not shown again for it). */
  #welcomed: string | null = null;
  /** Answers changed since the reviewer's remarks on them: the remarks no longer apply. */
  readonly #revised = new Set<string>();
  /**
   * The page whose visibility the polling follows, while connected; none outside a browser (server
   * rendering, Node), where the flow polls as if the page were always shown.
   */
  #page: Document | null = null;

  constructor(host: FlowControllerHost) {
    this.#host = host;
    this.documents = new Documents({
      client: () => this.#client,
      events: host,
      valueOf: (question) => this.valueOf(question.attribute) ?? '',
      setAnswer: (key, value) => this.setAnswer(key, value),
      changed: () => host.requestUpdate(),
    });
    host.addController(this);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  hostConnected(): void {
    this.#page = typeof document === 'undefined' ? null : document;
    this.#page?.addEventListener('visibilitychange', this.#onVisibility);
    if (this.#client && !this.#started) void this.start(this.#client, this.#options);
  }

  hostDisconnected(): void {
    this.#page?.removeEventListener('visibilitychange', this.#onVisibility);
    this.#page = null;
    this.#poller.stop();
    this.#clock.clearTimeout(this.#handoffExpiry);
    this.#autosave.flush(true); // what waits for the pause goes now, whatever else is stopped
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#started = false;
    this.documents.reset(); // uploads in flight stop with the rest
  }

  // ── reading the state ─────────────────────────────────────────────────────

  /** The questionnaire's steps (none before an application exists). */
  get steps() {
    return this.application?.steps ?? [];
  }

  /** Whether answers may be changed (draft, or returned for correction). */
  get editable(): boolean {
    return this.application !== null && EDITABLE_STATUSES.has(this.application.status);
  }

  /** The question that asks for an attribute, on whichever step. */
  questionOf(key: string): KycApplicationQuestion | undefined {
    for (const step of this.steps) for (const question of step.questions) if (question.attribute.key === key) return question;
    return undefined;
  }

  /** The index of the step that asks for an attribute, or null. */
  stepOf(key: string): number | null {
    return this.#firstStepWhere((attribute) => attribute.key === key);
  }

  /** Whether the person typed or chose something the platform does not hold yet (leaving would lose it). */
  get unsaved(): boolean {
    return this.editable && (this.drafts.size > 0 || this.documents.unsaved);
  }

  /** The answer as the person sees it: typed, else stored. */
  valueOf(attribute: KycAttribute): string | null {
    return this.drafts.get(attribute.key) ?? attribute.value;
  }

  /**
   * Whether something required of an answer is not done: the answer (typed or stored), or a
   * liveness check the platform does not say is done.
   */
  isMissing(attribute: KycAttribute): boolean {
    if (isLiveness(attribute)) return attribute.required && !isLivenessDone(attribute);
    return attribute.required && !attribute.readOnly && !this.valueOf(attribute);
  }

  /** The questions whose required answer or check is not done, in the order they are asked: the platform would refuse the application. */
  get missing(): KycApplicationQuestion[] {
    return this.steps.flatMap((step) => step.questions.filter((question) => this.isMissing(question.attribute)));
  }

  /**
   * Messages on an answer: the platform's last refusal, else the reviewer's remarks (until the
   * answer is changed and stored).
   */
  errorsOf(attribute: KycAttribute): string[] {
    return this.fieldErrors[attribute.key] ?? (this.#revised.has(attribute.key) ? [] : attribute.errors);
  }

  // ── moves ─────────────────────────────────────────────────────────────────

  /**
   * Loads the client's situation and shows where it stands: the application to resume, the level
   * choice, the outcome, or why nothing can be done. Called by the host when it has a client.
   */
  async start(client: KycClient, options: FlowOptions = {}): Promise<void> {
    this.#client = client;
    this.#options = options;
    this.#poller.configure(options.clock, options.pollIntervalMs);
    if (!this.#host.isConnected) return; // started on connection
    this.#started = true;
    this.#poller.stop();
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#set({ screen: { name: 'loading' }, busy: 'loading', notice: null, slow: false });
    const clock = options.clock ?? systemClock;
    const slowTimer = clock.setTimeout(() => this.#set({ slow: true }), SLOW_AFTER_MS);
    const signal = this.#abort.signal;
    try {
      const info = await client.getLevelInfo({ signal });
      if (signal.aborted) return;
      this.levelInfo = info;
      const uuid = options.applicationUuid ?? info.lastKycApplicationUuid;
      const application = uuid ? await client.getApplication(uuid, { emptyVolatileFields: true, signal }) : null;
      if (signal.aborted) return;
      if (application?.uuid !== this.application?.uuid) {
        // Another application than the one on screen: nothing of that one may leak into it.
        this.#forgetAnswers();
        this.#revised.clear();
      }
      this.application = null;
      this.#set({ busy: null });
      // An open application is resumed, a rejected one shown (a new one is offered from there);
      // after an approval the next level is offered, unless that application was asked for.
      const upgrade = application?.status === 'approved' && info.allowedToCreateKycApplication && uuid !== options.applicationUuid;
      const shown = application && !upgrade ? application : null;
      if (shown) this.#show(shown, null);
      else this.#showLevels();
      this.#host.dispatchEvent(
        new KycReadyEvent({
          applicationUuid: shown?.uuid ?? null,
          levelUuid: shown?.kycLevel?.uuid ?? null,
          status: shown?.status ?? null,
        }),
      );
    } catch (error) {
      // Stopped (the person stopped waiting, or the flow started again): whatever came back is not shown.
      if (this.#aborted(error) || signal.aborted) return;
      const failure = asApiError(error);
      this.#set({ screen: { name: 'failed', error: failure }, busy: null });
      this.#report(failure);
    } finally {
      clock.clearTimeout(slowTimer);
      if (this.slow) this.#set({ slow: false });
    }
  }

  /**
   * Changes what the welcome, the consent and the autosave do, without starting again: a host that
   * recorded the consent may drop it, and nothing in flight is stopped.
   */
  configure(options: Pick<FlowOptions, 'welcome' | 'consent' | 'autosave'>): void {
    this.#options = { ...this.#options, ...options };
    if (!options.autosave) this.#autosave.cancel();
  }

  /**
   * Stops waiting for a first load that takes long: what is in flight is dropped, and the failure
   * is shown with its Try again (reported once, as a timeout).
   */
  stopWaiting(): void {
    if (this.screen.name !== 'loading') return;
    this.#abort.abort();
    this.#abort = new AbortController();
    const failure = new KycApiError('timeout', 'The person stopped waiting for the platform to answer.');
    this.#set({ screen: { name: 'failed', error: failure }, busy: null, slow: false });
    this.#report(failure);
  }

  /** Starts again from the level info (after a failure, or to leave an outcome). */
  retry(): Promise<void> {
    return this.#client ? this.start(this.#client, this.#options) : Promise.resolve();
  }

  /** Picks a level on the level choice (nothing is sent before {@link selectLevel}). */
  chooseLevel(levelUuid: string): void {
    this.chosenLevel = levelUuid;
    this.#host.requestUpdate();
  }

  /** Creates an application for a level and opens its first step. */
  async selectLevel(levelUuid: string): Promise<void> {
    if (this.busy) return;
    const client = this.#requireClient();
    this.#host.dispatchEvent(new KycLevelSelectEvent({ levelUuid }));
    this.#set({ busy: 'creating', notice: null });
    const before = this.levelInfo?.lastKycApplicationUuid ?? null;
    try {
      const signal = this.#abort.signal;
      // An answer lost after the platform created it must not lead to a second application.
      const application = await client
        .createApplication(levelUuid, { signal })
        .catch((error: unknown) => createdDespite(error, client, before, signal));
      this.#forgetAnswers();
      this.#host.dispatchEvent(new KycApplicationCreateEvent({ applicationUuid: application.uuid, levelUuid }));
      this.levelInfo = this.levelInfo && { ...this.levelInfo, lastKycApplicationUuid: application.uuid };
      this.#set({ busy: null });
      this.#show(application, null);
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * Keeps what the person typed. With `valid` (what the question's own checks say of it), a valid
   * answer that needs no code is stored {@link AUTOSAVE_AFTER_MS} after the person's last change;
   * without, nothing is sent before Continue.
   */
  setAnswer(key: string, value: string, valid?: boolean): void {
    const stored = this.questionOf(key)?.attribute?.value ?? null;
    if (value === (stored ?? '')) this.drafts.delete(key);
    else this.drafts.set(key, value);
    if (valid !== undefined && this.#options.autosave) this.#autosave.changed(key, valid);
    if (this.fieldErrors[key]) {
      const { [key]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
    this.#host.requestUpdate();
  }

  /** Goes to a step without saving (Back, the progress indicator, "Change" on the review). */
  goToStep(index: number): void {
    if (index < 0 || index >= this.steps.length || this.awaitingConsent) return;
    this.#moveTo({ name: 'step', index });
  }

  /** Goes back one step, or from the review to the last step. */
  back(): void {
    const { screen } = this;
    if (screen.name === 'step' && screen.index > 0) this.goToStep(screen.index - 1);
    else if (screen.name === 'review') this.goToStep(this.steps.length - 1);
  }

  /**
   * Saves the current step's changed answers (only those) and moves on: to the next step, or to
   * the review after the last. The step's documents are made first from the files uploaded for
   * them; answers that need a signature open the signature request first.
   */
  async continue(): Promise<void> {
    const { screen } = this;
    if (screen.name !== 'step' || this.busy) return;
    // Continue stores what is left; a store of answers on its way comes first.
    this.#autosave.cancel();
    if (this.#autosave.running) await this.#autosave.running;
    if (this.screen !== screen || this.busy) return;
    const questions = this.steps[screen.index]?.questions ?? [];
    if (questions.some((question) => question.attribute.type === 'document')) {
      this.#set({ busy: 'saving', notice: null });
      const ready = await this.documents.make(questions).catch(() => false);
      this.#set({ busy: null });
      if (!ready || this.screen !== screen) return;
    }
    const changes = this.#changesOf(screen.index);
    if (changes.length === 0 || !this.editable) {
      this.#advanceFrom(screen.index);
      return;
    }
    const groups = signatureGroups(changes.map(({ key }) => this.questionOf(key)!.attribute));
    if (groups.length > 0) {
      this.#askSignature(
        'save',
        groups,
        changes.map(({ key }) => key),
      );
      return;
    }
    await this.#save(screen.index, changes, {});
  }

  /**
   * Lists the problems the step's questions found when the person pressed Continue (nothing is
   * sent): the error summary shows them.
   */
  showProblems(problems: readonly FlowProblem[]): void {
    if (this.screen.name !== 'step' || problems.length === 0) return;
    this.#set({ summary: [...problems] });
  }

  /**
   * "Continue on your phone": asks the token endpoint for a hand-off token and shows the link to
   * `pageUrl` (the host's `handoff-url`) with it and the application in its fragment; fires
   * `kyc-handoff`; then watches the platform until the step's documents are stored.
   */
  async startHandoff(pageUrl: string): Promise<void> {
    const { screen, application } = this;
    if (screen.name !== 'step' || !application || this.busy) return;
    try {
      const { token, expiresIn } = await this.#requireClient().requestHandoff();
      if (this.screen !== screen) return;
      const url = new URL(pageUrl, typeof location === 'undefined' ? undefined : location.href);
      url.hash = new URLSearchParams({ 'kyc-handoff': token, 'kyc-application': application.uuid }).toString();
      this.#set({ handoff: { url: url.href, expired: false }, notice: null });
      this.#expireHandoff(url.href, expiresIn);
      this.#host.dispatchEvent(new KycHandoffEvent({ applicationUuid: application.uuid, url: url.href }));
      this.#poller.reset();
      this.#poller.schedule();
    } catch (error) {
      this.#fail(error);
    }
  }

  /** What the flow schedules by: the host's clock, else the system's. */
  get #clock(): KycClock {
    return this.#options.clock ?? systemClock;
  }

  /** Marks the link expired when its token does (`seconds` from now, as the token endpoint said). */
  #expireHandoff(url: string, seconds: number | null): void {
    this.#clock.clearTimeout(this.#handoffExpiry);
    this.#handoffExpiry = undefined;
    if (seconds === null) return;
    this.#handoffExpiry = this.#clock.setTimeout(() => {
      if (this.handoff?.url === url) this.#set({ handoff: { url, expired: true } });
    }, seconds * 1000);
  }

  /** Closes the hand-off: the person goes on here. */
  stopHandoff(): void {
    this.#clock.clearTimeout(this.#handoffExpiry);
    this.#set({ handoff: null });
    if (!this.#watching()) this.#poller.stop();
  }

  /** Opens the review of every answer. */
  review(): void {
    if (this.awaitingConsent) return;
    this.#moveTo({ name: 'review' });
  }

  /** Whether the host's consent must be given before the person's answers may be reached. */
  get awaitingConsent(): boolean {
    return (this.#options.consent ?? false) && !this.consented && this.editable;
  }

  /**
   * From the welcome: the person starts (and, when the host asks for it, agrees: `kyc-consent` is
   * fired). On to where the application stands: its first step not done.
   */
  begin(): void {
    const application = this.application;
    if (this.screen.name !== 'welcome' || !application) return;
    this.#welcomed = application.uuid;
    if (this.#options.consent && !this.consented) {
      this.#consents.add(application.uuid);
      this.#host.dispatchEvent(new KycConsentEvent({ applicationUuid: application.uuid, levelUuid: application.kycLevel?.uuid ?? null }));
    }
    // As if the application had just been opened there (no step change: the person was on none).
    this.#moveTo(this.#resumeScreen(application), false);
  }

  /**
   * Sends a one-time code with a provider; `destination` (phone or e-mail) when the person typed
   * it for this request.
   */
  async sendCode(provider: KycSignProvider, destination?: string): Promise<boolean> {
    const client = this.#requireClient();
    const request = this.signature;
    const application = this.application;
    if (!request || !application) return false;
    this.#set({ busy: 'sending-code', notice: null });
    try {
      const to = destination ?? request.destinations[provider];
      await client.sendSignCode({
        objectUuid: application.uuid,
        providerType: provider,
        ...(to ? { destination: to } : {}),
        signal: this.#abort.signal,
      });
      // Cancelled (or replaced) while the code was on its way: it stays closed.
      if (this.signature !== request) {
        this.#set({ busy: null });
        return false;
      }
      this.#set({ busy: null, signature: { ...request, sentWith: provider } });
      this.#host.dispatchEvent(new KycSignatureRequestEvent({ applicationUuid: application.uuid, provider, keys: request.keys }));
      return true;
    } catch (error) {
      this.#fail(error, true);
      return false;
    }
  }

  /**
   * Takes the code of the current group. A save stores at once the answers this code signs (and
   * those needing none), so that a wrong code is said as soon as it is typed, not after the
   * person typed every other one; the next group is asked for what is left. A submission (or a
   * refusal naming codes no answer takes) waits for every group, then is repeated signed with all.
   */
  async confirmCode(code: string): Promise<void> {
    const request = this.signature;
    const screen = this.screen;
    if (!request?.sentWith) return;
    if (request.purpose === 'save' && screen.name === 'step') {
      const provider = request.sentWith;
      const signed = this.#changesOf(screen.index).filter(({ key }) => {
        const providers = this.questionOf(key)?.attribute.signProviders.filter(isProvider) ?? [];
        return providers.length === 0 || providers.includes(provider);
      });
      if (signed.some(({ key }) => this.questionOf(key)?.attribute.signProviders.includes(provider))) {
        this.signature = { ...request, codes: { [provider]: code } };
        await this.#save(screen.index, signed, { [provider]: code });
        return;
      }
    }
    const codes: KycSignCodes = { ...request.codes, [request.sentWith]: code };
    // The next group without a code (after a wrong code on an earlier one, the later ones keep theirs).
    const next = request.groups.findIndex((group) => !group.some((provider) => codes[provider] !== undefined));
    if (next >= 0) {
      this.#set({ notice: null, signature: { ...request, codes, index: next, sentWith: null } });
      return;
    }
    this.signature = { ...request, codes };
    if (request.purpose === 'submit') await this.#submit(codes);
    else if (screen.name === 'step') await this.#save(screen.index, this.#changesOf(screen.index), codes);
  }

  /** Closes the signature request; the answers stay typed. */
  cancelSignature(): void {
    this.#set({ signature: null, notice: null });
  }

  /** Sends the application to review (the host may veto it by cancelling `kyc-submit`). */
  async submit(): Promise<void> {
    const application = this.application;
    if (!application || !this.editable || this.busy) return;
    // Answers typed but not stored (after "Change", left without Continue) go first: the person is
    // taken to their step and told; Continue there stores them.
    const unsaved = this.#firstStepWhere((attribute) => this.drafts.has(attribute.key));
    if (unsaved !== null) {
      this.goToStep(unsaved);
      if (this.screen.name === 'step' && this.screen.index === unsaved) this.#set({ unsavedAnswers: true });
      return;
    }
    // Something required is not done: the platform would refuse it (the review lists what).
    if (this.missing.length > 0) return;
    const accepted = this.#host.dispatchEvent(new KycSubmitEvent({ applicationUuid: application.uuid }));
    if (!accepted) return;
    // The platform signs a submission (the host's profile says so): the code is asked first.
    const provider = this.#client?.platform.submitSignature;
    if (provider) {
      this.#askSignature('submit', [[provider]], []);
      return;
    }
    await this.#submit({});
  }

  /** After a final rejection: back to the level choice for a new application, when allowed. */
  startNewApplication(): void {
    if (!this.levelInfo?.allowedToCreateKycApplication) return;
    this.application = null;
    this.#forgetAnswers();
    this.#showLevels();
  }

  // ── internals ─────────────────────────────────────────────────────────────

  async #save(index: number, changes: KycAttributeChange[], signCodes: KycSignCodes): Promise<void> {
    const client = this.#requireClient();
    const application = this.application!;
    this.#set({ busy: 'saving', notice: null });
    try {
      const signal = this.#abort.signal;
      // An answer lost after the platform stored the change: what it holds is read before anything
      // is sent again (a one-time code is spent once used).
      const saved = await client
        .updateApplication(application.uuid, changes, { signCodes, signal })
        .catch((error: unknown) => savedDespite(error, client, application.uuid, changes, signal));
      const keys = changes.map(({ key }) => key);
      this.#stored(saved, changes);
      this.fieldErrors = {};
      this.#host.dispatchEvent(new KycSaveEvent({ applicationUuid: saved.uuid, keys }));
      if (await this.#documentNoted(keys)) return;
      // Stored with one code of several: the next code is asked for the answers left to sign.
      const next = this.#nextGroup(index);
      if (next !== null) {
        this.#set({ busy: null, signature: next });
        return;
      }
      this.#set({ busy: null, signature: null });
      this.#advanceFrom(index);
    } catch (error) {
      if (
        !this.#signatureFailure(
          error,
          'save',
          changes.map(({ key }) => key),
        )
      )
        this.#fail(error);
    }
  }

  /** Of these answers, those still typed that need no code (documents and the liveness check aside): the autosave's. */
  #unsignedDrafts(keys: ReadonlySet<string>): KycAttributeChange[] {
    const changes: KycAttributeChange[] = [];
    for (const key of keys) {
      const attribute = this.questionOf(key)?.attribute;
      const value = this.drafts.get(key);
      if (!attribute || value === undefined || attribute.readOnly || attribute.signProviders.length > 0) continue;
      if (attribute.type === 'document' || isLiveness(attribute)) continue;
      changes.push({ key, value });
    }
    return changes;
  }

  /**
   * Stores answers as the person goes: quietly, for the person goes on typing (what fails stays
   * typed; Continue stores it and says why). The keys the platform refused are given back.
   */
  async #storeAsTyped(changes: KycAttributeChange[], outlive: boolean): Promise<string[]> {
    const client = this.#requireClient();
    const application = this.application!;
    // Outliving the flow: a signal nothing aborts.
    const signal = outlive ? new AbortController().signal : this.#abort.signal;
    try {
      const saved = await client
        .updateApplication(application.uuid, changes, { signal })
        .catch((error: unknown) => savedDespite(error, client, application.uuid, changes, signal));
      if (this.application?.uuid !== application.uuid) return [];
      this.#stored(saved, changes);
      this.#host.dispatchEvent(new KycSaveEvent({ applicationUuid: saved.uuid, keys: changes.map(({ key }) => key) }));
      this.#host.requestUpdate();
      return [];
    } catch (error) {
      // A refusal naming answers: those wait for Continue (which says why); the rest is tried again.
      if (error instanceof KycApiError && error.code === 'validation' && Object.keys(error.fieldErrors).length > 0) {
        return Object.keys(error.fieldErrors);
      }
      throw error;
    }
  }

  /** What the platform stored of the changes: their drafts go (unless typed again since), remarks on them are revised. */
  #stored(saved: KycApplication, changes: readonly KycAttributeChange[]): void {
    for (const { key, value } of changes) {
      // An answer typed again while the request ran is newer than what was stored: keep it.
      if (this.drafts.get(key) === value) this.drafts.delete(key);
      if (this.questionOf(key)?.attribute.errors.length) this.#revised.add(key);
    }
    if (this.#revised.size > 0) rememberRevised(saved.uuid, this.#revised);
    this.application = saved;
  }

  /**
   * After documents were stored: Sumsub's diagnostics of them, read once. When one has a note (a
   * document it could not read), the person stays on the step, where the note is shown, and is
   * told (true). A failed read goes on as if there were none: the review shows notes too.
   */
  async #documentNoted(keys: readonly string[]): Promise<boolean> {
    const stored = keys.filter((key) => this.questionOf(key)?.attribute.type === 'document');
    const application = this.application;
    if (stored.length === 0 || !application) return false;
    const read = await this.#requireClient()
      .getApplication(application.uuid, { emptyVolatileFields: true, signal: this.#abort.signal })
      .catch(() => null);
    if (read && this.application === application) this.application = read;
    if (!stored.some((key) => hasVerificationProblem(this.questionOf(key)!.attribute))) return false;
    this.#set({ busy: null, signature: null, documentNote: true });
    return true;
  }

  /**
   * After a save signed with one group's code: the same request at its next group when the step
   * still has answers that need a code, else null.
   */
  #nextGroup(index: number): SignatureRequest | null {
    const request = this.signature;
    if (request?.purpose !== 'save') return null;
    const left = this.#changesOf(index).map(({ key }) => this.questionOf(key)?.attribute.signProviders.filter(isProvider) ?? []);
    const next = request.groups.findIndex(
      (group, at) => at > request.index && left.some((providers) => providers.some((provider) => group.includes(provider))),
    );
    return next < 0 ? null : { ...request, index: next, sentWith: null, codes: {} };
  }

  async #submit(signCodes: KycSignCodes): Promise<void> {
    const client = this.#requireClient();
    const application = this.application!;
    this.#set({ busy: 'submitting', notice: null });
    try {
      const signal = this.#abort.signal;
      const read = () => client.getApplication(application.uuid, { emptyVolatileFields: true, signal });
      const sent =
        (await client
          .sendToReview(application.uuid, { signCodes, signal })
          // An answer lost after the platform took the application: where it stands is read.
          .catch((error: unknown) => sentDespite(error, client, application.uuid, application.status, signal))) ?? (await read());
      this.fieldErrors = {};
      this.#set({ busy: null, signature: null });
      this.#show(sent, application.status);
    } catch (error) {
      if (this.#signatureFailure(error, 'submit', [])) return;
      this.#fail(error);
      if (error instanceof KycApiError && error.code === 'validation') {
        // Missing or refused answers: take the person to the first step they concern.
        const index = this.#firstStepWhere((attribute) => this.errorsOf(attribute).length > 0);
        if (index !== null) this.goToStep(index);
        this.#summarize(error);
      }
    }
  }

  /**
   * A refusal for want of a code, or for a wrong one, keeps everything and asks again: a wrong
   * code sends the person back to the group of the provider it was refused for.
   */
  #signatureFailure(error: unknown, purpose: SignatureRequest['purpose'], keys: string[]): boolean {
    if (!(error instanceof KycApiError)) return false;
    const providers = (error.providers ?? []).filter(isProvider);
    const request = this.signature;
    if (error.code === 'signature_invalid' && request) {
      const refused = providers.find((provider) => request.codes[provider] !== undefined) ?? request.sentWith;
      const index = Math.max(
        0,
        request.groups.findIndex((group) => refused !== null && group.includes(refused)),
      );
      const { [refused ?? 'sms']: _wrong, ...codes } = request.codes;
      this.#set({ busy: null, notice: error, signature: { ...request, index, codes, sentWith: refused } });
      this.#report(error);
      return true;
    }
    if (error.code === 'signature_required') {
      this.#set({ busy: null });
      // Each provider the platform names is needed; it names none only when it does not say.
      const needed: KycSignProvider[] = providers.length > 0 ? providers : ['sms'];
      this.#askSignature(
        purpose,
        needed.map((provider) => [provider]),
        keys,
      );
      return true;
    }
    return false;
  }

  #askSignature(purpose: SignatureRequest['purpose'], groups: KycSignProvider[][], keys: string[]): void {
    const destinations: Partial<Record<KycSignProvider, string>> = {};
    for (const provider of new Set(groups.flat())) {
      const destination = this.#destinationFor(provider);
      if (destination) destinations[provider] = destination;
    }
    // The prompt is what the person answers now: an earlier refusal's summary or notice would
    // speak of answers the person has since changed.
    this.#set({ signature: { purpose, keys, groups, index: 0, sentWith: null, codes: {}, destinations }, summary: [], notice: null });
  }

  /** The phone (sms) or e-mail (email) answer the code can go to: typed now, else stored. */
  #destinationFor(provider: KycSignProvider): string | null {
    const type = provider === 'sms' ? 'phone' : 'email';
    for (const step of this.steps) {
      for (const { attribute } of step.questions) {
        if (attribute.type === type) return this.valueOf(attribute);
      }
    }
    return null;
  }

  /** Shows an application where it stands, firing the status events when it changed. */
  #show(application: KycApplication, previous: KycStatus | null): void {
    this.application = application;
    if (previous !== application.status) {
      this.#revised.clear(); // a new decision brings its own remarks…
      // …but a returned application loaded again keeps what this tab already corrected: the
      // platform keeps the remarks until the next review.
      if (previous === null && application.status === 'pending') {
        for (const key of recallRevised(application.uuid)) this.#revised.add(key);
      } else rememberRevised(application.uuid, null);
      if (previous !== null || application.status !== 'draft') {
        this.#host.dispatchEvent(
          new KycStatusChangeEvent({
            applicationUuid: application.uuid,
            status: application.status,
            rawStatus: application.rawStatus,
            previous,
          }),
        );
      }
      if (application.status === 'approved') {
        this.#host.dispatchEvent(new KycCompleteEvent({ applicationUuid: application.uuid, status: 'approved' }));
      } else if (application.status === 'rejected') {
        this.#host.dispatchEvent(
          new KycRejectEvent({
            applicationUuid: application.uuid,
            canCreateNew: this.levelInfo?.allowedToCreateKycApplication ?? false,
          }),
        );
      }
    }
    switch (application.status) {
      case 'draft':
      case 'pending':
        this.#moveTo(this.#welcomes(application) ? { name: 'welcome' } : this.#resumeScreen(application), false);
        break;
      case 'in_review':
        this.#moveTo({ name: 'waiting' }, false);
        this.#poller.schedule();
        break;
      default:
        this.#moveTo({ name: 'outcome', status: application.status }, false);
        // A status the widget does not know is no dead end: the platform is asked again, as in
        // review, until it says something the widget knows (or the person reloads).
        if (application.status === 'unknown') this.#poller.schedule();
    }
  }

  /**
   * Where a person resumes: the first step with a remark (returned for correction); else where
   * they were in this tab (a step, or the review); else the first step with a missing required
   * answer (on another device); else the review.
   */
  #resumeScreen(application: KycApplication): FlowScreen {
    const remarked = this.#firstStepWhere((attribute) => attribute.errors.length > 0, application);
    if (application.status === 'pending' && remarked !== null) return { name: 'step', index: remarked };
    // The first step with something required not done comes first, whatever this tab remembers
    // (another device may have gone further, or this tab past an unfinished step).
    const missing = this.#firstStepWhere(unfinished, application);
    const hint = recallStep(application.uuid);
    if (missing !== null && (hint === null || hint === 'review' || missing < hint)) return { name: 'step', index: missing };
    if (hint === 'review') return { name: 'review' };
    if (hint !== null && hint < application.steps.length) return { name: 'step', index: hint };
    return application.steps.length === 0 ? { name: 'step', index: 0 } : { name: 'review' };
  }

  /**
   * Whether an application opens on the welcome: the host's consent is still to be given, or (with
   * the welcome on) nothing was answered in it yet and the person has not gone past it.
   */
  #welcomes(application: KycApplication): boolean {
    if (this.#options.consent && !this.#consents.has(application.uuid)) return true;
    if (!this.#options.welcome || this.#welcomed === application.uuid || application.status !== 'draft') return false;
    return application.steps.every((step) =>
      step.questions.every(({ attribute }) => attribute.readOnly || isLiveness(attribute) || !attribute.value),
    );
  }

  /** Without a hand-off, true; with one, whether the phone stored every required document of the step. */
  #handedOffDone(index: number): boolean {
    if (!this.handoff) return true;
    const questions = this.steps[index]?.questions ?? [];
    return questions.every(({ attribute }) => attribute.type !== 'document' || !attribute.required || Boolean(attribute.value));
  }

  #firstStepWhere(test: (attribute: KycAttribute) => boolean, application = this.application): number | null {
    const index = (application?.steps ?? []).findIndex((step) => step.questions.some((q) => test(q.attribute)));
    return index < 0 ? null : index;
  }

  #advanceFrom(index: number): void {
    if (index + 1 < this.steps.length) this.goToStep(index + 1);
    else this.review();
  }

  /** Moves to a screen; a step change is announced (and may be vetoed) when the person moved. */
  #moveTo(screen: FlowScreen, byPerson = true): void {
    const from = this.screen.name === 'step' ? this.screen.index : null;
    if (screen.name === 'step' && byPerson) {
      const allowed = this.#host.dispatchEvent(new KycStepChangeEvent({ from, to: screen.index, total: this.steps.length }));
      if (!allowed) return;
    }
    if (this.application && (screen.name === 'step' || screen.name === 'review')) {
      rememberStep(this.application.uuid, screen.name === 'review' ? 'review' : screen.index);
    }
    if (this.handoff) this.#clock.clearTimeout(this.#handoffExpiry);
    this.#set({ screen, signature: null, unsavedAnswers: false, documentNote: false, handoff: null });
    if (screen.name === 'review') void this.#loadLabels();
    if (screen.name === 'step') {
      // A liveness step is watched until the platform says the check is done.
      if (this.#watching()) this.#poller.schedule();
      else this.#poller.stop();
    }
  }

  #showLevels(): void {
    const info = this.levelInfo;
    if (!info?.allowedToCreateKycApplication) {
      this.#set({ screen: { name: 'not-allowed' } });
      return;
    }
    this.#set({
      screen: { name: 'levels', levels: info.availableLevelsForUpgrade, currentLevel: info.currentLevel },
    });
  }

  /**
   * The step's answers to store: those typed, and the unticked yes/no questions never answered
   * (an unticked box is the answer "false", and the platform must hear it).
   */
  #changesOf(index: number): KycAttributeChange[] {
    const step = this.steps[index];
    if (!step) return [];
    return step.questions
      .filter(({ attribute }) => !attribute.readOnly)
      .map(({ attribute }) => ({
        key: attribute.key,
        value: this.drafts.get(attribute.key) ?? (attribute.type === 'boolean' && attribute.value === null ? 'false' : null),
      }))
      .filter((change): change is KycAttributeChange => change.value !== null);
  }

  /** Reads the titles of chosen options and accepted documents, for the review. */
  async #loadLabels(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const attributes = this.steps.flatMap((step) => step.questions.map((question) => question.attribute));
    const labels: Record<string, Record<string, string>> = {};
    await Promise.all(
      attributes.map(async (attribute) => {
        // A failed read leaves the stored key on the review: still true, only less friendly.
        labels[attribute.key] = await this.referenceData.labelsOf(client, attribute).catch(() => ({}));
      }),
    );
    this.labels = labels;
    this.#host.requestUpdate();
  }

  // ── review polling ────────────────────────────────────────────────────────

  /**
   * Whether the platform is being watched: in review (for the decision), or on a step whose
   * liveness check is not done yet (Sumsub's check ends on another device or in its frame; the
   * platform says when it is done).
   */
  #watching(): boolean {
    const { screen } = this;
    return (
      screen.name === 'waiting' ||
      (screen.name === 'outcome' && screen.status === 'unknown') ||
      (screen.name === 'step' && this.editable && (this.handoff !== null || livenessPending(this.application, screen.index)))
    );
  }

  /**
   * Asks the platform at once while the flow watches it (in review, or a liveness check not done
   * yet): Sumsub says the person finished, or the host knows the decision was made. Elsewhere the
   * person's own answers are what is shown, and nothing is read.
   */
  checkNow(): void {
    if (!this.#watching()) return;
    this.#poller.reset();
    // A read already on its way may have left before the result existed: ask again after it.
    if (this.#polling) this.#askAgain = true;
    else {
      this.#poller.stop(); // this read replaces the one scheduled
      void this.#poll();
    }
  }

  async #poll(): Promise<void> {
    const application = this.application;
    if (!application || !this.#watching() || this.#polling) return;
    this.#polling = true;
    try {
      const fresh = await this.#requireClient().getApplication(application.uuid, {
        emptyVolatileFields: true,
        signal: this.#abort.signal,
      });
      if (!this.#watching() || this.application?.uuid !== application.uuid) return;
      if (this.#pollFailed) {
        this.#pollFailed = false;
        this.notice = null;
      }
      if (fresh.status === application.status) {
        const { screen } = this;
        // A read that empties volatile fields may say nothing of the check: its attribute's own
        // endpoint (the token not renewed) is asked too.
        const read =
          screen.name === 'step' && livenessPending(fresh, screen.index)
            ? await withLivenessResult(this.#requireClient(), fresh, screen.index, this.#abort.signal)
            : fresh;
        // Moved elsewhere (or to another application) while the attribute was read: this read is stale.
        if (this.screen !== screen || this.application?.uuid !== application.uuid) return;
        this.application = read;
        if (screen.name === 'step' && !livenessPending(this.application, screen.index) && this.#handedOffDone(screen.index)) {
          // The platform says the check is done (and the phone stored the documents): on to the next step.
          this.#poller.reset();
          this.#advanceFrom(screen.index);
          return;
        }
        this.#poller.slowDown();
        this.#host.requestUpdate();
        this.#poller.schedule();
        return;
      }
      this.#poller.reset();
      if (fresh.status === 'rejected' || fresh.status === 'approved') {
        // A decision changes what the client may do next (a new application after a rejection):
        // the level info read while the application was open no longer says it.
        this.levelInfo = await this.#requireClient()
          .getLevelInfo({ signal: this.#abort.signal })
          .catch(() => this.levelInfo);
        if (!this.#watching() || this.application?.uuid !== application.uuid) return;
      }
      this.#show(fresh, application.status);
    } catch (error) {
      if (this.#aborted(error)) return;
      // The platform goes on without us: keep asking, slower, and say why nothing moves (reported
      // once per outage, not once per attempt).
      this.#poller.slowDown();
      const failure = asApiError(error);
      if (!this.#pollFailed) this.#report(failure);
      this.#pollFailed = true;
      this.#set({ notice: failure });
      this.#poller.schedule();
    } finally {
      this.#polling = false;
      if (this.#askAgain) {
        this.#askAgain = false;
        void this.#poll();
      }
    }
  }

  readonly #onVisibility = (): void => {
    // Hidden, a page may be closed without a word (a phone does): what waits for the pause goes now.
    if (this.#page?.hidden) this.#autosave.flush();
    if (!this.#watching()) return;
    if (this.#page?.hidden) this.#poller.stop();
    else void this.#poll();
  };

  // ── helpers ───────────────────────────────────────────────────────────────

  /** Another application: what was typed and chosen for the last one does not carry over. */
  #forgetAnswers(): void {
    this.drafts.clear();
    this.#autosave.forget();
    this.fieldErrors = {};
    this.documents.reset();
  }

  #requireClient(): KycClient {
    if (!this.#client) throw new Error('The flow has no API client yet.');
    return this.#client;
  }

  #set(
    changes: Partial<
      Pick<FlowController, 'screen' | 'busy' | 'notice' | 'signature' | 'unsavedAnswers' | 'summary' | 'slow' | 'documentNote' | 'handoff'>
    >,
  ): void {
    const { screen } = changes;
    if (screen && !sameScreen(screen, this.screen) && this.summary.length > 0) this.summary = [];
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }

  /** A refusal of the step's answers, listed in the error summary (per question where it names one). */
  #summarize(error: unknown): void {
    if (!(error instanceof KycApiError) || error.code !== 'validation' || this.screen.name !== 'step') return;
    const problems: FlowProblem[] = [];
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      const question = this.questionOf(key);
      for (const message of messages) problems.push({ key: question ? key : null, title: question?.title ?? null, message });
    }
    for (const message of error.nonFieldErrors) problems.push({ key: null, title: null, message });
    this.#set({ summary: problems.length > 0 ? problems : [{ key: null, title: null, message: null, error }] });
  }

  /**
   * A failure that leaves the flow where it is: kept as the notice, reported once. A signature
   * request stays open only when asked (a failed send of a code); after a failed signed request
   * it closes, and Continue asks for fresh codes.
   */
  #fail(error: unknown, keepSignature = false): void {
    if (this.#aborted(error)) return;
    const failure = asApiError(error);
    this.fieldErrors = failure.code === 'validation' ? { ...failure.fieldErrors } : this.fieldErrors;
    this.#set({ busy: null, notice: failure, signature: keepSignature ? this.signature : null });
    this.#summarize(failure);
    this.#report(failure);
  }

  #report(error: KycApiError): void {
    this.#host.dispatchEvent(KycErrorEvent.of(error));
  }

  #aborted(error: unknown): boolean {
    return error instanceof KycApiError && error.code === 'aborted';
  }
}

/** Whether something required of an attribute is not done: an answer, or a liveness check the platform does not say is done. */
function unfinished(attribute: KycAttribute): boolean {
  if (isLiveness(attribute)) return attribute.required && !isLivenessDone(attribute);
  return attribute.required && !attribute.readOnly && !attribute.value;
}

/** Whether two screens are the same one (a step: the same step). */
function sameScreen(a: FlowScreen, b: FlowScreen): boolean {
  return a.name === b.name && (a.name !== 'step' || (b.name === 'step' && a.index === b.index));
}

function asApiError(error: unknown): KycApiError {
  return error instanceof KycApiError
    ? error
    : new KycApiError('malformed_response', 'The widget could not understand an answer of the platform.');
}
