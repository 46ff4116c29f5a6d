import { type ExcerptProblem, excerptProblem } from '@artifact-stories/contracts/excerpt';
import {
  LESSON_ITEMS_MAX,
  LESSON_NOTE_MAX_LENGTH,
  LESSON_TEACHER_MAX_LENGTH,
  LESSON_TITLE_MAX_LENGTH,
} from '@artifact-stories/contracts/limits';
import type { LessonInput } from '@artifact-stories/contracts/schemas';
import { LocalizedError, type Texts } from '../errors/localized.ts';
import type { LessonContent } from '../repositories/lessons.repository.ts';

/** What the lesson rules need to know of a film a teacher picked. */
export interface PickableFilm {
  id: number;
  published: boolean;
  /** Length of the ready video; null when the artifact has none to play. */
  durationSec: number | null;
}

// Controls but newline (C0, DEL, C1), and the bidirectional overrides and isolates that can make text read
// in another order than it is stored (a note could pose as something else). Tabs become spaces.
const CONTROLS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A teacher's text as it is stored and shown: NFC, no control characters, trimmed; a one-line text (title,
 * name) has its line breaks turned into spaces, a note keeps single blank lines at most.
 */
export function cleanTeacherText(text: string, multiline: boolean): string {
  let clean = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, (c) => (c === '\n' ? c : ''));
  clean = multiline
    ? clean.replace(/[ \u00a0]+\n/g, '\n').replace(/\n{3,}/g, '\n\n')
    : clean.replace(/\s+/g, ' ');
  return clean.trim();
}

const length = (text: string) => [...text].length;

function refuse(field: string, texts: Texts, code = 'invalid_lesson'): never {
  throw new LocalizedError(400, texts, { code, field });
}

function tooLong(field: string, what: Texts, max: number, actual: number): never {
  refuse(field, {
    en: `${what.en} is ${actual} characters long; the most is ${max}. Shorten it and save again.`,
    vi: `${what.vi} dài ${actual} ký tự; tối đa là ${max}. Hãy rút gọn rồi lưu lại.`,
  });
}

const EXCERPT_WORDS: Record<ExcerptProblem, (d: number) => Texts> = {
  negative: () => ({ en: 'a time cannot be negative', vi: 'thời điểm không thể là số âm' }),
  'end-before-start': () => ({
    en: 'the end comes before the start',
    vi: 'điểm kết thúc đứng trước điểm bắt đầu',
  }),
  'too-short': () => ({ en: 'the excerpt is shorter than 2 seconds', vi: 'đoạn trích ngắn hơn 2 giây' }),
  'beyond-end': (d) => ({
    en: `the film is only ${Math.floor(d)} s long`,
    vi: `phim chỉ dài ${Math.floor(d)} giây`,
  }),
};

/**
 * The lesson a teacher sent, checked and cleaned, ready to store; or a 400 naming the field at fault
 * (`title`, `items.2.end`...) and saying in both languages what is wrong and what to do.
 */
export function lessonContent(
  input: LessonInput,
  film: (slug: string) => PickableFilm | undefined,
): LessonContent {
  const title = cleanTeacherText(input.title, false);
  const teacherName = cleanTeacherText(input.teacherName ?? '', false);
  if (!title) refuse('title', { en: 'Give the lesson a title.', vi: 'Hãy đặt tên cho bài học.' });
  if (length(title) > LESSON_TITLE_MAX_LENGTH)
    tooLong('title', { en: 'The title', vi: 'Tên bài học' }, LESSON_TITLE_MAX_LENGTH, length(title));
  if (length(teacherName) > LESSON_TEACHER_MAX_LENGTH)
    tooLong(
      'teacherName',
      { en: "The teacher's name", vi: 'Tên giáo viên' },
      LESSON_TEACHER_MAX_LENGTH,
      length(teacherName),
    );
  if (input.items.length === 0)
    refuse('items', {
      en: 'Add at least one film to the lesson.',
      vi: 'Hãy thêm ít nhất một phim vào bài học.',
    });
  if (input.items.length > LESSON_ITEMS_MAX) {
    refuse('items', {
      en: `A lesson holds at most ${LESSON_ITEMS_MAX} films; this one has ${input.items.length}. Split it into two lessons.`,
      vi: `Một bài học có tối đa ${LESSON_ITEMS_MAX} phim; bài này có ${input.items.length}. Hãy chia thành hai bài.`,
    });
  }
  const items = input.items.map((item, i) => {
    const n = i + 1;
    const found = film(item.artifact);
    if (!found?.published || found.durationSec === null) {
      refuse(`items.${i}.artifact`, {
        en: `Film ${n} ("${item.artifact}") is not a published film with a clip; remove it from the lesson.`,
        vi: `Phim thứ ${n} («${item.artifact}») không phải phim đã công bố có đoạn phim; hãy bỏ nó khỏi bài học.`,
      });
    }
    const start = item.start ?? null;
    const end = item.end ?? null;
    const problem = excerptProblem({ start: start ?? undefined, end: end ?? undefined }, found.durationSec);
    if (problem) {
      const words = EXCERPT_WORDS[problem](found.durationSec);
      const atStart = start !== null && (start < 0 || start >= found.durationSec);
      refuse(`items.${i}.${atStart ? 'start' : 'end'}`, {
        en: `The excerpt of film ${n} cannot be played: ${words.en}. Correct its start or end.`,
        vi: `Không phát được đoạn trích của phim thứ ${n}: ${words.vi}. Hãy sửa điểm bắt đầu hoặc kết thúc.`,
      });
    }
    const note = cleanTeacherText(item.note ?? '', true);
    if (length(note) > LESSON_NOTE_MAX_LENGTH)
      tooLong(
        `items.${i}.note`,
        { en: `The note under film ${n}`, vi: `Ghi chú dưới phim thứ ${n}` },
        LESSON_NOTE_MAX_LENGTH,
        length(note),
      );
    return { artifactId: found.id, start, end, note };
  });
  return { title, teacherName, lang: input.lang, items };
}
