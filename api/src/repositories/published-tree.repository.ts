import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** A version on show: media/<videoId>/<version>. */
export interface ShownVersion {
  videoId: string;
  version: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/**
 * The tree of published versions the front server serves from disk: published/<videoId>/<version> is a
 * relative symlink to media/<videoId>/<version>, so the same tree works wherever both folders are mounted side
 * by side (/data in the app, /srv in the front server). Every change is one atomic step (a rename over the
 * link, an unlink), so the front server never sees a half-made link; whatever is not linked falls through to
 * the app, which decides as before.
 */
export class PublishedTreeRepository {
  constructor(private readonly dirs: { publishedDir: string; mediaDir: string }) {}

  /** The links in the tree now; temp links left by an interrupted add are removed on the way. */
  list(): ShownVersion[] {
    const shown: ShownVersion[] = [];
    for (const videoId of this.names(this.dirs.publishedDir)) {
      for (const version of this.names(join(this.dirs.publishedDir, videoId))) {
        shown.push({ videoId, version });
      }
    }
    return shown;
  }

  add({ videoId, version }: ShownVersion): void {
    if (!NAME.test(videoId) || !NAME.test(version)) throw new Error(`Refusing to link ${videoId}/${version}`);
    const link = join(this.dirs.publishedDir, videoId, version);
    const target = relative(dirname(link), join(this.dirs.mediaDir, videoId, version));
    const temp = join(dirname(link), `.${version}.${randomBytes(4).toString('hex')}`);
    // Another process may remove the video's (empty) folder between mkdir and symlink: once more then.
    for (let attempt = 0; ; attempt++) {
      try {
        mkdirSync(dirname(link), { recursive: true });
        symlinkSync(target, temp);
        renameSync(temp, link);
        return;
      } catch (err) {
        if (code(err) !== 'ENOENT' || attempt > 0) throw err;
      }
    }
  }

  remove({ videoId, version }: ShownVersion): void {
    const folder = join(this.dirs.publishedDir, videoId);
    try {
      unlinkSync(join(folder, version));
      rmdirSync(folder);
    } catch (err) {
      // Gone already, or the video still shows another version: both are fine.
      if (code(err) !== 'ENOENT' && code(err) !== 'ENOTEMPTY' && code(err) !== 'EEXIST') throw err;
    }
  }

  /** Entry names of a folder; dot-named temp links are removed, anything unexpected is left alone. */
  private names(dir: string): string[] {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch (err) {
      if (code(err) === 'ENOENT' || code(err) === 'ENOTDIR') return [];
      throw err;
    }
    const names: string[] = [];
    for (const name of entries) {
      if (NAME.test(name)) names.push(name);
      else if (name.startsWith('.')) this.removeTemp(join(dir, name));
    }
    return names;
  }

  private removeTemp(path: string): void {
    try {
      unlinkSync(path);
    } catch (err) {
      if (code(err) !== 'ENOENT' && code(err) !== 'EISDIR' && code(err) !== 'EPERM') throw err;
    }
  }
}
