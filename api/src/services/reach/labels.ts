import type { Localized } from '@artifact-stories/contracts/schemas';
import { escapeHtml } from './escape.ts';
import { inLang } from './links.ts';
import { MUSEUM } from './museum.ts';

export interface GalleryLabel {
  title: Localized;
  ethnicGroups: Localized[];
  accessionNumber: string;
  url: string;
  /** The QR code as the `qrcode` library draws it (no user text inside). */
  qrSvg: string;
}

// Print stylesheet: A4 with 10 mm margins holds two columns of five 90 × 54 mm labels; a label never
// splits across pages; the dashed outline is the cutting line.
const STYLE = `
  @page { size: A4 portrait; margin: 10mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: 'Noto Sans', 'Helvetica Neue', Arial, sans-serif; color: #111; }
  .help { margin: 1rem; padding: .75rem 1rem; background: #fdf3e7; border: 1px solid #e0c9a6; }
  .sheet { display: grid; grid-template-columns: repeat(2, 90mm); grid-auto-rows: 54mm; gap: 4mm;
    justify-content: center; padding: 4mm 0; }
  .label { display: flex; gap: 4mm; padding: 4mm; border: 1px dashed #999; break-inside: avoid;
    page-break-inside: avoid; overflow: hidden; }
  .qr { flex: 0 0 34mm; display: flex; flex-direction: column; align-items: center; }
  .qr svg { width: 34mm; height: 34mm; }
  .qr small { font-size: 6pt; color: #444; word-break: break-all; text-align: center; }
  .qr .scan { margin: 0 0 .5mm; font-size: 7pt; font-weight: 700; text-align: center; line-height: 1.2; }
  .text { display: flex; flex-direction: column; min-width: 0; }
  .title-vi { font-size: 12pt; font-weight: 700; margin: 0 0 1mm; line-height: 1.15; }
  .title-en { font-size: 10pt; font-style: italic; margin: 0 0 2mm; line-height: 1.15; }
  .groups { font-size: 8.5pt; margin: 0 0 1mm; }
  .accession { font-size: 8pt; font-family: 'Noto Sans Mono', monospace; margin: auto 0 0; }
  .museum { font-size: 6.5pt; color: #555; margin: 1mm 0 0; }
  @media print { .help { display: none; } .sheet { padding: 0; } }
`;

/**
 * Said in both languages under every QR code the museum prints. The code itself links to the root page,
 * which opens in the language of the phone that scans it (a tourist's reads English).
 */
const SCAN_LABEL = '<span lang="vi">Quét để xem phim</span> / <span lang="en">Scan to watch</span>';

function labelHtml(l: GalleryLabel): string {
  const groupsVi = l.ethnicGroups.map((g) => inLang(g, 'vi')).join(', ');
  const groupsEn = l.ethnicGroups.map((g) => inLang(g, 'en')).join(', ');
  const svg = l.qrSvg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(`QR: ${l.url}`)}"`);
  return `<article class="label">
      <div class="qr">${svg}<p class="scan">${SCAN_LABEL}</p><small>${escapeHtml(l.url)}</small></div>
      <div class="text">
        <p class="title-vi" lang="vi">${escapeHtml(inLang(l.title, 'vi'))}</p>
        <p class="title-en" lang="en">${escapeHtml(inLang(l.title, 'en'))}</p>
        <p class="groups"><span lang="vi">Dân tộc: ${escapeHtml(groupsVi)}</span> · <span lang="en">${escapeHtml(groupsEn)}</span></p>
        <p class="accession">${escapeHtml(l.accessionNumber)}</p>
        <p class="museum" lang="vi">${escapeHtml(MUSEUM.name.vi)}</p>
      </div>
    </article>`;
}

/**
 * A printable sheet of gallery labels. No script (the CSP allows none inline): the visitor prints with
 * the browser's own command, which the help line says, and print CSS hides that line.
 */
export function labelsPage(labels: GalleryLabel[]): string {
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8">
    <meta name="robots" content="noindex">
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <title>Nhãn hiện vật · Gallery labels (${labels.length})</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <p class="help">${labels.length} nhãn — in bằng lệnh In của trình duyệt (Ctrl+P / ⌘P), khổ A4, tỉ lệ 100 %.
      · ${labels.length} label(s) — print with your browser's Print command (Ctrl+P / ⌘P), A4, scale 100 %.</p>
    <main class="sheet">
    ${labels.map(labelHtml).join('\n    ')}
    </main>
  </body>
</html>
`;
}
