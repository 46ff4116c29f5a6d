// Refusals a museum editor reads in the dashboard: what is wrong with the file and what to do about it,
// in Vietnamese and English (the message is the English one, for the CLI and the logs).
import { type Texts, viDecimal } from '../texts.ts';

export type ValidationReason =
  | 'missing'
  | 'empty'
  | 'not-media'
  | 'no-video'
  | 'still-image'
  | 'truncated'
  | 'too-long'
  | 'too-short'
  | 'too-small'
  | 'too-large';

export class MediaValidationError extends Error {
  constructor(
    readonly reason: ValidationReason,
    readonly messages: Texts,
  ) {
    super(messages.en);
    this.name = 'MediaValidationError';
  }
}

const fpsText = (fps: number): string => String(Math.round(fps * 100) / 100);
const mpx = (pixels: number): string => String(Math.round(pixels / 1e5) / 10);

/** The size ceilings a refusal quotes (see ProbeLimits). */
export interface SizeLimits {
  maxLongSide: number;
  maxPixels: number;
  maxPixelRate: number;
}
const secText = (sec: number): string => sec.toFixed(sec < 10 ? 1 : 0);
const fmtSec = (sec: number): string => (sec >= 120 ? `${Math.round(sec / 60)} min` : `${secText(sec)} s`);
const fmtSecVi = (sec: number): string =>
  sec >= 120 ? `${Math.round(sec / 60)} phút` : `${viDecimal(secText(sec))} giây`;

export const refuse = {
  missing: (file: string) =>
    new MediaValidationError('missing', {
      en: `The file ${file} does not exist or cannot be read. Check the path.`,
      vi: `Tệp ${file} không tồn tại hoặc không đọc được. Hãy kiểm tra lại đường dẫn.`,
    }),
  empty: () =>
    new MediaValidationError('empty', {
      en: 'The file is empty (0 bytes): the upload or copy did not finish. Upload the clip again.',
      vi: 'Tệp trống (0 byte): việc tải lên hoặc sao chép chưa hoàn tất. Hãy tải đoạn phim lên lại.',
    }),
  notMedia: () =>
    new MediaValidationError('not-media', {
      en:
        'This file is not a video that can be read (it is damaged or not a video at all). ' +
        'Export the clip again as MP4 (H.264) and upload that file.',
      vi:
        'Tệp này không phải là video đọc được (tệp bị hỏng hoặc hoàn toàn không phải video). ' +
        'Hãy xuất lại đoạn phim dưới dạng MP4 (H.264) rồi tải tệp đó lên.',
    }),
  noVideo: () =>
    new MediaValidationError('no-video', {
      en: 'This file has sound only, no picture (an audio file). Upload the video clip itself, with its picture.',
      vi: 'Tệp này chỉ có âm thanh, không có hình (một tệp âm thanh). Hãy tải lên chính đoạn phim, có cả hình ảnh.',
    }),
  stillImage: () =>
    new MediaValidationError('still-image', {
      en:
        'This is a still image, not a video. Upload a moving-picture clip (MP4, MOV, MKV or WebM); ' +
        'photos belong in the artifact’s images.',
      vi:
        'Tệp này là ảnh tĩnh, không phải video. Hãy tải lên đoạn phim có hình chuyển động (MP4, MOV, MKV ' +
        'hoặc WebM); ảnh chụp xin đưa vào phần hình ảnh của hiện vật.',
    }),
  truncated: (readableSec: number, declaredSec: number) =>
    new MediaValidationError('truncated', {
      en:
        `The video is incomplete: only ${fmtSec(readableSec)} of its ${fmtSec(declaredSec)} can be read ` +
        '(the file was cut off, e.g. by an interrupted upload or copy). Upload the complete file again.',
      vi:
        `Video không đầy đủ: chỉ đọc được ${fmtSecVi(readableSec)} trong tổng số ${fmtSecVi(declaredSec)} ` +
        '(tệp bị cắt cụt, chẳng hạn do việc tải lên hoặc sao chép bị gián đoạn). Hãy tải lại toàn bộ tệp.',
    }),
  truncatedNoIndex: () =>
    new MediaValidationError('truncated', {
      en:
        'The video is incomplete: the end of the file, which holds its index, is missing (an interrupted ' +
        'upload or copy). Upload the complete file again.',
      vi:
        'Video không đầy đủ: thiếu phần cuối của tệp, nơi chứa chỉ mục của video (do việc tải lên hoặc ' +
        'sao chép bị gián đoạn). Hãy tải lại toàn bộ tệp.',
    }),
  tooLong: (sec: number, maxSec: number) =>
    new MediaValidationError('too-long', {
      en: `The video lasts ${fmtSec(sec)}; the limit is ${fmtSec(maxSec)}. Cut it into shorter clips and upload those.`,
      vi:
        `Video dài ${fmtSecVi(sec)}; thời lượng tối đa là ${fmtSecVi(maxSec)}. ` +
        'Hãy cắt thành những đoạn ngắn hơn rồi tải các đoạn đó lên.',
    }),
  tooShort: (sec: number, minSec: number) =>
    new MediaValidationError('too-short', {
      en: `The video lasts only ${fmtSec(sec)}; a clip must last at least ${fmtSec(minSec)}. Upload a longer clip.`,
      vi:
        `Video chỉ dài ${fmtSecVi(sec)}; mỗi đoạn phim phải dài ít nhất ${fmtSecVi(minSec)}. ` +
        'Hãy tải lên một đoạn dài hơn.',
    }),
  tooSmall: (w: number, h: number, minSide: number) =>
    new MediaValidationError('too-small', {
      en:
        `The picture is only ${w}×${h} pixels; its shorter side must be at least ${minSide} pixels. ` +
        'Upload a higher-resolution version of the clip.',
      vi:
        `Hình chỉ có ${w}×${h} điểm ảnh; cạnh ngắn hơn phải có ít nhất ${minSide} điểm ảnh. ` +
        'Hãy tải lên bản có độ phân giải cao hơn của đoạn phim.',
    }),
  tooLarge: (w: number, h: number, fps: number, limits: SizeLimits) => {
    const max = {
      side: limits.maxLongSide,
      frame: mpx(limits.maxPixels),
      rate: mpx(limits.maxPixelRate),
    };
    return new MediaValidationError('too-large', {
      en:
        `The picture is ${w}×${h} pixels at ${fpsText(fps)} frames per second, more than the museum's server ` +
        `converts (at most ${max.side} pixels on the long side, ${max.frame} megapixels per picture and ` +
        `${max.rate} megapixels per second). Export the clip at 4K (3840×2160) or smaller, at 30 frames per ` +
        'second, and upload that file.',
      vi:
        `Hình có kích thước ${w}×${h} điểm ảnh, ${viDecimal(fpsText(fps))} khung hình/giây, vượt quá mức máy chủ ` +
        `của bảo tàng chuyển đổi được (tối đa ${max.side} điểm ảnh ở cạnh dài, ${viDecimal(max.frame)} megapixel ` +
        `mỗi hình và ${viDecimal(max.rate)} megapixel mỗi giây). Hãy xuất đoạn phim ở độ phân giải 4K ` +
        '(3840×2160) hoặc nhỏ hơn, 30 khung hình/giây, rồi tải tệp đó lên.',
    });
  },
};
