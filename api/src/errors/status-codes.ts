import { STATUS_CODES } from 'node:http';

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
