// A link to a moment of a clip: `?t=42`, `?t=1:02`, `?t=1m2s` and a range `?t=42,70` (play from 42, pause at
// 70). The web pages read it, the api keeps it in oEmbed and share cards, and search links hits with it.

export interface Moment {
  /** Whole or fractional seconds from the start. */
  start: number;
  /** Where a range pauses; absent for a single moment. */
  end?: number;
}

/** Nobody links hours into a museum clip; the bound keeps absurd numbers out of the player and the HTML. */
const MAX_SECONDS = 24 * 3600;
const PLAIN = /^\d+(?:\.\d+)?$/;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;
const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/** One time: "42", "42.5", "1:02", "1:02:03", "1m2s", "2m", "1h2m3s"; undefined when it is none of them. */
export function parseTime(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') return undefined;
  let seconds: number | undefined;
  if (PLAIN.test(s)) seconds = Number(s);
  else {
    const clock = CLOCK.exec(s);
    const units = clock ? undefined : UNITS.exec(s);
    const m = clock ?? units;
    if (!m) return undefined;
    const [, h = '0', min = '0', sec = '0'] = m;
    if (clock && (Number(min) > 59 || Number(sec) >= 60)) return undefined;
    seconds = (Number(h) * 60 + Number(min)) * 60 + Number(sec);
  }
  return seconds <= MAX_SECONDS ? seconds : undefined;
}

/**
 * The `t` parameter: one time or "start,end". Undefined for anything else, and for a range that ends
 * before it starts: a bad link plays the clip from the beginning rather than failing.
 */
export function parseMoment(value: string | null | undefined): Moment | undefined {
  if (!value || value.length > 40) return undefined;
  const [first = '', second, ...rest] = value.split(',');
  if (rest.length) return undefined;
  const start = parseTime(first);
  if (start === undefined) return undefined;
  if (second === undefined) return { start };
  const end = parseTime(second);
  return end !== undefined && end > start ? { start, end } : undefined;
}

/** The `t` value for a moment, in whole seconds (what links carry): "42" or "42,70". */
export function momentParam(moment: Moment): string {
  const s = (n: number) => String(Math.floor(n));
  return moment.end === undefined ? s(moment.start) : `${s(moment.start)},${s(moment.end)}`;
}
