// The staff exhibition editor's form, as plain data: items keep their times as typed (empty means "whole
// film"), so what is sent is exactly what was typed, and reordering is moving an element of an array.
import type { ExhibitionInput, Localized, StaffExhibition } from '@artifact-stories/contracts/schemas';
import { slugify } from '@artifact-stories/contracts/text';

export interface EditItem {
  /** Stable across moves: the key of the row and of its focus after a move. */
  key: number;
  artifact: string;
  title: Localized;
  durationSec: number | null;
  /** What the api said at the last load or save; null for an item added since. */
  shown: boolean | null;
  /** As the number field gives it: a number, or empty (null or '') for "from the start" / "to the end". */
  start: number | string | null;
  end: number | string | null;
  text: Localized;
}

export interface ExhibitionForm {
  slug: string;
  title: Localized;
  intro: Localized;
  cover: string | null;
  items: EditItem[];
}

let keys = 0;
const time = (sec: number | undefined) => (sec === undefined ? '' : String(sec));

export function emptyForm(): ExhibitionForm {
  return { slug: '', title: { vi: '', en: '' }, intro: { vi: '', en: '' }, cover: null, items: [] };
}

export function formOf(e: StaffExhibition): ExhibitionForm {
  return {
    slug: e.slug,
    title: { ...e.title },
    intro: { ...e.intro },
    cover: e.cover,
    items: e.items.map((i) => ({
      key: ++keys,
      artifact: i.artifact,
      title: i.title,
      durationSec: i.durationSec,
      shown: i.shown,
      start: time(i.startSec),
      end: time(i.endSec),
      text: { ...i.text },
    })),
  };
}

export function newItem(artifact: { slug: string; title: Localized }): EditItem {
  return {
    key: ++keys,
    artifact: artifact.slug,
    title: artifact.title,
    durationSec: null,
    shown: null,
    start: '',
    end: '',
    text: { vi: '', en: '' },
  };
}

/** The item list with `index` moved by one place; the same list when it cannot move. */
export function moved<T>(list: readonly T[], index: number, by: 1 | -1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to] as T, out[index] as T];
  return out;
}

function seconds(typed: number | string | null): number | undefined {
  if (typeof typed === 'number') return typed;
  if (typed === null || typed.trim() === '') return undefined;
  return Number(typed.replace(',', '.'));
}

/** What the api receives; a missing slug is proposed from the Vietnamese title. */
export function inputOf(form: ExhibitionForm): ExhibitionInput {
  return {
    slug: form.slug.trim() || slugify(form.title.vi),
    title: form.title,
    intro: form.intro,
    cover: form.items.some((i) => i.artifact === form.cover) ? form.cover : null,
    items: form.items.map((i) => {
      const startSec = seconds(i.start);
      const endSec = seconds(i.end);
      return {
        artifact: i.artifact,
        ...(startSec !== undefined && { startSec }),
        ...(endSec !== undefined && { endSec }),
        text: i.text,
      };
    }),
  };
}

/** The id of the form control an api error names (`items.2.endSec` → `item-2-end`), to focus it. */
export function controlOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const item = /^items\.(\d+)\.(startSec|endSec|artifact)$/.exec(field);
  if (item) return `item-${item[1]}-${item[2] === 'endSec' ? 'end' : 'start'}`;
  if (field === 'title.vi' || field === 'title.en') return `ex-title-${field.slice(6)}`;
  if (field === 'slug' || field === 'cover') return `ex-${field}`;
  return undefined;
}
