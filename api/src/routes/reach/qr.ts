import { ErrorResponse, type Lang, SlugParams } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
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
  const pageUrl = (request: Parameters<typeof linksFor>[1], slug: string, lang: Lang = 'vi') => {
    const record = app.repos.artifacts.bySlug(slug);
    return record?.status === 'published' ? linksFor(app, request).artifact(slug, lang) : undefined;
  };
  const notFound = (slug: string) =>
    `No published artifact has the slug "${slug}"; publish it before printing its label.`;

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
    async (request, reply) => {
      const url = pageUrl(request, request.params.slug, request.query.lang);
      if (!url) return sendError(reply, 404, 'Not Found', notFound(request.params.slug));
      return cacheLinked(app, reply)
        .header('Content-Type', 'image/svg+xml; charset=utf-8')
        .header('Content-Disposition', `inline; filename="${request.params.slug}-qr.svg"`)
        .send(await qrSvg(url));
    },
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
    async (request, reply) => {
      const url = pageUrl(request, request.params.slug, request.query.lang);
      if (!url) return sendError(reply, 404, 'Not Found', notFound(request.params.slug));
      return cacheLinked(app, reply)
        .header('Content-Type', 'image/png')
        .header('Content-Disposition', `inline; filename="${request.params.slug}-qr.png"`)
        .send(await qrPng(url, request.query.size));
    },
  );
};

export default qr;
