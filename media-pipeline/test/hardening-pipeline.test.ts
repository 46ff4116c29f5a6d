import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/ffmpeg/run.ts';
import { planLadder } from '../src/ladder/ladder.ts';
import { MediaValidationError, probeMedia } from '../src/probe/probe.ts';
import { type Job, JobQueue } from '../src/queue/job-queue.ts';
import { SqliteQueueEngine } from '../src/queue/sqlite-engine.ts';
import { type JobHandler, Worker } from '../src/queue/worker.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import { removeStaleTempFolders } from '../src/temp-folders.ts';
import { probeOf } from '../src/testing/probe-facts.ts';
import { transcode } from '../src/transcode.ts';
import type { TranscodePayload } from './queue-crash-handler.ts';
import { openQueueDb, processesMentioning, tempDir, waitFor } from './queue-helpers.ts';

// Issue 12, items 4 and 10: what one clip may cost (size, pixel rate, time), and what a killed worker leaves.

let tmp: ReturnType<typeof tempDir>;
let clip: string;
/** The same clip four times over (a stream copy, no encode): its transcode outlasts every limit and wait below. */
let longClip: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  tmp = tempDir('hardening-pipeline-');
  clip = await makeClip(
    { durationSec: 20, width: 640, height: 360, fps: 25, audio: true },
    join(tmp.dir, 'upload.mp4'),
    'Hardening',
  );
  longClip = join(tmp.dir, 'long.mp4');
  await runFfmpeg(['-stream_loop', '3', '-i', clip, '-c', 'copy', '-movflags', '+faststart', longClip]);
});
afterAll(() => {
  for (const c of children) {
    if (c.pid && c.exitCode === null && c.signalCode === null) process.kill(-c.pid, 'SIGKILL');
  }
  tmp.cleanup();
});

const temps = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('.tmp-')) : []);

async function refusalOf(file: string, limits = {}): Promise<MediaValidationError> {
  const err = await probeMedia(file, limits).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof MediaValidationError)) throw new Error(`expected a refusal, got ${err}`);
  return err;
}

describe('item 4: transcode cost has a ceiling', () => {
  it('item 4: a big picture is scaled into 1080p bounds: even sides, aspect kept, at most 30 fps', () => {
    const within = (w: number, h: number, fps = 25) => {
      const ladder = planLadder(probeOf(w, h, fps));
      for (const r of ladder) {
        expect(Math.max(r.width, r.height)).toBeLessThanOrEqual(1920);
        expect(r.width * r.height).toBeLessThanOrEqual(1920 * 1080);
        expect((r.width % 2) + (r.height % 2)).toBe(0);
        expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(16);
        expect(r.fps).toBeLessThanOrEqual(30);
      }
      return ladder.map((r) => `${r.width}x${r.height}`);
    };
    // The tall clip of the report: its top rung was 1080×8192 (H.264 level 5.1).
    expect(within(1080, 8192)[0]).toBe('252x1912');
    expect(within(8192, 1080, 60)[0]).toBe('1912x252');
    // The most extreme shape the probe lets through still has sides an encoder takes.
    expect(within(8192, 128)).toEqual(['1920x30']);
    expect(within(4000, 4000)[0]).toBe('1080x1080');
    expect(within(3840, 2160, 60)).toEqual(['1920x1080', '1280x720', '854x480', '640x360', '426x240']);
  });

  it('item 4: an absurd picture or pixel rate is refused at probe time, saying why in both languages', async () => {
    const wide = await makeClip(
      { durationSec: 1, width: 8200, height: 128, fps: 2, audio: false },
      join(tmp.dir, 'wide.mp4'),
    );
    const tooWide = await refusalOf(wide);
    expect(tooWide.reason).toBe('too-large');
    expect(tooWide.messages.en).toContain('8200×128');
    expect(tooWide.messages.en).toContain('8192 pixels on the long side');
    expect(tooWide.messages.vi).toContain('8192 điểm ảnh ở cạnh dài');
    // The pixel rate counts the frames actually read: 640×360 at 25 fps against a ceiling just below it.
    const tooFast = await refusalOf(clip, { maxPixelRate: 640 * 360 * 25 - 1 });
    expect(tooFast.reason).toBe('too-large');
    expect(tooFast.messages.en).toContain('at 25 frames per second');
    expect(tooFast.messages.vi).toContain('25 khung hình/giây');
    await expect(probeMedia(clip)).resolves.toMatchObject({ video: { width: 640, height: 360 } });
  });

  it('item 4: a job past its time limit is stopped: ffmpeg killed, job failed for good, temp folder removed', async () => {
    const db = openQueueDb(join(tmp.dir, 'time-limit.sqlite'));
    const queue = new JobQueue(db, { leaseMs: 60_000 });
    const videoDir = join(tmp.dir, 'media', 'slow-video');
    const handler: JobHandler = async (job, ctx) => {
      const { input } = job.payload as TranscodePayload;
      await transcode({
        input,
        videoDir,
        signal: ctx.signal,
        onProbed: (probe) => ctx.mediaDuration(probe.durationSec),
        onProgress: (p) => ctx.progress(p),
      });
    };
    const job = queue.enqueue('transcode', { input: longClip, videoDir } satisfies TranscodePayload);
    const ended: { job: Job; error: unknown }[] = [];
    // 80 s of video at 10 ms per second is 0.8 s: the 3 s floor rules, far below what this encode takes (and far
    // above a probe, even on a loaded machine: the limit must find the clip's length already reported).
    const worker = new Worker({
      queue: new SqliteQueueEngine(queue),
      handlers: { transcode: handler },
      pollMs: 50,
      timeLimit: { minMs: 3000, perMediaSecondMs: 10 },
      onJobEnd: (j, error) => ended.push({ job: j, error }),
    });
    worker.start();
    await waitFor(() => ended.length > 0, 60_000, 'the job to end');
    await worker.stop({ graceMs: 0 });
    const end = ended[0] as { job: Job; error: unknown };
    expect(end.job).toMatchObject({ id: job.id, state: 'failed', attempts: 1 });
    expect(end.job.error).toMatch(/stopped after 3\.0 s, its time limit for a clip lasting 80\.\d s:/);
    expect((end.error as { messages: { vi: string } }).messages.vi).toContain('hết thời hạn cho phép');
    expect(processesMentioning(videoDir)).toEqual([]);
    expect(readdirSync(videoDir)).toEqual([]);
    db.close();
  });
});

