import { createHash } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';

/** The example key of .env.example: a server started with it is open to anyone who read the repository. */
const PLACEHOLDER_KEY = 'change-me-to-a-long-random-string';

/**
 * What the api does with its index, and nothing more: search, write documents, settings, the rebuild's
 * second index and its swap, tasks, stats (readiness) and the version check.
 */
const ACTIONS = [
  'search',
  'documents.add',
  'documents.delete',
  'indexes.create',
  'indexes.get',
  'indexes.delete',
  'indexes.swap',
  'settings.get',
  'settings.update',
  'tasks.get',
  'stats.get',
  'version',
];

/** The index a rebuild fills before it is swapped in (see MeilisearchEngine.replacement). */
export function rebuildIndex(uid: string): string {
  return `${uid}-rebuild`;
}

/** A key uid derived from the index name, so every start finds the key the first one made. */
export function keyUid(index: string): string {
  const h = createHash('sha256').update(`artifact-stories search key:${index}`).digest('hex');
  // Shaped as a version 4 UUID, which Meilisearch requires of a key uid.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Refuses the example key with what to do instead. */
export function refusePlaceholder(key: string | undefined): void {
  if (key?.trim() === PLACEHOLDER_KEY) {
    throw new Error(
      'MEILI_MASTER_KEY is still the example value from .env.example. Set it to a long random string ' +
        '(for example: openssl rand -base64 32) in .env, then restart Meilisearch and the api.',
    );
  }
}

function errorCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: string; cause?: { code?: string } } })?.cause;
  return cause?.code ?? cause?.cause?.code;
}

/**
 * The key the api uses: a key scoped to this index (and its rebuild twin) and the ACTIONS, created with the
 * master key on the first start and found again on the next. When the configured key cannot manage keys
 * (it is already such a scoped key), it is used as it is.
 */
export async function scopedKey(admin: Meilisearch, index: string): Promise<string | undefined> {
  const uid = keyUid(index);
  const spec = {
    uid,
    name: `artifact-stories ${index}`,
    description:
      'The api of Artifact Stories: its search index only (created by the api with the master key).',
    actions: ACTIONS,
    indexes: [index, rebuildIndex(index)],
    expiresAt: null,
  };
  try {
    return (await admin.getKey(uid)).key;
  } catch (err) {
    const code = errorCode(err);
    if (code === 'api_key_not_found') return (await admin.createKey(spec)).key;
    if (code === 'invalid_api_key' || code === 'missing_authorization_header') return undefined;
    throw err;
  }
}
