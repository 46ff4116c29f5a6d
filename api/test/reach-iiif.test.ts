import { describe, expect, it } from 'vitest';
import { buildManifest, IIIF_CONTEXT } from '../src/services/reach/iiif.ts';
import { siteLinks } from '../src/services/reach/links.ts';
import { fakeDetail, fakeVideo, ORIGIN, useReachApp } from './reach-fixtures.ts';
import { type IiifAnnotation, type IiifManifest, presentation3Problems } from './reach-iiif-rules.ts';

const links = siteLinks('https://stories.example.vn');
const LICENSE = 'http://creativecommons.org/licenses/by-nc-sa/4.0/';
const playable = (d = fakeDetail()) => d as typeof d & { video: NonNullable<typeof d.video> };
const one = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('missing');
  return v;
};
const manifestOf = (d = fakeDetail()) =>
  buildManifest(playable(d), links, LICENSE) as unknown as IiifManifest;

describe('IIIF Manifest builder', () => {
  it('passes the Presentation 3 checks and carries the artifact', () => {
    const m = manifestOf();
    expect(presentation3Problems(m, links.manifest('khen-hmong'))).toEqual([]);
    expect(m['@context']).toBe(IIIF_CONTEXT);
    expect(m.label).toEqual({ vi: ['Khèn H’Mông'], en: ['Hmong khèn'] });
    expect(m.summary?.vi?.[0]).toBe('Cây khèn được làm từ tre.');
    expect(m.metadata.map((e) => e.label.en?.[0])).toEqual([
      'Ethnic group',
      'Category',
      'Material',
      'Region',
      'Accession number',
    ]);
    expect(m.rights).toBe(LICENSE);
    expect(m.requiredStatement.value.en?.[0]).toContain('Museum of Cultures of Vietnamese Ethnic Groups');
    expect(m.thumbnail[0]).toMatchObject({ width: 1280, format: 'image/jpeg' });
    const canvas = one(m.items[0]);
    expect([canvas.width, canvas.height, canvas.duration]).toEqual([1280, 720, 64.4]);
    const captions = one(canvas.annotations?.[0]).items;
    expect(captions.map((a) => [a.motivation, a.body.format, a.body.language])).toEqual([
      ['supplementing', 'text/vtt', ['vi']],
      ['supplementing', 'text/vtt', ['en']],
    ]);
  });

  it('offers the video as a Choice: the progressive MP4 first, then the HLS master', () => {
    const canvas = one(manifestOf().items[0]);
    const body = one(one(canvas.items[0]).items[0]).body;
    expect(body.type).toBe('Choice');
    const media = 'https://stories.example.vn/media/7f0c2a4e-1111-4222-8333-944455556666/v1';
    expect(body.items?.map((v) => [v.type, v.format, v.id, v.width, v.height, v.duration])).toEqual([
      ['Video', 'video/mp4', `${media}/480p.mp4`, 854, 480, 64.4],
      ['Video', 'application/vnd.apple.mpegurl', `${media}/master.m3u8`, 1280, 720, 64.4],
    ]);
    expect(body.items?.map((v) => v.label?.en?.[0])).toEqual([
      'MP4 file 480p',
      'HLS (quality follows the link)',
    ]);
    expect(body.items?.[0]?.label?.vi).toEqual(['Tệp MP4 480p']);
  });

  it('gives the Canvas the poster as its placeholder, so viewers show it before playing', () => {
    const canvas = one(manifestOf().items[0]);
    const placeholder = one(canvas.placeholderCanvas);
    expect(placeholder).toMatchObject({ type: 'Canvas', width: 1280, height: 720 });
    expect(placeholder.id).toBe(`${canvas.id}/placeholder`);
    const image = one(one(placeholder.items[0]).items[0]);
    expect(image).toMatchObject({ motivation: 'painting', target: placeholder.id });
    expect(image.body).toMatchObject({
      type: 'Image',
      format: 'image/jpeg',
      id: 'https://stories.example.vn/media/7f0c2a4e-1111-4222-8333-944455556666/v1/poster/poster-1280.jpg',
    });
  });

  it('paints with the HLS master alone for a version made before the MP4, and has no placeholder without a poster', () => {
    const d = fakeDetail({ video: fakeVideo({ progressive: undefined, poster: { jpeg: [], webp: [] } }) });
    const m = manifestOf(d);
    expect(presentation3Problems(m)).toEqual([]);
    const canvas = one(m.items[0]);
    expect(one(one(canvas.items[0]).items[0]).body).toEqual({
      id: 'https://stories.example.vn/media/7f0c2a4e-1111-4222-8333-944455556666/v1/master.m3u8',
      type: 'Video',
      format: 'application/vnd.apple.mpegurl',
      width: 1280,
      height: 720,
      duration: 64.4,
    });
    expect(canvas.placeholderCanvas).toBeUndefined();
  });

  it('leaves out the captions page when there are none, falls back across languages, guards HTML look-alikes', () => {
    const d = fakeDetail({
      video: fakeVideo({ captions: [] }),
      title: { vi: 'Chỉ tiếng Việt', en: '' },
      material: { vi: '', en: '' },
      accessionNumber: '<A1>',
    });
    const m = manifestOf(d);
    expect(presentation3Problems(m)).toEqual([]);
    expect(one(m.items[0]).annotations).toBeUndefined();
    expect(m.label.en).toEqual(['Chỉ tiếng Việt']);
    expect(m.metadata.map((e) => e.label.en?.[0])).not.toContain('Material');
    expect(m.metadata.at(-1)?.value.none?.[0]).toBe('<A1> ');
  });

  // The checker must itself catch what the specification forbids, or a pass means nothing.
  // biome-ignore lint/suspicious/noExplicitAny: each mutation reaches into the JSON wherever it must
  it.each<[string, (m: any) => void, RegExp]>([
    ['no @context', (m) => delete m['@context'], /@context/],
    ['a label that is a string', (m) => (m.label = 'x'), /manifest.label/],
    ['an id that is not HTTP(S)', (m) => (m.id = 'urn:x:1'), /manifest.id/],
    ['a canvas id with a fragment', (m) => (m.items[0].id += '#1'), /fragment/],
    ['no canvases', (m) => (m.items = []), /at least one Canvas/],
    ['a zero duration', (m) => (m.items[0].duration = 0), /duration/],
    ['a video on a canvas without duration', (m) => delete m.items[0].duration, /without duration/],
    [
      'captions among the painting pages',
      (m) => m.items[0].items.push(m.items[0].annotations[0]),
      /only painting/,
    ],
    [
      'a target other than the canvas',
      (m) => (m.items[0].items[0].items[0].target = 'https://x/y'),
      /target/,
    ],
    ['language as a string', (m) => (m.items[0].annotations[0].items[0].body.language = 'vi'), /language/],
    ['a rights URL that is not CC', (m) => (m.rights = 'https://example.org/license'), /rights/],
    ['width without height', (m) => delete m.items[0].height, /width and height/],
    ['duplicate ids', (m) => (m.items[0].annotations[0].id = m.items[0].items[0].id), /already identifies/],
    ['an empty Choice', (m) => (m.items[0].items[0].items[0].body.items = []), /a Choice lists/],
    [
      'a Choice item that is not content',
      (m) => (m.items[0].items[0].items[0].body.items[1].type = 'Canvas'),
      /items\[1\]\.type: "Canvas" is not a content type/,
    ],
    [
      'a Choice item without format',
      (m) => delete m.items[0].items[0].items[0].body.items[0].format,
      /items\[0\]\.format/,
    ],
    [
      'a placeholder with a placeholder',
      (m) => (m.items[0].placeholderCanvas.placeholderCanvas = { id: 'https://x/p', type: 'Canvas' }),
      /must not have its own/,
    ],
    [
      'a placeholder that is not a Canvas',
      (m) => (m.items[0].placeholderCanvas.type = 'Image'),
      /must be "Canvas"/,
    ],
  ])('the checker catches %s', (_name, mutate, problem) => {
    const m = structuredClone(buildManifest(playable(), links, LICENSE));
    mutate(m);
    expect(presentation3Problems(m).join('\n')).toMatch(problem);
  });
});

