/**
 * Paths crawlers are asked to leave alone: staff pages (sign-in, editor), lessons (teachers' material for
 * a class, not the public catalogue) and the API. Artifact pages, group pages, media and the sitemap stay open.
 */
const ROBOTS_DISALLOW = ['/staff', '/lessons', '/api/'];

/** robots.txt naming the sitemap (an absolute URL, as the format asks). */
export function robotsTxt(sitemapUrl: string): string {
  return [
    'User-agent: *',
    ...ROBOTS_DISALLOW.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${sitemapUrl}`,
    '',
  ].join('\n');
}
