// What the browser knows of the visitor's link: the Network Information API where it exists (Chromium,
// Android) and the bandwidth hls.js measured on earlier pages, kept in localStorage. One number and a time:
// no cookie, nothing about the person.
import type { LinkHints } from './start-rung.ts';

const KEY = 'player.bandwidth';
/** A measurement older than this says little about today's network (a phone moves between Wi-Fi and 3G). */
const MAX_AGE_MS = 3 * 24 * 3600 * 1000;
/** Loopback and LAN measurements reach gigabits; nothing we serve needs more than this to be "fast". */
const MAX_BPS = 50_000_000;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

interface NetworkInformation {
  downlink?: number;
  effectiveType?: string;
  saveData?: boolean;
}

/** The measurement stored by an earlier page, if it is recent and sane. */
export function rememberedBandwidth(store: Store | undefined, now: number): number | undefined {
  try {
    const saved = JSON.parse(store?.getItem(KEY) ?? 'null') as { bps?: unknown; at?: unknown } | null;
    if (typeof saved?.bps !== 'number' || typeof saved.at !== 'number') return undefined;
    if (!(saved.bps > 0) || now - saved.at > MAX_AGE_MS || saved.at > now) return undefined;
    return Math.min(saved.bps, MAX_BPS);
  } catch {
    return undefined;
  }
}

export function rememberBandwidth(store: Store | undefined, bps: number, now: number): void {
  if (!(bps > 0) || !Number.isFinite(bps)) return;
  try {
    store?.setItem(KEY, JSON.stringify({ bps: Math.round(Math.min(bps, MAX_BPS)), at: now }));
  } catch {
    // Private mode or a full quota: the next page starts from the default estimate, as a first visit does.
  }
}

/** localStorage, or nothing where the browser refuses it (some privacy settings throw on access). */
export function browserStore(): Store | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function linkHints(): LinkHints {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  return {
    downlinkMbps: connection?.downlink,
    effectiveType: connection?.effectiveType,
    saveData: connection?.saveData,
    rememberedBps: rememberedBandwidth(browserStore(), Date.now()),
  };
}
