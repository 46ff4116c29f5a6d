import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/ffmpeg/run.ts';
import { rotationOf } from '../src/probe/interpret.ts';
import { MediaValidationError, probeMedia } from '../src/probe/probe.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir('probe');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

async function refusal(file: string, limits = {}): Promise<MediaValidationError> {
  const err = await probeMedia(file, limits).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof MediaValidationError)) throw new Error(`expected a refusal for ${file}, got ${err}`);
  return err;
}

/** Deterministic noise: the same "random" file every run, so the test cannot pass or fail by luck. */
function noise(bytes: number, seed = 42): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

beforeAll(async () => {
  await makeClip({ durationSec: 3, width: 320, height: 180, fps: 25, audio: true }, at('ok.mp4'));
  writeFileSync(at('empty.mp4'), '');
  writeFileSync(at('noise.mp4'), noise(200_000));
  writeFileSync(at('fake.jpg'), 'a text file named like a photo');
  await runFfmpeg(['-f', 'lavfi', '-i', 'sine=duration=3', '-c:a', 'aac', at('audio.m4a')]);
  await runFfmpeg([
    ...['-f', 'lavfi', '-i', 'sine=duration=3', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:duration=1'],
    ...['-map', '0', '-map', '1', '-frames:v', '1', '-c:v', 'mjpeg', '-disposition:v', 'attached_pic'],
    ...['-c:a', 'libmp3lame', at('cover.mp3')],
  ]);
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1', at('still.png')]);
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1', at('still.jpg')]);
  await runFfmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x240',
    '-frames:v',
    '1',
    '-c:v',
    'libx264',
    at('one.mp4'),
  ]);
  // Cut in half: with the index at the front the header still promises 3 s; without it, no index at all.
  const whole = readFileSync(at('ok.mp4'));
  writeFileSync(at('cut.mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
  await runFfmpeg(['-i', at('ok.mp4'), '-c', 'copy', at('index-at-end.mp4')]);
  const late = readFileSync(at('index-at-end.mp4'));
  writeFileSync(at('cut-no-index.mp4'), late.subarray(0, Math.floor(late.length / 2)));
  await makeClip({ durationSec: 0.5, width: 320, height: 180, fps: 25, audio: false }, at('short.mp4'));
  await makeClip({ durationSec: 2, width: 160, height: 100, fps: 25, audio: false }, at('tiny.mp4'));
});

describe('probeMedia refuses bad input, each with its own message', () => {
  it('names every problem differently and says what to do', async () => {
    const cases: [string, string, object?][] = [
      ['empty.mp4', 'empty'],
      ['noise.mp4', 'not-media'],
      ['fake.jpg', 'not-media'],
      ['audio.m4a', 'no-video'],
      ['cover.mp3', 'no-video'],
      ['still.png', 'still-image'],
      ['still.jpg', 'still-image'],
      ['one.mp4', 'still-image'],
      ['cut.mp4', 'truncated'],
      ['cut-no-index.mp4', 'truncated'],
      ['ok.mp4', 'too-long', { maxDurationSec: 2 }],
      ['short.mp4', 'too-short'],
      ['tiny.mp4', 'too-small'],
      ['does-not-exist.mp4', 'missing'],
    ];
    const messages = new Map<string, string>();
    const messagesVi = new Map<string, string>();
    const reasonOf = new Map<string, string>();
    const reasonOfVi = new Map<string, string>();
    for (const [file, reason, limits] of cases) {
      const err = await refusal(at(file), limits);
      expect(err.reason, file).toBe(reason);
      expect(err.message, file).toMatch(/\. [A-Z].*\.$/); // a diagnosis, then an instruction
      expect(err.message).not.toMatch(/ffprobe|moov|NAL|Error/);
      expect(err.messages.en).toBe(err.message);
      // The same in Vietnamese: a diagnosis, then "Hãy …" (what to do).
      expect(err.messages.vi, file).toMatch(/\. Hãy .*\.$/);
      messages.set(file, err.message);
      messagesVi.set(file, err.messages.vi);
      reasonOf.set(err.message, reason);
      reasonOfVi.set(err.messages.vi, reason);
    }
    // No two reasons share a message, in either language.
    expect(new Set(reasonOf.values()).size).toBe(new Set(cases.map((c) => c[1])).size);
    expect(new Set(reasonOfVi.values()).size).toBe(new Set(cases.map((c) => c[1])).size);
    expect(messagesVi.get('still.png')).toMatch(
      /^Tệp này là ảnh tĩnh, không phải video\. Hãy tải lên đoạn phim/,
    );
    expect(messagesVi.get('ok.mp4')).toMatch(/3,0 giây.*2,0 giây/);
    expect(messagesVi.get('cut.mp4')).toMatch(/chỉ đọc được 1,\d giây trong tổng số 3,0 giây/);
    expect(messages.get('ok.mp4')).toMatch(/3\.0 s.*2\.0 s/);
    expect(messages.get('tiny.mp4')).toMatch(/160×100.*128/);
    expect(messages.get('cut.mp4')).toMatch(/only 1\.\d s of its 3\.0 s/);
    expect(messages.get('cut-no-index.mp4')).toMatch(/index/);
  });
});

describe('probeMedia on good input', () => {
  it('reads duration, size, frame rate and audio', async () => {
    const p = await probeMedia(at('ok.mp4'));
    expect(p.durationSec).toBeCloseTo(3, 1);
    expect(p.video).toMatchObject({ codec: 'h264', width: 320, height: 180, displayWidth: 320, fps: 25 });
    expect(p.video.frameCount).toBe(75);
    expect(p.audio).toMatchObject({ codec: 'aac', channels: 2, sampleRate: 48000 });
  });

  it('accepts a clip whose sound runs on after the picture (not a truncated file)', async () => {
    await runFfmpeg([
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=2'],
      ...['-f', 'lavfi', '-i', 'sine=duration=4'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', at('long-tail.mp4')],
    ]);
    const p = await probeMedia(at('long-tail.mp4'));
    expect(p.durationSec).toBeCloseTo(4, 0);
    expect(p.video.frameCount).toBe(50);
  });

  it('honours rotation and non-square pixels in the display size', async () => {
    await makeClip(
      { durationSec: 1.5, width: 320, height: 180, fps: 25, audio: false, rotate: 90 },
      at('r.mp4'),
    );
    await makeClip(
      { durationSec: 1.5, width: 720, height: 576, fps: 25, audio: false, sar: '64:45' },
      at('s.mp4'),
    );
    await makeClip({ durationSec: 1.5, width: 854, height: 481, fps: 30, audio: false }, at('odd.mp4'));
    const rotated = await probeMedia(at('r.mp4'));
    expect(rotated.video).toMatchObject({ width: 320, height: 180, displayWidth: 180, displayHeight: 320 });
    expect([90, 270]).toContain(rotated.video.rotation);
    const wide = await probeMedia(at('s.mp4'));
    expect(wide.video).toMatchObject({ sar: [64, 45], displayWidth: 1024, displayHeight: 576 });
    await runFfmpeg([
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=1.5', '-vf', 'setfield=tff'],
      ...[
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-flags',
        '+ildct+ilme',
        '-x264-params',
        'tff=1',
        at('tape.mp4'),
      ],
    ]);
    expect((await probeMedia(at('tape.mp4'))).video.interlaced).toBe(true);
    expect(wide.video.interlaced).toBe(false);
    const odd = await probeMedia(at('odd.mp4'));
    expect(odd.video).toMatchObject({ width: 854, height: 481, displayWidth: 854, displayHeight: 480 });
  });
});

describe('rotationOf', () => {
  it('turns the display matrix (counter-clockwise) into clockwise degrees, else uses the rotate tag', () => {
    const matrix = (rotation: number) => ({
      side_data_list: [{ side_data_type: 'Display Matrix', rotation }],
    });
    expect(rotationOf(matrix(-90))).toBe(90);
    expect(rotationOf(matrix(90))).toBe(270);
    expect(rotationOf(matrix(180))).toBe(180);
    expect(rotationOf(matrix(-180))).toBe(180);
    expect(rotationOf({ tags: { rotate: '90' } })).toBe(90);
    expect(rotationOf({})).toBe(0);
  });
});
