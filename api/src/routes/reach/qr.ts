import { ErrorResponse, type Lang, SlugParams } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { QR_PNG_SIZES, qrPng, qrSvg } from '../../services/reach/qr.ts';
import { cacheLinked, linksFor, sendError } from './context.ts';

const QrQuery = Type.Object({
  lang: Type.Optional(
    Type.Union([Type.Literal('vi'), Type.Literal('en')], {
      description:
        'en links to the English page (/en/...); without it the code links to the root page, which opens in the language of the phone that scans it',
    }),
  ),
});

const PngQuery = Type.Object({
  ...QrQuery.properties,
  size: Type.Optional(
    Type.Integer({
      minimum: QR_PNG_SIZES.min,
      maximum: QR_PNG_SIZES.max,
      default: QR_PNG_SIZES.default,
      description: 'Width and height in pixels',
    }),
  ),
});

/** A QR code per published artifact, linking to its page: printed on the label beside the object. */
const qr: FastifyPluginAsyncTypebox = async (app) => {
  /** The code of a published artifact's page, as a file named for saving; a 404 in the app's shape if none. */
  async function sendQr(
    request: FastifyRequest,
    reply: FastifyReply,
    { slug, lang = 'vi' }: { slug: string; lang?: Lang },
    file: { ext: 'svg' | 'png'; contentType: string },
    draw: (url: string) => Promise<string | Buffer>,
  ) {
    if (app.repos.artifacts.bySlug(slug)?.status !== 'published') {
      return sendError(
        reply,
        404,
        'Not Found',
        `No published artifact has the slug "${slug}"; publish it before printing its label.`,
      );
    }
    return cacheLinked(app, reply)
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `inline; filename="${slug}-qr.${file.ext}"`)
      .send(await draw(linksFor(app, request).artifact(slug, lang)));
  }

  app.get(
    '/api/artifacts/:slug/qr.svg',
    {
      schema: {
        tags: ['Reach'],
        summary: "QR code (SVG) linking to a published artifact's page",
        params: SlugParams,
        querystring: QrQuery,
        response: { 200: Type.Unknown({ description: 'image/svg+xml' }), 404: ErrorResponse },
      },
    },
    async (request, reply) =>
      sendQr(
        request,
        reply,
        { slug: request.params.slug, lang: request.query.lang },
        { ext: 'svg', contentType: 'image/svg+xml; charset=utf-8' },
        (url) => qrSvg(url),
      ),
  );

  app.get(
    '/api/artifacts/:slug/qr.png',
    {
      // Large PNGs cost real CPU; a print run needs a handful, not thousands.
      preHandler: app.rateLimit({ max: 120, timeWindow: 60_000 }),
      schema: {
        tags: ['Reach'],
        summary: "QR code (PNG) linking to a published artifact's page",
        params: SlugParams,
        querystring: PngQuery,
        response: { 200: Type.Unknown({ description: 'image/png' }), 404: ErrorResponse },
      },
    },
    async (request, reply) =>
      sendQr(
        request,
        reply,
        { slug: request.params.slug, lang: request.query.lang },
        { ext: 'png', contentType: 'image/png' },
        (url) => qrPng(url, request.query.size),
      ),
  );
};

export default qr;
