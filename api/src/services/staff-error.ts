import { type ErrorMeta, LocalizedError, type Texts } from '../errors/localized.ts';

/** A refusal staff can act on; statusCode maps it to HTTP, the CLI prints the (English) message. */
export class StaffError extends LocalizedError {
  constructor(
    messages: Texts | string,
    override readonly statusCode: 400 | 404 | 409 | 422,
    meta: ErrorMeta = {},
  ) {
    super(statusCode, messages, meta);
    this.name = 'StaffError';
  }
}
