import type {
  ArtifactDetail,
  ArtifactPage,
  EthnicGroup,
  EthnicGroupList,
} from '@artifact-stories/contracts/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
});
afterAll(async () => t.app.close());

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
}

function publishedCountSql(where = '', ...params: unknown[]): number {
  return (
    t.app.db
      .prepare(`SELECT COUNT(DISTINCT a.id) AS n FROM artifacts a
        LEFT JOIN artifact_ethnic_groups x ON x.artifact_id = a.id
        LEFT JOIN ethnic_groups g ON g.slug = x.ethnic_group
        WHERE a.status = 'published' ${where}`)
      .get(...params) as { n: number }
  ).n;
}

describe('GET /api/artifacts', () => {
  it('lists only published artifacts, newest first, with paging', async () => {
    const all = await get<ArtifactPage>('/api/artifacts?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(publishedCountSql());
    const drafts = t.app.db.prepare(`SELECT slug FROM artifacts WHERE status = 'draft'`).all() as {
      slug: string;
    }[];
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(all.body.items.map((i) => i.slug)).not.toContain(d.slug);

    const page2 = await get<ArtifactPage>('/api/artifacts?pageSize=5&page=2');
    expect(page2.body.items).toHaveLength(5);
    expect(page2.body.items[0]?.slug).toBe(all.body.items[5]?.slug);
  });

  it('filters by ethnic group, language family, category and region as the database says', async () => {
    const hmong = await get<ArtifactPage>('/api/artifacts?ethnicGroup=hmong');
    expect(hmong.body.total).toBe(publishedCountSql('AND x.ethnic_group = ?', 'hmong'));
    expect(hmong.body.total).toBeGreaterThan(0);
    for (const a of hmong.body.items) expect(a.ethnicGroups.map((g) => g.slug)).toContain('hmong');

    const family = await get<ArtifactPage>('/api/artifacts?languageFamily=mon-khmer&pageSize=100');
    expect(family.body.total).toBe(publishedCountSql('AND g.language_family = ?', 'mon-khmer'));
    for (const a of family.body.items) expect(a.languageFamilies.map((f) => f.slug)).toContain('mon-khmer');

    const instruments = await get<ArtifactPage>('/api/artifacts?category=musical-instrument&pageSize=100');
    expect(instruments.body.total).toBe(publishedCountSql('AND a.category = ?', 'musical-instrument'));

    const first = (await get<ArtifactPage>('/api/artifacts?pageSize=1')).body.items[0];
    const region = await get<ArtifactPage>(
      `/api/artifacts?region=${encodeURIComponent(first?.region.vi ?? '')}`,
    );
    expect(region.body.items.every((a) => a.region.vi === first?.region.vi)).toBe(true);
  });

  it('orders by title in the chosen language', async () => {
    const { body } = await get<ArtifactPage>('/api/artifacts?order=title&lang=en&pageSize=100');
    const titles = body.items.map((a) => a.title.en.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('names the field in validation errors', async () => {
    const res = await get<{ statusCode: number; error: string; message: string }>('/api/artifacts?page=0');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toMatch(/page/);
  });
});

describe('GET /api/artifacts/:slug', () => {
  it('returns a published artifact with rendered, sanitised story and related clips', async () => {
    const first = (await get<ArtifactPage>('/api/artifacts?ethnicGroup=hmong')).body.items[0];
    const { status, body } = await get<ArtifactDetail>(`/api/artifacts/${first?.slug}`);
    expect(status).toBe(200);
    expect(body.storyHtml.vi).toMatch(/^<p>/);
    expect(body.story.en.length).toBeGreaterThan(100);
    expect(body.video).toBeNull(); // no clip transcoded in this test
    for (const r of body.related) expect(r.slug).not.toBe(body.slug);
  });

  it('404s for drafts and unknown slugs with the one error shape', async () => {
    const draft = t.app.db.prepare(`SELECT slug FROM artifacts WHERE status = 'draft'`).get() as {
      slug: string;
    };
    for (const slug of [draft.slug, 'no-such-artifact']) {
      const res = await get<{ statusCode: number; message: string }>(`/api/artifacts/${slug}`);
      expect(res.status).toBe(404);
      expect(res.body.statusCode).toBe(404);
      expect(res.body.message).toContain(slug);
    }
  });
});

describe('GET /api/ethnic-groups', () => {
  it('lists 54 groups in eight families with published counts', async () => {
    const { body } = await get<EthnicGroupList>('/api/ethnic-groups');
    expect(body.groups).toHaveLength(54);
    expect(body.families).toHaveLength(8);
    expect(body.families.reduce((n, f) => n + f.groupCount, 0)).toBe(54);
    for (const g of body.groups) {
      expect(g.artifactCount).toBe(publishedCountSql('AND x.ethnic_group = ?', g.slug));
    }
    const hmong = body.groups.find((g) => g.slug === 'hmong');
    expect(hmong?.otherNames).toContain('Mèo');
  });

  it('returns one group or 404', async () => {
    expect((await get<EthnicGroup>('/api/ethnic-groups/e-de')).body.name.vi).toBe('Ê Đê');
    expect((await get('/api/ethnic-groups/atlantis')).status).toBe(404);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz with the checks', async () => {
    expect((await get<{ ok: boolean }>('/healthz')).body.ok).toBe(true);
    const ready = await get<{ ok: boolean; checks: Record<string, { ok: boolean }> }>('/readyz');
    expect(ready.body.checks.database?.ok).toBe(true);
    expect(ready.body.checks.ffmpeg?.ok).toBe(true);
  });

  it('serves the OpenAPI document listing the public routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/artifacts/', '/api/artifacts/{slug}', '/api/ethnic-groups/']),
    );
  });
});
