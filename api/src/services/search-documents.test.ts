import { describe, expect, it } from 'vitest';
import { CUE_TEXT_MAX, indexedCues } from './search-documents.ts';

describe('indexedCues', () => {
  const cue = (start: number, text: string) => ({ start, end: start + 2, text });

  it('keeps tracks in order with their language, stopping before the cue that would pass the cap', () => {
    const tracks = [
      { lang: 'vi', cues: [cue(0, 'Tiếng khèn'), cue(2, 'gọi hồn')] },
      { lang: 'hnj', cues: [cue(0, 'Qeej'), cue(2, 'this one is past the cap')] },
    ];
    expect(indexedCues(tracks, 21)).toEqual([
      { lang: 'vi', start: 0, end: 2, text: 'Tiếng khèn' },
      { lang: 'vi', start: 2, end: 4, text: 'gọi hồn' },
      { lang: 'hnj', start: 0, end: 2, text: 'Qeej' },
    ]);
  });

  it('caps a long transcript at CUE_TEXT_MAX characters and strips the highlight placeholders', () => {
    const line = 'x'.repeat(99);
    const long = { lang: 'vi', cues: Array.from({ length: 1000 }, (_, i) => cue(i * 2, line)) };
    const kept = indexedCues([long]);
    expect(kept.length).toBe(Math.floor(CUE_TEXT_MAX / 99));
    expect(indexedCues([{ lang: 'vi', cues: [cue(0, 'a\uE000b\uE001c')] }])[0]?.text).toBe('abc');
  });
});
