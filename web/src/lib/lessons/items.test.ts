import type { ArtifactSummary } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { draftProblem, itemHref, toInput, tokenFromHash } from './items.ts';

const artifact = { slug: 'khen-hmong', durationSec: 60 } as ArtifactSummary;

describe('lesson items', () => {
  it('link to the artifact page at the excerpt', () => {
    expect(itemHref({ artifact, start: null, end: null })).toBe('/artifacts/khen-hmong');
    expect(itemHref({ artifact, start: 12, end: 30 })).toBe('/artifacts/khen-hmong?t=12,30');
    expect(itemHref({ artifact, start: 12, end: null })).toBe('/artifacts/khen-hmong?t=12');
    expect(itemHref({ artifact, start: null, end: 30 })).toBe('/artifacts/khen-hmong?t=0,30');
  });

  it('read times as typed, and name what is wrong', () => {
    const draft = (start: string, end: string) => ({ artifact, start, end, note: '' });
    expect(draftProblem(draft('', ''))).toBeUndefined();
    expect(draftProblem(draft('0:12', '30'))).toBeUndefined();
    expect(toInput(draft('0:12', '30'))).toEqual({ artifact: 'khen-hmong', start: 12, end: 30, note: '' });
    expect(toInput(draft('', ''))).toMatchObject({ start: null, end: null });
    expect(draftProblem(draft('abc', ''))).toEqual({ kind: 'bad-time', field: 'start', value: 'abc' });
    expect(draftProblem(draft('30', '12'))).toEqual({ kind: 'excerpt', problem: 'end-before-start' });
    expect(draftProblem(draft('10', '90'))).toEqual({ kind: 'excerpt', problem: 'beyond-end' });
  });

  it('find the edit token in the fragment', () => {
    expect(tokenFromHash('#token=abc_-1')).toBe('abc_-1');
    expect(tokenFromHash('')).toBeUndefined();
  });
});
