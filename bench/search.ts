// Embedded search over 10,000 generated artifacts: build time, then p50/p95 of 20 typical queries.
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { EmbeddedSearchEngine } from '../api/src/search/embedded.ts';
import type { SearchDocument, SearchEngine, SearchFilters, SearchRequest } from '../api/src/search/engine.ts';
import { compact } from '../api/src/search/text.ts';
import { storyText } from '../api/src/services/markdown.ts';
import { groupNames } from '../api/src/services/search-documents.ts';
import { SearchVocabulary } from '../api/src/services/search-vocabulary.ts';
import { loadArtifacts, loadEthnicGroups } from '../fixtures/catalogue.ts';

const COUNT = 10_000;
const RUNS = 60;
const WARMUP = 5;

/** Deterministic, so runs compare: mulberry32. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Artifacts built from the fixture vocabulary: fixture objects given to other groups, stories remixed. */
function generateDocuments(count: number): SearchDocument[] {
  const random = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const groups = loadEthnicGroups();
  const bySlug = new Map(groups.map((g) => [g.slug, g]));
  const fixtures = loadArtifacts();
  const sentences = (text: string) => storyText(text).split(/(?<=[.!?])\s+/);
  const pool = {
    vi: fixtures.flatMap((a) => sentences(a.story.vi)),
    en: fixtures.flatMap((a) => sentences(a.story.en)),
  };
  const objects = fixtures.map((a) => {
    let vi = a.title.vi;
    let en = a.title.en;
    for (const slug of a.ethnicGroups) {
      const g = bySlug.get(slug);
      if (g) {
        vi = vi.replace(g.name.vi, '').trim();
        en = en.replace(g.name.vi, '').replace(g.name.en, '').trim();
      }
    }
    return { a, vi, en, story: { vi: sentences(a.story.vi), en: sentences(a.story.en) } };
  });
  const docs: SearchDocument[] = [];
  for (let id = 1; id <= count; id++) {
    const { a, vi, en, story: own_story } = pick(objects);
    const own = random() < 0.2 ? [pick(groups), pick(groups)] : [pick(groups)];
    const first = own[0] as (typeof own)[number];
    // A variant of a fixture object tells mostly that object's story, sometimes with a borrowed sentence.
    const story = (lang: 'vi' | 'en') => {
      const parts = own_story[lang].filter(() => random() < 0.7);
      if (random() < 0.3) parts.splice(Math.floor(random() * (parts.length + 1)), 0, pick(pool[lang]));
      return parts.join(' ');
    };
    const names = own.flatMap(groupNames);
    const hasCaptions = random() < 0.5;
    // A captioned clip: about 40 cues of remixed story sentences, one every 4 s (a 3-minute clip).
    const cues = hasCaptions
      ? Array.from({ length: 30 + Math.floor(random() * 20) }, (_, i) => ({
          lang: 'vi',
          start: i * 4,
          end: i * 4 + 4,
          text: pick(pool.vi),
        }))
      : [];
    docs.push({
      id,
      slug: `${a.slug}-${id}`,
      title: { vi: `${vi} ${first.name.vi}`, en: `${first.name.en} ${en}` },
      story: { vi: story('vi'), en: story('en') },
      ethnicGroups: [...new Set(own.map((g) => g.slug))],
      ethnicGroupNames: [...new Set([...names, ...names.map(compact)])],
      languageFamilies: [...new Set(own.map((g) => g.languageFamily))],
      category: a.category,
      region: pick(fixtures).region,
      material: pick(fixtures).material,
      hasCaptions,
      cues,
      publishedAt: 1_700_000_000_000 + id * 60_000,
    });
  }
  return docs;
}

