import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ArtifactRecord } from '../../repositories/artifacts.repository.ts';
import { publicVideo } from '../../services/catalogue.service.ts';
import { storyText } from '../../services/markdown.ts';
import type { SiteLinks } from '../../services/reach/links.ts';
import { inLang } from '../../services/reach/links.ts';
import { buildSitemap, inBothLanguages, type SitemapEntry } from '../../services/reach/sitemap.ts';
import { cacheLinked, linksFor } from './context.ts';

const PAGE = 500;

function* publishedArtifacts(app: FastifyInstance): Generator<ArtifactRecord[]> {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = app.repos.artifacts.list({ status: 'published', order: 'newest', limit: PAGE, offset });
    if (items.length === 0) return;
    yield items;
    if (items.length < PAGE) return;
  }
}

function entries(app: FastifyInstance, links: SiteLinks): SitemapEntry[] {
  const out: SitemapEntry[] = [{ loc: links.home() }];
  const { groups, families } = app.catalogue.ethnicGroups();
  for (const g of groups) out.push({ loc: links.group(g.slug) });
  // The films listing and the family pages, where they list a film: an empty listing is no page to find.
  if (families.some((f) => f.filmCount > 0)) out.push({ loc: links.abs('/films') });
  for (const f of families) if (f.filmCount > 0) out.push({ loc: links.abs(`/families/${f.slug}`) });
  // Only what has a page: published exhibitions with something to watch (the same rule as the page).
  for (const e of app.exhibitions.listPublished().items)
    out.push({ loc: links.page(`/exhibitions/${e.slug}`) });
  for (const batch of publishedArtifacts(app)) {
    const videos = app.repos.videos.byIds(batch.map((r) => r.currentVideoId).filter((v): v is string => !!v));
    for (const r of batch) {
      const video = publicVideo(r.currentVideoId ? videos.get(r.currentVideoId) : undefined);
      const poster = video && [...video.poster.jpeg].sort((a, b) => b.width - a.width)[0];
      out.push({
        loc: links.artifact(r.slug),
        lastmod: new Date(r.updatedAt).toISOString(),
        ...(video &&
          poster && {
            video: {
              thumbnailLoc: links.abs(poster.url),
              title: inLang(r.title, 'vi'),
              description: storyText(inLang(r.story, 'vi')),
              contentLoc: links.abs(video.hls),
              playerLoc: links.embed(r.slug),
              durationSec: video.durationSec,
              ...(r.publishedAt && { publicationDate: new Date(r.publishedAt).toISOString() }),
              en: { title: inLang(r.title, 'en'), description: storyText(inLang(r.story, 'en')) },
            },
          }),
      });
    }
  }
  return out;
}

/**
 * /sitemap.xml: home, every ethnic group page, the films and family pages, every published exhibition, every
 * published artifact with its clip; each in Vietnamese and in English, naming its twin.
 */
const sitemap: FastifyPluginAsync = async (app) => {
  app.get(
    '/sitemap.xml',
    { schema: { tags: ['Reach'], summary: 'Video sitemap' } },
    async (request, reply) => {
      const links = linksFor(app, request);
      return cacheLinked(app, reply)
        .header('Content-Type', 'application/xml; charset=utf-8')
        .send(buildSitemap(inBothLanguages(entries(app, links), links.base)));
    },
  );
};

export default sitemap;
