import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LessonsRepository } from '../src/repositories/lessons.repository.ts';
import { makeTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let lessons: LessonsRepository;
let artifactIds: number[];

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  lessons = t.app.repos.lessons;
  artifactIds = t.app.repos.artifacts.publishedIds().slice(0, 2);
});
afterAll(async () => t.app.close());

const content = (ids: number[]) => ({
  title: 'Bài',
  teacherName: '',
  lang: 'vi' as const,
  items: ids.map((artifactId, i) => ({
    artifactId,
    start: i ? null : 1.5,
    end: i ? null : 9,
    note: `câu ${i}`,
  })),
});

describe('LessonsRepository on a real SQLite file', () => {
  it('keeps items in order, and answers undefined for a code already taken', () => {
    const made = lessons.create('BCD234', 'hash', content(artifactIds), 1000);
    expect(made).toMatchObject({ code: 'BCD234', openedAt: 1000, takenDownAt: null });
    expect(lessons.create('BCD234', 'other', content(artifactIds), 2000)).toBeUndefined();
    expect(lessons.items(made?.id as number)).toEqual([
      { artifactId: artifactIds[0], start: 1.5, end: 9, note: 'câu 0' },
      { artifactId: artifactIds[1], start: null, end: null, note: 'câu 1' },
    ]);
  });

  it('drops an item with its artifact, and deletes lessons opened before a time', () => {
    const made = lessons.create('FGH567', 'hash', content(artifactIds), 500) as { id: number };
    t.app.repos.artifacts.delete(artifactIds[1] as number);
    expect(lessons.items(made.id).map((i) => i.artifactId)).toEqual([artifactIds[0]]);
    lessons.markOpened(made.id, 5000);
    expect(lessons.deleteOpenedBefore(4000)).toBeGreaterThanOrEqual(1);
    expect(lessons.byCode('BCD234')).toBeUndefined();
    expect(lessons.byCode('FGH567')).toBeDefined();
  });
});
