import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_CAPTION_BYTES } from '@artifact-stories/contracts/limits';
import { viDecimal } from '../texts.ts';
import type { CaptionInput, MediaManifest } from '../types.ts';
import { CaptionError, captionsTooBig, toWebVtt } from './captions.ts';

/** BCP 47 shaped, and safe as a file name: 'vi', 'en', 'en-GB', 'zh-Hans'. */
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * Writes captions/<lang>.vtt (validated, normalised WebVTT) and captions/<lang>.m3u8 (an HLS subtitle
 * playlist whose one segment is the whole file) for each caption, and returns the manifest entries.
 */
export async function writeCaptionRenditions(
  captions: CaptionInput[],
  durationSec: number,
  outDir: string,
): Promise<MediaManifest['captions']> {
  const seen = new Set<string>();
  for (const c of captions) {
    if (!LANG.test(c.lang)) {
      throw new CaptionError({
        en: `Caption language '${c.lang}' is not a language code. Use a code such as 'vi', 'en' or 'en-GB'.`,
        vi: `'${c.lang}' không phải là mã ngôn ngữ của phụ đề. Hãy dùng mã như 'vi', 'en' hoặc 'en-GB'.`,
      });
    }
    if (seen.has(c.lang)) {
      throw new CaptionError({
        en: `Two caption files are marked '${c.lang}'. Keep one file per language.`,
        vi: `Có hai tệp phụ đề cùng được đánh dấu '${c.lang}'. Mỗi ngôn ngữ chỉ giữ một tệp.`,
      });
    }
    seen.add(c.lang);
  }
  // Convert everything before writing anything: one bad file leaves no half-written captions folder.
  const converted = await Promise.all(
    captions.map(async (c) => {
      try {
        const vtt = toWebVtt(decodeCaptionBytes(await readLimited(c.path)));
        checkWithinClip(vtt, durationSec);
        return { ...c, vtt };
      } catch (err) {
        if (err instanceof CaptionError) {
          throw new CaptionError(err.detail, err.line, {
            en: `Captions '${c.label}' (${c.lang})`,
            vi: `Phụ đề '${c.label}' (${c.lang})`,
          });
        }
        throw err;
      }
    }),
  );
  if (converted.length === 0) return [];
  const dir = join(outDir, 'captions');
  await mkdir(dir, { recursive: true });
  const entries: MediaManifest['captions'] = [];
  for (const c of converted) {
    // The HLS rule for a segment without a map is the same (cue time 0 = media time 0); writing it out
    // keeps validators and older players from guessing.
    const vtt = c.vtt.replace(/^WEBVTT\n/, 'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n');
    await writeFile(join(dir, `${c.lang}.vtt`), vtt);
    await writeFile(join(dir, `${c.lang}.m3u8`), subtitlePlaylist(`${c.lang}.vtt`, durationSec));
    entries.push({
      lang: c.lang,
      label: c.label.trim() || c.lang,
      vtt: `captions/${c.lang}.vtt`,
      playlist: `captions/${c.lang}.m3u8`,
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.source ? { source: c.source } : {}),
    });
  }
  return entries;
}

function subtitlePlaylist(segment: string, durationSec: number): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.ceil(durationSec))}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${durationSec.toFixed(3)},`,
    segment,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}

async function readLimited(path: string): Promise<Buffer> {
  const { size } = await stat(path);
  if (size > MAX_CAPTION_BYTES) throw captionsTooBig(size);
  return readFile(path);
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM, as Windows editors save it; anything else is refused. */
export function decodeCaptionBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) {
    throw new CaptionError({
      en: 'The file is binary, not text. Captions must be an SRT or WebVTT text file saved as UTF-8.',
      vi: 'Đây là tệp nhị phân, không phải văn bản. Phụ đề phải là tệp văn bản SRT hoặc WebVTT lưu với bảng mã UTF-8.',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CaptionError({
      en:
        'The file is not UTF-8 text (it may be in an old encoding such as Windows-1258). ' +
        'Open it in a subtitle or text editor and save it with the encoding UTF-8.',
      vi:
        'Tệp không phải văn bản UTF-8 (có thể đang dùng bảng mã cũ như Windows-1258). ' +
        'Hãy mở tệp trong phần mềm làm phụ đề hoặc trình soạn thảo văn bản rồi lưu lại với bảng mã UTF-8.',
    });
  }
}

/** Captions that all start after the clip ends belong to another clip. */
function checkWithinClip(vtt: string, durationSec: number): void {
  const first = /^(\d+):(\d\d):(\d\d)\.(\d{3}) -->/m.exec(vtt);
  if (!first || !(durationSec > 0)) return;
  const [h, m, s, ms] = first.slice(1).map(Number) as [number, number, number, number];
  const startSec = h * 3600 + m * 60 + s + ms / 1000;
  if (startSec >= durationSec) {
    const at = first[0].replace(' -->', '');
    const duration = durationSec.toFixed(1);
    throw new CaptionError({
      en:
        `The first cue starts at ${at}, after the end of the clip (${duration} s). ` +
        'These captions seem to belong to another clip.',
      vi:
        `Câu phụ đề đầu tiên bắt đầu lúc ${at}, sau khi đoạn phim đã kết thúc (${viDecimal(duration)} giây). ` +
        'Phụ đề này có vẻ thuộc về một đoạn phim khác.',
    });
  }
}
