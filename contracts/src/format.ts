const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Bytes in the largest binary unit that keeps the number readable: 2 GiB, 1 MiB, 1.5 KiB, 250 MiB.
 * Binary units with IEC names, because every limit is set in powers of two (2 GiB uploads, 1 MiB captions,
 * 8 MiB upload chunks) and a refusal must name the limit exactly ("1 MiB", never "1.0 MB" for 1 048 576).
 * Whole values are written whole; others with one decimal, none from 100 up (a progress line stays short), with a
 * decimal comma in Vietnamese ("1,5 MiB"), as every other number on a Vietnamese page.
 */
export function formatBytes(bytes: number, lang: 'vi' | 'en' = 'en'): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = Number.isInteger(value) || unit === 0 || value >= 100 ? 0 : 1;
  const number = value.toFixed(digits);
  return `${lang === 'vi' ? number.replace('.', ',') : number} ${UNITS[unit]}`;
}