describe('item 10: nothing outlives a killed worker', () => {
  it('item 10: ffmpeg dies with its worker (kill -9), and the next worker start removes its temp folder', async () => {
    const file = join(tmp.dir, 'orphans.sqlite');
    const db = openQueueDb(file);
    const queue = new JobQueue(db, { leaseMs: 10 * 60_000 });
    const media = join(tmp.dir, 'media-orphans');
    const videoDir = join(media, 'video-1');
    const job = queue.enqueue('transcode', { input: longClip, videoDir } satisfies TranscodePayload);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'hardening-worker-child.ts'), file],
      { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(child);
    let childErr = '';
    child.stderr?.on('data', (chunk) => (childErr += chunk));
    const encoders = await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`worker process exited early: ${childErr}`);
        const running = queue.get(job.id);
        const pids = processesMentioning(videoDir);
        return running?.state === 'running' && running.progress >= 5 && pids.length > 0 && pids;
      },
      60_000,
      'the child to be mid-transcode',
    );
    // Only the worker: its ffmpeg is not signalled by anyone but the kernel.
    process.kill(child.pid as number, 'SIGKILL');
    await waitFor(() => child.signalCode === 'SIGKILL', 5000, 'the worker to die');
    await waitFor(
      () => encoders.every((pid) => !processesMentioning(videoDir).includes(pid)),
      5000,
      'ffmpeg',
    );
    expect(temps(videoDir)).toHaveLength(1);

    // Another job a live worker (the test runner's parent process) is building keeps its temp folder.
    const busyDir = join(media, 'video-2');
    mkdirSync(join(busyDir, '.tmp-vbusy-0000'), { recursive: true });
    const busy = queue.enqueue('transcode', { input: clip, videoDir: busyDir } satisfies TranscodePayload);
    expect(queue.claim(`${hostname()}:${process.ppid}:live`, ['transcode'])?.id).toBe(busy.id);

    // The dead worker's lease has minutes to run: the sweep goes by the holder being gone, not by time.
    const worker = new Worker({
      queue: new SqliteQueueEngine(queue),
      handlers: { transcode: async () => {} },
      sweep: (jobs) =>
        removeStaleTempFolders(
          media,
          jobs.map((j) => (j.payload as TranscodePayload).videoDir),
        ).then(() => {}),
    });
    worker.start();
    await waitFor(() => temps(videoDir).length === 0, 10_000, 'the stale temp folder to go');
    await worker.stop({ graceMs: 0 });
    expect(temps(busyDir)).toEqual(['.tmp-vbusy-0000']);
    expect(queue.get(job.id)?.state).toBe('running');
    db.close();
  });
});
