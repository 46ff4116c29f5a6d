import { describe, expect, it } from 'vitest';
import { filterExpressions, indexSettings, markup } from './meilisearch.ts';

// The pure parts of the Meilisearch engine (its behaviour is the contract in search-meilisearch.test.ts,
// which needs a running server).
describe('meilisearch engine: settings, filters, highlight markup', () => {
  it('makes every name of a group a synonym of all the others, and ranks title above story', () => {
    const s = indexSettings([
      ["H'Mông", 'Mèo', 'meo', 'hmong'],
      ['Tày', 'Thổ', 'tay'],
      ['Thổ', 'tho'],
    ]);
    expect(s.synonyms?.meo).toEqual(["H'Mông", 'Mèo', 'hmong']);
    expect(s.synonyms?.hmong).toEqual(["H'Mông", 'Mèo', 'meo']);
    // A name in two sets (Thổ is a group and an old name of the Tày) is a synonym of both.
    expect(s.synonyms?.Thổ).toEqual(['Tày', 'tay', 'tho']);
    const searchable = s.searchableAttributes ?? [];
    expect(searchable.indexOf('title.vi')).toBeLessThan(searchable.indexOf('ethnicGroupNames'));
    expect(searchable.indexOf('ethnicGroupNames')).toBeLessThan(searchable.indexOf('story.vi'));
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(['ethnicGroups', 'languageFamilies', 'category', 'hasCaptions']),
    );
    expect(s.localizedAttributes).toEqual([
      { attributePatterns: ['*.vi'], locales: ['vie'] },
      { attributePatterns: ['*.en'], locales: ['eng'] },
    ]);
  });

  it('quotes filter values and leaves out the facet being counted', () => {
    const f = { ethnicGroup: 'hmong', category: 'costume', region: 'Hà "Giang"', hasCaptions: true };
    expect(filterExpressions(f)).toEqual([
      'ethnicGroups = "hmong"',
      'category = "costume"',
      '(region.vi = "Hà \\"Giang\\"" OR region.en = "Hà \\"Giang\\"")',
      'hasCaptions = true',
    ]);
    expect(filterExpressions(f, 'ethnicGroup')).not.toContain('ethnicGroups = "hmong"');
  });

  it('escapes the text and turns only the placeholder tags into <mark>', () => {
    expect(markup('\uE000Khèn\uE001 <script>&')).toBe('<mark>Khèn</mark> &lt;script&gt;&amp;');
    expect(markup(undefined)).toBe('');
  });
});
