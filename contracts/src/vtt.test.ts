import { describe, expect, it } from 'vitest';
import { parseVtt, vttSeconds, vttTimestamp } from './vtt.ts';

describe('parseVtt', () => {
  it('reads times with and without hours, identifiers, settings and multi-line cues', () => {
    const vtt = [
      'WEBVTT - Lời kể',
      '',
      'NOTE kể bởi nghệ nhân',
      'hai dòng',
      '',
      'intro',
      '00:00:01.500 --> 00:00:04.000 line:90% align:center',
      'Tiếng khèn gọi',
      'hồn lúa',
      '',
      '01:02.250 --> 01:05.000',
      'Second cue',
    ].join('\r\n');
    expect(parseVtt(vtt)).toEqual([
      { start: 1.5, end: 4, text: 'Tiếng khèn gọi hồn lúa' },
      { start: 62.25, end: 65, text: 'Second cue' },
    ]);
  });

  it('drops tags, decodes entities, and skips STYLE blocks, broken timings and empty cues', () => {
    const vtt = [
      '\uFEFFWEBVTT',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      '00:00.000 --> 00:02.000',
      '<v Bà Hoa>Gốm <i>Bàu Trúc</i> &amp; men &lt;đỏ&gt;&nbsp;&#7889;</v>',
      '',
      '00:xx.000 --> 00:03.000',
      'broken',
      '',
      '00:03.000 --> 00:04.000',
      '<c.music></c>',
      '',
      '1:00:00.000 --> 1:00:01.000',
      'an hour in',
    ].join('\n');
    expect(parseVtt(vtt)).toEqual([
      { start: 0, end: 2, text: 'Gốm Bàu Trúc & men <đỏ> ố' },
      { start: 3600, end: 3601, text: 'an hour in' },
    ]);
  });

  it('returns no cues for a file without any', () => {
    expect(parseVtt('WEBVTT\n')).toEqual([]);
    expect(parseVtt('')).toEqual([]);
  });
});

describe('vttSeconds and vttTimestamp', () => {
  it('reads a timestamp with or without hours, and nothing else', () => {
    expect(vttSeconds('01:02:03.450')).toBe(3723.45);
    expect(vttSeconds('02:03.450')).toBe(123.45);
    expect(vttSeconds('00:00:12,345')).toBe(12.345);
    expect(vttSeconds('00:xx.000')).toBeUndefined();
    expect(vttSeconds('1.5')).toBeUndefined();
  });

  it('writes whole milliseconds with hours, and reads back what it wrote', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(64_250)).toBe('00:01:04.250');
    expect(vttTimestamp(3_725_005)).toBe('01:02:05.005');
    expect(vttSeconds(vttTimestamp(3_725_005))).toBe(3725.005);
  });
});
