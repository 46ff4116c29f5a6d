import { formatBytes } from '@artifact-stories/contracts/format';
import { MAX_CAPTION_BYTES } from '@artifact-stories/contracts/limits';
import { vttTimestamp } from '@artifact-stories/contracts/vtt';
import { type Texts, viDecimal } from '../texts.ts';
import { type Cue, parseTimingLine } from './timing.ts';

/**
 * Bad captions: the message names the line, what is wrong and how to fix it, in both languages (`messages`;
 * the Error's message is the English one).
 */
export class CaptionError extends Error {
  readonly messages: Texts;

  constructor(
    /** What is wrong and how to fix it, without the line and the file. */
    readonly detail: Texts,
    readonly line?: number,
    /** Which file, e.g. "Captions 'English' (en)". */
    readonly file?: Texts,
  ) {
    const join = (lang: keyof Texts, lineWord: string) =>
      [file?.[lang], line === undefined ? undefined : `${lineWord} ${line}`, detail[lang]]
        .filter(Boolean)
        .join(': ');
    super(join('en', 'Line'));
    this.messages = { en: join('en', 'Line'), vi: join('vi', 'Dòng') };
    this.name = 'CaptionError';
  }
}

/** A captions file over MAX_CAPTION_BYTES (also the api's captions body limit and the web's check). */
export function captionsTooBig(bytes: number): CaptionError {
  const size = formatBytes(bytes);
  const limit = formatBytes(MAX_CAPTION_BYTES);
  return new CaptionError({
    en:
      `The captions file is ${size}; the limit is ${limit}. ` +
      'Captions for a clip are usually a few KiB: check that you chose the right file.',
    vi:
      `Tệp phụ đề có dung lượng ${viDecimal(size)}; giới hạn là ${viDecimal(limit)}. Phụ đề của một đoạn phim ` +
      'thường chỉ vài KiB: hãy kiểm tra xem bạn đã chọn đúng tệp chưa.',
  });
}

const EXAMPLE: Texts = {
  en: `a timing line such as '00:00:01.000 --> 00:00:04.000'`,
  vi: `một dòng thời gian như '00:00:01.000 --> 00:00:04.000'`,
};

/**
 * Accepts WebVTT or SRT text (BOM, CRLF, comma decimals, cue numbers, cue settings), validates it and
 * returns normalised WebVTT. Written by hand rather than with a subtitle library because the point is
 * the error messages: each names the line, what is wrong and how to fix it.
 */
export function toWebVtt(text: string): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CAPTION_BYTES) throw captionsTooBig(bytes);
  rejectBinary(text);
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const isVtt = /^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '');
  if (!isVtt) checkSrtStart(lines);
  const blocks = splitBlocks(lines);
  const header: string[] = [];
  const cues: (Cue & { id: string | null; text: string })[] = [];
  for (const [index, block] of blocks.entries()) {
    if (isVtt && index === 0) continue; // the WEBVTT line and its header lines: we write our own
    const first = block.lines[0] ?? '';
    if (isVtt && /^NOTE(?:[ \t]|$)/.test(first)) continue;
    if (isVtt && /^(?:STYLE|REGION)[ \t]*$/.test(first)) {
      // Only meaningful before the first cue (the WebVTT rules); later ones are dropped like a browser does.
      if (cues.length === 0) header.push(block.lines.join('\n'));
      continue;
    }
    cues.push(parseCue(block, isVtt));
  }
  if (cues.length === 0) {
    throw new CaptionError({
      en:
        `The file has no cues. Each cue is ${EXAMPLE.en} followed by its text on the next lines, ` +
        'with an empty line between cues.',
      vi:
        `Tệp không có câu phụ đề nào. Mỗi câu gồm ${EXAMPLE.vi}, tiếp theo là lời thoại ở các dòng ` +
        'bên dưới; giữa hai câu có một dòng trống.',
    });
  }
  // Players expect cues in start order; SRT editors do not always write them so. (Array sort is stable.)
  cues.sort((a, b) => a.start - b.start);
  const body = cues.map((cue) => {
    const timing = `${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}${cue.settings}`;
    return `${cue.id === null ? '' : `${cue.id}\n`}${timing}\n${cue.text}`;
  });
  return `${['WEBVTT', ...header, ...body].join('\n\n')}\n`;
}

interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  lines: string[];
}

function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { line: i + 1, lines: [line] };
      blocks.push(current);
    }
  }
  return blocks;
}