// ---- The route, on a real app ----

const { t, get, local } = useReachApp();

/** Runs `fn` with PUBLIC_URL set, as a deployment behind a proxy would have it. */
async function withPublicUrl<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const before = t.app.config.PUBLIC_URL;
  t.app.config.PUBLIC_URL = url;
  try {
    return await fn();
  } finally {
    t.app.config.PUBLIC_URL = before;
  }
}

describe('GET /iiif/artifacts/:slug/manifest.json', () => {
  it('serves a Presentation 3 Manifest that passes the specification checks, from any origin', async () => {
    const path = `/iiif/artifacts/${t.ready}/manifest.json`;
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
    );
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(presentation3Problems(res.json(), `${ORIGIN}${path}`)).toEqual([]);
  });

  it('describes the artifact in both languages as the catalogue has it', async () => {
    const m = (await get(`/iiif/artifacts/${t.ready}/manifest.json`)).json();
    const detail = (await get(`/api/artifacts/${t.ready}`)).json();
    expect(m.label).toEqual({ vi: [detail.title.vi], en: [detail.title.en] });
    const row = (en: string) => m.metadata.find((e: { label: { en: string[] } }) => e.label.en[0] === en);
    expect(row('Ethnic group').value.vi[0]).toBe(
      detail.ethnicGroups.map((g: { name: { vi: string } }) => g.name.vi).join(', '),
    );
    expect(row('Category').value.en[0]).toBe(detail.category.name.en);
    expect(row('Region').value.vi[0]).toBe(detail.region.vi);
    expect(m.requiredStatement.value.vi[0]).toBe('Bảo tàng Văn hóa các dân tộc Việt Nam, Thái Nguyên');
    expect(m.rights).toBe(t.config.LICENSE_URI);
    const canvas = m.items[0];
    expect([canvas.width, canvas.height, canvas.duration]).toEqual([1280, 720, 12.5]);
    expect(canvas.annotations[0].items.map((a: IiifAnnotation) => a.body.language?.[0])).toEqual([
      'vi',
      'en',
    ]);
  });

  it('points only at media that is really served, with the format it claims', async () => {
    const m = (await get(`/iiif/artifacts/${t.ready}/manifest.json`)).json();
    const canvas = m.items[0];
    const video = canvas.items[0].items[0].body;
    expect(video.items.map((v: { format: string }) => v.format)).toEqual([
      'video/mp4',
      'application/vnd.apple.mpegurl',
    ]);
    const bodies = [
      ...video.items,
      canvas.placeholderCanvas.items[0].items[0].body,
      ...canvas.annotations[0].items.map((a: IiifAnnotation) => a.body),
      ...m.thumbnail,
    ];
    for (const b of bodies) {
      const res = await get(local(b.id));
      expect(res.statusCode, b.id).toBe(200);
      expect(res.headers['content-type'], b.id).toContain(b.format);
    }
    expect((await get(local(m.homepage[0].id), { accept: 'text/html' })).statusCode).toBe(200);
  });

  it('uses PUBLIC_URL for every id when set', async () => {
    await withPublicUrl('https://stories.museum.example', async () => {
      const path = `/iiif/artifacts/${t.ready}/manifest.json`;
      const m = (await get(path)).json();
      expect(presentation3Problems(m, `https://stories.museum.example${path}`)).toEqual([]);
      expect(JSON.stringify(m)).not.toContain('localhost');
      // Every id, the MP4 and the placeholder's included, is an absolute URL under PUBLIC_URL.
      const ids = JSON.stringify(m).match(/"id":"[^"]*"/g) ?? [];
      expect(ids.length).toBeGreaterThan(15);
      for (const id of ids) expect(id).toMatch(/^"id":"https:\/\/stories\.museum\.example\//);
      expect(ids).toContain(`"id":"${m.items[0].id}/placeholder"`);
      expect(ids.some((id) => id.endsWith('/480p.mp4"'))).toBe(true);
    });
  });

  it('404s drafts, unknown slugs and artifacts without a ready video, saying why', async () => {
    for (const slug of [t.draft, 'no-such-artifact']) {
      const res = await get(`/iiif/artifacts/${slug}/manifest.json`);
      expect(res.statusCode, slug).toBe(404);
      expect(res.json().message).toMatch(/No published artifact/);
    }
    const res = await get(`/iiif/artifacts/${t.bare}/manifest.json`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.json().message).toMatch(/no ready video yet.*Canvas with content/);
  });
});
