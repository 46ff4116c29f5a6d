import { MAX_LABELS } from '@artifact-stories/contracts/limits';
import { ErrorResponse } from '@artifact-stories/contracts/schemas';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@artifact-stories/contracts/slugs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type GalleryLabel, labelsPage } from '../../../services/reach/labels.ts';
import { qrSvg } from '../../../services/reach/qr.ts';
import { linksFor, sendError } from '../../reach/context.ts';

const LabelsQuery = Type.Object({
  slugs: Type.String({
    minLength: 1,
    maxLength: 8200,
    description: `Comma-separated artifact slugs, at most ${MAX_LABELS}`,
  }),
});

/** Staff: a printable A4 sheet of gallery labels (QR code, bilingual title, groups, accession number). */
const labels: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/labels',
    {
      schema: {
        tags: ['Reach'],
        summary: 'Printable gallery labels for chosen published artifacts (staff)',
        security: [{ session: [] }],
        querystring: LabelsQuery,
        response: {
          200: Type.Unknown({ description: 'A printable HTML page' }),
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const slugs = [
        ...new Set(
          request.query.slugs
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      const bad = slugs.filter((s) => !SLUG_PATTERN.test(s));
      if (slugs.length === 0 || bad.length > 0) {
        return sendError(
          reply,
          400,
          'Bad Request',
          bad.length
            ? `Not artifact slugs: ${bad.map((s) => JSON.stringify(s.slice(0, SLUG_MAX_LENGTH))).join(', ')}. Use lowercase letters, digits and hyphens, separated by commas.`
            : 'Name at least one artifact: slugs=a,b,c.',
        );
      }
      if (slugs.length > MAX_LABELS) {
        return sendError(
          reply,
          400,
          'Bad Request',
          `At most ${MAX_LABELS} labels per sheet (got ${slugs.length}); print in batches.`,
        );
      }
      const details = slugs.map((slug) => ({ slug, detail: app.catalogue.publishedDetail(slug) }));
      const missing = details.filter((d) => !d.detail).map((d) => d.slug);
      if (missing.length > 0) {
        return sendError(
          reply,
          404,
          'Not Found',
          `Not published (or no such artifact): ${missing.join(', ')}. A label must link to a public page: publish these first or leave them out.`,
        );
      }
      const links = linksFor(app, request);
      const items: GalleryLabel[] = await Promise.all(
        details.map(async ({ slug, detail }) => {
          const d = detail as NonNullable<typeof detail>;
          const url = links.artifact(slug);
          return {
            title: d.title,
            ethnicGroups: d.ethnicGroups.map((g) => g.name),
            accessionNumber: d.accessionNumber,
            url,
            qrSvg: await qrSvg(url),
          };
        }),
      );
      return reply
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(labelsPage(items));
    },
  );
};

export default labels;
