import type { ProbeResult } from '../types.ts';

const POSTER_WIDTHS = [320, 640, 1280] as const;

function even(n: number): number {
  return Math.max(2, 2 * Math.round(n / 2));
}

/** Height for a width at the clip's display aspect (rotation and non-square pixels already applied). */
export function heightFor(width: number, probe: ProbeResult): number {
  return even((width * probe.video.displayHeight) / probe.video.displayWidth);
}

/** The poster widths that fit the display width (never upscaled); a tiny clip gets its own width. */
export function posterWidths(probe: ProbeResult): number[] {
  const max = probe.video.displayWidth;
  const fitting = POSTER_WIDTHS.filter((w) => w <= max);
  return fitting.length > 0 ? fitting : [Math.max(2, 2 * Math.floor(max / 2))];
}
