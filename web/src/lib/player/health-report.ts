// What a play session was like, as the player reports it: the pure bookkeeping, fed with times and events by
// health.ts. Nothing here knows the visitor: no id, no cookie, no address, no page URL; the clip is named by its
// video id and media version, the link only by a rough class.
import {
  REPORT_MAX_MS,
  REPORT_MAX_RUNGS,
  REPORT_MAX_STALLS,
  REPORT_MAX_START_MS,
} from '@artifact-stories/contracts/limits';
import type {
  NetworkClass,
  PlaybackErrorCode,
  PlaybackReport,
  PublicVideo,
} from '@artifact-stories/contracts/schemas';
import type { LinkHints } from './start-rung.ts';

/** The clip a report is about, from the master playlist's URL (/media/<video id>/<version>/master.m3u8). */
export function clipOf(video: Pick<PublicVideo, 'id' | 'hls'>): { videoId: string; version: string } | null {
  const path = video.hls.split(/[?#]/)[0] ?? '';
  const parts = path.split('/');
  const at = parts.indexOf(video.id);
  const version = at >= 0 ? parts[at + 1] : undefined;
  return version && /^[A-Za-z0-9_-]{1,64}$/.test(version) && /^[A-Za-z0-9_-]{1,64}$/.test(video.id)
    ? { videoId: video.id, version }
    : null;
}

/** The rungs (short sides; 0 = sound only) the clip has: time on anything else is not reported. */
export function rungsOf(video: Pick<PublicVideo, 'renditions' | 'audioOnly'>): number[] {
  return [...video.renditions.map((r) => Math.min(r.width, r.height)), ...(video.audioOnly ? [0] : [])];
}

const MBPS = 1_000_000;
/** Chromium's effective types are throughput classes (3g ≤ 700 kbit/s): the best guess when nothing was timed. */
const CLASS_OF_TYPE: Record<string, NetworkClass> = {
  'slow-2g': 'slow',
  '2g': 'slow',
  '3g': 'slow',
  '4g': 'medium',
};

/**
 * A rough class of the link: slow < 0.5 Mbit/s ≤ medium < 2 ≤ fast. The bandwidth hls.js measured on this
 * clip's own segments is the best evidence; else the browser's downlink estimate; else its effective type.
 */
export function networkClass(measuredBps: number | undefined, hints: LinkHints): NetworkClass {
  const bps =
    measuredBps && measuredBps > 0 ? measuredBps : hints.downlinkMbps ? hints.downlinkMbps * MBPS : 0;
  if (bps > 0) return bps < 0.5 * MBPS ? 'slow' : bps < 2 * MBPS ? 'medium' : 'fast';
  return (hints.effectiveType && CLASS_OF_TYPE[hints.effectiveType]) || 'unknown';
}

/** An hls.js fatal error (its type and details) as one of the short codes the api knows. */
export function errorCodeOf(type: string, details: string): PlaybackErrorCode {
  if (details.startsWith('manifest')) return 'manifest';
  if (type === 'networkError') return 'network';
  if (type === 'mediaError') return 'media';
  return 'other';
}

/** One jump of the film's time between two updates larger than this is a seek, not playing. */
const MAX_STEP_SEC = 1.5;

/**
 * One visitor's time with one clip, in milliseconds from any monotonic clock. A play is the first tap of the
 * session; the start time runs from it to the first frame; a stall is a wait for data after the first frame
 * that no seek caused; seconds count film time played, per rung.
 */
export class PlaybackSession {
  private tappedAt: number | null = null;
  private framed = false;
  private started = false;
  private startMs: number | undefined;
  private stalls = 0;
  private stalledMs = 0;
  private stallSince: number | null = null;
  private lastTime: number | null = null;
  private readonly rungMs = new Map<number, number>();
  private readonly errors = new Map<PlaybackErrorCode, number>();

  constructor(private readonly rungs: readonly number[]) {}

  tap(now: number): void {
    if (this.tappedAt !== null || this.framed) return;
    this.tappedAt = now;
    this.started = true;
  }

  firstFrame(now: number): void {
    if (this.tappedAt === null || this.framed) return;
    this.startMs = now - this.tappedAt;
    this.framed = true;
    this.tappedAt = null;
  }

  /** The element waits for data; `seeking` when a seek caused it. */
  waiting(now: number, seeking: boolean): void {
    if (!this.framed || seeking || this.stallSince !== null) return;
    this.stallSince = now;
    this.stalls++;
  }

  /** Playing again, paused, or seeking: a stall (if any) ends here. */
  resumed(now: number): void {
    if (this.stallSince === null) return;
    this.stalledMs += now - this.stallSince;
    this.stallSince = null;
  }

  seeked(time: number): void {
    this.lastTime = time;
  }

  /** The film's time moved to `time` (seconds) while showing `rung`. */
  progress(time: number, rung: number): void {
    const step = this.lastTime === null ? 0 : time - this.lastTime;
    this.lastTime = time;
    if (step <= 0 || step > MAX_STEP_SEC || !this.rungs.includes(rung)) return;
    this.rungMs.set(rung, (this.rungMs.get(rung) ?? 0) + step * 1000);
  }

  error(code: PlaybackErrorCode): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  /**
   * What happened since the last report, as a report's fields, and a fresh count from here on; null when
   * there is nothing to tell. A stall still going counts up to now and goes on counting in the next report.
   */
  take(now: number): Omit<PlaybackReport, 'videoId' | 'version' | 'network'> | null {
    if (this.stallSince !== null) {
      this.stalledMs += now - this.stallSince;
      this.stallSince = now;
    }
    const cap = (ms: number, max = REPORT_MAX_MS) => Math.min(Math.round(ms), max);
    const rungs = [...this.rungMs]
      .map(([rung, ms]) => ({ rung, ms: cap(ms) }))
      .filter((r) => r.ms > 0)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, REPORT_MAX_RUNGS);
    const errors = [...this.errors].map(([code, count]) => ({ code, count: Math.min(count, 100) }));
    const body = {
      started: this.started,
      ...(this.startMs === undefined ? {} : { startMs: cap(this.startMs, REPORT_MAX_START_MS) }),
      stalls: Math.min(this.stalls, REPORT_MAX_STALLS),
      stalledMs: cap(this.stalledMs),
      rungs,
      errors,
    };
    this.started = false;
    this.startMs = undefined;
    this.stalls = 0;
    this.stalledMs = 0;
    this.rungMs.clear();
    this.errors.clear();
    const empty =
      !body.started && body.startMs === undefined && !body.stalledMs && !rungs.length && !errors.length;
    return empty ? null : body;
  }
}
