import {
  ArtifactInput,
  ArtifactPatch,
  ErrorResponse,
  IdParams,
  PublishBody,
  StaffArtifactDetail,
  StaffArtifactListQuery,
  StaffArtifactPage,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { StaffServices } from '../../../../container.ts';
import { requestLang } from '../../../../errors/lang.ts';
import captions from './captions.ts';
import chapters from './chapters.ts';

const security = [{ session: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Artifacts as staff see them: drafts included, with the newest video in any state. */
const artifacts: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  const svc = services.artifacts;
  // What a film that is public now would need purged once it goes (services/reach/purge.ts); read before
  // the change, sent after it.
  const publicFilm = (id: number, reason: 'unpublish' | 'delete') => {
    const record = app.repos.artifacts.byId(id);
    if (record?.status !== 'published') return undefined;
    return { reason, slug: record.slug, videoIds: app.repos.videos.forArtifact(id).map((v) => v.id) };
  };

  app.get(
    '/',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Drafts and published artifacts, most recently changed first',
        security,
        querystring: StaffArtifactListQuery,
        response: { 200: StaffArtifactPage, ...errors },
      },
    },
    async (request) => svc.list(request.query, requestLang(request)),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Create a draft artifact',
        security,
        body: ArtifactInput,
        response: { 201: StaffArtifactDetail, ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.code(201).send(svc.create(request.body, requestLang(request))),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['Staff'],
        summary: 'One artifact with its newest video and the public preview',
        security,
        params: IdParams,
        response: { 200: StaffArtifactDetail, ...errors },
      },
    },
    async (request) => svc.detail(request.params.id, requestLang(request)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Change some fields of an artifact',
        security,
        params: IdParams,
        body: ArtifactPatch,
        response: { 200: StaffArtifactDetail, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => svc.update(request.params.id, request.body, requestLang(request)),
  );

  app.post(
    '/:id/publish',
    {
      // No body at all (curl, a bare fetch) is no choice made: the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['Staff'],
        summary: 'Publish: needs a ready film and a story, or the explicit choice to publish without',
        description:
          'Refused with 409 (code film_not_ready or story_missing) unless the artifact has a ready film and a ' +
          'story in at least one language, or the body says withoutFilm / withoutStory.',
        security,
        params: IdParams,
        body: PublishBody,
        response: { 200: StaffArtifactDetail, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => svc.publish(request.params.id, request.body, requestLang(request)),
  );

  app.post(
    '/:id/unpublish',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Back to draft: visitors no longer see it',
        security,
        params: IdParams,
        response: { 200: StaffArtifactDetail, ...errors },
      },
    },
    async (request) => {
      const leaving = publicFilm(request.params.id, 'unpublish');
      const detail = svc.unpublish(request.params.id, requestLang(request));
      if (leaving) services.takedown.send(leaving);
      return detail;
    },
  );

  app.delete(
    '/:id',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['Staff'],
        summary: 'Delete an artifact, its videos and their files (admins only)',
        security,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
      },
    },
    async (request, reply) => {
      const leaving = publicFilm(request.params.id, 'delete');
      const removed = svc.remove(request.params.id);
      if (leaving) services.takedown.send(leaving);
      // Files go after the row: a crash in between leaves orphan files, never a row pointing at nothing.
      for (const v of removed) await services.files.removeVideo(v);
      return reply.code(204).send(null);
    },
  );

  await app.register(captions, { services });
  await app.register(chapters, { services });
};

export default artifacts;
