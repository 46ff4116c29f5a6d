import type { FastifyInstance } from 'fastify';
import iiif from './iiif.ts';
import oembed from './oembed.ts';
import qr from './qr.ts';
import robots from './robots.ts';
import sitemap from './sitemap.ts';

/**
 * Reach beyond the site (DESIGN §7): IIIF Manifests, oEmbed, the video sitemap and robots.txt and QR codes
 * (the printable gallery labels are a staff route: ../api/staff/labels.ts). The artifact pages' own metadata (Open Graph, JSON-LD) is put in by ./pages.ts, which
 * the web plugin registers because it owns index.html.
 */
export default async function reach(app: FastifyInstance) {
  await app.register(iiif);
  await app.register(oembed);
  await app.register(sitemap);
  await app.register(robots);
  await app.register(qr);
}
