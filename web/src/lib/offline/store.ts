// The browser side of offline saving: one Cache Storage cache per saved thing (a film, a lesson, an exhibition),
// filled only when the visitor asks, served by the service worker (web/src/sw/sw.ts) when the network is gone,
// and removed whole. What was saved (its size, when) is remembered in localStorage for the button's label.
//
// Two saved things may share files (a lesson and one of its films saved alone): each keeps its own copy in its
// own cache, so removing one never takes a file the other needs. A new save of the same thing (the teacher
// changed the lesson) fills a new cache and drops the old one only once the new one is whole.
import type { AssetList, OfflineFile } from './plan.ts';

const CACHE_PREFIX = 'offline:';
const RECORDS_KEY = 'offline-saved';

export interface SavedRecord {
  bytes: number;
  savedAt: string;
  /** The cache holding this copy; absent in records written before copies were versioned (`offline:<key>`). */
  cache?: string;
  /** What the saved copy showed (see collection.ts fingerprint), to tell when it is older than the page. */
  version?: string;
}

/** Service workers need a secure context (https, or localhost); old browsers have none. */
export function offlineSupported(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator && 'caches' in window;
}

/** The code list of this build (a few KB); fetched only when someone is about to save. */
export async function assetList(): Promise<AssetList> {
  const response = await fetch('/offline-assets.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`offline-assets.json: ${response.status}`);
  return (await response.json()) as AssetList;
}

/** Registered on the first save, never before: a visitor who saves nothing gets no worker and no extra request. */
async function ensureWorker(): Promise<void> {
  await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
}

function readRecords(): Record<string, SavedRecord> {
  try {
    return JSON.parse(localStorage.getItem(RECORDS_KEY) ?? '{}') as Record<string, SavedRecord>;
  } catch {
    return {};
  }
}

function writeRecords(records: Record<string, SavedRecord>): void {
  try {
    localStorage.setItem(RECORDS_KEY, JSON.stringify(records));
  } catch {
    // The cache is what plays offline; without the record the button only forgets the size.
  }
}

/** Every cache of a thing: its saved copy, and any left by a save that a closed tab cut short. */
async function cachesOf(key: string): Promise<string[]> {
  const name = CACHE_PREFIX + key;
  return (await caches.keys()).filter((n) => n === name || n.startsWith(`${name}@`));
}

export async function savedRecord(key: string): Promise<SavedRecord | null> {
  if (!offlineSupported()) return null;
  const record = readRecords()[key];
  if (!record || !(await caches.has(record.cache ?? CACHE_PREFIX + key))) return null;
  return record;
}

/**
 * Fetches every file into a new cache for the thing, one at a time (a slow link shares itself badly), reporting
 * bytes as they arrive. All or nothing: on a failure or a cancel the new cache is removed and a copy saved before
 * stays, so "saved" always plays. Files already saved (the code, the films) come from the device, not the network.
 */
export async function saveOffline(
  key: string,
  files: OfflineFile[],
  onProgress: (bytes: number) => void,
  options: { signal?: AbortSignal; version?: string } = {},
): Promise<SavedRecord> {
  const { signal, version } = options;
  await ensureWorker();
  const name = `${CACHE_PREFIX}${key}@${Date.now()}`;
  const cache = await caches.open(name);
  let bytes = 0;
  try {
    for (const file of files) {
      const response = await fetch(file.url, { signal, credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
      const body = await response.blob();
      bytes += body.size;
      onProgress(bytes);
      await cache.put(file.url, new Response(body, { headers: storedHeaders(response.headers, body.size) }));
    }
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
  const record: SavedRecord = { bytes, savedAt: new Date().toISOString(), cache: name, version };
  writeRecords({ ...readRecords(), [key]: record });
  for (const old of await cachesOf(key)) if (old !== name) await caches.delete(old);
  return record;
}

/** The body is stored decoded: the wire's encoding and length would misdescribe it when served back. */
function storedHeaders(wire: Headers, size: number): Headers {
  const headers = new Headers(wire);
  headers.delete('content-encoding');
  headers.delete('transfer-encoding');
  headers.set('content-length', String(size));
  return headers;
}

export async function removeOffline(key: string): Promise<void> {
  for (const name of await cachesOf(key)) await caches.delete(name);
  const records = readRecords();
  delete records[key];
  writeRecords(records);
}

/** Everything this site keeps on the device (all its caches and storage), as the browser counts it. */
export async function spaceUsed(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage ?? null;
}

/**
 * Whether a file is saved on this device. Asked by the player before it picks an engine: only pages that a
 * service worker controls can have saved files, so for everyone else it costs nothing.
 */
export async function isSaved(url: string): Promise<boolean> {
  if (!navigator.serviceWorker?.controller || !('caches' in window)) return false;
  return Boolean(await caches.match(url));
}
