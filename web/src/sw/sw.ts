/// <reference lib="webworker" />
// The service worker serves what a visitor saved for offline use (a film, a lesson, an exhibition: see
// web/src/lib/offline/) and caches nothing on its own: a visitor who never saves anything downloads nothing
// extra, and online pages, data and films come from the network exactly as without it.
//
// It imports only its own folder, so the build makes it one classic script at the site's root (/sw.js, scope /):
// an import of a shared chunk would need a module worker, which not every browser that plays our films can run.
import { partialResponse } from './range.ts';

declare const self: ServiceWorkerGlobalScope;

/** Versioned files never change under their URL: a saved copy is as good as the network's, and costs no data. */
const IMMUTABLE = /^\/(assets|media)\//;
/** Staff pages and the staff api (uploads and live events included) are never saved and must not be touched. */
const PASS_THROUGH = /^\/(api\/staff|staff)(\/|$)/;

self.addEventListener('install', () => {
  // Nothing to fetch ahead: the first save fills the caches. A new version takes over at once.
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || PASS_THROUGH.test(url.pathname)) return;
  if (IMMUTABLE.test(url.pathname)) event.respondWith(savedFirst(request));
  else event.respondWith(networkFirst(request));
});

/** A saved copy when there is one (answering a Range request from it), else the network. */
async function savedFirst(request: Request): Promise<Response> {
  const saved = await caches.match(request.url, { ignoreVary: true });
  if (!saved) return fetch(request);
  return request.headers.has('range') ? partialResponse(request.headers.get('range') ?? '', saved) : saved;
}

/**
 * Pages and catalogue data change: the network first, the saved copy when the network fails (offline, or a
 * mountain link that drops). A page that was never saved falls back to the saved app shell, which says what
 * it cannot show.
 */
async function networkFirst(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const saved = await caches.match(request, {
      ignoreVary: true,
      ignoreSearch: request.mode === 'navigate',
    });
    if (saved) return saved;
    if (request.mode === 'navigate') {
      const shell = await caches.match('/', { ignoreVary: true });
      if (shell) return shell;
    }
    throw error;
  }
}
