import { describe, expect, it } from 'vitest';
import { classroomHref, startItem } from './link.ts';

describe('classroom links', () => {
  it('open on the item the page was showing, counted from 1 in the link', () => {
    expect(classroomHref('/l/BCD234', 0)).toBe('/l/BCD234/present');
    expect(classroomHref('/exhibitions/lua', 2)).toBe('/exhibitions/lua/present?item=3');
    expect(startItem('3')).toBe(2);
    expect(startItem(null)).toBe(0);
    expect(startItem('0')).toBe(0);
    expect(startItem('2.5')).toBe(0);
    expect(startItem('x')).toBe(0);
  });
});
