import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activeCue, clock, parseCues } from './cues.ts';

describe('parseCues', () => {
  it('reads the fixture captions: times in seconds, text as written', () => {
    const vtt = readFileSync(
      new URL('../../../../fixtures/captions/khen-hmong.vi.vtt', import.meta.url),
      'utf8',
    );
    const cues = parseCues(vtt);
    expect(cues.length).toBeGreaterThan(3);
    expect(cues[0]).toEqual({
      start: 0.5,
      end: 3.05,
      text: "Khèn là nhạc cụ hơi quen thuộc nhất của người H'Mông.",
    });
  });

  it('drops tags, decodes entities, joins lines, skips NOTE and STYLE, keeps cues without ids', () => {
    const vtt = [
      '\uFEFFWEBVTT',
      'NOTE a comment --> not a cue',
      'STYLE\n::cue { color: red }',
      '00:01.000 --> 00:02.500 align:start line:0\n<v Bà Lan>Gốm &amp; <i>đồ</i> đan</v>\nhai dòng',
      'x\n1:00:00.000 --> 1:00:01.000\ncuối',
    ].join('\r\n\r\n');
    expect(parseCues(vtt)).toEqual([
      { start: 1, end: 2.5, text: 'Gốm & đồ đan hai dòng' },
      { start: 3600, end: 3601, text: 'cuối' },
    ]);
  });

  it('skips blocks it cannot read instead of failing', () => {
    const vtt =
      'WEBVTT\n\n00:05.000 --> 00:04.000\nbackwards\n\nab --> cd\nbad\n\n00:01.000 --> 00:02.000\n\n';
    expect(parseCues(vtt)).toEqual([]);
  });
});

describe('activeCue', () => {
  const cues = [
    { start: 1, end: 3, text: 'a' },
    { start: 3, end: 5, text: 'b' },
    { start: 7, end: 9, text: 'c' },
  ];

  it('finds the cue on screen, none before the first or in a gap', () => {
    expect(activeCue(cues, 0)).toBe(-1);
    expect(activeCue(cues, 1)).toBe(0);
    expect(activeCue(cues, 2.99)).toBe(0);
    expect(activeCue(cues, 3)).toBe(1);
    expect(activeCue(cues, 6)).toBe(-1);
    expect(activeCue(cues, 8)).toBe(2);
    expect(activeCue(cues, 9)).toBe(-1);
    expect(activeCue([], 1)).toBe(-1);
  });
});

describe('clock', () => {
  it('shows minutes and seconds, hours when there are any', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(62.7)).toBe('1:02');
    expect(clock(3723)).toBe('1:02:03');
  });
});
