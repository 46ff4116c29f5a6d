// The clips the encode-quality benchmark compares on: two like the seeded fixtures, and two like a
// museum's own camera work. All synthesized with ffmpeg (no internet here, no real camera clip in any
// npm package we use): a fractal picture stands in for a real scene's mix of smooth areas and fine detail.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from '../media-pipeline/src/ffmpeg/run.ts';
import { makeClip } from '../media-pipeline/src/synth/make-clip.ts';

export const CLIP_SEC = 10;
const FPS = 25;
const CACHE = join(tmpdir(), 'artifact-stories-bench');

export interface BenchClip {
  name: string;
  file: string;
}

/** A 1600×900 still of the Mandelbrot set's seahorse valley: gradients, sharp edges and fine texture. */
async function scenePicture(): Promise<string> {
  const file = join(CACHE, 'scene-1600x900.png');
  if (!existsSync(file)) {
    const set = 'mandelbrot=size=1600x900:rate=1:maxiter=256:start_x=-0.7435:start_y=0.1314';
    // A lens is never pixel-sharp: a slight blur takes the fractal's aliasing off.
    const picture = `${set}:start_scale=0.012:end_scale=0.012,gblur=sigma=0.7`;
    await runFfmpeg(['-f', 'lavfi', '-i', picture, '-frames:v', '1', file]);
  }
  return file;
}

/** Near-lossless (CRF 8) so the grain reaches the pipeline as the camera recorded it. */
async function fromPicture(picture: string, vf: string, file: string): Promise<void> {
  await runFfmpeg([
    ...['-loop', '1', '-framerate', String(FPS), '-i', picture, '-vf', vf, '-t', String(CLIP_SEC)],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '8', '-pix_fmt', 'yuv420p', file],
  ]);
}

/** Each clip is made once and cached beside the pipeline benchmark's own clip. */
export async function benchClips(): Promise<BenchClip[]> {
  mkdirSync(CACHE, { recursive: true });
  const at = (name: string) => join(CACHE, `quality-${name}-${CLIP_SEC}s.mp4`);
  const clips: BenchClip[] = [];
  const recipe = { durationSec: CLIP_SEC, fps: FPS, audio: false };
  // As the seed makes them (fixtures/artifacts.json): testsrc2 with a hue and a Vietnamese title.
  for (const [name, width, height, hue] of [
    ['fixture title card 720p', 1280, 720, 45],
    ['fixture title card 480p', 854, 480, 300],
  ] as const) {
    const file = at(`fixture-${height}p`);
    if (!existsSync(file)) await makeClip({ ...recipe, width, height, hue }, file, 'Khèn H’Mông');
    clips.push({ name, file });
  }
  const picture = await scenePicture();
  const still = at('still-object-720p');
  // A tripod shot of an object: nothing moves, a good sensor's faint grain.
  if (!existsSync(still)) await fromPicture(picture, 'scale=1280:720,noise=alls=3:allf=t', still);
  clips.push({ name: 'still object, tripod 720p', file: still });
  const handheld = at('handheld-720p');
  if (!existsSync(handheld)) {
    // A phone in hand in a dim hall: a slow push-in, a shake of two wobbles per axis, heavy temporal grain.
    const zoom = "zoompan=z='1.15+0.1*on/250'";
    const x = "x='iw/2-iw/zoom/2+12*sin(on*0.9)+5*sin(on*2.3)'";
    const y = "y='ih/2-ih/zoom/2+9*sin(on*1.3)+4*sin(on*3.1)'";
    await fromPicture(
      picture,
      `${zoom}:${x}:${y}:d=1:s=1280x720:fps=${FPS},noise=alls=12:allf=t+u`,
      handheld,
    );
  }
  clips.push({ name: 'handheld camera, grain 720p', file: handheld });
  return clips;
}
