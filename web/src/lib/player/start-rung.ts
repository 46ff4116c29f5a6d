// Which rung to start on, from what is known of the link before a single segment has been timed. A wrong
// guess upward costs a stall and a re-download of the opening seconds (the player abandons the fragment and
// fetches the same time range lower); a guess downward costs only a few seconds of a softer picture, as the
// ABR controller climbs once it has measured. So every rule here leans low.
import { HLS_SEGMENT_SEC } from '@artifact-stories/contracts/limits';

/** What the browser and earlier visits tell us about the link. Every field may be missing. */
export interface LinkHints {
  /** navigator.connection.downlink: Mbit/s (Chromium rounds it and caps it at 10). */
  downlinkMbps?: number;
  /** navigator.connection.effectiveType: 'slow-2g' | '2g' | '3g' | '4g'. */
  effectiveType?: string;
  /** navigator.connection.saveData: the visitor asked the browser to spend less data. */
  saveData?: boolean;
  /** The bandwidth hls.js measured on an earlier page (bits per second). */
  rememberedBps?: number;
}

/** A rung as the engine lists it; `width`/`height` are absent (0) for an audio-only rendition. */
export interface StartRung {
  bitrate: number;
  width: number;
  height: number;
}

/** The player's box in CSS pixels and the screen's pixel density. */
export interface PlayerBox {
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * When nothing is known: a little under hls.js's own default (500 kbit/s), about what a 3G phone in the
 * hills gets. With the safety factor it starts on the ~150 kbit/s rung, or the lowest there is.
 */
export const DEFAULT_ESTIMATE_BPS = 450_000;

/**
 * The share of the estimate a rung's peak BANDWIDTH may use: hls.js's own factor for switching up
 * (abrBandWidthUpFactor 0.7), so the start never picks what the ABR would not have climbed to.
 */
const SAFETY_FACTOR = 0.7;

/**
 * Chromium's effective connection types are thresholds on measured throughput (slow-2g ≤ 50 kbit/s,
 * 2g ≤ 70, 3g ≤ 700): the estimate never exceeds the class the browser reports.
 */
const TYPE_CEILING_BPS: Record<string, number> = {
  'slow-2g': 50_000,
  '2g': 70_000,
  '3g': 700_000,
};

/**
 * The bandwidth to plan the start with: the lowest of what was measured before and what the browser
 * says now (a phone that was on Wi-Fi yesterday may be on 3G today), capped by the connection class.
 */
export function estimateBps(hints: LinkHints): number {
  const evidence = [
    hints.rememberedBps,
    hints.downlinkMbps ? hints.downlinkMbps * 1_000_000 : undefined,
  ].filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
  let bps = evidence.length ? Math.min(...evidence) : DEFAULT_ESTIMATE_BPS;
  const ceiling = hints.effectiveType ? TYPE_CEILING_BPS[hints.effectiveType] : undefined;
  if (ceiling) bps = Math.min(bps, ceiling);
  return Math.round(bps);
}

/**
 * How long the first segment may take to arrive at the estimated bandwidth. A rung the link sustains can still
 * be slow to start on: at 2 Mbit/s a 1.2 Mbit/s rung's first 4 s segment takes 2.4 s, where a 0.4 Mbit/s rung's
 * takes 0.8 s and hls.js climbs from the next segment on (measured: 720p seg-000 arrived 2.6 s after the request).
 */
const FIRST_SEGMENT_BUDGET_SEC = 1;

const hasPicture = (r: StartRung) => r.width > 0 && r.height > 0;

/**
 * The index (in the engine's own order, which need not be sorted) of the rung to start on: the highest whose
 * bitrate fits under the safety factor of the estimate and whose first segment arrives within a second, never
 * larger than the player shows, the lowest picture rung when none fits or the visitor saves data. Audio-only
 * renditions are never a start: the visitor tapped a film. Returns -1 when there is no rung at all.
 */
export function chooseStartRung(
  rungs: readonly StartRung[],
  hints: LinkHints,
  box?: PlayerBox,
  segmentSec = HLS_SEGMENT_SEC,
): number {
  const candidates = rungs.map((r, index) => ({ ...r, index })).filter(hasPicture);
  const pool = candidates.length ? candidates : rungs.map((r, index) => ({ ...r, index }));
  if (!pool.length) return -1;
  const ascending = [...pool].sort((a, b) => a.bitrate - b.bitrate);
  const lowest = ascending[0] as (typeof ascending)[number];
  if (hints.saveData) return lowest.index;

  const estimate = estimateBps(hints);
  const budget = Math.min(estimate * SAFETY_FACTOR, (estimate * FIRST_SEGMENT_BUDGET_SEC) / segmentSec);
  const cap = box ? sizeCap(ascending, box) : Number.POSITIVE_INFINITY;
  let chosen = lowest;
  for (const r of ascending) if (r.bitrate <= budget && r.bitrate <= cap) chosen = r;
  return chosen.index;
}

/**
 * The bitrate of the smallest rung that covers the player's longer side in device pixels, by the rule of hls.js's
 * capLevelToPlayerSize (which then keeps the ABR under it): a phone's small player never starts on 1080p
 * however fast the link.
 */
function sizeCap(ascending: readonly StartRung[], box: PlayerBox): number {
  const side = Math.max(box.width, box.height) * box.pixelRatio;
  if (!(side > 0)) return Number.POSITIVE_INFINITY;
  const bySize = [...ascending].sort((a, b) => a.width * a.height - b.width * b.height);
  const covering = bySize.find((r) => r.width >= side || r.height >= side);
  return (covering ?? bySize[bySize.length - 1])?.bitrate ?? Number.POSITIVE_INFINITY;
}
