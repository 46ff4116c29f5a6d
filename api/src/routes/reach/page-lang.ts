import { langOfPath, stripLang } from '@artifact-stories/contracts/lang-path';
import type { Lang } from '@artifact-stories/contracts/schemas';
import type { FastifyRequest } from 'fastify';

/**
 * Fastify's `rewriteUrl`: /en/<page> is answered by the route of /<page>, so every public page, those added
 * later included, has its English twin behind the same publishing checks (a draft is a 404 in both
 * languages). `request.originalUrl` keeps the prefix for the page's language. Only pages are rewritten:
 * /en/api/..., /en/staff and /en/media/... name nothing and stay 404.
 */
export function withoutLangPrefix(url: string): string {
  const cut = url.indexOf('?');
  const path = cut === -1 ? url : url.slice(0, cut);
  if (langOfPath(path) !== 'en') return url;
  const bare = stripLang(path);
  if (langOfPath(bare) === undefined) return url;
  return `${bare}${cut === -1 ? '' : url.slice(cut)}`;
}

/** The language a page request reads in: its /en/ path, else `?lang=en` (links made before /en/), else Vietnamese. */
export function pageLang(request: FastifyRequest): Lang {
  const url = request.originalUrl;
  const cut = url.indexOf('?');
  if (langOfPath(cut === -1 ? url : url.slice(0, cut)) === 'en') return 'en';
  return (request.query as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'vi';
}
