import { expect, it } from 'vitest';
import type { SearchEngine, SearchRequest } from '../src/search/engine.ts';
import { SearchDocuments } from '../src/services/search-documents.ts';
import { SearchSync } from '../src/services/search-sync.service.ts';
import type { SearchContext } from './search-contract-context.ts';
import { artifactInput } from './staff-helpers.ts';

/** An engine that can be switched off, to show that changes wait in the outbox until it is back. */
class FlakyEngine implements SearchEngine {
  down = false;
  readonly name: SearchEngine['name'];
  readonly indexKey: string;
  // The wrapped index was built by the app already: this sync must only carry the outbox.
  readonly inMemory = false;
  constructor(private readonly inner: SearchEngine) {
    this.name = inner.name;
    // The app's index, marked built: this sync finds nothing to rebuild.
    this.indexKey = inner.indexKey;
  }
  private check(): void {
    if (this.down) throw new Error('engine unreachable (test)');
  }
  async init(s: string[][]) {
    this.check();
    return this.inner.init(s);
  }
  async upsert(d: Parameters<SearchEngine['upsert']>[0]) {
    this.check();
    return this.inner.upsert(d);
  }
  async remove(ids: number[]) {
    this.check();
    return this.inner.remove(ids);
  }
  async clear() {
    this.check();
    return this.inner.clear();
  }
  async search(r: SearchRequest) {
    this.check();
    return this.inner.search(r);
  }
  async documentCount() {
    this.check();
    return this.inner.documentCount();
  }
  async health() {
    return !this.down;
  }
  async close() {}
}

/** How changes reach the index: escaping of new content, the outbox, the background loop, outages. */
export function updateCases(ctx: SearchContext): void {
  const { search, slugs } = ctx;

  it('escapes HTML in titles and stories, marking only the match', async () => {
    const title = '<script>alert("x")</script> Khèn & <b>Sáo</b>';
    const created = ctx.app.repos.artifacts.create(
      artifactInput({
        slug: 'xss-probe',
        title: { vi: title, en: title },
        story: { vi: 'Sáo <img src=x onerror=alert(1)> trúc', en: 'A flute <iframe>' },
        category: 'musical-instrument',
      }),
      'published',
    );
    await ctx.app.searchSync.drain();
    const hit = (await search({ q: 'sao' })).hits.find((h) => h.artifact.slug === 'xss-probe');
    expect(hit).toBeDefined();
    for (const html of [hit?.titleHtml ?? '', hit?.snippetHtml ?? '']) {
      expect(html).not.toMatch(/<(script|b|img|iframe)\b/i);
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
    }
    expect(hit?.titleHtml).toContain('&lt;script&gt;');
    expect(hit?.titleHtml).toContain('<mark>Sáo</mark>');
    const plainText = (h: string) =>
      h
        .replace(/<\/?mark>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    expect(plainText(hit?.titleHtml ?? '')).toBe(title);
    ctx.app.repos.artifacts.delete(created.id);
    await ctx.app.searchSync.drain();
    expect(slugs(await search({ q: 'sao' }))).not.toContain('xss-probe');
  });

  it('publishing, unpublishing and editing reach the index through the outbox', async () => {
    const draft = ctx.app.repos.artifacts.bySlug('gui-co-tu');
    if (!draft) throw new Error('fixture draft gui-co-tu missing');
    ctx.app.repos.artifacts.setStatus(draft.id, 'published');
    await ctx.app.searchSync.drain();
    expect(slugs(await search({ q: 'gui co tu' }))).toContain('gui-co-tu');
    ctx.app.repos.artifacts.setStatus(draft.id, 'draft');
    await ctx.app.searchSync.drain();
    expect(slugs(await search({ q: 'gui co tu' }))).not.toContain('gui-co-tu');
    expect(ctx.app.searchSync.pending()).toBe(0);
  });

  it('the background loop carries a change to the index without an explicit drain', async () => {
    const target = ctx.app.repos.artifacts.bySlug('cap-vay-muong');
    if (!target) throw new Error('fixture cap-vay-muong missing');
    const word = 'Quetzalcoatlesque';
    ctx.app.repos.artifacts.update(target.id, {
      title: { vi: `${target.title.vi} ${word}`, en: target.title.en },
    });
    try {
      const deadline = Date.now() + 8000;
      let found: string[] = [];
      while (Date.now() < deadline) {
        found = slugs(await search({ q: word }));
        if (found.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(found).toEqual(['cap-vay-muong']);
    } finally {
      ctx.app.repos.artifacts.update(target.id, { title: target.title });
      await ctx.app.searchSync.drain();
    }
  });

  it('reports the engine in /readyz and documents the route; refuses bad parameters naming them', async () => {
    const ready = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    const checks = (ready.json() as { checks: Record<string, { ok: boolean; detail: string }> }).checks;
    expect(checks.search).toEqual({ ok: true, detail: `${ctx.app.searchEngine.name} ok` });
    expect((await search({ q: 'khen' })).engine).toBe(ctx.app.searchEngine.name);
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, { get?: { tags?: string[] } }>;
    };
    expect(doc.paths['/api/search/']?.get?.tags).toEqual(['Search']);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/search?q=x&pageSize=500' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ statusCode: 400, message: expect.stringContaining('pageSize') });
  });

  it('a change made while the engine is down appears once it is back', async () => {
    // The app's own loop is stopped so that only the wrapped engine's sync carries the outbox.
    await ctx.app.searchSync.stop();
    const flaky = new FlakyEngine(ctx.app.searchEngine);
    const sync = new SearchSync({
      outbox: ctx.app.repos.searchOutbox,
      state: ctx.app.repos.searchIndexState,
      documents: new SearchDocuments(ctx.app.repos),
      engine: flaky,
      intervalMs: 20,
      maxBackoffMs: 80,
    });
    const target = ctx.app.repos.artifacts.bySlug('xe-quet-san-diu');
    if (!target) throw new Error('fixture xe-quet-san-diu missing');
    const word = 'Zylophonique';
    try {
      // Settings applied while the engine is up; then it goes down and only writes can fail.
      await sync.drain();
      flaky.down = true;
      sync.start();
      ctx.app.repos.artifacts.update(target.id, {
        title: { vi: `${target.title.vi} ${word}`, en: target.title.en },
      });
      await expect(sync.drain()).rejects.toThrow(/unreachable/);
      await new Promise((r) => setTimeout(r, 200));
      expect(sync.pending()).toBeGreaterThan(0);
      expect(slugs(await search({ q: word }))).not.toContain('xe-quet-san-diu');

      flaky.down = false;
      const deadline = Date.now() + 5000;
      while (sync.pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(sync.pending()).toBe(0);
      const r = await search({ q: word.toLowerCase() });
      expect(slugs(r)[0]).toBe('xe-quet-san-diu');
      expect(r.hits[0]?.titleHtml).toContain(`<mark>${word}</mark>`);
    } finally {
      await sync.stop();
      ctx.app.repos.artifacts.update(target.id, { title: target.title });
      await ctx.app.searchSync.drain();
      ctx.app.searchSync.start();
    }
  });
}
