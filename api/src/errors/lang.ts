import type { Lang } from '@artifact-stories/contracts/schemas';
import type { FastifyRequest } from 'fastify';

/**
 * The language an answer's messages are written in: Vietnamese when Accept-Language ranks `vi` (or `vi-VN`)
 * above `en`, English otherwise (the CLI, curl and browsers set to any other language). Highest q wins; on a
 * tie the one listed first.
 */
export function langOf(acceptLanguage: string | string[] | undefined): Lang {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'en';
}

export const requestLang = (request: FastifyRequest): Lang => langOf(request.headers['accept-language']);
