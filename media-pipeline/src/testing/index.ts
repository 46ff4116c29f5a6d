export { CHROMIUM_PATH, launchChromium } from './chromium.ts';
export { type ClipRecipe, makeClip } from './make-clip.ts';
