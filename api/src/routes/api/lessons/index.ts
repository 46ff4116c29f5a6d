import {
  CreatedLesson,
  ErrorResponse,
  LessonCodeParams,
  LessonInput,
  LessonItemParams,
  PublicLesson,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LocalizedError } from '../../../errors/localized.ts';
import { momentQuery } from '../../../services/reach/links.ts';
import { qrSvg } from '../../../services/reach/qr.ts';
import { linksFor } from '../../reach/context.ts';

/**
 * Lessons are made without an account, so saving is what an abuser would repeat: a teacher makes a few a day,
 * a school behind one address a few dozen an hour. Edits are more frequent (a teacher fixing typos).
 */
const CREATES_PER_HOUR = 20;
const EDITS_PER_HOUR = 120;
/**
 * Opening by code: a class behind one address opens a lesson some dozens of times; a guesser needs millions of
 * tries to find any lesson among 27⁶ codes.
 */
const OPENS_PER_10_MIN = 300;
/** Thirty items with a thousand-character note each fit in well under this. */
const LESSON_BODY_BYTES = 256 * 1024;

/**
 * Unlisted: no crawler indexes a lesson's answers or QR codes, and nothing keeps a copy a takedown would not
 * reach (no-store).
 */
export function unlisted(reply: FastifyReply): FastifyReply {
  return reply.header('X-Robots-Tag', 'noindex, nofollow').header('Cache-Control', 'no-store');
}

function bearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

const QR_RESPONSES = {
  200: Type.Unknown({ description: 'image/svg+xml' }),
  404: ErrorResponse,
  410: ErrorResponse,
};
const OPENS = { rateLimit: { max: OPENS_PER_10_MIN, timeWindow: 600_000 } };

const NoItem = (position: number) =>
  new LocalizedError(404, {
    en: `This lesson has no film ${position}.`,
    vi: `Bài học này không có phim thứ ${position}.`,
  });

/**
 * Teachers' lessons (no account: the edit token in `Authorization: Bearer` is the only key). Not guarded by an
 * Origin check like staff writes: no cookie is involved, so another site cannot act as the teacher.
 */
const lessons: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    unlisted(reply);
  });
  const codeTag = { tags: ['Lessons'] };

  app.post(
    '/',
    {
      bodyLimit: LESSON_BODY_BYTES,
      config: { rateLimit: { max: CREATES_PER_HOUR, timeWindow: 3_600_000 } },
      schema: {
        ...codeTag,
        summary: 'Make a lesson: the answer carries its class code and, once only, its edit token',
        body: LessonInput,
        response: { 201: CreatedLesson, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => reply.code(201).send(app.lessons.create(request.body)),
  );

  app.get(
    '/:code',
    {
      config: OPENS,
      schema: {
        ...codeTag,
        summary: 'A lesson as pupils see it, by its class code (any case, dashes allowed)',
        params: LessonCodeParams,
        response: { 200: PublicLesson, 404: ErrorResponse, 410: ErrorResponse },
      },
    },
    async (request) => app.lessons.open(request.params.code),
  );

  app.get(
    '/:code/edit',
    {
      config: { rateLimit: { max: EDITS_PER_HOUR, timeWindow: 3_600_000 } },
      schema: {
        ...codeTag,
        summary: "A lesson for its teacher's editor (Authorization: Bearer <edit token>)",
        params: LessonCodeParams,
        response: { 200: PublicLesson, 403: ErrorResponse, 404: ErrorResponse, 410: ErrorResponse },
      },
    },
    async (request) => app.lessons.forEditing(request.params.code, bearer(request)),
  );

  app.put(
    '/:code',
    {
      bodyLimit: LESSON_BODY_BYTES,
      config: { rateLimit: { max: EDITS_PER_HOUR, timeWindow: 3_600_000 } },
      schema: {
        ...codeTag,
        summary: 'Change a lesson (Authorization: Bearer <edit token>); its code stays',
        params: LessonCodeParams,
        body: LessonInput,
        response: { 200: PublicLesson, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => app.lessons.update(request.params.code, bearer(request), request.body),
  );

  const svg = async (reply: FastifyReply, url: string) =>
    reply.header('Content-Type', 'image/svg+xml; charset=utf-8').send(await qrSvg(url));

  app.get(
    '/:code/qr.svg',
    {
      config: OPENS,
      schema: {
        ...codeTag,
        summary: "QR code (SVG) of the lesson's class link, to project or print",
        params: LessonCodeParams,
        response: QR_RESPONSES,
      },
    },
    async (request, reply) => {
      const code = app.lessons.classCode(request.params.code);
      return svg(reply, linksFor(app, request).abs(`/l/${code}`));
    },
  );

  app.get(
    '/:code/items/:position/qr.svg',
    {
      config: OPENS,
      schema: {
        ...codeTag,
        summary: "QR code (SVG) of one item's film at its excerpt, for the printed lesson",
        params: LessonItemParams,
        response: QR_RESPONSES,
      },
    },
    async (request, reply) => {
      const target = app.lessons.itemTarget(request.params.code, request.params.position);
      if (!target) throw NoItem(request.params.position);
      const { slug, start, end, lang } = target;
      const moment =
        start === null && end === null ? undefined : { start: start ?? 0, ...(end !== null && { end }) };
      return svg(reply, `${linksFor(app, request).artifact(slug, lang)}${momentQuery(moment)}`);
    },
  );
};

export default lessons;
