import { CHAPTER_TITLE_MAX_LENGTH, CHAPTERS_MAX } from './limits.ts';
import type { Chapter, ChapterInput } from './schemas/chapters.ts';

/** What is wrong with a list of chapters, in both languages, and which row (in time order) to point at. */
interface ChapterProblem {
  /** Index in the list as sorted by sortChapters; null for the list as a whole. */
  index: number | null;
  field: 'startSec' | 'title' | null;
  en: string;
  vi: string;
}

/** "m:ss", the way the editor's time fields read and write it. */
export function chapterClock(sec: number): string {
  const whole = Math.floor(sec);
  const tenths = Math.round((sec - whole) * 10);
  const clock = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  return tenths > 0 && tenths < 10 ? `${clock}.${tenths}` : clock;
}

/** Times to the millisecond (so two starts are the same or not, whatever float noise came in) and in order. */
export function sortChapters(chapters: readonly ChapterInput[]): ChapterInput[] {
  return chapters
    .map((c) => ({
      startSec: Math.round(c.startSec * 1000) / 1000,
      title: { vi: c.title.vi.trim(), en: c.title.en.trim() },
    }))
    .sort((a, b) => a.startSec - b.startSec);
}

/**
 * The first thing to fix in a list of chapters (already sorted by sortChapters), or null. `durationSec` is the
 * clip's length; without a clip there is nothing to mark.
 */
export function chapterProblem(
  sorted: readonly ChapterInput[],
  durationSec: number | null,
): ChapterProblem | null {
  if (sorted.length === 0) return null;
  if (durationSec === null) {
    return {
      index: null,
      field: null,
      en: 'This artifact has no ready film yet, so there is nothing to divide into chapters. Upload the film first.',
      vi: 'Hiện vật này chưa có phim sẵn sàng nên chưa thể chia chương. Hãy tải phim lên trước.',
    };
  }
  if (sorted.length > CHAPTERS_MAX) {
    return {
      index: null,
      field: null,
      en: `A clip has at most ${CHAPTERS_MAX} chapters; this list has ${sorted.length}. Remove some.`,
      vi: `Mỗi đoạn phim có tối đa ${CHAPTERS_MAX} chương; danh sách này có ${sorted.length}. Hãy bớt đi.`,
    };
  }
  for (const [index, c] of sorted.entries()) {
    const n = index + 1;
    const at = chapterClock(c.startSec);
    if (c.startSec < 0 || c.startSec >= durationSec) {
      return {
        index,
        field: 'startSec',
        en: `Chapter ${n} starts at ${at}, but the film is only ${chapterClock(durationSec)} long. Choose a time inside the film.`,
        vi: `Chương ${n} bắt đầu lúc ${at} nhưng phim chỉ dài ${chapterClock(durationSec)}. Hãy chọn một thời điểm trong phim.`,
      };
    }
    if (index > 0 && sorted[index - 1]?.startSec === c.startSec) {
      return {
        index,
        field: 'startSec',
        en: `Chapters ${n - 1} and ${n} both start at ${at}. Give each chapter its own start time.`,
        vi: `Chương ${n - 1} và chương ${n} cùng bắt đầu lúc ${at}. Mỗi chương cần một thời điểm bắt đầu riêng.`,
      };
    }
    if (c.title.vi === '') {
      return {
        index,
        field: 'title',
        en: `Chapter ${n} (at ${at}) has no Vietnamese title. Write one; the English title may wait.`,
        vi: `Chương ${n} (lúc ${at}) chưa có tên tiếng Việt. Hãy đặt tên; tên tiếng Anh có thể bổ sung sau.`,
      };
    }
    if (c.title.vi.length > CHAPTER_TITLE_MAX_LENGTH || c.title.en.length > CHAPTER_TITLE_MAX_LENGTH) {
      return {
        index,
        field: 'title',
        en: `Chapter ${n} (at ${at}) has a title longer than ${CHAPTER_TITLE_MAX_LENGTH} characters. Shorten it.`,
        vi: `Tên chương ${n} (lúc ${at}) dài quá ${CHAPTER_TITLE_MAX_LENGTH} ký tự. Hãy rút gọn.`,
      };
    }
  }
  return null;
}

/**
 * The chapters a visitor sees of a clip `durationSec` long: each ends where the next starts. Chapters left
 * past the end by a newer, shorter film are dropped rather than shown beyond it.
 */
export function chapterTimeline(sorted: readonly ChapterInput[], durationSec: number): Chapter[] {
  const inside = sorted.filter((c) => c.startSec >= 0 && c.startSec < durationSec);
  return inside.map((c, i) => ({
    startSec: c.startSec,
    endSec: inside[i + 1]?.startSec ?? durationSec,
    title: { vi: c.title.vi, en: c.title.en },
  }));
}
