// The default store: the media folder on this machine, exactly as before there was a choice. A version is
// built beside its final place (same filesystem) and published by one rename(2).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import {
  type ByteRange,
  checkKey,
  checkPrefix,
  type MediaStore,
  type PublishResult,
  type StoredEntry,
  type StoredObject,
  type VersionToPublish,
} from './store.ts';

export class LocalStore implements MediaStore {
  readonly where: string;
  readonly scratchRoot: string;

  constructor(private readonly root: string) {
    this.where = `folder ${root}`;
    this.scratchRoot = root;
  }

  scratchDir(videoId: string): string {
    return join(this.root, oneName(videoId));
  }

  async publishVersion({ dir, videoId, version, reuse }: VersionToPublish): Promise<PublishResult> {
    let linked = 0;
    let copied = 0;
    for (const file of reuse?.files ?? []) {
      const source = join(this.root, oneName(videoId), checkKey(`${reuse?.fromVersion}/${file}`));
      const target = join(dir, file);
      await mkdir(dirname(target), { recursive: true });
      if (await linkOrCopy(source, target)) linked++;
      else copied++;
    }
    // rename(2) is atomic on one filesystem: readers see no folder or the whole folder.
    await rename(dir, join(this.root, oneName(videoId), checkKey(version)));
    return { linked, copied };
  }

  async read(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    const size = (await this.stat(key))?.size;
    if (size === undefined) return undefined;
    const path = join(this.root, checkKey(key));
    const body = range ? createReadStream(path, range) : createReadStream(path);
    return { body, size };
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    const s = await stat(join(this.root, checkKey(key))).catch(() => undefined);
    return s?.isFile() ? { size: s.size } : undefined;
  }

  async list(prefix: string): Promise<StoredEntry[]> {
    const dir = join(this.root, checkPrefix(prefix));
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    const out: StoredEntry[] = [];
    for (const e of entries) {
      if (!e.isFile()) continue;
      const rel = relative(this.root, join(e.parentPath, e.name)).split('\\').join('/');
      // Temp folders of unfinished versions are not stored media.
      if (rel.split('/').some((p) => p.startsWith('.'))) continue;
      out.push({ key: rel, size: (await stat(join(e.parentPath, e.name))).size });
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  async removePrefix(prefix: string): Promise<number> {
    if (!prefix) throw new Error('Refusing to remove every stored object: name a video or a version.');
    const n = (await this.list(prefix)).length;
    await rm(join(this.root, checkPrefix(prefix)), { recursive: true, force: true });
    return n;
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const probe = join(this.root, `.doctor-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, 'ok');
    await unlink(probe);
  }
}

/**
 * The pipeline's own CLI builds in a hidden staging folder ('.out-x1y2'), so a video folder name may start
 * with a dot here; it may still never climb out of the root.
 */
function oneName(name: string): string {
  if (!name || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new Error(`Refusing an unsafe folder name: ${JSON.stringify(name)}`);
  }
  return name;
}

/** True when linked. A version folder never changes, so sharing inodes between versions is safe. */
async function linkOrCopy(source: string, target: string): Promise<boolean> {
  try {
    await link(source, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyFile(source, target);
    return false;
  }
}
