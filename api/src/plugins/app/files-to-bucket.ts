import fp from 'fastify-plugin';
import { moveCaptionsToBucket, moveSourcesToBucket } from '../../services/files-to-bucket.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Settles once files on this disk are in the bucket (at once without one): the queue bridge waits for it. */
    filesInBucket: Promise<void>;
  }
}

/**
 * With a bucket configured, sources and caption files still on this disk (from before the bucket) are copied into
 * it, so a worker on another machine can read them (services/files-to-bucket.service.ts). Caption files before the
 * app takes requests (they are small, and staff write the same keys); sources after, in the background. Jobs go to
 * Redis only then, naming the files' new places (the bridge builds each payload from the catalogue).
 */
export default fp(
  async (app) => {
    if (!app.config.s3) {
      app.decorate('filesInBucket', Promise.resolve());
      return;
    }
    let settle = () => {};
    app.decorate('filesInBucket', new Promise<void>((resolve) => (settle = resolve)));
    app.addHook('onReady', async () => {
      const captions = await moveCaptionsToBucket(app.repos);
      if (captions.moved)
        app.log.info(`Copied ${captions.moved} caption files from this disk into the bucket`);
      if (captions.missing.length)
        app.log.warn(
          { files: captions.missing },
          'caption files named by the catalogue are not on this disk',
        );
      moveSourcesToBucket(app.repos, (m) => app.log.info(m))
        .then(({ moved, missing }) => {
          if (moved) app.log.info(`Copied ${moved} sources from this disk into the bucket`);
          if (missing.length)
            app.log.warn(
              { files: missing },
              'sources named by the catalogue are not on this disk: their clips cannot be transcoded again',
            );
        })
        .catch((err: unknown) =>
          app.log.error({ err }, 'copying sources into the bucket failed; it resumes at the next start'),
        )
        .finally(settle);
    });
  },
  { name: 'files-to-bucket', dependencies: ['database'] },
);
