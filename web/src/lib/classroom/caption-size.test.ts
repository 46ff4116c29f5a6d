import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTION_SCALE, parseScale, stepScale } from './caption-size.ts';

describe('classroom caption size', () => {
  it('starts at twice the player’s size and steps up and down, staying within its steps', () => {
    expect(DEFAULT_CAPTION_SCALE).toBe(2);
    expect(stepScale(2, 1)).toBe(2.5);
    expect(stepScale(2, -1)).toBe(1.5);
    expect(stepScale(4, 1)).toBe(4);
    expect(stepScale(1, -1)).toBe(1);
  });

  it('reads back a remembered step; anything else is the default', () => {
    expect(parseScale('3')).toBe(3);
    expect(parseScale(null)).toBe(2);
    expect(parseScale('2.2')).toBe(2);
    expect(parseScale('lots')).toBe(2);
  });
});
