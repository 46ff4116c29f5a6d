import type {
  ClipHealth,
  NetworkClass,
  PlaybackErrorCode,
  PlaybackHealth,
  PlaybackReport,
} from '@artifact-stories/contracts/schemas';
import { LocalizedError } from '../errors/localized.ts';
import type {
  ClipTotals,
  PlaybackClip,
  PlaybackCount,
  PlaybackKey,
  PlaybackSums,
} from '../repositories/playback.repository.ts';

/** What the service needs of the database (PlaybackRepository). */
export interface PlaybackStore {
  publishedClip(videoId: string, version: string): PlaybackClip | undefined;
  add(key: PlaybackKey, sums: PlaybackSums, counts: readonly PlaybackCount[]): void;
  totalsSince(fromDay: number, network: NetworkClass | 'all'): ClipTotals[];
}

/**
 * Upper bounds (ms) of the start-time histogram's buckets, each √2 times the one before, from 125 ms to 64 s;
 * one more bucket holds everything slower. Fixed for ever (stored rows name buckets by index): a median read
 * from them is within one bucket, about ±20 %, which is all a dashboard needs to tell 1 s from 4 s from 20 s.
 */
export const START_BUCKETS_MS = [
  125, 177, 250, 354, 500, 707, 1000, 1414, 2000, 2828, 4000, 5657, 8000, 11314, 16000, 22627, 32000, 45255,
  64000,
] as const;

/** The histogram bucket a start time falls in: the first whose upper bound is above it. */
export function startBucket(ms: number): number {
  const i = START_BUCKETS_MS.findIndex((upper) => ms < upper);
  return i === -1 ? START_BUCKETS_MS.length : i;
}

/**
 * The p-quantile (0–1) of the values counted in `buckets` (index → count), interpolated linearly inside the
 * bucket it falls in; the open last bucket answers its lower bound. Null when nothing was counted.
 */
export function percentileFromBuckets(buckets: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...buckets.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const target = p * total;
  let below = 0;
  for (let i = 0; i <= START_BUCKETS_MS.length; i++) {
    const count = buckets.get(i) ?? 0;
    if (count > 0 && below + count >= target) {
      const low = i === 0 ? 0 : (START_BUCKETS_MS[i - 1] as number);
      const high = START_BUCKETS_MS[i] ?? low;
      return Math.round(low + ((high - low) * (target - below)) / count);
    }
    below += count;
  }
  return null;
}

const DAY_MS = 86_400_000;
/** Days since the epoch, in UTC: the only time a report is kept at. */
const utcDay = (ms: number) => Math.floor(ms / DAY_MS);

const unknownClip = () =>
  new LocalizedError(404, {
    en: 'No published clip has this video id and version. Reports count only for clips on show; reload the page.',
    vi: 'Không có đoạn phim đã công bố nào với mã video và phiên bản này. Chỉ tính báo cáo cho phim đang công bố; hãy tải lại trang.',
  });

/** Adds reports to the day's aggregates and turns the aggregates into the staff's per-clip summary. */
export class PlaybackHealthService {
  constructor(
    private readonly store: PlaybackStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one report. A draft, a deleted clip or a superseded version answers exactly as a clip that never
   * existed (404), so reports reveal nothing of what is unpublished. A rung the clip does not have is refused.
   */
  record(report: PlaybackReport): void {
    const clip = this.store.publishedClip(report.videoId, report.version);
    if (!clip) throw unknownClip();
    const msByRung = new Map<number, number>();
    for (const { rung, ms } of report.rungs) {
      if (!clip.rungs.includes(rung)) {
        throw new LocalizedError(
          400,
          {
            en: `This clip has no ${rung}p rung (it has ${clip.rungs.join(', ')}). Report the rungs the player played.`,
            vi: `Đoạn phim này không có mức ${rung}p (chỉ có ${clip.rungs.join(', ')}). Hãy báo đúng các mức trình phát đã phát.`,
          },
          { field: 'rungs' },
        );
      }
      msByRung.set(rung, (msByRung.get(rung) ?? 0) + ms);
    }
    const counts: PlaybackCount[] = [...msByRung].map(([rung, ms]) => ({
      kind: 'rung_ms',
      key: `${rung}`,
      value: ms,
    }));
    // A play counts on the rung it spent most of its time on (in the report that carries its tap).
    const main = [...msByRung].sort((a, b) => b[1] - a[1])[0];
    if (report.started && main && main[1] > 0)
      counts.push({ kind: 'rung_plays', key: `${main[0]}`, value: 1 });
    if (report.startMs !== undefined)
      counts.push({ kind: 'start_bucket', key: `${startBucket(report.startMs)}`, value: 1 });
    for (const e of report.errors) counts.push({ kind: 'error', key: e.code, value: e.count });
    this.store.add(
      {
        artifactId: clip.artifactId,
        videoId: clip.videoId,
        version: clip.version,
        day: utcDay(this.now()),
        network: report.network,
      },
      {
        plays: report.started ? 1 : 0,
        firstFrames: report.startMs === undefined ? 0 : 1,
        stalls: report.stalls,
        stalledMs: report.stalledMs,
        watchedMs: [...msByRung.values()].reduce((a, b) => a + b, 0),
      },
      counts,
    );
  }

  /** Per clip version, the last `days` UTC days (today included), one network class or all. */
  summary(days: number, network: NetworkClass | 'all'): PlaybackHealth {
    const fromDay = utcDay(this.now()) - days + 1;
    return { days, network, clips: this.store.totalsSince(fromDay, network).map(clipHealth) };
  }
}

function clipHealth(t: ClipTotals): ClipHealth {
  const of = (kind: PlaybackCount['kind']) => t.counts.filter((c) => c.kind === kind);
  const buckets = new Map(of('start_bucket').map((c) => [Number(c.key), c.value]));
  const rungMs = new Map(of('rung_ms').map((c) => [Number(c.key), c.value]));
  const rungPlays = new Map(of('rung_plays').map((c) => [Number(c.key), c.value]));
  const playsOnRungs = [...rungPlays.values()].reduce((a, b) => a + b, 0);
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  return {
    artifactId: t.artifactId,
    slug: t.slug,
    title: { vi: t.titleVi, en: t.titleEn },
    version: t.version,
    plays: t.plays,
    firstFrames: t.firstFrames,
    medianStartMs: percentileFromBuckets(buckets, 0.5),
    p90StartMs: percentileFromBuckets(buckets, 0.9),
    stalls: t.stalls,
    watchedSec: t.watchedMs / 1000,
    stalledSec: t.stalledMs / 1000,
    stallRatio: t.watchedMs > 0 ? t.stalledMs / t.watchedMs : null,
    rungs: [...new Set([...rungMs.keys(), ...rungPlays.keys()])]
      .sort((a, b) => b - a)
      .map((rung) => ({
        rung,
        plays: share(rungPlays.get(rung) ?? 0, playsOnRungs),
        seconds: share(rungMs.get(rung) ?? 0, t.watchedMs),
      })),
    errors: of('error')
      .map((c) => ({ code: c.key as PlaybackErrorCode, count: c.value }))
      .sort((a, b) => b.count - a.count),
  };
}
