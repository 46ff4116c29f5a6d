import type { EthnicGroup, Localized } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { GroupPagesService } from './group-pages.service.ts';

const HMONG: EthnicGroup = {
  slug: 'hmong',
  code: '08',
  name: { vi: "H'Mông", en: 'Hmong' },
  languageFamily: { slug: 'mong-dao', name: { vi: 'Mông–Dao', en: 'Hmong–Mien' } },
  otherNames: ['Mèo'],
  artifactCount: 0,
  filmCount: 0,
};

function pages(regions: Localized[] = []) {
  const stored = new Map<string, { text: Localized; by: number | null }>();
  const service = new GroupPagesService({
    group: (slug) => (slug === 'hmong' ? HMONG : undefined),
    regions: { publishedRegionsOfGroup: () => [...regions] },
    descriptions: {
      get: (slug) => stored.get(slug)?.text ?? { vi: '', en: '' },
      set: (slug, text, by) => stored.set(slug, { text, by }),
    },
  });
  return { service, stored };
}

describe('GroupPagesService', () => {
  it('shows a group without films, with an empty description until one is written', () => {
    const g = pages().service.detail('hmong');
    expect(g).toMatchObject({
      filmCount: 0,
      description: { vi: '', en: '' },
      descriptionHtml: { vi: '', en: '' },
    });
  });

  it('lists regions in Vietnamese order', () => {
    const g = pages([
      { vi: 'Lào Cai', en: 'Lao Cai' },
      { vi: 'Điện Biên', en: 'Dien Bien' },
      { vi: 'Hà Giang', en: 'Ha Giang' },
      { vi: 'Cao Bằng', en: 'Cao Bang' },
    ]).service.detail('hmong');
    expect(g?.regions.map((r) => r.vi)).toEqual(['Cao Bằng', 'Điện Biên', 'Hà Giang', 'Lào Cai']);
  });

  it('saves trimmed text with who wrote it, and renders it safely', () => {
    const { service, stored } = pages();
    const g = service.saveDescription(
      'hmong',
      { vi: '  Người *Mông* <img src=x onerror=alert(1)> ', en: '' },
      7,
    );
    expect(stored.get('hmong')).toEqual({
      text: { vi: 'Người *Mông* <img src=x onerror=alert(1)>', en: '' },
      by: 7,
    });
    expect(g.descriptionHtml.vi).toContain('<em>Mông</em>');
    expect(g.descriptionHtml.vi).not.toMatch(/onerror|<img/);
  });

  it('refuses an unknown group with a 404 in both languages, writing nothing', () => {
    const { service, stored } = pages();
    expect(() => service.saveDescription('atlantis', { vi: 'x', en: 'y' }, 1)).toThrow(
      expect.objectContaining({ statusCode: 404 }),
    );
    expect(stored.size).toBe(0);
  });
});
