import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { LocalizedError } from '../../errors/localized.ts';

/** Deeper than anything the api accepts (an artifact is two levels deep); far below what costs real time. */
const JSON_MAX_DEPTH = 32;

/**
 * Whether a JSON text nests objects and arrays deeper than `max`: one pass over the characters, skipping
 * strings, without building anything. Malformed text is left to the parser to refuse.
 */
function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Fastify's own JSON parser (secure-json-parse, refusing __proto__ and constructor poisoning) behind a depth
 * check: a megabyte of `[[[[…` costs a tenth of a second or more to parse and then to validate, so it is
 * refused with a 400 before either.
 */
async function jsonBody(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDeeperThan(text, JSON_MAX_DEPTH)) {
      done(
        new LocalizedError(400, {
          en:
            `The JSON body is nested more than ${JSON_MAX_DEPTH} levels deep; nothing this site accepts is. ` +
            'Send the data as the page sends it.',
          vi:
            `Nội dung JSON gửi lên lồng nhau sâu hơn ${JSON_MAX_DEPTH} cấp; trang này không nhận dữ liệu như vậy. ` +
            'Hãy gửi dữ liệu đúng như trang web gửi.',
        }),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}

export default fp(jsonBody, { name: 'json-body' });
