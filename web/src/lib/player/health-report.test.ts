import { describe, expect, it } from 'vitest';
import { clipOf, errorCodeOf, networkClass, PlaybackSession, rungsOf } from './health-report.ts';

describe('what a report names', () => {
  it('names the clip by video id and media version, from the master playlist URL', () => {
    expect(clipOf({ id: 'abc-123', hls: '/media/abc-123/v20261201_1/master.m3u8' })).toEqual({
      videoId: 'abc-123',
      version: 'v20261201_1',
    });
    expect(clipOf({ id: 'abc-123', hls: '/somewhere/else.m3u8' })).toBeNull();
    expect(clipOf({ id: 'abc-123', hls: '/media/abc-123/../master.m3u8' })).toBeNull();
  });

  it("lists the clip's rungs by short side, portrait or landscape, 0 for the sound alone", () => {
    const renditions = [
      { name: '480p', width: 854, height: 480, fps: 25, bandwidth: 1, averageBandwidth: 1 },
      { name: '240p', width: 240, height: 426, fps: 25, bandwidth: 1, averageBandwidth: 1 },
    ];
    expect(rungsOf({ renditions })).toEqual([480, 240]);
    expect(rungsOf({ renditions, audioOnly: { url: '/a.m3u8', bandwidth: 1, averageBandwidth: 1 } })).toEqual(
      [480, 240, 0],
    );
  });

  it('classes the link by measured bandwidth first, then downlink, then effective type', () => {
    expect(networkClass(300_000, { downlinkMbps: 10 })).toBe('slow');
    expect(networkClass(1_500_000, {})).toBe('medium');
    expect(networkClass(2_000_000, {})).toBe('fast');
    expect(networkClass(undefined, { downlinkMbps: 0.4, effectiveType: '4g' })).toBe('slow');
    expect(networkClass(undefined, { effectiveType: '2g' })).toBe('slow');
    expect(networkClass(undefined, {})).toBe('unknown');
  });

  it('turns hls.js fatal errors into short codes, never their text', () => {
    expect(errorCodeOf('networkError', 'manifestLoadError')).toBe('manifest');
    expect(errorCodeOf('networkError', 'fragLoadError')).toBe('network');
    expect(errorCodeOf('mediaError', 'bufferAppendError')).toBe('media');
    expect(errorCodeOf('muxError', 'x')).toBe('other');
  });
});

describe('a play session', () => {
  const session = () => new PlaybackSession([480, 240, 0]);

  /** Plays film time from `from` to `to` seconds in quarter-second updates on `rung`. */
  function play(s: PlaybackSession, from: number, to: number, rung: number) {
    for (let t = from; t <= to + 1e-9; t += 0.25) s.progress(t, rung);
  }

  it('measures tap → first frame once, and counts one play', () => {
    const s = session();
    s.tap(1000);
    s.tap(1500);
    s.firstFrame(3400);
    s.firstFrame(9000);
    expect(s.take(4000)).toMatchObject({ started: true, startMs: 2400 });
    s.tap(5000);
    expect(s.take(6000)).toBeNull();
  });

  it('counts stalls after the first frame, not the initial wait and not seeks, with their duration', () => {
    const s = session();
    s.tap(0);
    s.waiting(10, false);
    s.firstFrame(2000);
    s.waiting(5000, false);
    s.waiting(5100, false);
    s.resumed(6500);
    s.waiting(8000, true);
    s.resumed(9000);
    expect(s.take(10_000)).toMatchObject({ stalls: 1, stalledMs: 1500 });
  });

  it('a stall still going counts up to the report and goes on in the next one', () => {
    const s = session();
    s.tap(0);
    s.firstFrame(100);
    s.waiting(1000, false);
    expect(s.take(3000)).toMatchObject({ stalls: 1, stalledMs: 2000 });
    s.resumed(3500);
    expect(s.take(4000)).toMatchObject({ stalls: 0, stalledMs: 500, started: false });
  });

  it('adds film time per rung, skipping jumps (seeks) and rungs the clip does not have', () => {
    const s = session();
    s.tap(0);
    s.firstFrame(100);
    play(s, 0, 4, 240);
    play(s, 4, 10, 480);
    s.progress(40, 480);
    play(s, 40, 42, 480);
    play(s, 42, 44, 1080);
    const report = s.take(50_000);
    expect(report?.rungs).toEqual([
      { rung: 480, ms: 8000 },
      { rung: 240, ms: 4000 },
    ]);
  });

  it('counts errors by code and keeps every number within what the api accepts', () => {
    const s = session();
    s.error('network');
    s.error('network');
    for (let i = 0; i < 150; i++) s.error('media');
    s.tap(0);
    s.firstFrame(10_000_000);
    const report = s.take(10_000_001);
    expect(report?.errors).toEqual([
      { code: 'network', count: 2 },
      { code: 'media', count: 100 },
    ]);
    expect(report?.startMs).toBe(600_000);
  });
});
