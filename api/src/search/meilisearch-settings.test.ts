import { describe, expect, it } from 'vitest';
import {
  checkVersion,
  filterExpressions,
  indexSettings,
  markup,
  preferredFilter,
  toMeiliDocument,
} from './meilisearch-settings.ts';
import { keepWord } from './readings.ts';

// What the Meilisearch engine sends, checked against how v1.12.8 reads it (no server can run here).
describe('meilisearch settings and filters', () => {
  it('splits words at < and >, adds no synonyms, ranks title above story, and can filter by exact form', () => {
    const s = indexSettings();
    // Without them "<b>Sáo</b>" indexes as one word "<b>sao<".
    expect(s.separatorTokens).toEqual(expect.arrayContaining(['<', '>']));
    // Folded one-syllable other names ("de", "mong") would widen every query; ethnicGroupNames finds groups.
    expect(s.synonyms).toEqual({});
    const searchable = s.searchableAttributes ?? [];
    expect(searchable.indexOf('title.vi')).toBeLessThan(searchable.indexOf('ethnicGroupNames'));
    expect(searchable.indexOf('ethnicGroupNames')).toBeLessThan(searchable.indexOf('story.vi'));
    expect(searchable).not.toContain('exact');
    // The spoken words last: the attribute rule puts a match in them alone below titles and groups.
    expect(searchable.at(-1)).toBe('cues.text');
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(['ethnicGroups', 'languageFamilies', 'category', 'hasCaptions', 'exact']),
    );
    expect(s.localizedAttributes).toEqual([
      { attributePatterns: ['*.vi'], locales: ['vie'] },
      { attributePatterns: ['*.en'], locales: ['eng'] },
    ]);
  });

  it('quotes filter values as the parser unescapes them: \\" only, backslashes as typed', () => {
    const f = { ethnicGroup: 'hmong', category: 'costume', region: 'Hà "Giang"', hasCaptions: true };
    expect(filterExpressions(f)).toEqual([
      'ethnicGroups = "hmong"',
      'category = "costume"',
      '(region.vi = "Hà \\"Giang\\"" OR region.en = "Hà \\"Giang\\"")',
      'hasCaptions = true',
    ]);
    expect(filterExpressions(f, 'ethnicGroup')).not.toContain('ethnicGroups = "hmong"');
    // A backslash is not doubled (the parser would keep both); a trailing one would escape the quote.
    expect(filterExpressions({ category: 'a\\b' })).toEqual(['category = "a\\b"']);
    expect(filterExpressions({ category: 'ab\\' })).toEqual(['category = "ab"']);
  });

  it('indexes every word with its diacritics as ASCII keys and asks for the meant forms first', () => {
    const doc = toMeiliDocument({
      id: 1,
      slug: 'gom',
      title: { vi: 'Gốm Chăm', en: 'Cham pottery' },
      story: { vi: 'Bộ sưu tập gồm hai chiếc', en: '' },
      ethnicGroups: ['cham'],
      ethnicGroupNames: ["H'Mông"],
      languageFamilies: [],
      category: 'household',
      region: { vi: '', en: '' },
      material: { vi: '', en: '' },
      hasCaptions: true,
      cues: [{ lang: 'vi', start: 1, end: 2, text: 'Tiếng khèn' }],
      publishedAt: 1,
    });
    expect(doc.exact).toEqual(
      expect.arrayContaining(['g_1ed1m', 'g_1ed3m', 'pottery', 'hm_f4ng', 'm_f4ng', 'kh_e8n']),
    );
    expect(doc.exact.every((k) => /^[\x21-\x7e]+$/.test(k))).toBe(true);
    const readings = [
      { term: 'gom', forms: ['gốm'], toned: false },
      { term: 'cham', forms: [], toned: false },
    ];
    expect(preferredFilter(undefined, readings)).toBe('exact IN ["g_1ed1m"]');
    expect(preferredFilter('cham', readings)).toBe('ethnicGroups = "cham" AND exact IN ["g_1ed1m"]');
    expect(preferredFilter(undefined, [{ term: 'cham', forms: [], toned: false }])).toBeUndefined();
  });

  it('escapes the text and turns only the placeholder tags into <mark>, unmarking look-alikes', () => {
    expect(markup('\uE000Khèn\uE001 <script>&')).toBe('<mark>Khèn</mark> &lt;script&gt;&amp;');
    expect(markup(undefined)).toBe('');
    const keep = keepWord([{ term: 'gom', forms: ['gốm'], toned: true }], () => true);
    expect(markup('\uE000Gốm\uE001 \uE000gồm\uE001', keep)).toBe('<mark>Gốm</mark> gồm');
  });

  it('requires Meilisearch 1.10 or newer (localizedAttributes)', () => {
    expect(() => checkVersion('1.9.1')).toThrow(/1\.9\.1 is too old.*v1\.10/);
    expect(() => checkVersion('0.30.0')).toThrow(/too old/);
    for (const v of ['1.10.0', '1.12.8', '2.0.0']) expect(() => checkVersion(v)).not.toThrow();
  });
});
