import type { PublicLesson } from '@artifact-stories/contracts/schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { textsOf } from '../../errors/localized.ts';
import { lessonPageMeta } from '../../services/lesson-page.ts';
import { twinTags } from '../../services/reach/head.ts';
import { injectHead } from '../../services/reach/seo.ts';
import { unlisted } from '../api/lessons/index.ts';
import { linksFor } from './context.ts';
import { pageLang } from './page-lang.ts';
import { indexReader } from './pages.ts';

type CodeRequest = FastifyRequest<{ Params: { code: string }; Querystring: { lang?: string } }>;

/**
 * The lesson pages: the class page, its printable handout and its classroom mode (/l/<code>, /l/<code>/print,
 * /l/<code>/present), the builder and the editor (/lessons/new, /lessons/<code>/edit) and the pupils' door
 * (/join). All get the app's index.html with noindex in <head> and X-Robots-Tag, and their language twins; a
 * class page also names its lesson for link previews, escaped. An unknown
 * or expired code answers 404, a taken-down lesson 410, with the same page (it says why).
 */
export default async function lessonPages(app: FastifyInstance, opts: { indexFile: string }) {
  const readIndex = indexReader(opts.indexFile);
  // The page's language: /en/l/<code> (the QR codes and shared links keep it), else ?lang=en, else Vietnamese.
  // Each page names its twin in the other language, as the public pages do (no-store: never cached by Host).
  const send = (reply: FastifyReply, lesson: PublicLesson | undefined, request: FastifyRequest) => {
    const lang = pageLang(request);
    const meta = lessonPageMeta(lesson, lang);
    const path = request.url.split('?')[0] ?? '/';
    const head = [meta.head, ...twinTags(linksFor(app, request), path, lang)].join('\n    ');
    return unlisted(reply)
      .header('Content-Type', 'text/html; charset=utf-8')
      .send(injectHead(readIndex(), { ...meta, head }));
  };

  const classPage = async (request: CodeRequest, reply: FastifyReply) => {
    try {
      return send(reply, app.lessons.open(request.params.code), request);
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (!textsOf(err) || !status || status >= 500) throw err;
      return send(reply.code(status), undefined, request);
    }
  };
  const rateLimit = { rateLimit: { max: 300, timeWindow: 600_000 } };
  app.get('/l/:code', { config: rateLimit }, classPage);
  app.get('/l/:code/print', { config: rateLimit }, classPage);
  // Classroom mode: the same lesson, on a projector.
  app.get('/l/:code/present', { config: rateLimit }, classPage);

  const plain = async (request: FastifyRequest, reply: FastifyReply) => send(reply, undefined, request);
  app.get('/join', plain);
  app.get('/lessons/new', plain);
  app.get('/lessons/:code/edit', plain);
}
