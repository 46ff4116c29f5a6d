import type { ArtifactSummary, PublicVideo } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import type { LessonContent, LessonItemRecord, LessonRecord } from '../repositories/lessons.repository.ts';
import { cleanTeacherText } from './lesson-input.ts';
import { type LessonsDeps, LessonsService } from './lessons.service.ts';

const DAY = 86_400_000;

/** Lessons in memory, films by slug: `khen` (published, 60 s), `draft` (unpublished), `bare` (no clip). */
function setup(codes = ['BCD234', 'FGH567']) {
  const rows = new Map<string, LessonRecord>();
  const items = new Map<number, LessonItemRecord[]>();
  const published = new Set([1]);
  /** The length of the film on show: a new version may be shorter than the one the teacher cut from. */
  const film = { durationSec: 60 };
  const clock = { now: 1_000 * DAY };
  const lessons: LessonsDeps['lessons'] = {
    byCode: (code) => rows.get(code),
    items: (id) => items.get(id) ?? [],
    create(code, editTokenHash, content: LessonContent, now) {
      if (rows.has(code)) return undefined;
      const id = rows.size + 1;
      const { items: list, ...texts } = content;
      rows.set(code, {
        id,
        code,
        editTokenHash,
        ...texts,
        createdAt: now,
        updatedAt: now,
        openedAt: now,
        takenDownAt: null,
      });
      items.set(id, [...list]);
      return rows.get(code);
    },
    replace(id, content, now) {
      const row = [...rows.values()].find((r) => r.id === id) as LessonRecord;
      const { items: list, ...texts } = content;
      Object.assign(row, texts, { updatedAt: now, openedAt: now });
      items.set(id, [...list]);
    },
    markOpened(id, now) {
      Object.assign([...rows.values()].find((r) => r.id === id) as LessonRecord, { openedAt: now });
    },
    setTakenDown(id, at) {
      Object.assign([...rows.values()].find((r) => r.id === id) as LessonRecord, { takenDownAt: at });
    },
    deleteOpenedBefore(cutoff) {
      const old = [...rows.values()].filter((r) => r.openedAt < cutoff);
      for (const r of old) rows.delete(r.code);
      return old.length;
    },
  };
  const films: LessonsDeps['films'] = {
    bySlug: (slug) =>
      ({
        khen: { id: 1, published: published.has(1), durationSec: 60 },
        draft: { id: 2, published: false, durationSec: 60 },
        bare: { id: 3, published: true, durationSec: null },
      })[slug],
    publishedCards: (ids) =>
      new Map(
        ids
          .filter((id) => published.has(id))
          .map((id) => [
            id,
            {
              artifact: { slug: 'khen' } as ArtifactSummary,
              video: { durationSec: film.durationSec } as PublicVideo,
            },
          ]),
      ),
  };
  const queue = [...codes];
  const service = new LessonsService({
    lessons,
    films,
    now: () => clock.now,
    newCode: () => queue.shift() ?? 'ZZZZZZ',
    newToken: () => `token-${rows.size}`,
  });
  return { service, rows, clock, published, film };
}

const input = (note = 'Em thấy gì?') => ({
  title: 'Bài 1',
  teacherName: '',
  lang: 'vi' as const,
  items: [{ artifact: 'khen', start: 10, end: 20, note }],
});

describe('LessonsService', () => {
  it('draws another code when one is taken', () => {
    const { service } = setup(['BCD234', 'BCD234', 'FGH567']);
    expect(service.create(input()).lesson.code).toBe('BCD234');
    expect(service.create(input()).lesson.code).toBe('FGH567');
  });

  it('keeps a lesson opened within 180 days and deletes one that was not', () => {
    const { service, clock, rows } = setup();
    service.create(input());
    clock.now += 179 * DAY;
    expect(service.open('bcd-234').items).toHaveLength(1);
    clock.now += 179 * DAY;
    expect(service.open('BCD234').expiresAt).toBe(new Date(clock.now + 180 * DAY).toISOString());
    clock.now += 181 * DAY;
    expect(() => service.open('BCD234')).toThrow(/No lesson has the code/);
    expect(rows.size).toBe(0);
  });

  it('sweeps expired lessons when a new one is made', () => {
    const { service, clock, rows } = setup();
    service.create(input());
    clock.now += 181 * DAY;
    service.create(input());
    expect([...rows.keys()]).toEqual(['FGH567']);
  });

  it('changes a lesson only with its token, and never a taken-down one', () => {
    const { service } = setup();
    const { editToken } = service.create(input());
    expect(() => service.update('BCD234', 'guess', input('x'))).toThrow(/edit link does not belong/);
    expect(() => service.update('BCD234', undefined, input('x'))).toThrow(/edit link does not belong/);
    expect(service.update('BCD234', editToken, input('Mới')).items[0]?.note).toBe('Mới');
    service.setTakenDown('BCD234', true);
    expect(() => service.update('BCD234', editToken, input('x'))).toThrow(/taken this lesson down/);
    expect(() => service.open('BCD234')).toThrow(/taken this lesson down/);
    expect(service.find('BCD234').notes).toEqual(['Mới']);
  });

  it('hides items whose film is no longer published, and counts them', () => {
    const { service, published } = setup();
    service.create(input());
    published.delete(1);
    expect(service.open('BCD234')).toMatchObject({ items: [], hiddenItems: 1 });
    expect(service.itemTarget('BCD234', 1)).toBeUndefined();
  });

  it('plays each item from its film, and hides one whose new, shorter version no longer holds the excerpt', () => {
    const { service, film } = setup();
    service.create(input());
    expect(service.open('BCD234').items[0]).toMatchObject({ start: 10, end: 20, video: { durationSec: 60 } });
    film.durationSec = 15;
    expect(service.open('BCD234')).toMatchObject({ items: [], hiddenItems: 1 });
  });

  it('refuses a draft and a film without a clip', () => {
    const { service } = setup();
    for (const artifact of ['draft', 'bare', 'missing']) {
      expect(() => service.create({ ...input(), items: [{ artifact, note: '' }] })).toThrow(
        /not a published film/,
      );
    }
  });
});

describe('cleanTeacherText', () => {
  it('drops controls and direction overrides, keeps words and single blank lines', () => {
    expect(cleanTeacherText('Câu\u202e hỏi\u0007\r\n\r\n\r\n\r\nhai', true)).toBe('Câu hỏi\n\nhai');
    expect(cleanTeacherText('  Tên\nbài\thọc ', false)).toBe('Tên bài học');
    expect(cleanTeacherText('Cie\u0302\u0300n', false)).toBe('Ci\u1ec1n');
  });
});
