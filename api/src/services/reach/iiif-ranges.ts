import type { Chapter, Localized } from '@artifact-stories/contracts/schemas';

type LanguageMap = Record<string, string[]>;

/** An English title not written yet is left out of the map rather than given as an empty string. */
function label(text: Localized): LanguageMap {
  const en = text.en.trim();
  return en ? { vi: [text.vi], en: [en] } : { vi: [text.vi] };
}

/** Media fragment of the Canvas (W3C Media Fragments, as Presentation 3 uses for time): "#t=start,end". */
const fragment = (canvasId: string, c: Chapter) => `${canvasId}#t=${c.startSec},${c.endSec}`;

/**
 * Presentation 3 `structures`: one top Range, the table of contents, holding one Range per chapter whose
 * only item is the Canvas fragment it covers. Viewers such as Ramp and Universal Viewer list these and seek
 * on a click. No chapters, no structures: an empty table of contents is worse than none.
 */
export function chapterRanges(manifestId: string, canvasId: string, chapters: readonly Chapter[]) {
  if (chapters.length === 0) return undefined;
  const base = manifestId.replace(/\/manifest\.json$/, '');
  return [
    {
      id: `${base}/range/chapters`,
      type: 'Range',
      label: { vi: ['Các chương'], en: ['Chapters'] },
      items: chapters.map((c, i) => ({
        id: `${base}/range/chapter-${i + 1}`,
        type: 'Range',
        label: label(c.title),
        items: [{ id: fragment(canvasId, c), type: 'Canvas' }],
      })),
    },
  ];
}
