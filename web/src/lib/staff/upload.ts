import * as tus from 'tus-js-client';
import { languageHeader } from '../api/client.ts';
import { UPLOAD_ENDPOINT } from '../api/staff.ts';
import { type Failure, UploadRetries } from './retry.ts';

export interface UploadCallbacks {
  onProgress(sent: number, total: number): void;
  onSuccess(): void;
  /** `message` is the server's own explanation when it refused the clip (422), else a generic reason. */
  onError(message: string, refused: boolean): void;
  /** A request failed in a way that may pass (busy server, network): the upload tries again in `ms`. */
  onRetry(ms: number): void;
}

export interface RunningUpload {
  abort(): void;
  /** True when it continued an earlier interrupted upload of the same file. */
  resumed: boolean;
}

function failureOf(err: Error): Failure | undefined {
  const { originalRequest, originalResponse } = err as tus.DetailedError;
  // Only a request that was sent can be sent again (not, say, a file that cannot be read).
  if (!originalRequest) return undefined;
  return {
    status: originalResponse?.getStatus() ?? 0,
    method: originalRequest.getMethod(),
    retryAfter: originalResponse?.getHeader('Retry-After') ?? null,
  };
}

function serverMessage(err: Error): { message: string; refused: boolean } {
  const response = (err as tus.DetailedError).originalResponse;
  if (!response) return { message: err.message, refused: false };
  const status = response.getStatus();
  let message = '';
  try {
    message = (JSON.parse(response.getBody()) as { message?: string }).message ?? '';
  } catch {
    message = response.getBody();
  }
  return {
    message: message || `HTTP ${status}`,
    refused: status === 422 || status === 413 || status === 415,
  };
}

/**
 * Sends a clip with the tus protocol: interrupted uploads (closed laptop, lost Wi-Fi) pick up where they
 * stopped, even after a reload, because tus-js-client remembers the upload URL per file. A busy server
 * (429, 5xx) or a lost connection is retried with back-off, never sooner than the server's Retry-After
 * (retry.ts); tus-js-client's own retries cannot read that header, so they are off.
 */
export async function startUpload(
  file: File,
  artifactId: number,
  cb: UploadCallbacks,
): Promise<RunningUpload> {
  const fingerprint = `tus::${artifactId}::${file.name}::${file.size}::${file.lastModified}`;
  const forget = async () => {
    const storage = tus.defaultOptions.urlStorage;
    for (const u of await storage.findUploadsByFingerprint(fingerprint))
      await storage.removeUpload(u.urlStorageKey);
  };
  const retries = new UploadRetries();
  const upload = new tus.Upload(file, {
    endpoint: UPLOAD_ENDPOINT,
    headers: languageHeader(),
    metadata: { artifactId: String(artifactId), filename: file.name, filetype: file.type },
    chunkSize: 8 * 1024 * 1024,
    retryDelays: null,
    removeFingerprintOnSuccess: true,
    // The artifact is part of the fingerprint: the same file sent to two artifacts is two uploads.
    fingerprint: async () => fingerprint,
    onProgress: (sent, total) => cb.onProgress(sent, total),
    onChunkComplete: () => retries.progressed(),
    onSuccess: () => cb.onSuccess(),
    onError: (err) => {
      const failure = failureOf(err);
      // Starting again resumes from the server's offset (or creates the upload if that had failed).
      const delay = failure ? retries.failed(failure, () => upload.start()) : null;
      if (delay !== null) {
        cb.onRetry(delay);
        return;
      }
      const { message, refused } = serverMessage(err);
      // A refused clip is finished with: choosing the same file again must start afresh, not resume it.
      if (refused) void forget();
      cb.onError(message, refused);
    },
  });
  const previous = await upload.findPreviousUploads();
  const resumed = previous.length > 0;
  if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
  upload.start();
  return {
    abort: () => {
      retries.cancel();
      void upload.abort();
    },
    resumed,
  };
}
