import type { Lang } from '@artifact-stories/contracts/schemas';

/** 75 → "1:15", 3725 → "1:02:05": the clock players show. */
export function formatClock(totalSec: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(totalSec) ? totalSec : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * A clip's size as a phone plan counts it (1 MB = 1,000,000 bytes): "1,2 MB" in Vietnamese, "1.2 MB" in
 * English; one decimal under 10 MB, whole from there; never "0 MB" for a clip that costs something.
 */
export function formatMegabytes(bytes: number, lang: Lang): string {
  const mb = Math.max(0, bytes) / 1_000_000;
  const digits = mb < 10 ? 1 : 0;
  const shown = bytes > 0 ? Math.max(mb, 0.1) : 0;
  const number = shown.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${number} MB`;
}
