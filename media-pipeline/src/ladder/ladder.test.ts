import { describe, expect, it } from 'vitest';
import { probeOf as probe } from '../testing/probe-facts.ts';
import type { ProbeResult } from '../types.ts';
import { cappedFps, planAudioOnly, planLadder, videoBitrateFor } from './ladder.ts';

const sizes = (p: ProbeResult) => planLadder(p).map((r) => `${r.name} ${r.width}x${r.height}`);

describe('planLadder', () => {
  it('offers all five standard rungs of a 4K source, capped at 1080p, down to 240p', () => {
    expect(sizes(probe(3840, 2160))).toEqual([
      '1080p 1920x1080',
      '720p 1280x720',
      '480p 854x480',
      '360p 640x360',
      '240p 426x240',
    ]);
    expect(sizes(probe(1920, 1080)).at(-1)).toBe('240p 426x240');
  });

  it('reaches the bottom rung from every source larger than it: small, portrait, odd sizes', () => {
    // A 270p source has no standard rung far enough below it, but a slow link still needs 240p.
    expect(sizes(probe(480, 270))).toEqual(['270p 480x270', '240p 426x240']);
    expect(sizes(probe(270, 480))).toEqual(['270p 270x480', '240p 240x426']);
    expect(sizes(probe(1080, 1920)).at(-1)).toBe('240p 240x426');
    expect(sizes(probe(1440, 1080)).at(-1)).toBe('240p 320x240'); // 4:3
    // Not upscaled: a source at or below the bottom is its own only rung.
    expect(sizes(probe(426, 240))).toEqual(['240p 426x240']);
    expect(sizes(probe(320, 180))).toEqual(['180p 320x180']);
  });

  it('keeps the bottom rung when the number of rungs is capped', () => {
    expect(planLadder(probe(3840, 2160), { maxRungs: 3 }).map((r) => r.name)).toEqual([
      '1080p',
      '720p',
      '240p',
    ]);
    expect(planLadder(probe(3840, 2160), { maxRungs: 1 }).map((r) => r.name)).toEqual(['1080p']);
  });

  it('makes the bottom rung fit slow 3G: ~150 kbit/s video (Apple’s 145k tier) and 64k audio', () => {
    const bottom = planLadder(probe(1920, 1080)).at(-1);
    expect(bottom).toMatchObject({ name: '240p', maxrate: 150_000, audioBitrate: 64_000 });
    // Even a segment at the VBV's worst peak (the cap plus the whole buffer over one 4 s segment), with its audio.
    const peak = (bottom?.maxrate ?? 0) + (bottom?.bufsize ?? 0) / 4 + (bottom?.audioBitrate ?? 0);
    expect(peak).toBeLessThan(400_000);
    expect(planLadder(probe(240, 426)).at(-1)?.maxrate).toBe(150_000);
  });

  it('plans an audio-only rendition at 64k when the source has sound, none when silent', () => {
    const silent = probe(1920, 1080);
    expect(planAudioOnly(silent)).toBeNull();
    const sound = { ...silent, audio: { codec: 'aac', channels: 2, sampleRate: 48000, bitRate: null } };
    expect(planAudioOnly(sound)).toEqual({ name: 'audio', audioBitrate: 64_000 });
  });

  it('never upscales: a 360p source gets 360p and 240p only', () => {
    expect(sizes(probe(640, 360))).toEqual(['360p 640x360', '240p 426x240']);
  });

  it('gives a source between rungs its own top rung, skipping a standard rung just below it', () => {
    // 854:480 is a hair wider than 16:9, so its 240p rung is 427 → 428 wide.
    expect(sizes(probe(854, 480))).toEqual(['480p 854x480', '360p 640x360', '240p 428x240']);
    expect(sizes(probe(1024, 576))).toEqual([
      '576p 1024x576',
      '480p 854x480',
      '360p 640x360',
      '240p 426x240',
    ]);
    // 730 lines: a 720p rung would nearly duplicate the top one.
    expect(sizes(probe(1298, 730))).toEqual([
      '730p 1298x730',
      '480p 854x480',
      '360p 640x360',
      '240p 426x240',
    ]);
    // 1080p through 360p fit under a 1152p source's top rung: all five.
    expect(sizes(probe(2048, 1152))).toHaveLength(5);
  });

  it('keeps portrait portrait, named by the short side', () => {
    expect(sizes(probe(720, 1280))).toEqual([
      '720p 720x1280',
      '480p 480x854',
      '360p 360x640',
      '240p 240x426',
    ]);
  });

  it('makes every size even and keeps the aspect ratio within a pixel', () => {
    for (const [w, h] of [
      [1000, 750],
      [1440, 1080],
      [486, 864],
      [2048, 858],
    ] as const) {
      for (const r of planLadder(probe(w, h))) {
        expect(r.width % 2).toBe(0);
        expect(r.height % 2).toBe(0);
        expect(Math.abs(r.width - (r.height * w) / h)).toBeLessThanOrEqual(2);
        expect(Math.min(r.width, r.height)).toBeLessThanOrEqual(Math.min(w, h));
      }
    }
  });

  it('caps the frame rate at 30 by whole-number division', () => {
    expect(cappedFps(60)).toBe(30);
    expect(cappedFps(50)).toBe(25);
    expect(cappedFps(59.94)).toBe(29.97);
    expect(cappedFps(29.97)).toBe(29.97);
    expect(cappedFps(24)).toBe(24);
    expect(cappedFps(120)).toBe(30);
    expect(planLadder(probe(1920, 1080, 60)).every((r) => r.fps === 30)).toBe(true);
  });

  it('encodes every rung at CRF 23, capped by picture area (bufsize 2× the cap), with audio by rung', () => {
    const ladder = planLadder(probe(1920, 1080));
    const [r1080, r720, r480, r360, r240] = ladder;
    expect(ladder.every((r) => r.crf === 23)).toBe(true);
    expect(r1080).toMatchObject({ maxrate: 5_000_000, bufsize: 10_000_000, audioBitrate: 128_000 });
    expect(r720).toMatchObject({ maxrate: 3_000_000, audioBitrate: 128_000 });
    expect(r480?.maxrate).toBeGreaterThan(1_300_000);
    expect(r480?.maxrate).toBeLessThan(1_500_000);
    expect(r480?.audioBitrate).toBe(96_000);
    expect(r360).toMatchObject({ maxrate: 800_000, audioBitrate: 96_000 });
    expect(r240).toMatchObject({ maxrate: 150_000, bufsize: 300_000 });
    expect(planLadder(probe(640, 360))[1]).toMatchObject({ maxrate: 150_000, audioBitrate: 64_000 });
    expect(videoBitrateFor(720, 1280)).toBe(videoBitrateFor(1280, 720));
  });

  it('spends no more than the source has', () => {
    const ladder = planLadder(probe(1920, 1080, 25, 2_000_000));
    expect(ladder.map((r) => r.maxrate)).toEqual([2_000_000, 2_000_000, 1_400_000, 800_000, 150_000]);
  });
});
