import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg, runFfprobe } from '../src/ffmpeg/run.ts';
import { makePoster } from '../src/images/poster.ts';
import { makeStoryboard, planStoryboard } from '../src/images/storyboard.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import type { ProbeResult } from '../src/types.ts';

const tmp = mkdtempSync(join(tmpdir(), 'images-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Probe facts for a clip this test made: display size from its recipe, duration measured by ffprobe. */
async function probeOf(file: string, display: [number, number], coded = display): Promise<ProbeResult> {
  const { stdout } = await runFfprobe([
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'default=nw=1:nk=1',
    file,
  ]);
  return facts(Number(stdout.trim()), display, coded);
}

function facts(durationSec: number, display: [number, number], coded = display): ProbeResult {
  return {
    durationSec,
    sizeBytes: 0,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    video: {
      codec: 'h264',
      width: coded[0],
      height: coded[1],
      displayWidth: display[0],
      displayHeight: display[1],
      rotation: 0,
      sar: [1, 1],
      fps: 25,
      frameCount: null,
      pixFmt: 'yuv420p',
      bitRate: null,
    },
    audio: null,
  };
}

async function imageSize(file: string): Promise<[number, number]> {
  const { stdout } = await runFfprobe([
    '-v',
    'error',
    '-show_entries',
    'stream=width,height',
    '-of',
    'csv=p=0',
    file,
  ]);
  const [w, h] = stdout.trim().split(',').map(Number);
  return [w as number, h as number];
}

/** Mean luma (0–255) of the first frame of an image or video, optionally of a crop; decoding it proves it is valid. */
async function meanLuma(file: string, crop?: string): Promise<number> {
  const vf = [...(crop ? [`crop=${crop}`] : []), 'signalstats', 'metadata=print:key=lavfi.signalstats.YAVG'];
  const { stderr } = await runFfmpeg([
    '-v',
    'info',
    '-i',
    file,
    '-frames:v',
    '1',
    '-vf',
    vf.join(','),
    '-f',
    'null',
    '-',
  ]);
  const m = /lavfi\.signalstats\.YAVG=([\d.]+)/.exec(stderr);
  if (!m) throw new Error(`no luma measured for ${file}`);
  return Number(m[1]);
}

describe('makePoster', () => {
  let blackStart: string;
  beforeAll(async () => {
    const base = await makeClip(
      { durationSec: 5, width: 640, height: 360, fps: 25, audio: false },
      join(tmp, 'base.mp4'),
    );
    blackStart = join(tmp, 'black-start.mp4');
    // The first 3 s of 5 are black, as when a camera starts recording before the shot. Black is the
    // majority, so the histogram-average `thumbnail` pick alone would choose a black frame here.
    await runFfmpeg([
      '-i',
      base,
      '-vf',
      'fade=t=in:st=3:d=0.04',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      blackStart,
    ]);
  });

  it('picks a non-black frame, at widths up to the source, as decodable JPEG and WebP', async () => {
    expect(await meanLuma(blackStart)).toBeLessThan(20); // the clip really starts black
    const out = join(tmp, 'poster1');
    const poster = await makePoster(blackStart, await probeOf(blackStart, [640, 360]), out);
    expect(poster.jpeg).toEqual([
      { width: 320, height: 180, file: 'poster/poster-320.jpg' },
      { width: 640, height: 360, file: 'poster/poster-640.jpg' },
    ]);
    expect(poster.webp.map((i) => i.file)).toEqual(['poster/poster-320.webp', 'poster/poster-640.webp']);
    for (const image of [...poster.jpeg, ...poster.webp]) {
      const file = join(out, image.file);
      expect(await imageSize(file)).toEqual([image.width, image.height]);
      expect(await meanLuma(file)).toBeGreaterThan(50);
    }
    expect(readFileSync(join(out, 'poster/poster-640.webp')).subarray(8, 12).toString()).toBe('WEBP');
    expect(readFileSync(join(out, 'poster/poster-640.jpg')).subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
  });

  it('applies rotation and non-square pixels, never upscaling', async () => {
    // White on top, black below, stored landscape with a 90° display matrix.
    const unrotated = join(tmp, 'halves.mp4');
    const halves = 'color=c=white:s=320x240:r=25:d=2,drawbox=x=0:y=120:w=320:h=120:color=black:t=fill';
    await runFfmpeg(['-f', 'lavfi', '-i', halves, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', unrotated]);
    const rotated = join(tmp, 'rotated.mp4');
    await runFfmpeg(['-i', unrotated, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
    const out = join(tmp, 'poster2');
    const poster = await makePoster(rotated, await probeOf(rotated, [240, 320], [320, 240]), out);
    expect(poster.jpeg).toEqual([{ width: 240, height: 320, file: 'poster/poster-240.jpg' }]);
    expect(await imageSize(join(out, 'poster/poster-240.webp'))).toEqual([240, 320]);
    const jpg = join(out, 'poster/poster-240.jpg');
    // Turned, not squashed: the halves now lie side by side (which side is the display matrix's business).
    const halvesLuma = [await meanLuma(jpg, '100:320:0:0'), await meanLuma(jpg, '100:320:140:0')];
    expect(Math.max(...halvesLuma)).toBeGreaterThan(200);
    expect(Math.min(...halvesLuma)).toBeLessThan(40);

    const anamorphic = await makeClip(
      { durationSec: 2, width: 480, height: 360, fps: 25, audio: false, sar: '4:3' },
      join(tmp, 'anamorphic.mp4'),
    );
    const out2 = join(tmp, 'poster3');
    const wide = await makePoster(anamorphic, await probeOf(anamorphic, [640, 360], [480, 360]), out2);
    expect(wide.webp.map((i) => [i.width, i.height])).toEqual([
      [320, 180],
      [640, 360],
    ]);
    expect(await imageSize(join(out2, 'poster/poster-640.jpg'))).toEqual([640, 360]);
  });

  it('still makes a poster for a clip that is black throughout', async () => {
    const black = join(tmp, 'all-black.mp4');
    await runFfmpeg([
      '-f',
      'lavfi',
      '-i',
      'color=black:size=320x240:rate=25:duration=2',
      '-c:v',
      'libx264',
      black,
    ]);
    const out = join(tmp, 'poster4');
    const poster = await makePoster(black, await probeOf(black, [320, 240]), out);
    expect(poster.jpeg.map((i) => i.file)).toEqual(['poster/poster-320.jpg']);
    expect(await meanLuma(join(out, 'poster/poster-320.jpg'))).toBeLessThan(20);
  });

  it('stops ffmpeg when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      makePoster(blackStart, await probeOf(blackStart, [640, 360]), join(tmp, 'p5'), controller.signal),
    ).rejects.toThrow(/cancelled/);
    expect(existsSync(join(tmp, 'p5', 'poster'))).toBe(false);
  });
});

describe('makeStoryboard', () => {
  it('plans 2 s tiles for short clips and at most 100 tiles for long ones', () => {
    const plan = (durationSec: number) => planStoryboard(facts(durationSec, [1920, 1080]));
    expect(plan(9.5)).toMatchObject({
      intervalSec: 2,
      count: 5,
      columns: 5,
      rows: 1,
      tileWidth: 160,
      tileHeight: 90,
    });
    expect(plan(200)).toMatchObject({ intervalSec: 2, count: 100, columns: 10, rows: 10 });
    expect(plan(201)).toMatchObject({ intervalSec: 5, count: 41, columns: 10, rows: 5 });
    expect(plan(3600)).toMatchObject({ intervalSec: 60, count: 60 });
    expect(plan(100_000).count).toBeLessThanOrEqual(100);
  });

  it('writes a sprite and cues that cover the clip from 0 to its end, each inside the sprite', async () => {
    const clip = await makeClip(
      { durationSec: 23.5, width: 480, height: 270, fps: 25, audio: false },
      join(tmp, 'sb.mp4'),
    );
    const probe = await probeOf(clip, [480, 270]);
    const out = join(tmp, 'sb');
    const sb = await makeStoryboard(clip, probe, out);
    expect(sb).toEqual({
      vtt: 'storyboard/storyboard.vtt',
      sprite: 'storyboard/sprite.jpg',
      tileWidth: 160,
      tileHeight: 90,
      intervalSec: 2,
    });
    const [spriteW, spriteH] = await imageSize(join(out, 'storyboard/sprite.jpg'));
    expect([spriteW, spriteH]).toEqual([1600, 180]); // 12 tiles: 10 columns, 2 rows
    const vtt = readFileSync(join(out, 'storyboard/storyboard.vtt'), 'utf8');
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    const cues = [...vtt.matchAll(/(\S+) --> (\S+)\nsprite\.jpg#xywh=(\d+),(\d+),(\d+),(\d+)/g)];
    expect(cues).toHaveLength(12);
    const sec = (t: string) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
    let expectedStart = 0;
    for (const [, start, end, x, y, w, h] of cues) {
      expect(sec(start as string)).toBeCloseTo(expectedStart, 3);
      expect(sec(end as string)).toBeGreaterThan(sec(start as string));
      expectedStart = sec(end as string);
      expect(Number(x) + Number(w)).toBeLessThanOrEqual(spriteW);
      expect(Number(y) + Number(h)).toBeLessThanOrEqual(spriteH);
    }
    expect(expectedStart).toBeCloseTo(probe.durationSec, 3);
    // The last, partial interval has a real picture, not an empty tile.
    const [, , , x, y, w, h] = cues.at(-1) as RegExpExecArray;
    expect(await meanLuma(join(out, 'storyboard/sprite.jpg'), `${w}:${h}:${x}:${y}`)).toBeGreaterThan(50);
  });
});
