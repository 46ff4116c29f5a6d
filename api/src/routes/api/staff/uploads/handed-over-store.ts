import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import { type DataStore, Upload } from '@tus/server';

/** How long tus is told that a handed-over upload is complete; a client resuming later starts afresh. */
const REMEMBER_MS = 3600_000;
/** Ids remembered at most: each is a finished clip, so a few hundred an hour is already a busy museum. */
const MAX_REMEMBERED = 1000;

// biome-ignore lint/suspicious/noExplicitAny: a mixin's base constructor must take any arguments (TS2545).
type StoreClass = new (...args: any[]) => DataStore;

/**
 * A tus store (the folder's or the bucket's) that remembers the uploads it handed over to the catalogue. Once a
 * clip is complete its bytes move to the sources and its tus files are removed, yet tus still asks about it: the POST of a
 * creation-with-upload reads the upload back after onUploadFinish, and a client whose answer to the last PATCH
 * was lost sends HEAD to resume. Both must hear "complete", not 404 ("upload it again"), or the same clip is
 * uploaded and transcoded twice. In memory: after a restart such a client is told to start again, as before.
 */
function rememberingHandOvers<Base extends StoreClass>(base: Base) {
  return class HandedOverStore extends base {
    readonly handedOver = new Map<string, { upload: Upload; at: number }>();

    /** The upload's bytes are now the catalogue's; answer for it as complete for a while. */
    handOver(upload: Upload, now = Date.now()): void {
      this.handedOver.delete(upload.id);
      this.handedOver.set(upload.id, { upload, at: now });
      // Map order is insertion order: the oldest go first.
      for (const [id, entry] of this.handedOver) {
        if (this.handedOver.size <= MAX_REMEMBERED && now - entry.at < REMEMBER_MS) break;
        this.handedOver.delete(id);
      }
    }

    override async getUpload(id: string): Promise<Upload> {
      const known = this.handedOver.get(id);
      if (!known || Date.now() - known.at >= REMEMBER_MS) return super.getUpload(id);
      const { size, metadata, creation_date } = known.upload;
      return new Upload({ id, size, offset: size ?? 0, metadata, creation_date });
    }
  };
}

export const HandedOverFileStore = rememberingHandOvers(FileStore);
export const HandedOverS3Store = rememberingHandOvers(S3Store);
