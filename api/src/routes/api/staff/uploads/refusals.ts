import { STATUS_CODES } from 'node:http';
import { formatBytes } from '@artifact-stories/contracts/format';
import { viDecimal } from '@artifact-stories/media-pipeline';
import { langOf } from '../../../../errors/lang.ts';
import type { Texts } from '../../../../errors/localized.ts';
import { codeForStatus } from '../../../../errors/status-codes.ts';

/** tus hooks end a request by throwing { status_code, body }; the body is our one JSON error shape. */
export function tusError(req: Request, statusCode: number, texts: Texts, code = codeForStatus(statusCode)) {
  const message = texts[langOf(req.headers.get('accept-language') ?? undefined)];
  return {
    status_code: statusCode,
    body: JSON.stringify({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code }),
  };
}

/**
 * @tus/server's own plain-text refusals, reworded for staff with what to do. Protocol errors only a broken
 * client makes keep tus's wording.
 */
export function tusTexts(statusCode: number, body: string, maxBytes: number): Texts {
  const text = body.trim();
  switch (statusCode) {
    case 413: {
      const limit = formatBytes(maxBytes);
      return {
        en:
          `The file is larger than the ${limit} limit. Upload a shorter clip, or export it again at a ` +
          'lower bitrate, then upload that file.',
        vi:
          `Tệp lớn hơn giới hạn ${viDecimal(limit)}. Hãy tải lên một đoạn phim ngắn hơn, hoặc xuất lại ` +
          'đoạn phim với bitrate thấp hơn rồi tải tệp đó lên.',
      };
    }
    case 404:
    case 410:
      return {
        en: 'This upload is no longer on the server (unfinished uploads are removed after a day). Upload the clip again.',
        vi:
          'Lượt tải lên này không còn trên máy chủ (các lượt tải lên dang dở sẽ bị xoá sau một ngày). ' +
          'Hãy tải đoạn phim lên lại.',
      };
    case 409:
      return {
        en: 'The server and this upload disagree about how much has been sent. Resume the upload, or start it again.',
        vi: 'Máy chủ và lượt tải lên này không khớp nhau về phần đã gửi. Hãy tiếp tục tải lên, hoặc tải lại từ đầu.',
      };
    default:
      if (statusCode >= 500) return UPLOAD_FAILED;
      return { en: text, vi: `Yêu cầu tải lên không hợp lệ: ${text}` };
  }
}

export const UPLOAD_FAILED: Texts = {
  en: 'The upload failed on our side. Resume it in a moment.',
  vi: 'Việc tải lên bị lỗi ở phía máy chủ. Hãy tiếp tục tải lên sau ít phút.',
};
