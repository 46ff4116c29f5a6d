import { TAKEDOWN_SECONDS } from './caching.ts';
import { siteLinks } from './links.ts';
import { type PurgeRequest, purgeRequest, type Takedown } from './takedown.ts';

export type Log = (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
/** Sends one purge request; resolves with the HTTP status. */
export type PostJson = (url: string, body: PurgeRequest) => Promise<number>;

const PURGE_TIMEOUT_MS = 10_000;

const postJson: PostJson = async (url, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
  });
  await res.body?.cancel();
  return res.status;
};

/**
 * What happens when a film leaves the public site. The origin refuses it at once (drafts are never served);
 * caches let go of what names it within TAKEDOWN_SECONDS; with PURGE_URL set, a CDN is also told at once.
 * Fire and forget: a purge endpoint that is down must not hold up or undo the unpublish — it is logged.
 * URLs are absolute with PUBLIC_URL, else paths. `idle()` resolves once every purge sent has answered or
 * failed: shutdown waits for it, so a takedown made just before a restart still reaches the CDN.
 */
export function createPurger(options: { purgeUrl: string; publicUrl: string; log: Log; post?: PostJson }) {
  const post = options.post ?? postJson;
  const links = siteLinks(options.publicUrl.replace(/\/+$/, ''));
  const pending = new Set<Promise<void>>();
  const send = (takedown: Takedown): void => {
    const body = purgeRequest(takedown, links);
    const fields = { slug: takedown.slug, reason: takedown.reason, videos: takedown.videoIds };
    if (!options.purgeUrl) {
      options.log('info', `takedown of ${takedown.slug}: caches let go within ${TAKEDOWN_SECONDS} s`, fields);
      return;
    }
    const sent = post(options.purgeUrl, body).then(
      (status) =>
        options.log(
          status < 400 ? 'info' : 'warn',
          `takedown of ${takedown.slug}: purge answered ${status}`,
          {
            ...fields,
            status,
          },
        ),
      (err: unknown) =>
        options.log(
          'warn',
          `takedown of ${takedown.slug}: purge failed (${err instanceof Error ? err.message : String(err)}); caches let go within ${TAKEDOWN_SECONDS} s`,
          fields,
        ),
    );
    pending.add(sent);
    sent.finally(() => pending.delete(sent));
  };
  return { send, idle: async () => void (await Promise.all(pending)) };
}
