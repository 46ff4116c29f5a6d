import { ErrorResponse, LessonCodeParams, StaffLesson } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/**
 * Staff find any lesson by the code a complaint names, read what its teacher wrote and take it down (pupils
 * then see only that the museum took it down) or put it back. Any signed-in staff member may: a takedown is
 * urgent and undoable.
 */
const lessons: FastifyPluginAsyncTypebox = async (app) => {
  const schema = (summary: string) => ({
    tags: ['Staff'],
    summary,
    params: LessonCodeParams,
    response: { 200: StaffLesson, 404: ErrorResponse },
  });
  app.get(
    '/lessons/:code',
    { schema: schema('A lesson by its class code, taken down or not') },
    async (request) => app.lessons.find(request.params.code),
  );
  app.put('/lessons/:code/takedown', { schema: schema('Take a lesson down') }, async (request) =>
    app.lessons.setTakenDown(request.params.code, true),
  );
  app.delete('/lessons/:code/takedown', { schema: schema('Put a taken-down lesson back') }, async (request) =>
    app.lessons.setTakenDown(request.params.code, false),
  );
};

export default lessons;
