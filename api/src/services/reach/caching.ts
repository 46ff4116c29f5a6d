/**
 * How long caches may keep what the site answers, decided in one place (README "Security", takedown).
 * Anything that names a film — playlists, captions, posters, IIIF, oEmbed, the sitemap, QR codes — lives
 * one minute and is revalidated after (ETag / Last-Modified make that a 304), so unpublishing reaches every
 * cache within a minute. Video segments stay immutable: their URLs carry the version and are reachable only
 * through a playlist, which is gone once the film is. The progressive MP4 is the whole film in one file,
 * linked from og:video and IIIF, so it names the film too.
 */
export const TAKEDOWN_SECONDS = 60;
export const NAMES_A_FILM = `public, max-age=${TAKEDOWN_SECONDS}, must-revalidate`;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Media files that are only bytes of a version (segments, rungs' init segments): safe to keep for good. */
export const VERSIONED_BYTES = /(\.m4s|\/init\.mp4)$/i;

export function mediaCacheControl(file: string): string {
  return VERSIONED_BYTES.test(file) ? IMMUTABLE : NAMES_A_FILM;
}

/**
 * Headers for an answer that carries absolute links. Without PUBLIC_URL the links come from the Host header
 * the client wrote: right for that client, never for a shared cache, so such answers are not stored.
 */
export function linkedAnswerHeaders(publicUrl: string, policy: string): Record<string, string> {
  return publicUrl ? { 'Cache-Control': policy } : { 'Cache-Control': 'no-store', Vary: 'Host' };
}
