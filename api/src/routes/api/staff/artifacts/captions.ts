import { formatBytes } from '@artifact-stories/contracts/format';
import { MAX_CAPTION_BYTES } from '@artifact-stories/contracts/limits';
import {
  CaptionCues,
  CaptionParams,
  CaptionQuery,
  CueFixBody,
  CueParams,
  ErrorResponse,
  StaffArtifactDetail,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StaffServices } from '../../../../container.ts';
import { requestLang } from '../../../../errors/lang.ts';
import { LocalizedError } from '../../../../errors/localized.ts';

/**
 * PUT /api/staff/artifacts/:id/captions/:lang with the SRT or WebVTT file as the raw body, DELETE to remove a
 * language. Either queues a 'captions' job: a new version sharing the current one's media, no encode.
 */
/** What a caption change answers: the artifact as staff now see it, or why not. */
const CHANGE_RESPONSES = {
  200: StaffArtifactDetail,
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

const captions: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  // text/plain is parsed as a string by Fastify already; these two are the caption types browsers send.
  app.addContentTypeParser(
    ['text/vtt', 'application/x-subrip'],
    { parseAs: 'string', bodyLimit: MAX_CAPTION_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.put(
    '/:id/captions/:lang',
    {
      bodyLimit: MAX_CAPTION_BYTES,
      schema: {
        tags: ['Staff'],
        summary: `Attach captions (SRT or WebVTT, at most ${formatBytes(MAX_CAPTION_BYTES)}) in a language to the newest video; makes a new version without re-encoding`,
        description:
          'Send the file as the body with Content-Type text/vtt, application/x-subrip or text/plain. ' +
          'The same call with another file replaces the track.',
        security: [{ session: [] }],
        params: CaptionParams,
        querystring: CaptionQuery,
        response: { ...CHANGE_RESPONSES, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => {
      const text = typeof request.body === 'string' ? request.body : '';
      if (!text.trim()) {
        throw new LocalizedError(400, {
          en: 'The body is empty: send the caption file itself as text/vtt, application/x-subrip or text/plain.',
          vi:
            'Nội dung gửi lên đang trống: hãy gửi chính tệp phụ đề, dạng text/vtt, application/x-subrip ' +
            'hoặc text/plain.',
        });
      }
      await services.captions.attach(request.params.id, request.params.lang, text, request.query);
      return services.artifacts.detail(request.params.id, requestLang(request));
    },
  );

  app.get(
    '/:id/captions/:lang/cues',
    {
      schema: {
        tags: ['Staff'],
        summary: "The cues of the newest video's track in this language, with their times, for the editor",
        security: [{ session: [] }],
        params: CaptionParams,
        response: {
          200: CaptionCues,
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) => services.captions.cues(request.params.id, request.params.lang),
  );

  app.put(
    '/:id/captions/:lang/cues/:index',
    {
      schema: {
        tags: ['Staff'],
        summary: "Fix one cue's words (its timing stays); makes a new version without re-encoding",
        security: [{ session: [] }],
        params: CueParams,
        body: CueFixBody,
        response: CHANGE_RESPONSES,
      },
    },
    async (request) => {
      const { id, lang, index } = request.params;
      await services.captions.fixCue(id, lang, index, request.body.text);
      return services.artifacts.detail(id, requestLang(request));
    },
  );

  app.delete(
    '/:id/captions/:lang',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Remove a caption language from the newest video; makes a new version without re-encoding',
        security: [{ session: [] }],
        params: CaptionParams,
        response: CHANGE_RESPONSES,
      },
    },
    async (request) => {
      await services.captions.remove(request.params.id, request.params.lang);
      return services.artifacts.detail(request.params.id, requestLang(request));
    },
  );
};

export default captions;
