import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeOffline, savedRecord, saveOffline } from './store.ts';

// store.ts against an in-memory Cache Storage and network: what each saved thing keeps, and what a new save or
// a removal does to the others. The real browser runs the same in web/test/offline*.test.ts.

class FakeCache {
  readonly entries = new Map<string, Response>();
  async put(url: string, response: Response) {
    this.entries.set(url, response);
  }
}

class FakeCaches {
  readonly named = new Map<string, FakeCache>();
  async open(name: string) {
    const cache = this.named.get(name) ?? new FakeCache();
    this.named.set(name, cache);
    return cache;
  }
  async has(name: string) {
    return this.named.has(name);
  }
  async delete(name: string) {
    return this.named.delete(name);
  }
  async keys() {
    return [...this.named.keys()];
  }
  /** Every URL the service worker could answer from, in any saved thing's cache. */
  urls() {
    return new Set([...this.named.values()].flatMap((c) => [...c.entries.keys()]));
  }
}

let caches: FakeCaches;
/** What the network answers: a path's body, or its failure. */
let network: Map<string, string | number>;

beforeEach(() => {
  caches = new FakeCaches();
  network = new Map();
  const storage = new Map<string, string>();
  vi.stubGlobal('caches', caches);
  vi.stubGlobal('window', { isSecureContext: true, caches });
  vi.stubGlobal('navigator', { serviceWorker: { register: async () => ({}), ready: Promise.resolve() } });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
  });
  vi.stubGlobal('fetch', async (url: string) => {
    const answer = network.get(url) ?? 404;
    return typeof answer === 'number' ? new Response('no', { status: answer }) : new Response(answer);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const files = (...urls: string[]) => urls.map((url) => ({ url }));
const serve = (...urls: string[]) => {
  for (const url of urls) network.set(url, `body of ${url}`);
};
const nothing = () => {};

describe('saved things that share a film', () => {
  it('keep it when either one is removed', async () => {
    serve('/artifacts/khen', '/media/khen.mp4', '/l/BCD234', '/api/lessons/BCD234');
    await saveOffline('film:khen', files('/artifacts/khen', '/media/khen.mp4'), nothing);
    await saveOffline('lesson:BCD234', files('/l/BCD234', '/api/lessons/BCD234', '/media/khen.mp4'), nothing);

    await removeOffline('lesson:BCD234');
    expect(await savedRecord('lesson:BCD234')).toBeNull();
    expect(await savedRecord('film:khen')).not.toBeNull();
    expect(caches.urls()).toEqual(new Set(['/artifacts/khen', '/media/khen.mp4']));
  });
});

describe('saving again (the teacher changed the lesson)', () => {
  it('replaces the copy: a film taken out of the lesson is no longer kept', async () => {
    serve('/l/BCD234', '/media/old.mp4', '/media/new.mp4');
    await saveOffline('lesson:BCD234', files('/l/BCD234', '/media/old.mp4'), nothing, { version: 'a' });
    const record = await saveOffline('lesson:BCD234', files('/l/BCD234', '/media/new.mp4'), nothing, {
      version: 'b',
    });
    expect(caches.urls()).toEqual(new Set(['/l/BCD234', '/media/new.mp4']));
    expect(await caches.keys()).toEqual([record.cache]);
    expect(await savedRecord('lesson:BCD234')).toMatchObject({ version: 'b' });
  });

  it('keeps the copy saved before when the new save fails', async () => {
    serve('/l/BCD234', '/media/old.mp4');
    await saveOffline('lesson:BCD234', files('/l/BCD234', '/media/old.mp4'), nothing, { version: 'a' });
    network.set('/media/new.mp4', 503);
    await expect(
      saveOffline('lesson:BCD234', files('/l/BCD234', '/media/new.mp4'), nothing, { version: 'b' }),
    ).rejects.toThrow('/media/new.mp4: 503');
    expect(await savedRecord('lesson:BCD234')).toMatchObject({ version: 'a' });
    expect(caches.urls()).toEqual(new Set(['/l/BCD234', '/media/old.mp4']));
  });
});

describe('a copy saved before copies were versioned', () => {
  it('is still found, and removed whole', async () => {
    await caches.open('offline:film:khen');
    localStorage.setItem('offline-saved', JSON.stringify({ 'film:khen': { bytes: 1, savedAt: 'x' } }));
    expect(await savedRecord('film:khen')).toEqual({ bytes: 1, savedAt: 'x' });
    await removeOffline('film:khen');
    expect(await caches.keys()).toEqual([]);
  });
});
