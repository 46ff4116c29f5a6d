// Classroom mode opens on the item the page was showing: `?item=2` (counted from 1, as the page shows it).

/** The classroom page of a lesson or exhibition page (`/l/BCD234`), opening on item `index` (from 0). */
export function classroomHref(page: string, index: number): string {
  return index > 0 ? `${page}/present?item=${index + 1}` : `${page}/present`;
}

/** The item (from 0) a classroom link opens on; anything unreadable is the first. */
export function startItem(param: string | null): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
}
