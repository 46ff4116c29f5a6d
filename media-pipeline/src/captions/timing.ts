// Cue timing lines and timestamps, in both dialects: WebVTT (00:01.500, settings after the end time) and
// SRT (00:00:01,500, sometimes with X1:… Y1:… coordinates, which WebVTT has no use for).
import { vttTimestamp } from '@artifact-stories/contracts/vtt';
import type { Texts } from '../texts.ts';

export interface Cue {
  /** Milliseconds. */
  start: number;
  end: number;
  /** Normalised WebVTT cue settings with a leading space, or ''. */
  settings: string;
}

const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;
const SETTING = /^(?:vertical|line|position|size|align|region):\S+$/;
const FORMAT_HINT: Texts = {
  en: "Write times as hours:minutes:seconds.milliseconds, e.g. '00:01:02.500' (WebVTT) or '00:01:02,500' (SRT).",
  vi:
    "Hãy viết thời gian theo dạng giờ:phút:giây.mili giây, ví dụ '00:01:02.500' (WebVTT) " +
    "hoặc '00:01:02,500' (SRT).",
};
const WHICH_VI = { start: 'bắt đầu', end: 'kết thúc' };

export function parseTimingLine(line: string, isVtt: boolean, fail: (message: Texts) => never): Cue {
  const arrow = line.indexOf('-->');
  const startText = line.slice(0, arrow).trim();
  const [endText = '', ...rest] = line
    .slice(arrow + 3)
    .trim()
    .split(/[ \t]+/);
  const start = parseTimestamp(startText, 'start', fail);
  const end = parseTimestamp(endText, 'end', fail);
  if (end <= start) {
    fail({
      en:
        `the cue ends at ${vttTimestamp(end)}, which is not after its start ${vttTimestamp(start)}. ` +
        'Fix the times so that each cue ends after it starts.',
      vi:
        `câu phụ đề kết thúc lúc ${vttTimestamp(end)}, không sau thời điểm bắt đầu ` +
        `${vttTimestamp(start)}. Hãy sửa lại thời gian để mỗi câu kết thúc sau khi bắt đầu.`,
    });
  }
  // Unknown settings are ignored by players (the WebVTT rules), so they are dropped rather than refused.
  const settings = isVtt ? rest.filter((s) => SETTING.test(s)) : [];
  return { start, end, settings: settings.length ? ` ${settings.join(' ')}` : '' };
}

function parseTimestamp(text: string, which: 'start' | 'end', fail: (message: Texts) => never): number {
  const vi = WHICH_VI[which];
  if (text === '') {
    fail({
      en: `the timing line has no ${which} time. ${FORMAT_HINT.en}`,
      vi: `dòng thời gian thiếu thời điểm ${vi}. ${FORMAT_HINT.vi}`,
    });
  }
  const m = TIMESTAMP.exec(text);
  if (!m) {
    fail({
      en: `'${text}' is not a valid ${which} time. ${FORMAT_HINT.en}`,
      vi: `'${text}' không phải là thời điểm ${vi} hợp lệ. ${FORMAT_HINT.vi}`,
    });
  }
  const [, h = '0', min = '0', sec = '0', frac = '0'] = m;
  if (Number(min) > 59 || Number(sec) > 59) {
    fail({
      en: `'${text}' is not a valid ${which} time: minutes and seconds must be below 60. ${FORMAT_HINT.en}`,
      vi: `'${text}' không phải là thời điểm ${vi} hợp lệ: số phút và số giây phải nhỏ hơn 60. ${FORMAT_HINT.vi}`,
    });
  }
  // '1,5' means 1.5 s (some tools drop trailing zeros), hence padEnd, not a number of milliseconds.
  const ms = Number(frac.padEnd(3, '0'));
  return ((Number(h) * 60 + Number(min)) * 60 + Number(sec)) * 1000 + ms;
}
