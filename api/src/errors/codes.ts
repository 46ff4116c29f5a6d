import { STATUS_CODES } from 'node:http';
import type { FastifyError } from 'fastify';
import { validationField } from './validation.ts';

/**
 * Every error answer carries a `code`: a stable, machine-readable name a client can branch on without
 * parsing the (translated, reworded) message. Errors that say nothing more specific get the one of their
 * status, so a refusal written without a code still has a sensible one.
 */
const BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'server_error',
  503: 'unavailable',
};

export function codeForStatus(statusCode: number): string {
  if (statusCode >= 500 && !BY_STATUS[statusCode]) return 'server_error';
  return (
    BY_STATUS[statusCode] ??
    (STATUS_CODES[statusCode] ?? 'error')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
  );
}

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
