import * as tus from 'tus-js-client';
import { languageHeader } from '../api/client.ts';
import { UPLOAD_ENDPOINT } from '../api/staff.ts';

export interface UploadCallbacks {
  onProgress(sent: number, total: number): void;
  onSuccess(): void;
  /** `message` is the server's own explanation when it refused the clip (422), else a generic reason. */
  onError(message: string, refused: boolean): void;
}

export interface RunningUpload {
  abort(): void;
  /** True when it continued an earlier interrupted upload of the same file. */
  resumed: boolean;
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
 * stopped, even after a reload, because tus-js-client remembers the upload URL per file.
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
  const upload = new tus.Upload(file, {
    endpoint: UPLOAD_ENDPOINT,
    headers: languageHeader(),
    metadata: { artifactId: String(artifactId), filename: file.name, filetype: file.type },
    chunkSize: 8 * 1024 * 1024,
    retryDelays: [0, 1000, 3000, 5000, 10000],
    removeFingerprintOnSuccess: true,
    // The artifact is part of the fingerprint: the same file sent to two artifacts is two uploads.
    fingerprint: async () => fingerprint,
    onShouldRetry: (err) => {
      const status = (err as tus.DetailedError).originalResponse?.getStatus() ?? 0;
      // A refusal will not change on retry; network trouble and server hiccups might.
      return status === 0 || status === 409 || status === 423 || status >= 500;
    },
    onProgress: (sent, total) => cb.onProgress(sent, total),
    onSuccess: () => cb.onSuccess(),
    onError: (err) => {
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
  return { abort: () => void upload.abort(), resumed };
}
