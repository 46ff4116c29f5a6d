import {
  ArtifactDetail,
  ArtifactListQuery,
  ArtifactPage,
  ErrorResponse,
  SlugParams,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LocalizedError } from '../../../errors/localized.ts';
import { NAMES_A_FILM } from '../../../services/reach/caching.ts';
import { chaptersVtt } from '../../../services/reach/chapters-vtt.ts';

const notPublished = (slug: string) =>
  new LocalizedError(404, {
    en: `No published artifact has the slug "${slug}".`,
    vi: `Không tìm thấy hiện vật nào đã công bố với đường dẫn «${slug}».`,
  });

const artifacts: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Artifacts'],
        summary: 'Published artifacts, filtered and paged',
        querystring: ArtifactListQuery,
        response: { 200: ArtifactPage },
      },
    },
    async (request) => app.catalogue.listPublished(request.query),
  );

  app.get(
    '/:slug',
    {
      schema: {
        tags: ['Artifacts'],
        summary: 'One published artifact with its video, story and related clips',
        params: SlugParams,
        response: { 200: ArtifactDetail, 404: ErrorResponse },
      },
    },
    async (request) => {
      const detail = app.catalogue.publishedDetail(request.params.slug);
      if (!detail) throw notPublished(request.params.slug);
      return detail;
    },
  );

  app.get(
    '/:slug/chapters.vtt',
    {
      schema: {
        tags: ['Artifacts'],
        summary: 'The chapters of a published clip as a WebVTT chapters track (<track kind="chapters">)',
        description:
          'One cue per chapter, in the language asked (vi by default; an English title not written yet falls ' +
          'back to the Vietnamese one). A published clip without chapters answers an empty track.',
        params: SlugParams,
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
        }),
        response: { 200: Type.String({ description: 'text/vtt' }), 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const detail = app.catalogue.publishedDetail(request.params.slug);
      if (!detail) throw notPublished(request.params.slug);
      if (!detail.video) {
        throw new LocalizedError(404, {
          en: `"${request.params.slug}" has no ready film yet, so it has no chapters. Try again once it is ready.`,
          vi: `«${request.params.slug}» chưa có phim sẵn sàng nên chưa có chương. Hãy thử lại khi phim đã xong.`,
        });
      }
      // Like playlists and captions: it names a film, so an unpublished one leaves caches within a minute.
      return reply
        .header('Content-Type', 'text/vtt; charset=utf-8')
        .header('Cache-Control', NAMES_A_FILM)
        .send(chaptersVtt(detail.video.chapters, request.query.lang ?? 'vi'));
    },
  );
};

export default artifacts;
