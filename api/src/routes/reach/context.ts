import type { ArtifactDetail, PublicVideo } from '@artifact-stories/contracts/schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { codeForStatus } from '../../errors/status-codes.ts';
import { linkedAnswerHeaders, NAMES_A_FILM } from '../../services/reach/caching.ts';
import { type SiteLinks, siteBase, siteLinks } from '../../services/reach/links.ts';

export function linksFor(app: FastifyInstance, request: FastifyRequest): SiteLinks {
  return siteLinks(siteBase(app.config.PUBLIC_URL, request));
}

/**
 * Cache headers for a successful answer carrying absolute links: `policy` when they come from PUBLIC_URL,
 * `no-store` when they come from the request's Host header (services/reach/caching.ts).
 */
export function cacheLinked(app: FastifyInstance, reply: FastifyReply, policy = NAMES_A_FILM): FastifyReply {
  return reply.headers(linkedAnswerHeaders(app.config.PUBLIC_URL, policy));
}

export type PlayableDetail = ArtifactDetail & { video: PublicVideo };

/**
 * A published artifact whose video is ready, or the reason there is none as `{ status, message }`: the
 * IIIF Manifest and oEmbed both need something to play.
 */
export function playable(
  app: FastifyInstance,
  slug: string,
): { detail: PlayableDetail } | { status: 404; message: string } {
  const detail = app.catalogue.publishedDetail(slug);
  if (!detail) return { status: 404, message: `No published artifact has the slug "${slug}".` };
  if (!detail.video) {
    return {
      status: 404,
      message: `"${slug}" has no ready video yet, and there is nothing to play without one. Try again once its clip has finished processing.`,
    };
  }
  return { detail: detail as PlayableDetail };
}

/** An error in the app's one shape, sent directly (the error handler would hide a 5xx message). */
export function sendError(reply: FastifyReply, statusCode: number, error: string, message: string) {
  // As errors/handler.ts: a takedown's 404 must not outlive a new publication in some cache.
  return reply
    .code(statusCode)
    .header('cache-control', 'no-store')
    .send({ statusCode, error, message, code: codeForStatus(statusCode) });
}
