import type { ErrorResponse } from '@artifact-stories/contracts/schemas';
import { locale } from '../i18n/i18n.svelte.ts';

/**
 * An answer from the api that was not 2xx; `message` is the api's own words, meant for people; `code` is
 * for branching (`accession_number_taken`, `not_found`...), `field` the input at fault, as the api names it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = status === 0 ? 'offline' : 'error',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sent as is (text/plain) instead of JSON. */
  text?: string;
  signal?: AbortSignal;
  /** Sent besides accept and accept-language (a lesson's `authorization: Bearer <edit token>`). */
  headers?: Record<string, string>;
}

/** The UI language, so the api's messages (errors, refusals) come in the language on screen. */
export function languageHeader(): { 'accept-language': string } {
  return { 'accept-language': locale.lang };
}

/** One request to the api. Network failures and error answers both end as ApiError (status 0 = offline). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...languageHeader(),
    ...options.headers,
  };
  let body: string | undefined;
  if (options.text !== undefined) {
    headers['content-type'] = 'text/plain; charset=utf-8';
    body = options.text;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, (err as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = data as Partial<ErrorResponse> | undefined;
    throw new ApiError(response.status, error?.message ?? response.statusText, error?.code, error?.field);
  }
  return data as T;
}
