// Search within the transcript. Folded like the site's search (fold from contracts: "gom" finds gốm and
// gồm), but a query typed with tones puts the lines that match it exactly first: "gốm" lists gốm before gồm.
import { fold } from '@artifact-stories/contracts/text';

/** A match: the cue it is in and where in the cue's text (UTF-16 offsets of the original text). */
export interface Match {
  cue: number;
  from: number;
  to: number;
  exact: boolean;
}

/**
 * The folded text with, for each of its characters, the offset of the original character it came from:
 * folding a character may drop marks but never merges two, so a folded hit maps back to original text.
 */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) map.push(i);
    i += ch.length;
  }
  map.push(i);
  return { folded, map };
}

/** Every match of `query` in the cues, exact-tone matches first when the query has tones, then in order. */
export function findInCues(cues: readonly { text: string }[], query: string): Match[] {
  const q = query.trim().replace(/\s+/g, ' ');
  const needle = fold(q);
  if (!needle) return [];
  const toned = needle !== q.toLowerCase();
  const matches: Match[] = [];
  cues.forEach((cue, index) => {
    const { folded, map } = foldWithMap(cue.text);
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      const from = map[at] as number;
      const to = map[at + needle.length] as number;
      const exact = cue.text.slice(from, to).toLowerCase() === q.toLowerCase();
      matches.push({ cue: index, from, to, exact });
    }
  });
  // A stable sort keeps transcript order within each group.
  return toned ? matches.sort((a, b) => Number(b.exact) - Number(a.exact)) : matches;
}

/** A cue's text cut around its matches, for <mark>: [text, isMatch, isCurrent][]. */
export function pieces(
  text: string,
  matches: readonly Match[],
  current?: Match,
): [string, boolean, boolean][] {
  const sorted = [...matches].sort((a, b) => a.from - b.from);
  const out: [string, boolean, boolean][] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.from < at) continue;
    if (m.from > at) out.push([text.slice(at, m.from), false, false]);
    out.push([text.slice(m.from, m.to), true, m === current]);
    at = m.to;
  }
  if (at < text.length) out.push([text.slice(at), false, false]);
  return out;
}
