import { describe, expect, it } from 'vitest';
import { linkToShare } from './link.ts';

describe('the link to share', () => {
  it('keeps the language path and other parameters, drops the fragment and a linked moment', () => {
    expect(linkToShare('https://s.vn/en/artifacts/khen-hmong?t=42,70#story')).toBe(
      'https://s.vn/en/artifacts/khen-hmong',
    );
    expect(linkToShare('https://s.vn/search?q=khen&family=viet-muong')).toBe(
      'https://s.vn/search?q=khen&family=viet-muong',
    );
  });

  it('names the chosen moment in whole seconds', () => {
    expect(linkToShare('https://s.vn/en/artifacts/khen-hmong?t=3#story', 62.8)).toBe(
      'https://s.vn/en/artifacts/khen-hmong?t=62',
    );
    expect(linkToShare('https://s.vn/artifacts/khen-hmong', 0)).toBe('https://s.vn/artifacts/khen-hmong?t=0');
  });
});
