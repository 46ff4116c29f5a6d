import type { Texts } from '@artifact-stories/media-pipeline';
import { codeForStatus } from './status-codes.ts';

export type { Texts } from '@artifact-stories/media-pipeline';

/** What a refusal may say besides its texts (see errors/codes.ts). */
export interface ErrorMeta {
  /** Stable and machine-readable, e.g. `accession_number_taken`; by default the status's (`not_found`...). */
  code?: string;
  /** The input field at fault, as the API names it (`accessionNumber`, `title.vi`), for the form to point at. */
  field?: string;
}

/**
 * An HTTP refusal in both languages. `message` is the English text (the CLI and the logs read it); the
 * error handler answers with the one the request asked for, with `code` (and `field`) beside it.
 */
export class LocalizedError extends Error {
  readonly messages: Texts;
  readonly code: string;
  readonly field?: string;

  constructor(
    readonly statusCode: number,
    messages: Texts | string,
    meta: ErrorMeta = {},
  ) {
    const texts = typeof messages === 'string' ? { vi: messages, en: messages } : messages;
    super(texts.en);
    this.messages = texts;
    this.code = meta.code ?? codeForStatus(statusCode);
    if (meta.field !== undefined) this.field = meta.field;
    this.name = 'LocalizedError';
  }
}

/** The two texts an error carries (ours, or the pipeline's MediaValidationError and CaptionError). */
export function textsOf(err: unknown): Texts | undefined {
  const messages = (err as { messages?: unknown } | null)?.messages as Partial<Texts> | undefined;
  return typeof messages?.vi === 'string' && typeof messages.en === 'string'
    ? { vi: messages.vi, en: messages.en }
    : undefined;
}