const QUERIES: [string, string, SearchFilters?][] = [
  ['exact, diacritics', 'khèn'],
  ['exact, folded', 'khen'],
  ['group name, folded', 'hmong'],
  ['group name', "H'Mông"],
  ['old group name', 'meo'],
  ['group, đ → d', 'ede'],
  ['two words, folded', 'cong chieng'],
  ['two words', 'cồng chiêng'],
  ['two words, đ → d', 'dan tinh'],
  ['typo', 'chiemg'],
  ['typo, English', 'brocadr'],
  ['prefix, 2 letters', 'kh'],
  ['prefix, last word', 'váy l'],
  ['English', 'silver neck ring'],
  ['three words', 'thổ cẩm thái'],
  ['empty (newest)', ''],
  ['word + category', 'gongs', { category: 'musical-instrument' }],
  ['empty + group', '', { ethnicGroup: 'hmong' }],
  ['words + family', 'nha rong', { languageFamily: 'mon-khmer' }],
  ['look-alikes, toned', 'gốm'],
  ['look-alikes, folded', 'gom'],
  ['word + has captions', 'chieng', { hasCaptions: true }],
  ['no match', 'zzzzqx'],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** An engine that can forget its cached rankings, so every timed search is a new query. */
export type BenchedEngine = SearchEngine & { clearCache(): void };

/** `makeEngine` lets a comparison time another implementation in the same process (same load). */
export async function benchSearch(
  makeEngine: () => BenchedEngine = () => new EmbeddedSearchEngine(),
): Promise<void> {
  const genStart = performance.now();
  const docs = generateDocuments(COUNT);
  const genMs = performance.now() - genStart;
  const engine = makeEngine();
  const buildStart = performance.now();
  for (let i = 0; i < docs.length; i += 500) await engine.upsert(docs.slice(i, i + 500));
  const buildMs = performance.now() - buildStart;
  console.log(
    `${COUNT} generated artifacts (${genMs.toFixed(0)} ms to generate); index built in ${buildMs.toFixed(0)} ms; ` +
      `heap ${(process.memoryUsage().heapUsed / 1024 ** 2).toFixed(0)} MiB; ${RUNS} runs per query; ` +
      `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
  );

  const rows: {
    label: string;
    q: string;
    filters: string;
    total: number;
    p50: number;
    p95: number;
    cached: number;
  }[] = [];
  const all: number[] = [];
  const timed = async (request: SearchRequest, cold: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (cold) engine.clearCache();
      const t = performance.now();
      await engine.search(request);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  };
  // The readings the search service would send (the catalogue's words: group names, titles, materials).
  const vocabulary = new SearchVocabulary(
    {
      groups: () => [...loadEthnicGroups()],
      categories: () => [],
      publishedLabels: () => docs.flatMap((d) => [d.title.vi, d.title.en, d.material.vi, d.material.en]),
    },
    () => 0,
  );
  for (const [label, q, filters = {}] of QUERIES) {
    const readings = vocabulary.readings(q);
    const request: SearchRequest = { q, lang: 'vi', filters, page: 1, pageSize: 20, readings };
    let total = 0;
    for (let i = 0; i < WARMUP; i++) total = (await engine.search(request)).total;
    // Cold: the query is new. Cached: the same words again with another page, as paging or a facet click.
    const times = await timed(request, true);
    await engine.search(request);
    const cached = await timed({ ...request, page: 2 }, false);
    all.push(...times);
    const f = Object.entries(filters)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    rows.push({
      label,
      q: JSON.stringify(q),
      filters: f,
      total,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      cached: percentile(cached, 50),
    });
  }
  all.sort((a, b) => a - b);
  console.table(
    rows.map((r) => ({
      query: r.q,
      kind: r.label,
      filters: r.filters,
      matches: r.total,
      'p50 ms': r.p50.toFixed(2),
      'p95 ms': r.p95.toFixed(2),
      'p50 ms, cached': r.cached.toFixed(2),
    })),
  );
  const p95 = percentile(all, 95);
  console.log(
    `all queries, uncached: p50 ${percentile(all, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${(all.at(-1) ?? 0).toFixed(2)} ms ` +
      `(target p95 < 5 ms: ${p95 < 5 ? 'met' : 'NOT met'})`,
  );
}
