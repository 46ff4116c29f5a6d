import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fp from 'fastify-plugin';

/** CSP: hls.js plays through MediaSource (blob: media) and may run a blob: worker; everything else is self. */
function csp(frameAncestors: string[]) {
  return {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      // data: for the empty `data:,WEBVTT` <track> that hls.js (1.7) gives each subtitle track.
      mediaSrc: ["'self'", 'blob:', 'data:'],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      frameAncestors,
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  };
}

/**
 * Route option for the embed page, the one page other sites may frame (oEmbed hands out its iframe).
 * @fastify/helmet merges it over the options below.
 */
export const FRAMEABLE: { helmet: Omit<FastifyHelmetOptions, 'global'> } = {
  helmet: { contentSecurityPolicy: csp(['*']), frameguard: false },
};

/**
 * Powerful features no page of the site uses are off; the player keeps fullscreen, picture-in-picture and
 * autoplay for itself (an embedding site delegates them with the iframe's `allow`).
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'autoplay=(self)',
  'fullscreen=(self)',
  'picture-in-picture=(self)',
].join(', ');

const HSTS = 'max-age=31536000';

export default fp(async (app) => {
  await app.register(helmet, {
    // Every page but the embed page is framed by nobody else (staff pages above all: clickjacking).
    contentSecurityPolicy: csp(["'self'"]),
    frameguard: { action: 'sameorigin' },
    // HSTS means something only over https (browsers ignore it over http); set below when the request was.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    // request.protocol is https directly over TLS, or behind a trusted proxy that says so (TRUST_PROXY).
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
  });
});
