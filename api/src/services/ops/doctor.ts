import { existsSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpegBinaries, runFfmpeg, runFfprobe } from '@artifact-stories/media-pipeline';
import type { Config } from '../../config.ts';
import type { DatabaseSummary } from '../../repositories/database-status.repository.ts';

export interface Finding {
  check: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

const MIN_FREE_BYTES = 2 * 1024 ** 3;

/**
 * Each check says what it found and, when something is wrong, what to do about it. `database` opens the
 * database and summarises it; a throw (no folder, no permission) is a finding too. `searchReady` asks the
 * configured engine as the app does (for Meilisearch: its key and its index's stats, not /health, which
 * answers without a key and so calls a wrong key healthy).
 */
export async function diagnose(
  config: Config,
  database: () => Promise<DatabaseSummary>,
  searchReady: () => Promise<boolean>,
  media: { where: string; check(): Promise<void> },
): Promise<Finding[]> {
  const findings: Finding[] = [];
  try {
    const bins = ffmpegBinaries();
    const { stdout } = await runFfprobe(['-version']);
    const encoders = (await runFfmpeg(['-hide_banner', '-encoders'])).stdout;
    const missing = ['libx264', 'aac', 'libwebp'].filter((e) => !encoders.includes(e));
    findings.push({
      check: 'ffmpeg',
      ok: missing.length === 0,
      detail: `${bins.ffmpeg} (${bins.ffmpegSource}); ${stdout.split('\n')[0]}`,
      fix: missing.length
        ? `this ffmpeg lacks ${missing.join(', ')}: install Debian's ffmpeg package`
        : undefined,
    });
  } catch (err) {
    findings.push({ check: 'ffmpeg', ok: false, detail: (err as Error).message });
  }

  const dir = existsSync(config.DATA_DIR) ? config.DATA_DIR : '.';
  const fs = statfsSync(dir);
  const free = fs.bavail * fs.bsize;
  findings.push({
    check: 'disk space',
    ok: free >= MIN_FREE_BYTES,
    detail: `${(free / 1024 ** 3).toFixed(1)} GiB free at ${dir}`,
    fix:
      free < MIN_FREE_BYTES
        ? 'free space or move DATA_DIR: each clip needs several times its size while transcoding'
        : undefined,
  });

  try {
    const {
      integrity,
      schemaVersion: version,
      artifacts,
      failedJobs: failed,
      filesOnDisk,
    } = await database();
    findings.push({
      check: 'database',
      ok: integrity === 'ok',
      detail: `${config.dbFile}: schema v${version}, ${artifacts} artifacts, ${failed} failed jobs, check ${String(integrity)}`,
      fix: integrity === 'ok' ? undefined : 'restore the latest backup: npm run restore -- <backup folder>',
    });
    // With a bucket, a worker on another machine cannot read a file named on the app's disk.
    if (config.s3)
      findings.push({
        check: 'files in the bucket',
        ok: filesOnDisk === 0,
        detail: filesOnDisk
          ? `${filesOnDisk} sources or caption files are still named on this disk`
          : 'every source and caption file is in the bucket',
        fix: filesOnDisk
          ? 'start the app: it copies them into the bucket; its log names any file the disk does not have'
          : undefined,
      });
  } catch (err) {
    findings.push({
      check: 'database',
      ok: false,
      detail: (err as Error).message,
      fix: 'check DATA_DIR and its permissions',
    });
  }

  if (config.MEILI_URL) {
    const ok = await searchReady().catch(() => false);
    findings.push({
      check: 'search',
      ok,
      detail: `Meilisearch at ${config.MEILI_URL} ${ok ? 'ready' : 'unreachable, or refuses MEILI_MASTER_KEY'}`,
      fix: ok
        ? undefined
        : 'start Meilisearch (docker compose up meilisearch) and check MEILI_MASTER_KEY, or unset MEILI_URL ' +
          'for the embedded engine',
    });
  } else {
    findings.push({
      check: 'search',
      ok: true,
      detail: 'embedded engine (rebuilt from the database at start)',
    });
  }

  findings.push(await mediaFinding(config, media));

  const web = existsSync(join(config.webDist, 'index.html'));
  findings.push({
    check: 'web build',
    ok: web,
    detail: web ? config.webDist : 'missing',
    fix: web ? undefined : 'npm run build -w web (npm start does it)',
  });

  // Not an error on a laptop; in production the links in sitemaps, QR labels and shared pages need it.
  findings.push({
    check: 'public URL',
    ok: true,
    detail: config.PUBLIC_URL || 'not set: links use the host each request names',
    fix: config.PUBLIC_URL
      ? undefined
      : 'in production set PUBLIC_URL=https://your.host, so sitemaps, QR labels and shared links never carry an internal or forged host',
  });
  return findings;
}

/** The media store answers, and takes a write with the keys given (an object written, read back, removed). */
async function mediaFinding(
  config: Config,
  media: { where: string; check(): Promise<void> },
): Promise<Finding> {
  try {
    await media.check();
    return { check: 'media', ok: true, detail: `${media.where}: reachable and writable` };
  } catch (err) {
    const detail = `${media.where}: ${(err as Error).name}: ${(err as Error).message}`;
    return {
      check: 'media',
      ok: false,
      detail,
      fix: config.s3
        ? 'check S3_ENDPOINT, S3_BUCKET (it must exist), S3_REGION and the keys (S3_ACCESS_KEY_ID, ' +
          'S3_SECRET_ACCESS_KEY): they need to list, read, write and delete objects in the bucket'
        : 'check that DATA_DIR/media exists and the app user may write to it',
    };
  }
}
