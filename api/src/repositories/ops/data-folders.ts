import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

class DataFolderError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot start: a data folder is not writable.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DataFolderError';
  }
}

function whoAmI(): string {
  const uid = process.getuid?.();
  let name = '';
  try {
    name = userInfo().username;
  } catch {
    // A uid with no passwd entry (docker run --user 1234): the number is what counts.
  }
  return uid === undefined ? 'this user' : `uid ${uid}${name ? ` (${name})` : ''}`;
}

/**
 * Creates the folders under DATA_DIR and writes a file in each, once, at start: a folder the app may not write
 * (a Docker volume mounted at a folder the image lacks is created root-owned) then stops the start with the
 * folder and the fix, instead of failing later, deep in the first upload or transcode.
 */
export function prepareDataFolders(dirs: {
  DATA_DIR: string;
  mediaDir: string;
  uploadDir: string;
  publishedDir: string;
}): void {
  const problems: string[] = [];
  const folders: [string, string][] = [
    [dirs.DATA_DIR, 'the database'],
    [dirs.mediaDir, 'the transcoded films'],
    [dirs.uploadDir, 'uploads and sources'],
    [dirs.publishedDir, "the front server's links to published films"],
  ];
  for (const [dir, holds] of folders) {
    const probe = join(dir, `.write-probe-${process.pid}`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(probe, '');
      rmSync(probe, { force: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      problems.push(
        `${dir} (${holds}): ${code} for ${whoAmI()}. Give this user the folder ` +
          `(chown -R ${process.getuid?.() ?? 'USER'} ${dir}), or with Docker mount the volume at a folder the ` +
          'image creates (Dockerfile: /data, /data/media, /data/uploads, /data/published).',
      );
    }
  }
  if (problems.length) throw new DataFolderError(problems);
}
