// main.ts's first import, so that it runs before the rest of the app is evaluated and rendered (a few hundred
// milliseconds on a phone): a page that opens on a film starts fetching its player code now.
import { startPlayerCodeEarly } from './lib/player/early-code.ts';

startPlayerCodeEarly(window.location.pathname);
