import type { LessonInput } from '@artifact-stories/contracts/schemas';
import type { FastifyInstance } from 'fastify';

/** A valid lesson on the given films: the first as an excerpt (2–8 s) with a question, the rest whole. */
export function lessonInput(slugs: string[], overrides: Partial<LessonInput> = {}): LessonInput {
  return {
    title: 'Nhạc cụ Tây Nguyên',
    teacherName: 'Cô Lan',
    lang: 'vi',
    items: slugs.map((artifact, i) =>
      i === 0 ? { artifact, start: 2, end: 8, note: 'Em nghe thấy gì?' } : { artifact, note: '' },
    ),
    ...overrides,
  };
}

/** A request from its own address, so each test has its own rate-limit counts. */
export function fromAddress(app: FastifyInstance, remoteAddress: string) {
  return {
    create: (body: unknown, lang = 'en') =>
      app.inject({
        method: 'POST',
        url: '/api/lessons',
        payload: body as object,
        remoteAddress,
        headers: { 'accept-language': lang },
      }),
    get: (url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, remoteAddress, headers }),
    put: (code: string, body: unknown, token?: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/lessons/${code}`,
        payload: body as object,
        remoteAddress,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
  };
}
