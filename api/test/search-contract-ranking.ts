import { expect, it } from 'vitest';
import type { SearchContext } from './search-contract-context.ts';
import { artifactInput } from './staff-helpers.ts';

/**
 * Vietnamese that ranks right: folding finds "H'Mông" from "hmong", but among the words that fold alike
 * the one meant ranks first and only it is marked. Expected sets come from SQL over the catalogue.
 */
export function rankingCases(ctx: SearchContext): void {
  const { search, slugs } = ctx;
  const sql = <T>(query: string, ...params: unknown[]) => ctx.catalogue().sql<T>(query, ...params);

  /** Published artifacts whose title, material or story holds the word (SQLite LIKE folds ASCII case only). */
  const holding = (word: string) =>
    sql<{ slug: string }>(
      `SELECT slug FROM artifacts WHERE status = 'published' AND (title_vi LIKE ? OR material_vi LIKE ?
       OR story_vi LIKE ?)`,
      ...Array(3).fill(`%${word}%`),
    ).map((r) => r.slug);

  const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]?.toLowerCase());

  it('"gốm" typed with tones: the pottery first, texts that merely say "gồm" below', async () => {
    const pottery = holding('gốm');
    const consistsOf = holding('gồm').filter((s) => !pottery.includes(s));
    expect(pottery.length).toBeGreaterThanOrEqual(2);
    expect(consistsOf.length).toBeGreaterThanOrEqual(2);
    const found = slugs(await search({ q: 'gốm', pageSize: 50 }));
    expect(new Set(found.slice(0, pottery.length))).toEqual(new Set(pottery));
  });

  it('"gom" without tones is read as the catalogue\'s word: gốm (a title and a material) above gồm', async () => {
    const pottery = holding('gốm');
    const found = slugs(await search({ q: 'gom', pageSize: 50 }));
    expect(new Set(found.slice(0, pottery.length))).toEqual(new Set(pottery));
    // Recall is kept: the look-alikes still come, below.
    const consistsOf = holding('gồm').filter((s) => !pottery.includes(s));
    for (const slug of consistsOf) expect(found.indexOf(slug)).toBeGreaterThanOrEqual(pottery.length);
  });

  it('"mong" without tones: the H\'Mông artifacts above a story that merely says "mỏng" (thin)', async () => {
    const thin = holding('mỏng').filter((s) => !ctx.catalogue().publishedOfGroup('hmong').includes(s));
    expect(thin.length).toBeGreaterThan(0);
    const hmong = ctx.catalogue().publishedOfGroup('hmong');
    const found = slugs(await search({ q: 'mong', pageSize: 50 }));
    expect(new Set(found.slice(0, hmong.length))).toEqual(new Set(hmong));
  });

  it('the meant word outranks a look-alike repeated in a shorter text, and only it is marked', async () => {
    // Two stories alone decide: one says gốm once, the other says gồm again and again (BM25 alone would
    // rank it first). Neither title nor material has either word.
    const publish = (slug: string, title: { vi: string; en: string }, story: string) =>
      ctx.app.repos.artifacts.create(
        artifactInput({
          slug,
          title,
          story: { vi: story, en: title.en },
          category: 'household',
          ethnicGroups: ['kinh'],
          material: { vi: 'Tre', en: 'Bamboo' },
        }),
        'published',
      );
    const pot = publish(
      'rank-pot',
      { vi: 'Bình nước', en: 'Water flask' },
      'Chiếc bình nhỏ bằng gốm, dùng để đựng nước uống trong nhà sàn.',
    );
    const offering = publish(
      'rank-offering',
      { vi: 'Mâm lễ', en: 'Offering tray' },
      'Mâm gồm gạo, gồm rượu, gồm gà, gồm hoa.',
    );
    try {
      await ctx.app.searchSync.drain();
      const order = async (q: string) => slugs(await search({ q, pageSize: 50 }));
      const before = (list: string[], a: string, b: string) => {
        expect(list, list.join(' ')).toContain(a);
        if (list.includes(b)) expect(list.indexOf(a)).toBeLessThan(list.indexOf(b));
      };
      // Typed with tones, either way round; without tones, the catalogue's gốm (titles, materials).
      before(await order('gốm'), 'rank-pot', 'rank-offering');
      before(await order('gồm'), 'rank-offering', 'rank-pot');
      before(await order('gom'), 'rank-pot', 'rank-offering');
      const hit = (await search({ q: 'gốm', pageSize: 50 })).hits.find(
        (h) => h.artifact.slug === 'rank-offering',
      );
      if (hit) expect(marked(hit.snippetHtml)).not.toContain('gồm');
    } finally {
      ctx.app.repos.artifacts.delete(pot.id);
      ctx.app.repos.artifacts.delete(offering.id);
      await ctx.app.searchSync.drain();
    }
  });

  it('never marks a different word that folds the same as the query', async () => {
    for (const q of ['gốm', 'gom']) {
      const r = await search({ q, pageSize: 50 });
      const pottery = new Set(holding('gốm'));
      for (const hit of r.hits) {
        const words = [...marked(hit.titleHtml), ...marked(hit.snippetHtml)];
        // Typed with tones: never gồm. Without: not in a document that has the catalogue's gốm.
        if (q === 'gốm' || pottery.has(hit.artifact.slug))
          expect(words, `${q} ${hit.artifact.slug}`).not.toContain('gồm');
      }
      expect(
        r.hits.some((h) => marked(h.snippetHtml).includes('gốm') || marked(h.titleHtml).includes('gốm')),
      ).toBe(true);
    }
    const thin = await search({ q: 'Mông', pageSize: 50 });
    for (const hit of thin.hits) expect(marked(hit.snippetHtml)).not.toContain('mỏng');
  });

  it('searches a "phrase" as its words and ignores a -word exclusion, in both engines alike', async () => {
    const plain = slugs(await search({ q: 'cồng chiêng', pageSize: 50 }));
    expect(slugs(await search({ q: '"cồng chiêng"', pageSize: 50 }))).toEqual(plain);
    expect(slugs(await search({ q: 'khèn -hmong', pageSize: 50 }))).toEqual(
      slugs(await search({ q: 'khèn', pageSize: 50 })),
    );
  });
}
