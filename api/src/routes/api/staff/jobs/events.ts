import type { ServerResponse } from 'node:http';
import { ErrorResponse } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StaffServices } from '../../../../container.ts';

const POLL_MS = 500;
const KEEP_ALIVE_MS = 15_000;

/**
 * GET /api/staff/jobs/events: Server-Sent Events, one `event: job` (JobView JSON) per change. It polls the
 * jobs table, so it also sees a worker in another process; a comment every 15 s keeps proxies from closing it.
 */
const events: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  const open = new Set<ServerResponse>();
  // Open streams would keep the server from closing: end them before it waits for connections.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get(
    '/events',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Live job changes (text/event-stream; `event: job`, data: a JobView)',
        security: [{ session: [] }],
        response: { 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        // nginx would otherwise buffer the stream and deliver it in lumps.
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      open.add(res);

      const feed = services.jobFeed();
      const poll = setInterval(() => {
        try {
          for (const job of feed.poll()) res.write(`event: job\ndata: ${JSON.stringify(job)}\n\n`);
        } catch (err) {
          request.log.error({ err }, 'job feed poll failed');
        }
      }, POLL_MS);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const stop = () => {
        clearInterval(poll);
        clearInterval(keepAlive);
        open.delete(res);
      };
      request.raw.on('close', stop);
      res.on('close', stop);
    },
  );
};

export default events;
