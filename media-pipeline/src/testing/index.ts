// The clip maker lives in synth/ (seeding uses it at run time); tests keep importing it from here.
export { type ClipRecipe, makeClip } from '../synth/make-clip.ts';
export { CHROMIUM_PATH, launchChromium } from './chromium.ts';
export { type HlsPage, type HlsPageOptions, serveHlsPage } from './hls-page.ts';
export { probeOf } from './probe-facts.ts';
export { type RedisServer, startRedis } from './redis-server.ts';
export { startS3Server, type TestS3Server } from './s3-server.ts';
