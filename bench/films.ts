// The "all films" listing over a real SQLite file of generated published films: p50/p95 of typical
// teacher queries (sorts, filters) at two catalogue sizes, and the first answer after a change (the film
// rows read again). FilmsService works on every film row (SQLite has no Vietnamese collation), so this
// is the number that says when that stops being cheap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FilmsQuery } from '@artifact-stories/contracts/schemas';
import { loadConfig } from '../api/src/config.ts';
import { createContainer } from '../api/src/container.ts';
import { syncReference } from '../api/src/services/reference.service.ts';
import { fakeManifest } from '../api/test/helpers.ts';
import { loadArtifacts } from '../fixtures/catalogue.ts';

const SIZES = [500, 5000];
const RUNS = 40;

const QUERIES: [string, FilmsQuery][] = [
  ['newest, no filter', {}],
  ['A–Z (vi)', { order: 'title', lang: 'vi' }],
  ['shortest, captions', { order: 'shortest', hasCaptions: true }],
  ['family + 2–5 min', { languageFamily: 'mon-khmer', duration: 'medium' }],
  ['group, page 3', { ethnicGroup: 'hmong', page: 3 }],
];

function fill(dir: string, count: number) {
  // The app's own wiring (container.ts) on a fresh folder.
  const container = createContainer(loadConfig({}, { DATA_DIR: dir, SEED: 'none', WORKER: 'off' }));
  const { db, repos } = container;
  syncReference(repos.catalogue);
  const groups = repos.catalogue.groups().map((g) => g.slug);
  const fixtures = loadArtifacts();
  const artifact = db.prepare(`INSERT INTO artifacts (slug, accession_number, title_vi, title_en, story_vi,
    story_en, category, material_vi, material_en, region_vi, region_en, featured, status, created_at,
    updated_at, published_at, current_video_id) VALUES (?, ?, ?, ?, '', '', ?, '', '', 'Hà Giang', '', 0,
    'published', ?, ?, ?, ?)`);
  const group = db.prepare(
    'INSERT INTO artifact_ethnic_groups (artifact_id, ethnic_group, position) VALUES (?, ?, 0)',
  );
  const video = db.prepare(`INSERT INTO videos (id, artifact_id, status, media_version, manifest, created_at,
    updated_at) VALUES (?, ?, 'ready', 'v1', ?, 0, 0)`);
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const f = fixtures[i % fixtures.length] as (typeof fixtures)[number];
      const m = fakeManifest('v1', i % 2 ? {} : { captions: [] });
      m.probe.durationSec = 30 + ((i * 37) % 600);
      artifact.run(
        `${f.slug}-${i}`,
        `B-${i}`,
        `${f.title.vi} ${i}`,
        `${f.title.en} ${i}`,
        f.category,
        i,
        i,
        i,
        `v${i}`,
      );
      group.run(i, groups[i % groups.length]);
      video.run(`v${i}`, i, JSON.stringify(m));
    }
  })();
  container.catalogue.refreshReference();
  return { db, films: container.films, close: () => container.close() };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

export async function benchFilms(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-films-'));
    const { db, films, close } = fill(dir, size);
    try {
      // After any write the rows are read again (films.repository.ts): the cost of the first answer.
      const touch = db.prepare('UPDATE artifacts SET featured = featured WHERE id = 1');
      const cold: number[] = [];
      for (let i = 0; i < 10; i++) {
        touch.run();
        const start = performance.now();
        films.list({});
        cold.push(performance.now() - start);
      }
      cold.sort((a, b) => a - b);
      rows.push({
        films: size,
        query: 'first after a change',
        'p50 ms': Number(percentile(cold, 50).toFixed(1)),
        'p95 ms': Number(percentile(cold, 95).toFixed(1)),
      });
      for (const [name, query] of QUERIES) {
        films.list(query);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const start = performance.now();
          films.list(query);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        rows.push({
          films: size,
          query: name,
          'p50 ms': Number(percentile(times, 50).toFixed(1)),
          'p95 ms': Number(percentile(times, 95).toFixed(1)),
        });
      }
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`GET /api/films work (FilmsService.list on a real SQLite file), ${RUNS} runs each:`);
  console.table(rows);
}
