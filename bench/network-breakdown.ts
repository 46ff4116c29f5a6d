// Where the time goes between navigation and the first frame: when each thing the first frame waits for had
// arrived, in milliseconds after navigation, from the request log and the probe of visits that tapped at once.
import { type RequestLog, segmentOf } from '../web/test/support/network.ts';
import type { PlaybackProbe } from './network-probe.ts';
import { median } from './stats.ts';

/** What the first frame waits for, in the order a visit usually meets them; a URL test or a probe moment. */
const MILESTONES: [string, (path: string) => boolean][] = [
  ['page HTML', (p) => /^\/(en\/)?artifacts\/[^/]+$/.test(p)],
  ['app code (index-*.js)', (p) => /^\/assets\/index-[\w-]+\.js$/.test(p)],
  ['artifact data (/api/artifacts/…)', (p) => p.startsWith('/api/artifacts/')],
  ['player code (hls-*.js)', (p) => /^\/assets\/hls-[\w-]+\.js$/.test(p)],
  ['master playlist', (p) => p.endsWith('/master.m3u8')],
  ['rung playlist', (p) => p.startsWith('/media/') && p.endsWith('/index.m3u8')],
];

/** One visit: each milestone's [asked, arrived] in ms after navigation (null: never), tap and first frame. */
export type Breakdown = Record<string, [number | null, number | null]>;

export function breakdown(log: RequestLog, probe: PlaybackProbe, navigationStart: number): Breakdown {
  const since = (t: number | null | undefined) => (t == null ? null : t - navigationStart);
  const first = (test: (url: string) => boolean) => log.requests.find((r) => test(r.url));
  const row = (r: ReturnType<typeof first>): [number | null, number | null] => [
    since(r?.startedAt),
    since(r?.finishedAt),
  ];
  const out: Breakdown = {};
  for (const [name, test] of MILESTONES) out[name] = row(first((url) => test(new URL(url).pathname)));
  out['play button shown'] = [since(probe.playShownAt), since(probe.playShownAt)];
  out.tap = [since(probe.tapAt), since(probe.tapAt)];
  out['first segment'] = row(first((url) => segmentOf(url) !== null));
  out['first frame'] = [since(probe.firstFrameAt), since(probe.firstFrameAt)];
  return out;
}

const ms = (values: (number | null)[]) => {
  const ok = values.filter((v): v is number => v !== null);
  return ok.length ? String(Math.round(median(ok))) : '—';
};

/** Median over visits of when each milestone was asked for and when it had arrived, sorted by arrival. */
export function breakdownTable(visits: Breakdown[]): Record<string, Record<string, string>> {
  const names = Object.keys(visits[0] ?? {});
  const rows = names.map((name) => ({
    name,
    asked: ms(visits.map((v) => v[name]?.[0] ?? null)),
    arrived: ms(visits.map((v) => v[name]?.[1] ?? null)),
  }));
  rows.sort((a, b) => (Number(a.arrived) || Infinity) - (Number(b.arrived) || Infinity));
  return Object.fromEntries(
    rows.map((r) => [r.name, { 'asked, ms after navigation': r.asked, 'arrived, ms': r.arrived }]),
  );
}
