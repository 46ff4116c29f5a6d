import { STATUS_CODES } from 'node:http';
import { formatBytes } from '@artifact-stories/contracts/format';
import type { Lang } from '@artifact-stories/contracts/schemas';
import { viDecimal } from '@artifact-stories/media-pipeline';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorDetails } from './codes.ts';
import { requestLang } from './lang.ts';
import { type Texts, textsOf } from './localized.ts';
import { codeForStatus } from './status-codes.ts';
import { validationTexts } from './validation.ts';

const httpError = (statusCode: number): string => STATUS_CODES[statusCode] ?? 'Error';

/**
 * The one error shape, in the request's language: { statusCode, error, message, code } (+ field when one
 * input is at fault) and nothing more. Without details the code is the status's own (errors/codes.ts).
 */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
  texts: Texts,
  details: ErrorDetails = { code: codeForStatus(statusCode) },
) {
  const lang: Lang = requestLang(request);
  // A refusal is about this moment (a film taken down may be published again, a limit ends): no cache keeps it.
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  return reply.code(statusCode).send({
    statusCode,
    error: httpError(statusCode),
    message: texts[lang],
    code: details.code,
    ...(details.field === undefined ? {} : { field: details.field }),
  });
}

const SERVER_ERROR: Texts = {
  en: 'Something went wrong on our side. Please try again.',
  vi: 'Đã xảy ra lỗi ở phía máy chủ. Vui lòng thử lại sau.',
};

export const nothingAt = (where?: string): Texts =>
  where === undefined
    ? { en: 'Nothing at this address.', vi: 'Không có nội dung nào ở địa chỉ này.' }
    : { en: `Nothing at ${where}`, vi: `Không có nội dung nào ở ${where}.` };

/** Generic Vietnamese for a 4xx whose English text comes from a library we do not word ourselves. */
const GENERIC_VI: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập',
  403: 'Không được phép',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  406: 'Không có định dạng phù hợp',
  409: 'Xung đột dữ liệu',
  413: 'Nội dung gửi lên quá lớn',
  415: 'Kiểu nội dung không được hỗ trợ',
  429: 'Quá nhiều yêu cầu',
};

/** Fastify's own refusals (body parsing), reworded with what to do. */
function frameworkTexts(err: FastifyError, request: FastifyRequest): Texts | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        en: 'The body is not valid JSON. Check the data and send it again.',
        vi: 'Nội dung gửi lên không phải JSON hợp lệ. Hãy kiểm tra lại dữ liệu rồi gửi lại.',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        en: 'The body is empty although its content type is JSON. Send the data as JSON.',
        vi: 'Nội dung gửi lên đang trống dù kiểu nội dung là JSON. Hãy gửi dữ liệu dưới dạng JSON.',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions.bodyLimit;
      const size = limit ? formatBytes(limit) : undefined;
      return {
        en: `The body is larger than ${size ? `the ${size} limit` : 'the limit'}. Send a smaller one.`,
        vi: `Nội dung gửi lên vượt quá giới hạn${size ? ` ${viDecimal(size)}` : ''}. Hãy gửi nội dung nhỏ hơn.`,
      };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
      return {
        en: `Content type "${type ?? ''}" is not accepted here. Send the kind of data this address expects.`,
        vi: `Địa chỉ này không nhận nội dung kiểu «${type ?? ''}». Hãy gửi đúng loại dữ liệu mà địa chỉ này cần.`,
      };
    }
    default:
      return undefined;
  }
}

/** The texts of any error that reaches the handler: ours, a schema refusal, Fastify's, or a generic one. */
export function errorTexts(err: FastifyError, request: FastifyRequest, statusCode: number): Texts {
  if (statusCode >= 500) return SERVER_ERROR; // internals never leak: a 5xx says only that it failed
  const own = textsOf(err);
  if (own) return own;
  if (err.validation) return validationTexts(err.validation, err.validationContext);
  const framework = frameworkTexts(err, request);
  if (framework) return framework;
  const vi = GENERIC_VI[statusCode] ?? 'Yêu cầu không thực hiện được';
  return { en: err.message, vi: `${vi}: ${err.message}` };
}
