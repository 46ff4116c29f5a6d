// Slow networks in a real browser: Chromium's own throttling (the DevTools protocol, as DevTools' presets
// do it) and an account of every request the page made, by kind, with the bytes that crossed the wire.
import type { CDPSession, Page } from 'playwright-core';

export interface ThrottleProfile {
  label: string;
  /** 0 = not throttled. */
  downKbps: number;
  upKbps: number;
  /** Added to every request, as DevTools does: a stand-in for the round trips a real link costs. */
  rttMs: number;
}

/**
 * The three links of issue 9. Uploads follow Chrome's presets (Slow 3G sends as fast as it receives;
 * Fast 3G sends about half): nothing we measure uploads more than a request line.
 */
export const THROTTLE_PROFILES = {
  none: { label: 'no throttling', downKbps: 0, upKbps: 0, rttMs: 0 },
  mbit2: { label: '2 Mbit/s, 150 ms', downKbps: 2000, upKbps: 1000, rttMs: 150 },
  slow3g: { label: '400 kbit/s, 400 ms (slow 3G)', downKbps: 400, upKbps: 400, rttMs: 400 },
} as const satisfies Record<string, ThrottleProfile>;

/** Bytes per second as the protocol wants them; -1 switches a direction's limit off. */
const bytesPerSec = (kbps: number) => (kbps > 0 ? (kbps * 1000) / 8 : -1);

/**
 * One DevTools session per page for throttling and recording both: a second session's Network.enable
 * clears the Network Information API values the first one set (seen in Chromium 156), while the
 * throughput limit itself holds.
 */
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function sessionFor(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page
      .context()
      .newCDPSession(page)
      .then(async (cdp) => {
        await cdp.send('Network.enable');
        return cdp;
      });
    sessions.set(page, session);
  }
  return session;
}

/**
 * Throttles the page's network from now on, until the page closes or the next call (THROTTLE_PROFILES.none
 * lifts it). Set it before the navigation: Chromium also tells the page's Network Information API
 * (navigator.connection) what the link is, rounded and with a little per-site noise (±10 %).
 */
export async function throttle(page: Page, profile: ThrottleProfile): Promise<void> {
  const cdp = await sessionFor(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rttMs,
    downloadThroughput: bytesPerSec(profile.downKbps),
    uploadThroughput: bytesPerSec(profile.upKbps),
  });
}

/**
 * What a request was for. media: HLS playlists, init and media segments (audio or video); poster: the still
 * images; captions and storyboard: the text tracks and the seek-bar thumbnails; other: the page, its code,
 * styles, fonts and api calls.
 */
export type RequestKind = 'media' | 'poster' | 'captions' | 'storyboard' | 'other';

export function requestKind(url: string): RequestKind {
  const path = new URL(url).pathname;
  if (!path.startsWith('/media/')) return 'other';
  if (/\/captions\//.test(path)) return 'captions';
  if (/\/storyboard\//.test(path)) return 'storyboard';
  if (/\/poster\/|\.(jpe?g|webp|avif|png)$/.test(path)) return 'poster';
  return 'media';
}

/**
 * The rendition and position of a media segment, from its URL alone (…/<rendition>/seg-007.m4s): which rung
 * the player fetched, without asking the player. null for playlists, init segments and everything else.
 */
export function segmentOf(url: string): { rendition: string; index: number } | null {
  const match = /\/([^/]+)\/[^/]*?(\d+)\.(m4s|ts|aac|mp4)$/.exec(new URL(url).pathname);
  if (!match || requestKind(url) !== 'media' || /init/.test(match[0])) return null;
  return { rendition: match[1] as string, index: Number(match[2]) };
}

interface RecordedRequest {
  url: string;
  kind: RequestKind;
  /** Wall-clock milliseconds (the clock of performance.timeOrigin + performance.now() in the page). */
  startedAt: number;
  /** null while in flight. */
  finishedAt: number | null;
  failed: boolean;
  /** Bytes on the wire (headers included) once finished; what arrived so far while in flight. */
  bytes: number;
  /** Arrivals while in flight, for the bytes at a given moment: [wall ms, bytes]. */
  chunks: [number, number][];
}

export interface RequestLog {
  /** Every request since recordRequests(), in the order they were sent. */
  readonly requests: readonly RecordedRequest[];
  /** Bytes received up to `at` (wall ms; default: now) by the requests `which` keeps (default: all). */
  bytes(which?: (r: RecordedRequest) => boolean, at?: number): number;
  inFlight(): number;
  /** Lists no request sent from now on; those listed still get their bytes. */
  stop(): void;
}

/** Bytes a request had received by `at`: all of them if it finished by then, else the chunks seen. */
function bytesAt(r: RecordedRequest, at: number): number {
  if (r.finishedAt !== null && r.finishedAt <= at) return r.bytes;
  return r.chunks.reduce((n, [t, b]) => (t <= at ? n + b : n), 0);
}

/**
 * Records the page's requests through the DevTools protocol (what Chromium counts, not what the page
 * reports): URL, kind, wall-clock start and end, and bytes on the wire from Network.loadingFinished's
 * encodedDataLength. Requests served from the memory cache never reach the network and are not listed.
 */
export async function recordRequests(page: Page): Promise<RequestLog> {
  const cdp = await sessionFor(page);
  const byId = new Map<string, RecordedRequest>();
  const requests: RecordedRequest[] = [];
  // The protocol stamps events with a monotonic clock and gives the wall time only when a request starts.
  let wallOffsetMs = 0;
  // Requests sent after stop() are not listed; those already listed still finish.
  let stopped = false;
  const wall = (timestamp: number) => timestamp * 1000 + wallOffsetMs;

  cdp.on('Network.requestWillBeSent', (e) => {
    if (stopped) return;
    wallOffsetMs = e.wallTime * 1000 - e.timestamp * 1000;
    // A redirect reuses the id: the hop before it is finished, and the new URL is a request of its own.
    const previous = byId.get(e.requestId);
    if (previous && e.redirectResponse) {
      previous.bytes = e.redirectResponse.encodedDataLength;
      previous.finishedAt = wall(e.timestamp);
    }
    const r: RecordedRequest = {
      url: e.request.url,
      kind: /^https?:/.test(e.request.url) ? requestKind(e.request.url) : 'other',
      startedAt: wall(e.timestamp),
      finishedAt: null,
      failed: false,
      bytes: 0,
      chunks: [],
    };
    byId.set(e.requestId, r);
    requests.push(r);
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = byId.get(e.requestId);
    if (!r || r.finishedAt !== null) return;
    // Chromium may leave the encoded length at 0 here and settle it at loadingFinished; decoded is close.
    const n = e.encodedDataLength || e.dataLength;
    r.chunks.push([wall(e.timestamp), n]);
    r.bytes += n;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.finishedAt = wall(e.timestamp);
    r.bytes = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    // An aborted request (a player switching rungs) keeps the bytes it had received.
    r.finishedAt = wall(e.timestamp);
    r.failed = true;
  });

  return {
    requests,
    bytes: (which = () => true, at = Number.POSITIVE_INFINITY) =>
      requests.filter(which).reduce((n, r) => n + bytesAt(r, at), 0),
    inFlight: () => requests.filter((r) => r.finishedAt === null).length,
    stop: () => {
      stopped = true;
    },
  };
}
