// The player code for a page that opens on a film, asked for as the app starts rather than once the page has
// rendered its player: on a fast link a visitor who taps at once then waits for neither (issue 9's navigation →
// first frame). Slow links keep the patient order of idle.ts: the poster first, the code while they read.
import { stripLang } from '@artifact-stories/contracts/lang-path';
import { matchRoute } from '../router/routes.ts';
import { onFastLink } from './idle.ts';

/** Pages that show a film's player at once. */
const FILM_PAGES = new Set(['artifact', 'embed']);

/** Starts fetching hls.js (the same lazy chunk the engine imports) when `pathname` is a film's page. */
export function startPlayerCodeEarly(pathname: string): void {
  if (!FILM_PAGES.has(matchRoute(stripLang(pathname)).name) || !onFastLink()) return;
  // Our service worker controls only the pages of a visitor who saved something for offline use: there the film
  // may play its saved MP4 without hls.js, and the engine decides (engine.ts) before it fetches any.
  if (navigator.serviceWorker?.controller) return;
  // The engine's own import() later gets this same module; a failure here is retried there, and reported.
  import('./hls-light.ts').catch(() => {});
}
