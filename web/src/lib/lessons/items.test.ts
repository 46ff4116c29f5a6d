import type { ArtifactSummary, LessonItem, PublicVideo } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { itemMoment } from '../player/sequence.ts';
import { draftProblem, itemHref, toInput, tokenFromHash, toPlayItem } from './items.ts';

const artifact = { slug: 'khen-hmong', durationSec: 60 } as ArtifactSummary;

describe('lesson items', () => {
  it('link to the artifact page at the excerpt', () => {
    expect(itemHref({ artifact, start: null, end: null })).toBe('/artifacts/khen-hmong');
    expect(itemHref({ artifact, start: 12, end: 30 })).toBe('/artifacts/khen-hmong?t=12,30');
    expect(itemHref({ artifact, start: 12, end: null })).toBe('/artifacts/khen-hmong?t=12');
    expect(itemHref({ artifact, start: null, end: 30 })).toBe('/artifacts/khen-hmong?t=0,30');
  });

  it('play in the page as exhibition items do: the excerpt, from the film’s start when none is given', () => {
    const video = { hls: '/media/x/master.m3u8' } as PublicVideo;
    const item = (start: number | null, end: number | null): LessonItem => ({
      artifact,
      video,
      start,
      end,
      note: '',
    });
    expect(toPlayItem(item(12, 30))).toEqual({ artifact, video, startSec: 12, endSec: 30 });
    expect(itemMoment(toPlayItem(item(null, 30)))).toEqual({ start: 0, end: 30 });
    expect(itemMoment(toPlayItem(item(12, null)))).toEqual({ start: 12 });
    expect(itemMoment(toPlayItem(item(null, null)))).toBeUndefined();
  });

  it('read times as typed, and name what is wrong', () => {
    const draft = (start: string, end: string) => ({ artifact, start, end, note: '' });
    expect(draftProblem(draft('', ''))).toBeUndefined();
    expect(draftProblem(draft('0:12', '30'))).toBeUndefined();
    expect(toInput(draft('0:12', '30'))).toEqual({ artifact: 'khen-hmong', start: 12, end: 30, note: '' });
    expect(toInput(draft('', ''))).toMatchObject({ start: null, end: null });
    expect(draftProblem(draft('abc', ''))).toEqual({ kind: 'bad-time', field: 'start', value: 'abc' });
    expect(draftProblem(draft('30', '12'))).toEqual({
      kind: 'excerpt',
      field: 'end',
      problem: 'end-before-start',
    });
    expect(draftProblem(draft('10', '90'))).toEqual({ kind: 'excerpt', field: 'end', problem: 'beyond-end' });
  });

  it('name the time at fault: the one the builder focuses', () => {
    const draft = (start: string, end: string) => ({ artifact, start, end, note: '' });
    expect(draftProblem(draft('90', ''))).toMatchObject({ field: 'start', problem: 'beyond-end' });
    expect(draftProblem(draft('90', '95'))).toMatchObject({ field: 'start', problem: 'beyond-end' });
    expect(draftProblem(draft('', '1'))).toMatchObject({ field: 'end', problem: 'too-short' });
    expect(draftProblem(draft('59', ''))).toMatchObject({ field: 'start', problem: 'too-short' });
  });

  it('find the edit token in the fragment', () => {
    expect(tokenFromHash('#token=abc_-1')).toBe('abc_-1');
    expect(tokenFromHash('')).toBeUndefined();
  });
});
