import type { Lang, PublicLesson } from '@artifact-stories/contracts/schemas';
import { escapeHtml } from './reach/escape.ts';
import { NOINDEX, type PageMeta } from './reach/head.ts';
import { SITE_NAME } from './reach/museum.ts';

const WORDS = {
  vi: {
    lesson: 'Bài học',
    by: (name: string) => `Bài học do giáo viên ${name} soạn`,
    byAny: 'Bài học do giáo viên soạn',
  },
  en: {
    lesson: 'Lesson',
    by: (name: string) => `A lesson made by ${name}, a teacher`,
    byAny: 'A lesson made by a teacher',
  },
} as const;

/**
 * <head> of a lesson's pages: never indexed, and a link preview that says whose lesson it is (the teacher's,
 * not the museum's). Every teacher text is escaped; without a lesson (unknown, taken down) only noindex.
 */
export function lessonPageMeta(lesson: PublicLesson | undefined, uiLang: Lang): PageMeta {
  const lang = lesson?.lang ?? uiLang;
  const words = WORDS[lang];
  if (!lesson) return { title: `${words.lesson} — ${SITE_NAME[lang]}`, lang, head: NOINDEX };
  const by = lesson.teacherName ? words.by(lesson.teacherName) : words.byAny;
  const title = `${lesson.title} — ${words.lesson} · ${SITE_NAME[lang]}`;
  const head = [
    NOINDEX,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(lesson.title)}">`,
    `<meta property="og:description" content="${escapeHtml(`${by} · ${SITE_NAME[lang]}`)}">`,
    `<meta name="description" content="${escapeHtml(by)}">`,
  ].join('\n    ');
  return { title, lang, head };
}
