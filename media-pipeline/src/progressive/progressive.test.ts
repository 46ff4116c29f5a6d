import { describe, expect, it } from 'vitest';
import type { MediaManifest } from '../types.ts';
import { buildProgressiveArgs, progressiveSource } from './progressive.ts';

type Rendition = MediaManifest['renditions'][number];

const rung = (name: string, width: number, height: number): Rendition => ({
  name,
  width,
  height,
  fps: 25,
  bandwidth: 1,
  averageBandwidth: 1,
  codecs: 'avc1.4d401e,mp4a.40.2',
  playlist: `${name}/index.m3u8`,
});

const names = (list: Rendition[]) => progressiveSource(list)?.name;

describe('progressiveSource', () => {
  it('takes the 480p rung of a full ladder, whatever the listing order', () => {
    const ladder = [
      rung('360p', 640, 360),
      rung('1080p', 1920, 1080),
      rung('480p', 854, 480),
      rung('720p', 1280, 720),
      rung('240p', 426, 240),
    ];
    expect(names(ladder)).toBe('480p');
  });

  it('measures a portrait clip by its short side', () => {
    expect(names([rung('720p', 720, 1280), rung('480p', 480, 854), rung('240p', 240, 426)])).toBe('480p');
  });

  it('takes the largest rung at or under 480 lines when there is no 480p rung', () => {
    expect(names([rung('576p', 1024, 576), rung('360p', 640, 360), rung('240p', 426, 240)])).toBe('360p');
    expect(names([rung('360p', 640, 360), rung('240p', 426, 240)])).toBe('360p');
  });

  it('falls back to the smallest rung when every rung is larger, and to none without rungs', () => {
    expect(names([rung('720p', 1280, 720), rung('576p', 1024, 576)])).toBe('576p');
    expect(progressiveSource([])).toBeUndefined();
  });
});

describe('buildProgressiveArgs', () => {
  const args = buildProgressiveArgs('/v/480p/index.m3u8', '/v/480p.mp4');

  it('copies the rung’s packets (no encoder) into one faststart MP4', () => {
    expect(args.slice(0, 2)).toEqual(['-i', '/v/480p/index.m3u8']);
    expect(args[args.indexOf('-c') + 1]).toBe('copy');
    expect(args.some((a) => /libx264|aac|^-c:[va]$/.test(a))).toBe(false);
    expect(args[args.indexOf('-movflags') + 1]).toBe('+faststart');
    expect(args.at(-1)).toBe('/v/480p.mp4');
  });

  it('maps the picture and, only if present, the sound', () => {
    const maps = args.flatMap((a, i) => (a === '-map' ? [args[i + 1]] : []));
    expect(maps).toEqual(['0:v:0', '0:a:0?']);
  });
});
