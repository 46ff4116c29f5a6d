import { describe, expect, it } from 'vitest';
import { chaptersVtt, vttTime } from './chapters-vtt.ts';

const CHAPTERS = [
  { startSec: 0, endSec: 12.5, title: { vi: 'Giới thiệu', en: 'Introduction' } },
  { startSec: 12.5, endSec: 3725.25, title: { vi: 'Thổi <khèn> & múa\n--> hết', en: '' } },
];

describe('chaptersVtt', () => {
  it('writes one cue per chapter, from its start to its end, in the language asked', () => {
    expect(chaptersVtt(CHAPTERS, 'vi')).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:12.500\nGiới thiệu\n\n' +
        '2\n00:00:12.500 --> 01:02:05.250\nThổi &lt;khèn&gt; &amp; múa --&gt; hết\n',
    );
  });

  it('falls back to the Vietnamese title where the English one is not written yet', () => {
    const en = chaptersVtt(CHAPTERS, 'en');
    expect(en).toContain('\nIntroduction\n');
    expect(en).toContain('\nThổi &lt;khèn&gt;');
  });

  it('is a valid empty track without chapters', () => {
    expect(chaptersVtt([], 'en')).toBe('WEBVTT\n');
  });
});

describe('vttTime', () => {
  it('rounds to the millisecond and always writes hours', () => {
    expect(vttTime(0.0004)).toBe('00:00:00.000');
    expect(vttTime(59.9996)).toBe('00:01:00.000');
    expect(vttTime(3600 + 61.5)).toBe('01:01:01.500');
  });
});
