export { CHROMIUM_PATH, launchChromium } from './chromium.ts';
export { type HlsPage, type HlsPageOptions, serveHlsPage } from './hls-page.ts';
export { type ClipRecipe, makeClip } from './make-clip.ts';
