/**
 * What a media path may look like and how each file is typed: one list for the app's media route
 * (plugins/app/media.ts) and the front server's configuration (front/caddyfile.ts), so both answer alike.
 */

/** One path segment under /media: no dot first (temp folders, `..`), no slash, nothing encoded. */
export const MEDIA_SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]*';

/** The pipeline's own list (it types the objects it puts in a bucket too). */
export { MEDIA_CONTENT_TYPES } from '@artifact-stories/media-pipeline';

/** Media answers may be fetched by players on other sites (embeds, IIIF viewers). */
export const MEDIA_CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range',
};
