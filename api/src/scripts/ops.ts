import { resolve } from 'node:path';
import { useFfmpegBinaries } from '@artifact-stories/media-pipeline';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { createContainer } from '../container.ts';
import { createMediaStore } from '../repositories/media-store.ts';
import { backup } from '../repositories/ops/backup.ts';
import { restore } from '../repositories/ops/restore.ts';
import { createSearchEngine } from '../search/create.ts';
import { diagnose } from '../services/ops/doctor.ts';

const USAGE = `usage:
  npm run backup [-- <folder>]      online database backup + media manifest (default: DATA_DIR/backups)
  npm run restore -- <backup folder> put a backup's database in place (stop the app first)
  npm run doctor                     check ffmpeg, disk, database, search, media store, web build`;

async function databaseSummary(config: Config) {
  const container = createContainer(config);
  try {
    return container.repos.status.summary();
  } finally {
    await container.close();
  }
}

async function main(): Promise<number> {
  const [command, arg] = process.argv.slice(2);
  const config = loadConfig();
  // The doctor checks ffmpeg before it opens the database (and the container).
  useFfmpegBinaries({ ffmpegPath: config.FFMPEG_PATH, ffprobePath: config.FFPROBE_PATH });
  const { store } = createMediaStore(config);
  switch (command) {
    case 'backup': {
      const result = await backup(config.dbFile, store, resolve(arg ?? `${config.DATA_DIR}/backups`), (m) =>
        process.stdout.write(`\r${m.padEnd(40)}`),
      );
      console.log(
        `\nBackup in ${result.dir}: database + manifest of ${result.files} media files (${(result.bytes / 1024 ** 2).toFixed(1)} MiB)`,
      );
      console.log(`It covers ${result.covers}.`);
      return 0;
    }
    case 'restore': {
      if (!arg) {
        console.error(USAGE);
        return 2;
      }
      const result = await restore(resolve(arg), config.dbFile, store);
      console.log(
        `Restored ${config.dbFile}${result.previous ? ` (previous kept as ${result.previous})` : ''}`,
      );
      if (result.missingMedia.length || result.changedMedia.length) {
        console.log(
          `Media differs from the backup: ${result.missingMedia.length} missing, ${result.changedMedia.length} changed. ` +
            `Copy the media back to ${store.where} from your file or bucket copy; the catalogue works meanwhile but those videos will not play.`,
        );
        return 1;
      }
      console.log(
        `Media in ${store.where} matches the backup. Start the app: the search index is rebuilt from the database.`,
      );
      return 0;
    }
    case 'doctor': {
      const findings = await diagnose(
        config,
        () => databaseSummary(config),
        () => createSearchEngine(config).health(),
        store,
      );
      for (const f of findings) {
        console.log(`${f.ok ? '✓' : '✗'} ${f.check.padEnd(11)} ${f.detail}${f.fix ? `\n  → ${f.fix}` : ''}`);
      }
      return findings.every((f) => f.ok) ? 0 : 1;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
    process.exit(1);
  },
);
