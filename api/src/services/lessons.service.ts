import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  LESSON_CODE_ALPHABET,
  LESSON_CODE_LENGTH,
  normalizeLessonCode,
} from '@artifact-stories/contracts/lesson-code';
import { LESSON_EXPIRY_DAYS } from '@artifact-stories/contracts/limits';
import type {
  CreatedLesson,
  LessonInput,
  PublicLesson,
  StaffLesson,
} from '@artifact-stories/contracts/schemas';
import { LocalizedError } from '../errors/localized.ts';
import type { LessonRecord, LessonsRepository } from '../repositories/lessons.repository.ts';
import { shownVideo } from './learning/exhibition-items.ts';
import type { LessonFilms } from './lesson-films.ts';
import { lessonContent } from './lesson-input.ts';

const DAY_MS = 86_400_000;
/** The films lesson items play are published ones (LessonFilms.publishedCards keeps only those). */
const PUBLISHED = { status: 'published' } as const;
const EXPIRY_MS = LESSON_EXPIRY_DAYS * DAY_MS;
/** Opening a lesson moves its expiry; once a day is enough (a class of thirty opening it is not thirty writes). */
const OPENED_STEP_MS = DAY_MS;
/** Codes drawn before giving up: with 27⁶ codes, a collision twice in a row means something else is wrong. */
const CODE_ATTEMPTS = 8;

export interface LessonsDeps {
  lessons: Pick<
    LessonsRepository,
    'byCode' | 'items' | 'create' | 'replace' | 'markOpened' | 'setTakenDown' | 'deleteOpenedBefore'
  >;
  films: LessonFilms;
  now: () => number;
  /** A random code of LESSON_CODE_ALPHABET, and a random edit token (long enough that guessing is hopeless). */
  newCode: () => string;
  newToken: () => string;
}

/** Where a lesson's item plays: for the QR code printed beside it. */
export interface ItemTarget {
  slug: string;
  start: number | null;
  end: number | null;
  lang: PublicLesson['lang'];
}

/** A class code drawn uniformly from the alphabet (crypto-random: codes must not be predictable). */
export function randomLessonCode(): string {
  let code = '';
  for (let i = 0; i < LESSON_CODE_LENGTH; i++)
    code += LESSON_CODE_ALPHABET[randomInt(LESSON_CODE_ALPHABET.length)];
  return code;
}

/** 192 random bits, URL-safe: the edit link's secret. */
export function randomEditToken(): string {
  return randomBytes(24).toString('base64url');
}

const hashToken = (token: string) => createHash('sha256').update(token).digest();

const noLesson = (typed: string) =>
  new LocalizedError(
    404,
    {
      en: `No lesson has the code "${typed}". Check the code with your teacher; a lesson nobody opens for ${LESSON_EXPIRY_DAYS} days is deleted.`,
      vi: `Không có bài học nào mang mã «${typed}». Hãy hỏi lại giáo viên mã bài học; bài học không ai mở trong ${LESSON_EXPIRY_DAYS} ngày sẽ bị xoá.`,
    },
    { code: 'lesson_not_found' },
  );

const takenDown = () =>
  new LocalizedError(
    410,
    {
      en: 'The museum has taken this lesson down. Ask your teacher for another lesson.',
      vi: 'Bảo tàng đã gỡ bài học này. Hãy hỏi giáo viên bài học khác.',
    },
    { code: 'lesson_taken_down' },
  );

/**
 * Lessons made by teachers without accounts: a class code for pupils, a secret edit token for the teacher (only
 * its hash is kept), expiry after LESSON_EXPIRY_DAYS unopened, and takedown by staff. Only published films show.
 */
export class LessonsService {
  constructor(private readonly deps: LessonsDeps) {}

