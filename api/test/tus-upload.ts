import * as tus from 'tus-js-client';

/** One whole upload through the api's tus endpoint, as the staff page sends it (no resume, no retries). */
export function tusUpload(
  base: string,
  cookie: string,
  data: Buffer,
  metadata: Record<string, string>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    new tus.Upload(data, {
      endpoint: `${base}/api/staff/uploads`,
      metadata,
      headers: { cookie },
      retryDelays: null,
      storeFingerprintForResuming: false,
      onSuccess: () => resolve(),
      onError: reject,
    }).start();
  });
}
