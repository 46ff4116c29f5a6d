import { describe, expect, it } from 'vitest';
import type { StoryboardCue } from '../player/storyboard.ts';
import { keyFrames } from './key-frames.ts';

const cues = (n: number, every = 2): StoryboardCue[] =>
  Array.from({ length: n }, (_, i) => ({
    start: i * every,
    end: (i + 1) * every,
    url: '/media/v/1/storyboard/sprite.jpg',
    x: (i % 10) * 160,
    y: Math.floor(i / 10) * 90,
    w: 160,
    h: 90,
  }));

describe('keyFrames', () => {
  it('shows every frame of a short film (an 8 s film has 4)', () => {
    expect(keyFrames(cues(4)).map((c) => c.start)).toEqual([0, 2, 4, 6]);
  });

  it('spreads six frames from the first to the last over a long film', () => {
    expect(keyFrames(cues(100, 5)).map((c) => c.start)).toEqual([0, 100, 200, 295, 395, 495]);
  });

  it('gives none for a storyboard of one frame: the poster is printed instead', () => {
    expect(keyFrames(cues(1))).toEqual([]);
    expect(keyFrames([])).toEqual([]);
  });
});