  create(input: LessonInput): CreatedLesson {
    const now = this.deps.now();
    // Expired lessons go when a new one comes: no timer to run, and reads check expiry themselves.
    this.deps.lessons.deleteOpenedBefore(now - EXPIRY_MS);
    const content = lessonContent(input, (slug) => this.deps.films.bySlug(slug));
    const editToken = this.deps.newToken();
    const hash = hashToken(editToken).toString('hex');
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const record = this.deps.lessons.create(this.deps.newCode(), hash, content, now);
      if (record) return { lesson: this.toPublic(record), editToken };
    }
    throw new LocalizedError(503, {
      en: 'No free class code was found. Save the lesson again.',
      vi: 'Chưa tìm được mã lớp còn trống. Hãy lưu bài học lại.',
    });
  }

  /** The lesson as pupils see it; opening it keeps it from expiring. */
  open(typedCode: string): PublicLesson {
    const record = this.playable(typedCode);
    const now = this.deps.now();
    if (now - record.openedAt >= OPENED_STEP_MS) {
      this.deps.lessons.markOpened(record.id, now);
      return this.toPublic({ ...record, openedAt: now });
    }
    return this.toPublic(record);
  }

  /** The lesson for its teacher's editor: the edit token must match. */
  forEditing(typedCode: string, token: string | undefined): PublicLesson {
    return this.open(this.withToken(typedCode, token).code);
  }

  update(typedCode: string, token: string | undefined, input: LessonInput): PublicLesson {
    const record = this.withToken(typedCode, token);
    const content = lessonContent(input, (slug) => this.deps.films.bySlug(slug));
    const now = this.deps.now();
    this.deps.lessons.replace(record.id, content, now);
    return this.toPublic({ ...record, ...content, updatedAt: now, openedAt: now });
  }

  /** The code of a lesson pupils may open (for its QR code). */
  classCode(typedCode: string): string {
    return this.playable(typedCode).code;
  }

  /** Where item `position` (1-based, among the items pupils see) plays. */
  itemTarget(typedCode: string, position: number): ItemTarget | undefined {
    const lesson = this.toPublic(this.playable(typedCode));
    const item = lesson.items[position - 1];
    return item && { slug: item.artifact.slug, start: item.start, end: item.end, lang: lesson.lang };
  }

  /** Staff look a lesson up by its code, taken down or not. */
  find(typedCode: string): StaffLesson {
    return this.toStaff(this.existing(typedCode));
  }

  /** Staff take a lesson down (pupils then see only that it was) or, with `down` false, put it back. */
  setTakenDown(typedCode: string, down: boolean): StaffLesson {
    const record = this.existing(typedCode);
    const at = down ? (record.takenDownAt ?? this.deps.now()) : null;
    this.deps.lessons.setTakenDown(record.id, at);
    return this.toStaff({ ...record, takenDownAt: at });
  }

  /** A lesson that exists and has not expired (an expired one is deleted on the spot). */
  private existing(typedCode: string): LessonRecord {
    const code = normalizeLessonCode(typedCode);
    const record = code ? this.deps.lessons.byCode(code) : undefined;
    if (!record) throw noLesson(typedCode);
    const now = this.deps.now();
    if (now - record.openedAt > EXPIRY_MS) {
      this.deps.lessons.deleteOpenedBefore(now - EXPIRY_MS);
      throw noLesson(typedCode);
    }
    return record;
  }

  private playable(typedCode: string): LessonRecord {
    const record = this.existing(typedCode);
    if (record.takenDownAt !== null) throw takenDown();
    return record;
  }

  private withToken(typedCode: string, token: string | undefined): LessonRecord {
    const record = this.playable(typedCode);
    const expected = Buffer.from(record.editTokenHash, 'hex');
    if (!token || !timingSafeEqual(hashToken(token), expected)) {
      throw new LocalizedError(
        403,
        {
          en: 'This edit link does not belong to this lesson. Open the private edit link you were given when you saved it.',
          vi: 'Đường dẫn chỉnh sửa này không thuộc bài học này. Hãy mở đường dẫn chỉnh sửa riêng bạn nhận được khi lưu bài.',
        },
        { code: 'lesson_token_wrong' },
      );
    }
    return record;
  }

  private toPublic(record: LessonRecord): PublicLesson {
    const stored = this.deps.lessons.items(record.id);
    const cards = this.deps.films.publishedCards(stored.map((i) => i.artifactId));
    const items = stored.flatMap((i) => {
      const film = cards.get(i.artifactId);
      // A new, shorter version of a film may no longer hold the excerpt: the item goes, as an unpublished one.
      const video = film && shownVideo({ startSec: i.start, endSec: i.end }, PUBLISHED, film.video);
      return film && video
        ? [{ artifact: film.artifact, video, start: i.start, end: i.end, note: i.note }]
        : [];
    });
    return {
      code: record.code,
      title: record.title,
      teacherName: record.teacherName,
      lang: record.lang,
      items,
      hiddenItems: stored.length - items.length,
      expiresAt: new Date(record.openedAt + EXPIRY_MS).toISOString(),
    };
  }

  private toStaff(record: LessonRecord): StaffLesson {
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      code: record.code,
      title: record.title,
      teacherName: record.teacherName,
      lang: record.lang,
      itemCount: this.deps.lessons.items(record.id).length,
      notes: this.deps.lessons
        .items(record.id)
        .map((i) => i.note)
        .filter(Boolean),
      createdAt: iso(record.createdAt),
      updatedAt: iso(record.updatedAt),
      lastOpenedAt: iso(record.openedAt),
      takenDownAt: record.takenDownAt === null ? null : iso(record.takenDownAt),
    };
  }
}
