import { describe, expect, it } from 'vitest';
import { hrefIn, langOfPath, stripLang } from './lang-path.ts';

describe('language in the path', () => {
  it.each([
    ['/', 'vi', '/'],
    ['/en', 'en', '/'],
    ['/en/', 'en', '/'],
    ['/en/artifacts/khen-hmong', 'en', '/artifacts/khen-hmong'],
    ['/en/groups/e-de', 'en', '/groups/e-de'],
    ['/en/search', 'en', '/search'],
    ['/en/exhibitions/nhac-cu', 'en', '/exhibitions/nhac-cu'],
    ['/artifacts/khen-hmong', 'vi', '/artifacts/khen-hmong'],
    // Not a prefix: a page whose slug starts with "en".
    ['/english', 'vi', '/english'],
    ['/staff', undefined, '/staff'],
    ['/staff/artifacts/3', undefined, '/staff/artifacts/3'],
    ['/embed/khen-hmong', undefined, '/embed/khen-hmong'],
  ])('%s reads %s and matches as %s', (path, lang, bare) => {
    expect(langOfPath(path)).toBe(lang);
    expect(stripLang(path)).toBe(bare);
  });

  it('writes a public link in either language, keeping its query and fragment', () => {
    expect(hrefIn('/', 'en')).toBe('/en/');
    expect(hrefIn('/groups/e-de', 'en')).toBe('/en/groups/e-de');
    expect(hrefIn('/artifacts/khen-hmong?t=42,70#story', 'en')).toBe(
      '/en/artifacts/khen-hmong?t=42,70#story',
    );
    expect(hrefIn('/search?q=khen', 'vi')).toBe('/search?q=khen');
    // Twins: back from English, and never a double prefix.
    expect(hrefIn('/en/artifacts/khen-hmong?t=3', 'vi')).toBe('/artifacts/khen-hmong?t=3');
    expect(hrefIn('/en/', 'vi')).toBe('/');
    expect(hrefIn('/en/search', 'en')).toBe('/en/search');
  });

  it('leaves alone what is not a public page of this site', () => {
    for (const href of [
      '/staff',
      '/staff/labels',
      '/embed/khen-hmong?lang=en',
      '/api/artifacts',
      '/media/v/1/master.m3u8',
      '/iiif/artifacts/x/manifest.json',
      '/oembed?url=x',
      '/sitemap.xml',
      '#story',
      '?t=3',
      'https://example.org/',
      '//example.org/x',
    ]) {
      expect(hrefIn(href, 'en'), href).toBe(href);
    }
  });
});
