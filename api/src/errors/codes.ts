import type { FastifyError } from 'fastify';
import { codeForStatus } from './status-codes.ts';
import { validationField } from './validation.ts';

/** Fastify's own refusals of a body, by their FST_ERR code. */
const FRAMEWORK: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
};

/** What an error answer says besides its message: its code, and the field at fault when there is one. */
export interface ErrorDetails {
  code: string;
  field?: string;
}

/** Our own errors name their code with this shape (LocalizedError); a Fastify `code` (FST_ERR_…) does not. */
const OWN_CODE = /^[a-z][a-z0-9_]*$/;

export function errorDetails(err: FastifyError, statusCode: number): ErrorDetails {
  if (statusCode >= 500) return { code: codeForStatus(statusCode) };
  const own = err as { code?: unknown; field?: unknown };
  if (typeof own.code === 'string' && OWN_CODE.test(own.code)) {
    return typeof own.field === 'string' ? { code: own.code, field: own.field } : { code: own.code };
  }
  if (err.validation) {
    const field = validationField(err.validation);
    return field === undefined ? { code: 'validation_failed' } : { code: 'validation_failed', field };
  }
  const framework = FRAMEWORK[err.code];
  if (framework) return { code: framework };
  return { code: codeForStatus(statusCode) };
}
