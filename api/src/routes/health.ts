import { ffmpegBinaries } from '@artifact-stories/media-pipeline';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const Check = Type.Object({ ok: Type.Boolean(), detail: Type.String() });
const Ready = Type.Object({ ok: Type.Boolean(), checks: Type.Record(Type.String(), Check) });

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['Health'],
        summary: 'The process is up',
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async () => ({ ok: true }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Health'],
        summary: 'Database, search engine and ffmpeg are usable',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      const checks: Record<string, { ok: boolean; detail: string }> = {};
      try {
        app.repos.status.ping();
        checks.database = { ok: true, detail: 'sqlite ok' };
      } catch (err) {
        checks.database = { ok: false, detail: (err as Error).message };
      }
      try {
        const bins = ffmpegBinaries();
        checks.ffmpeg = { ok: true, detail: `${bins.ffmpeg} (${bins.ffmpegSource})` };
      } catch (err) {
        checks.ffmpeg = { ok: false, detail: (err as Error).message };
      }
      // The search plugin is always registered: what can fail is the engine behind it (Meilisearch down).
      const engine = app.searchEngine;
      const searchOk = await engine.health().catch(() => false);
      checks.search = { ok: searchOk, detail: searchOk ? `${engine.name} ok` : `${engine.name} unreachable` };
      const ok = Object.values(checks).every((c) => c.ok);
      return reply.code(ok ? 200 : 503).send({ ok, checks });
    },
  );
};

export default health;
