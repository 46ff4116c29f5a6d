// From one visit's probe and request log to its numbers, and from the runs of each profile to a table row.
import { type RequestLog, segmentOf, type THROTTLE_PROFILES } from '../web/test/support/network.ts';
import type { PlaybackProbe } from './network-probe.ts';
import { median } from './stats.ts';

export interface RunResult {
  /** Played on to the clip's end (or 30 s) rather than stopped a few seconds after the first frame. */
  full: boolean;
  /** A full play still stalled when the wall-clock cap came. */
  cut: boolean;
  tapToFirstFrameMs: number | null;
  navToFirstFrameMs: number | null;
  /** The same without the harness's delay between the button showing and its tap: the page's own share. */
  pageNavToFirstFrameMs: number | null;
  beforeTap: { media: number; poster: number; other: number };
  beforeFirstFrame: { all: number; media: number } | null;
  startRung: string | null;
  settledRung: string | null;
  /** Segments fetched again for a time range already fetched (a rung switch that starts over). */
  refetched: number;
  stalls: number;
  stalledSec: number;
}

/** The issue's aims, shown beside what was measured. */
const AIMS: Record<keyof typeof THROTTLE_PROFILES, string> = {
  none: 'tap ≤ 0.3 s, nav ≤ 1 s, 0 media B before tap',
  mbit2: 'tap ≤ 1.5 s, 0 media B before tap',
  slow3g: 'tap ≤ 4 s, no stall, 0 media B before tap',
};

/** Video segments in the order they were asked for; a separate audio rendition only if there is no video. */
function segments(log: RequestLog, end: number) {
  const all = log.requests
    .filter((r) => r.startedAt <= end)
    .flatMap((r) => {
      const segment = segmentOf(r.url);
      return segment ? [segment] : [];
    });
  const video = all.filter((s) => !/audio/i.test(s.rendition));
  return video.length ? video : all;
}

export function runResult(
  probe: PlaybackProbe,
  log: RequestLog,
  at: { navigationStart: number; end: number; full: boolean; cut: boolean },
): RunResult {
  const { playShownAt, tapAt, firstFrameAt } = probe;
  const tap = tapAt ?? at.end;
  const fetched = segments(log, at.end);
  const perIndex = new Map<number, number>();
  for (const s of fetched) perIndex.set(s.index, (perIndex.get(s.index) ?? 0) + 1);
  return {
    full: at.full,
    cut: at.cut,
    tapToFirstFrameMs: firstFrameAt !== null && tapAt !== null ? firstFrameAt - tapAt : null,
    navToFirstFrameMs: firstFrameAt !== null ? firstFrameAt - at.navigationStart : null,
    pageNavToFirstFrameMs:
      firstFrameAt !== null && tapAt !== null && playShownAt !== null
        ? playShownAt - at.navigationStart + (firstFrameAt - tapAt)
        : null,
    beforeTap: {
      media: log.bytes((r) => r.kind === 'media', tap),
      poster: log.bytes((r) => r.kind === 'poster', tap),
      other: log.bytes((r) => r.kind !== 'media' && r.kind !== 'poster', tap),
    },
    beforeFirstFrame:
      firstFrameAt === null
        ? null
        : {
            all: log.bytes(undefined, firstFrameAt),
            media: log.bytes((r) => r.kind === 'media', firstFrameAt),
          },
    startRung: fetched[0]?.rendition ?? null,
    settledRung: fetched.at(-1)?.rendition ?? null,
    refetched: [...perIndex.values()].reduce((n, count) => n + count - 1, 0),
    stalls: probe.stalls.length,
    stalledSec: probe.stalls.reduce((s, x) => s + ((x.end ?? at.end) - x.start), 0) / 1000,
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const kbytes = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en');
const distinct = (xs: (string | null)[]) => [...new Set(xs.map((x) => x ?? '?'))].join('/') || '—';

/** "1.23 (0.98–1.60)": median and range; runs that never reached a first frame are counted apart. */
function timing(values: (number | null)[]): string {
  const ok = values.filter((v): v is number => v !== null);
  const missing = values.length - ok.length;
  const spread = ok.length
    ? `${seconds(median(ok))} (${seconds(Math.min(...ok))}–${seconds(Math.max(...ok))})`
    : 'none';
  return missing ? `${spread}, ${missing} without a first frame` : spread;
}

function stallsOf(runs: RunResult[]): string {
  const one = (r: RunResult) =>
    `${r.stalls}${r.stalls ? ` (${r.stalledSec.toFixed(1)} s)` : ''}${r.cut ? ' cut' : ''}`;
  const full = runs.filter((r) => r.full).map(one);
  const short = runs.filter((r) => !r.full).map(one);
  return [full.length ? `full ${full.join(', ')}` : '', short.length ? `short ${short.join(', ')}` : '']
    .filter(Boolean)
    .join(' · ');
}

export interface NetworkCell {
  key: keyof typeof THROTTLE_PROFILES;
  label: string;
  runs: RunResult[];
  /** Visits that tapped the moment the button showed (navigation → first frame). */
  immediate: RunResult[];
}

export function networkTable(cells: NetworkCell[]): Record<string, Record<string, string>> {
  const rows: Record<string, Record<string, string>> = {};
  for (const { key, label, runs, immediate } of cells) {
    const full = runs.filter((r) => r.full);
    const reached = runs.flatMap((r) => (r.beforeFirstFrame ? [r.beforeFirstFrame] : []));
    rows[label] = {
      'tap → first frame, s (median, range)': timing(runs.map((r) => r.tapToFirstFrameMs)),
      'nav → first frame, s (tap at once)': immediate.length
        ? timing(immediate.map((r) => r.navToFirstFrameMs))
        : '—',
      "the page's share: nav → button + tap → frame, s": immediate.length
        ? timing(immediate.map((r) => r.pageNavToFirstFrameMs))
        : '—',
      'stalls (stalled s)': stallsOf(runs),
      'rung: start → settled': `${distinct(runs.map((r) => r.startRung))} → ${distinct(full.map((r) => r.settledRung))}`,
      'segments fetched twice': full.map((r) => r.refetched).join(', '),
      'KB before 1st frame (media)': reached.length
        ? `${kbytes(median(reached.map((b) => b.all)))} (${kbytes(median(reached.map((b) => b.media)))})`
        : '—',
      // Media at its worst (the aim is none at all); poster and the rest as medians.
      'KB before tap: media (max)/poster/other': [
        kbytes(Math.max(...runs.map((r) => r.beforeTap.media))),
        kbytes(median(runs.map((r) => r.beforeTap.poster))),
        kbytes(median(runs.map((r) => r.beforeTap.other))),
      ].join(' / '),
      aim: AIMS[key],
    };
  }
  return rows;
}
