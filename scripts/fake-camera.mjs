// The fake camera's videos for the capture tests (test/camera/): Chromium plays a file as its
// camera with `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`. Each
// video is one still frame of a scene of test/helpers/document-corpus.ts (an ID card held in the
// camera's frame: sharp, blurred, dark, with glare, far away), drawn in Chromium as the corpus is
// and written as YUV4MPEG2 (4:2:0, BT.601 studio range, as Chromium reads it), which Chromium
// loops. Made once and kept under node_modules/.cache by the hash of their sources. Runs under tsx
// (web-test-runner's config is loaded with it; by hand: node --import tsx scripts/fake-camera.mjs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

const CORPUS = fileURLToPath(new URL('../test/helpers/document-corpus.ts', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** In the page: a scene's frame as a YUV4MPEG2 frame's planes (Y, then U and V at half size), base64. */
const TO_I420 = (name) => {
  const { cameraFrame, CAMERA_WIDTH: width, CAMERA_HEIGHT: height } = globalThis.corpus;
  const rgba = cameraFrame(name);
  const planes = new Uint8Array((width * height * 3) / 2);
  const u = width * height;
  const v = u + u / 4;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      planes[y * width + x] = Math.round(16 + 0.257 * rgba[i] + 0.504 * rgba[i + 1] + 0.098 * rgba[i + 2]);
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const i = ((y + dy) * width + x + dx) * 4;
        r += rgba[i] / 4;
        g += rgba[i + 1] / 4;
        b += rgba[i + 2] / 4;
      }
      const at = (y / 2) * (width / 2) + x / 2;
      planes[u + at] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      planes[v + at] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  let text = '';
  for (let i = 0; i < planes.length; i += 0x8000) text += String.fromCharCode(...planes.subarray(i, i + 0x8000));
  return { width, height, base64: btoa(text) };
};

/** The video of each scene (path of a .y4m file), made when missing. */
export async function fakeCameraVideos() {
  const { CAMERA_SCENES } = await import(pathToFileURL(CORPUS).href);
  const hash = createHash('sha256').update(readFileSync(CORPUS)).update(readFileSync(SELF)).digest('hex').slice(0, 16);
  const dir = fileURLToPath(new URL(`../node_modules/.cache/kyc-fake-camera/${hash}/`, import.meta.url));
  const videos = Object.fromEntries(CAMERA_SCENES.map((scene) => [scene, join(dir, `${scene}.y4m`)]));
  if (Object.values(videos).every((path) => existsSync(path))) return videos;
  mkdirSync(dir, { recursive: true });
  const { build } = await import('esbuild');
  const bundle = await build({ entryPoints: [CORPUS], bundle: true, format: 'iife', globalName: 'corpus', target: 'es2022', write: false });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    for (const scene of CAMERA_SCENES) {
      const { width, height, base64 } = await page.evaluate(TO_I420, scene);
      const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`);
      // Written whole, then renamed: a run that stops half-way leaves no half video behind.
      writeFileSync(`${videos[scene]}.part`, Buffer.concat([header, Buffer.from(base64, 'base64')]));
      renameSync(`${videos[scene]}.part`, videos[scene]);
    }
  } finally {
    await browser.close();
  }
  return videos;
}

if (process.argv[1] === SELF) console.log(await fakeCameraVideos());
