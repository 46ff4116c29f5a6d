import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { fakeManifest } from './helpers.ts';
import type { SearchContext } from './search-contract-context.ts';

/** A word no fixture text holds (checked first), spoken in one clip only. */
const SPOKEN = 'Chàmpaka';

/**
 * Search inside the words: caption cues of the current version are indexed with the artifact; a hit found
 * in them carries the cue's time and its line, marked by the same rules as titles and stories.
 */
export function cueCases(ctx: SearchContext): void {
  const { search, slugs } = ctx;
  const sql = <T>(query: string, ...params: unknown[]) => ctx.catalogue().sql<T>(query, ...params);
  let made = 0;

  /** Published artifacts without a video, to give captions to (the fixtures hold no media). */
  const bare = () =>
    sql<{ slug: string }>(
      `SELECT slug FROM artifacts WHERE status = 'published' AND current_video_id IS NULL ORDER BY id`,
    ).map((r) => r.slug);

  /**
   * Gives an artifact a ready video (version `version`) whose caption files say `tracks`, as the pipeline
   * leaves them: files in the version folder first, then the manifest in SQLite.
   */
  const giveCaptions = async (slug: string, tracks: Record<string, string>, version = `cues${++made}`) => {
    const artifact = ctx.app.repos.artifacts.bySlug(slug);
    if (!artifact) throw new Error(`fixture ${slug} missing`);
    const videoId =
      artifact.currentVideoId ??
      ctx.app.repos.videos.create({
        artifactId: artifact.id,
        sourcePath: '/nonexistent/source.mp4',
        sourceName: 'source.mp4',
        sourceSize: 1,
      }).id;
    const captions = Object.entries(tracks).map(([lang, vtt]) => {
      const file = `captions/${lang}.vtt`;
      const path = join(ctx.app.config.mediaDir, videoId, version, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, vtt);
      return { lang, label: lang, vtt: file, playlist: `captions/${lang}.m3u8` };
    });
    ctx.app.repos.videos.markReady(videoId, version, fakeManifest(version, { captions }));
    if (!artifact.currentVideoId) ctx.app.repos.artifacts.setCurrentVideo(artifact.id, videoId);
    await ctx.app.searchSync.drain();
    return { id: artifact.id, videoId };
  };
  const takeCaptionsAway = async (id: number) => {
    ctx.app.repos.artifacts.setCurrentVideo(id, null);
    await ctx.app.searchSync.drain();
  };

  it('a word only spoken in a clip finds it, with the cue time and the line marked', async () => {
    expect((await search({ q: SPOKEN })).total).toBe(0);
    const [slug = ''] = bare();
    const vtt = `WEBVTT\n\n00:00:03.000 --> 00:00:05.000\nMở đầu\n\n00:00:42.500 --> 00:00:45.000\nNgười già kể về hoa <i>${SPOKEN}</i> & rừng\n`;
    const { id } = await giveCaptions(slug, { vi: vtt });
    try {
      const r = await search({ q: 'champaka' });
      expect(slugs(r)).toEqual([slug]);
      const hit = r.hits[0];
      expect(hit?.cues).toEqual([
        { lang: 'vi', start: 42.5, html: `Người già kể về hoa <mark>${SPOKEN}</mark> &amp; rừng` },
      ]);
      expect(hit?.snippetHtml).toBe('');
      expect(hit?.artifact.hasCaptions).toBe(true);
    } finally {
      await takeCaptionsAway(id);
    }
    expect((await search({ q: SPOKEN })).total).toBe(0);
  });

  it('title, group and story matches rank above a clip that only says the word', async () => {
    const before = slugs(await search({ q: 'khen', pageSize: 50 }));
    expect(before.length).toBeGreaterThan(1);
    const slug = bare().find((s) => !before.includes(s)) ?? '';
    // Said three times in one short line: by score alone (BM25) it would outrank the stories.
    const { id } = await giveCaptions(slug, {
      vi: 'WEBVTT\n\n01:10.000 --> 01:12.000\nKhèn ơi khèn, tiếng khèn\n',
    });
    try {
      const r = await search({ q: 'khen', pageSize: 50 });
      // One more document shifts BM25 a little: the others' order among themselves is not the point.
      expect(new Set(slugs(r).slice(0, -1))).toEqual(new Set(before));
      expect(slugs(r).at(-1)).toBe(slug);
      // Hits found in other texts show no cues.
      expect(r.hits.slice(0, -1).every((h) => h.cues.length === 0)).toBe(true);
      expect(r.hits.at(-1)?.cues).toEqual([
        { lang: 'vi', start: 70, html: '<mark>Khèn</mark> ơi <mark>khèn</mark>, tiếng <mark>khèn</mark>' },
      ]);
    } finally {
      await takeCaptionsAway(id);
    }
  });

  it('marks only the form typed in a cue, not a different word that folds the same', async () => {
    const [slug = ''] = bare();
    const vtt = `WEBVTT\n\n00:05.000 --> 00:07.000\nBộ ${SPOKEN} này gồm ba chiếc\n\n00:09.000 --> 00:11.000\nĐều bằng gốm ${SPOKEN}\n`;
    const { id } = await giveCaptions(slug, { vi: vtt });
    try {
      const hit = (await search({ q: `gốm ${SPOKEN}` })).hits.find((h) => h.artifact.slug === slug);
      expect(hit?.cues.map((c) => c.html)).toEqual([
        `Bộ <mark>${SPOKEN}</mark> này gồm ba chiếc`,
        `Đều bằng <mark>gốm</mark> <mark>${SPOKEN}</mark>`,
      ]);
    } finally {
      await takeCaptionsAway(id);
    }
  });

  it('"has captions" filters and is counted, and a new version of the same video is reindexed', async () => {
    const [slug = ''] = bare();
    const { id, videoId } = await giveCaptions(slug, {
      vi: `WEBVTT\n\n00:01.000 --> 00:02.000\n${SPOKEN}\n`,
    });
    try {
      const captioned = sql<{ slug: string }>(
        `SELECT a.slug FROM artifacts a JOIN videos v ON v.id = a.current_video_id
         WHERE a.status = 'published' AND v.status = 'ready' AND json_array_length(v.manifest, '$.captions') > 0`,
      ).map((r) => r.slug);
      const published = sql<{ n: number }>(
        `SELECT COUNT(*) AS n FROM artifacts WHERE status = 'published'`,
      )[0]?.n;
      expect(captioned).toContain(slug);
      const all = await search({ q: '', pageSize: 50 });
      expect(all.facets.hasCaptions).toBe(captioned.length);
      const only = await search({ q: '', hasCaptions: 'true', pageSize: 50 });
      expect(new Set(slugs(only))).toEqual(new Set(captioned));
      expect(only.total).toBe(captioned.length);
      expect((await search({ q: '', hasCaptions: 'false', pageSize: 1 })).total).toBe(
        (published ?? 0) - captioned.length,
      );
      expect((await search({ q: 'khen', hasCaptions: 'true' })).total).toBe(0);

      // A caption change makes a new version of the current video: its words replace the old ones.
      await giveCaptions(slug, { vi: 'WEBVTT\n\n00:01.000 --> 00:02.000\nQuetzalcueword\n' });
      expect(ctx.app.repos.artifacts.bySlug(slug)?.currentVideoId).toBe(videoId);
      expect(slugs(await search({ q: 'quetzalcueword' }))).toEqual([slug]);
      expect((await search({ q: SPOKEN })).total).toBe(0);
    } finally {
      await takeCaptionsAway(id);
    }
  });
}