function parseCue(block: Block, isVtt: boolean): Cue & { id: string | null; text: string } {
  const [first = '', second] = block.lines;
  let id: string | null = null;
  let timingAt = 0;
  if (!first.includes('-->')) {
    if (second === undefined || !second.includes('-->')) {
      const what = isVtt ? 'a cue identifier or a timing line' : "a cue number such as '12'";
      const whatVi = isVtt ? 'mã định danh của câu hoặc một dòng thời gian' : "số thứ tự của câu như '12'";
      throw new CaptionError(
        {
          en:
            `expected ${what} followed by ${EXAMPLE.en}, found '${preview(first)}'` +
            (second === undefined ? ' alone' : ` then '${preview(second)}'`) +
            '. If this is cue text, an empty line has slipped in between it and its timing line.',
          vi:
            `cần có ${whatVi}, tiếp theo là ${EXAMPLE.vi}, nhưng lại thấy '${preview(first)}'` +
            (second === undefined ? ' đứng một mình' : ` rồi đến '${preview(second)}'`) +
            '. Nếu đây là lời thoại thì có một dòng trống đã chen vào giữa lời thoại và dòng thời gian của nó.',
        },
        block.line,
      );
    }
    // SRT cue numbers are dropped; WebVTT identifiers are kept (chapters and styles may refer to them).
    if (isVtt) id = first.trim();
    timingAt = 1;
  }
  const timingLine = block.line + timingAt;
  const timing = parseTimingLine(block.lines[timingAt] ?? '', isVtt, (message: Texts) => {
    throw new CaptionError(message, timingLine);
  });
  const textLines = block.lines.slice(timingAt + 1);
  if (textLines.length === 0) {
    const cue = `${vttTimestamp(timing.start)} --> ${vttTimestamp(timing.end)}`;
    throw new CaptionError(
      {
        en: `the cue ${cue} has no text. Write its text on the line after the timing line, or delete the cue.`,
        vi: `câu ${cue} không có lời thoại. Hãy viết lời thoại ở dòng ngay sau dòng thời gian, hoặc xoá câu này.`,
      },
      timingLine,
    );
  }
  const stray = textLines.findIndex((l) => l.includes('-->'));
  if (stray >= 0) {
    throw new CaptionError(
      {
        en: 'a timing line inside the text of the cue above it. Put an empty line between two cues.',
        vi: 'có một dòng thời gian nằm trong lời thoại của câu phía trên. Hãy đặt một dòng trống giữa hai câu.',
      },
      timingLine + 1 + stray,
    );
  }
  const text = isVtt ? textLines.join('\n') : textLines.map(srtTextToVtt).join('\n');
  return { ...timing, id, text };
}

/** SRT text is loose HTML: keep the tags WebVTT knows (i, b, u), drop the rest, escape stray & and <. */
function srtTextToVtt(line: string): string {
  return line
    .replace(/\{\\[^}]*\}/g, '') // ASS overrides such as {\an8}
    .replace(/<(\/?)([a-zA-Z]+)[^>]*>|&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)|</g, (match, slash, tag) => {
      if (match === '&') return '&amp;';
      if (match === '<') return '&lt;';
      const name = String(tag).toLowerCase();
      return ['i', 'b', 'u'].includes(name) ? `<${slash}${name}>` : '';
    });
}

function checkSrtStart(lines: string[]): void {
  const index = lines.findIndex((l) => l.trim() !== '');
  const first = lines[index]?.trim() ?? '';
  if (index >= 0 && (/^\d+$/.test(first) || first.includes('-->'))) return;
  if (/^WEBVTT/i.test(first)) {
    throw new CaptionError(
      {
        en:
          `the first line must be exactly 'WEBVTT' (capital letters, then optionally a space and a title), ` +
          `found '${preview(first)}'.`,
        vi:
          `dòng đầu tiên phải đúng là 'WEBVTT' (chữ in hoa, sau đó có thể thêm một dấu cách và tiêu đề), ` +
          `nhưng lại thấy '${preview(first)}'.`,
      },
      index + 1,
    );
  }
  throw new CaptionError(
    {
      en:
        `this is neither WebVTT (which starts with a line 'WEBVTT') nor SRT (which starts with a cue number ` +
        `such as '1' and a timing line such as '00:00:01,000 --> 00:00:04,000')` +
        (index >= 0 ? `; found '${preview(first)}'` : '; the file is empty') +
        '. Export the captions as .srt or .vtt from your subtitle editor.',
      vi:
        `tệp này không phải WebVTT (bắt đầu bằng dòng 'WEBVTT') cũng không phải SRT (bắt đầu bằng số thứ tự ` +
        `như '1' và một dòng thời gian như '00:00:01,000 --> 00:00:04,000')` +
        (index >= 0 ? `; dòng đầu là '${preview(first)}'` : '; tệp trống') +
        '. Hãy xuất phụ đề dưới dạng .srt hoặc .vtt từ phần mềm làm phụ đề.',
    },
    index >= 0 ? index + 1 : undefined,
  );
}

function rejectBinary(text: string): void {
  // Control characters (other than tab, line breaks and form feed) or undecodable bytes (U+FFFD) never
  // occur in caption text.
  let bad = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f || c === 0xfffd) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad > 0) {
    const line = text.slice(0, first).split(/\r\n?|\n/).length;
    throw new CaptionError({
      en:
        `The file is not plain UTF-8 text: it holds ${bad} binary or undecodable character(s), the first on ` +
        `line ${line}. Captions must be an SRT or WebVTT text file saved as UTF-8 ` +
        '(in a subtitle editor: Save as… with encoding UTF-8).',
      vi:
        `Tệp không phải văn bản UTF-8 thuần: có ${bad} ký tự nhị phân hoặc không giải mã được, ký tự đầu tiên ` +
        `ở dòng ${line}. Phụ đề phải là tệp văn bản SRT hoặc WebVTT lưu với bảng mã UTF-8 ` +
        '(trong phần mềm làm phụ đề: Lưu thành… với bảng mã UTF-8).',
    });
  }
}

function preview(s: string): string {
  const t = s.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
