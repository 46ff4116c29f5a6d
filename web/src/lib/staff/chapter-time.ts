/**
 * What staff type in a chapter's start field: "1:05", "1:05.5", "65" or "1:02:05" (h:mm:ss for long films).
 * Seconds to the tenth, as the field shows them; null for anything else, so the row can say what is wrong.
 */
export function parseChapterTime(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^(\d+:){0,2}\d+(\.\d+)?$/.test(clean)) return null;
  const parts = clean.split(':').map(Number);
  // Past the first part, minutes and seconds stay below 60: "1:75" is a typo, not 2:15.
  if (parts.slice(1).some((p) => p >= 60)) return null;
  const sec = parts.reduce((acc, p) => acc * 60 + p, 0);
  return Math.round(sec * 10) / 10;
}
