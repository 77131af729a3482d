// The document camera in the tests of test/camera/, whose Chromium plays a video of a document
// as its camera (scripts/fake-camera.mjs): the element on a fake clock, the streams it was given
// (getUserMedia watched, not replaced), and the live measures driven one by one.
import { waitUntil } from '@open-wc/testing';
import { ANALYSE_EVERY_MS, KycDocumentCapture, STEADY_CHECKS } from '../../src/components/document-capture/document-capture.js';
import { fakeClock, type FakeClock } from './clock.js';

KycDocumentCapture.define('kyc-document-capture');

export { STEADY_CHECKS };

/** Every camera stream the page (and the frames watched) was given, in order. */
export const streams: MediaStream[] = [];

/** Records the streams `page` gets from its camera in {@link streams} (the real getUserMedia answers). */
export function watchCamera(page: Window = window): void {
  const media = page.navigator.mediaDevices;
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    streams.push(stream);
    return stream;
  };
}
watchCamera();

/** The camera tracks still running (a stopped track has ended: the camera's light is off). */
export const liveTracks = (): MediaStreamTrack[] =>
  streams.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === 'live');

export interface CameraOptions {
  attributeKey?: string;
  label?: string;
  backLabel?: string;
  quality?: 'strict' | 'warn' | 'off';
  lang?: string;
  dir?: string;
}

/** A `<kyc-document-capture>` on a fake clock, in the page; resolves when the camera's picture shows (or the camera failed). */
export async function camera(options: CameraOptions = {}): Promise<{ el: KycDocumentCapture; clock: FakeClock }> {
  const clock = fakeClock();
  const el = document.createElement('kyc-document-capture');
  el.clock = clock;
  el.attributeKey = options.attributeKey ?? 'id_card_front_side';
  el.label = options.label ?? 'ID card, front side';
  if (options.backLabel) el.backLabel = options.backLabel;
  if (options.quality) el.quality = options.quality;
  if (options.lang) el.lang = options.lang;
  if (options.dir) el.dir = options.dir;
  document.body.append(el);
  await waitUntil(() => el.status === 'live' || el.status === 'unavailable', 'the camera starts', { timeout: 10_000 });
  await waitUntil(() => el.status === 'unavailable' || el.matches(':state(live)'), 'the picture shows', { timeout: 10_000 });
  return { el, clock };
}

/** Lets `times` live measures happen (the fake clock moved on to each), each waited for. */
export async function measure(el: KycDocumentCapture, clock: FakeClock, times = 1): Promise<void> {
  await el.settled(); // the picture shows (after a use or a retake, a new one)
  for (let i = 0; i < times; i += 1) {
    await clock.advance(ANALYSE_EVERY_MS);
    await el.settled();
  }
}

/** The element's shadow root, queried. */
export const inCapture = <T extends Element = HTMLElement>(el: KycDocumentCapture, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

/** Removes every camera element of the test (their cameras stop). */
export function removeCameras(): void {
  document.querySelectorAll('kyc-document-capture').forEach((el) => el.remove());
}

/** A button of the element, by its part. */
export const partOf = <T extends HTMLElement = HTMLButtonElement>(el: KycDocumentCapture, part: string): T | null =>
  inCapture<T>(el, `[part~="${part}"]`);

/** The text of a part, spaces collapsed. */
export const textOf = (el: KycDocumentCapture, part: string): string =>
  inCapture(el, `[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
