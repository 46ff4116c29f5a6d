import { expect, it } from 'vitest';
import type { SearchContext } from './search-contract-context.ts';
import { type Filters, facetRecord } from './search-contract-sql.ts';
import { artifactInput } from './staff-helpers.ts';

/** What a visitor finds: folding, names, typos, prefixes, ranking, facets, drafts, highlights. */
export function queryCases(ctx: SearchContext): void {
  const { search, slugs } = ctx;
  const sql = <T>(query: string, ...params: unknown[]) => ctx.catalogue().sql<T>(query, ...params);
  const publishedOfGroup = (group: string) => ctx.catalogue().publishedOfGroup(group);

  it.each(['hmong', "H'Mông", 'Mông', 'meo', 'HMÔNG'])(
    '"%s" finds the H\'Mông artifacts first',
    async (q) => {
      const expected = publishedOfGroup('hmong');
      expect(expected.length).toBeGreaterThanOrEqual(3);
      const r = await search({ q });
      expect(new Set(slugs(r).slice(0, expected.length))).toEqual(new Set(expected));
    },
  );

  it('a query naming a group ranks its artifacts before others that merely contain the word', async () => {
    // "mèo" is an old name of the H'Mông, and also the word for cat: a cat painting has it in its title.
    const cat = ctx.app.repos.artifacts.create(
      artifactInput({
        slug: 'tranh-con-meo',
        title: { vi: 'Tranh con mèo', en: 'Painting of a cat (mèo)' },
        story: { vi: 'Tranh dân gian vẽ con mèo.', en: 'A folk painting of a cat.' },
        category: 'painting',
        ethnicGroups: ['kinh'],
      }),
      'published',
    );
    try {
      await ctx.app.searchSync.drain();
      const hmong = publishedOfGroup('hmong');
      const found = slugs(await search({ q: 'mèo' }));
      expect(new Set(found.slice(0, hmong.length))).toEqual(new Set(hmong));
      expect(found).toContain('tranh-con-meo');
      // A query that is no group name ranks by relevance alone: the title match leads.
      expect(slugs(await search({ q: 'tranh con mèo' }))[0]).toBe('tranh-con-meo');
    } finally {
      ctx.app.repos.artifacts.delete(cat.id);
      await ctx.app.searchSync.drain();
    }
  });

  it.each(['ede', 'rhade', 'Ê Đê', 'Ê-đê'])('"%s" finds the Ê Đê artifacts', async (q) => {
    const expected = publishedOfGroup('e-de');
    expect(expected).toContain('che-ruou-can-e-de');
    const r = await search({ q });
    expect(new Set(slugs(r).slice(0, expected.length))).toEqual(new Set(expected));
  });

  it.each(['cong chieng', 'cồng chiêng', 'CONG CHIENG'])('"%s" finds the gongs first', async (q) => {
    expect(slugs(await search({ q }))[0]).toBe('cong-chieng-tay-nguyen');
  });

  it('"dan tinh" finds the đàn tính, matching both words (đ is d)', async () => {
    const hit = (await search({ q: 'dan tinh', lang: 'vi' })).hits[0];
    expect(hit?.artifact.slug).toBe('dan-tinh-tay');
    expect(hit?.titleHtml).toBe('<mark>Đàn</mark> <mark>tính</mark> Tày');
    const drum = (await search({ q: 'dong son', lang: 'en' })).hits[0];
    expect(drum?.artifact.slug).toBe('trong-dong-dong-son');
    expect(drum?.titleHtml).toBe('<mark>Đông</mark> <mark>Sơn</mark> bronze drum');
  });

  it('forgives one typo in a word of five letters or more, not in shorter words', async () => {
    expect(slugs(await search({ q: 'chiemg' }))).toContain('cong-chieng-tay-nguyen');
    expect(slugs(await search({ q: 'hmomg' }))).toEqual(expect.arrayContaining(publishedOfGroup('hmong')));
    expect(slugs(await search({ q: 'brocadr' }))).toContain('tho-cam-thai');
    // "khăn" with one letter wrong ("khqn") is too short to be forgiven.
    expect(slugs(await search({ q: 'khan' }))).toContain('khan-pieu-thai');
    expect(slugs(await search({ q: 'khqn' }))).not.toContain('khan-pieu-thai');
  });

  it('matches a prefix while typing: "kh" finds the khèn', async () => {
    const r = await search({ q: 'kh' });
    expect(slugs(r)).toContain('khen-hmong');
    // The embedded engine marks the whole word, Meilisearch the typed prefix: both show where it matched.
    expect(r.hits.find((h) => h.artifact.slug === 'khen-hmong')?.titleHtml).toMatch(/^<mark>Kh(èn)?<\/mark>/);
  });

  it('ranks a title match above a story-only match ("khèn")', async () => {
    const storyOnly = sql<{ slug: string }>(
      `SELECT slug FROM artifacts WHERE status = 'published' AND title_vi NOT LIKE '%khèn%'
       AND title_en NOT LIKE '%khèn%' AND (story_vi LIKE '%khèn%' OR story_en LIKE '%khèn%')`,
    ).map((r) => r.slug);
    expect(storyOnly.length).toBeGreaterThan(0);
    const found = slugs(await search({ q: 'khèn' }));
    expect(found[0]).toBe('khen-hmong');
    for (const slug of storyOnly) expect(found.indexOf(slug)).toBeGreaterThan(0);

    // Even a story that repeats the word does not outrank a title that has it once.
    const base = {
      category: 'musical-instrument',
      material: { vi: 'Tre', en: 'Bamboo' },
      region: { vi: 'Lào Cai', en: 'Lao Cai' },
      featured: false,
      ethnicGroups: ['giay'],
    };
    const titled = ctx.app.repos.artifacts.create(
      {
        ...base,
        slug: 'ranking-title',
        accessionNumber: 'TEST-RANK-1',
        title: { vi: 'Khèn lá', en: 'Leaf pipe' },
        story: { vi: 'Một nhạc cụ nhỏ làm từ lá cây.', en: 'A small instrument made of a leaf.' },
      },
      'published',
    );
    const repeated = ctx.app.repos.artifacts.create(
      {
        ...base,
        slug: 'ranking-story',
        accessionNumber: 'TEST-RANK-2',
        title: { vi: 'Sáo trúc', en: 'Bamboo flute' },
        story: {
          vi: 'Khèn và sáo. Tiếng khèn, điệu khèn, người thổi khèn, bài khèn, hội khèn.',
          en: 'Khèn and flute: khèn tunes, khèn players, khèn songs.',
        },
      },
      'published',
    );
    try {
      await ctx.app.searchSync.drain();
      const order = slugs(await search({ q: 'khèn', pageSize: 50 }));
      expect(order).toContain('ranking-story');
      expect(order.indexOf('ranking-title')).toBeLessThan(order.indexOf('ranking-story'));
    } finally {
      ctx.app.repos.artifacts.delete(titled.id);
      ctx.app.repos.artifacts.delete(repeated.id);
      await ctx.app.searchSync.drain();
    }
  });

  it('an empty query lists everything published, newest first, with paging', async () => {
    const expected = sql<{ slug: string }>(
      `SELECT slug FROM artifacts WHERE status = 'published' ORDER BY published_at DESC, id DESC`,
    ).map((r) => r.slug);
    const all = await search({ q: '', pageSize: 50 });
    expect(all.total).toBe(expected.length);
    expect(slugs(all)).toEqual(expected);
    const page2 = await search({ pageSize: 5, page: 2 });
    expect(slugs(page2)).toEqual(expected.slice(5, 10));
    expect(page2.total).toBe(expected.length);
  });

  it.each<Filters>([
    {},
    { category: 'musical-instrument' },
    { ethnicGroup: 'hmong' },
    { languageFamily: 'tay-thai' },
    { ethnicGroup: 'ba-na', category: 'architecture' },
    { languageFamily: 'mong-dao', category: 'costume' },
  ])('filters and facet counts agree with the catalogue: %o', async (filters) => {
    const r = await search({ q: '', pageSize: 50, ...filters });
    const expected = ctx.catalogue().expectedFacets(filters);
    expect(r.total).toBe(expected.total);
    expect(facetRecord(r.facets.ethnicGroup)).toEqual(expected.ethnicGroup);
    expect(facetRecord(r.facets.languageFamily)).toEqual(expected.languageFamily);
    expect(facetRecord(r.facets.category)).toEqual(expected.category);
    for (const h of r.hits) {
      if (filters.category) expect(h.artifact.category.slug).toBe(filters.category);
      if (filters.ethnicGroup)
        expect(h.artifact.ethnicGroups.map((g) => g.slug)).toContain(filters.ethnicGroup);
      if (filters.languageFamily)
        expect(h.artifact.languageFamilies.map((f) => f.slug)).toContain(filters.languageFamily);
    }
    // Facets carry names from the reference data, largest count first.
    const counts = r.facets.ethnicGroup.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    if (r.facets.category[0]) expect(r.facets.category[0].name.vi).not.toBe(r.facets.category[0].slug);
  });

  it('a filter narrows a query consistently with the facet counts of that query', async () => {
    const unfiltered = await search({ q: 'hmong', pageSize: 50 });
    const costume = unfiltered.facets.category.find((c) => c.slug === 'costume');
    expect(costume?.count).toBeGreaterThan(0);
    const filtered = await search({ q: 'hmong', category: 'costume', pageSize: 50 });
    expect(filtered.total).toBe(costume?.count);
    expect(filtered.hits.every((h) => h.artifact.category.slug === 'costume')).toBe(true);
  });

  it('never shows drafts, whatever the query', async () => {
    const drafts = sql<{ slug: string; title_vi: string; title_en: string }>(
      `SELECT slug, title_vi, title_en FROM artifacts WHERE status = 'draft'`,
    );
    expect(drafts.length).toBeGreaterThan(0);
    const queries = ['', 'draft', 'bản nháp', ...drafts.flatMap((d) => [d.title_vi, d.title_en])];
    for (const q of queries) {
      const found = slugs(await search({ q, pageSize: 50 }));
      for (const d of drafts) expect(found, `q=${q}`).not.toContain(d.slug);
    }
  });

  it('highlights matches in the original text, in the requested language', async () => {
    const vi = (await search({ q: 'cong chieng', lang: 'vi' })).hits[0];
    expect(vi?.titleHtml).toBe('<mark>Cồng</mark> <mark>chiêng</mark> Tây Nguyên');
    expect(vi?.snippetHtml).toMatch(/<mark>[Cc]ồng<\/mark>/);
    const en = (await search({ q: 'gongs', lang: 'en' })).hits[0];
    expect(en?.artifact.slug).toBe('cong-chieng-tay-nguyen');
    expect(en?.titleHtml).toBe('Central Highlands <mark>gongs</mark>');
    // A match only in a title gives no story excerpt; an empty query marks nothing.
    const plain = (await search({ q: '', pageSize: 1 })).hits[0];
    expect(plain?.titleHtml).not.toContain('<mark>');
    expect(plain?.snippetHtml).toBe('');
  });
}
