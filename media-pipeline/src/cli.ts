// `npm run transcode -- <input> <outdir> [--caption <lang>=<file>]...`: the pipeline alone, for staff and
// for trying settings. The finished version folder's contents land in <outdir>; a failure leaves no <outdir>.
import { mkdtemp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { summarise } from './cli/summary.ts';
import { useFfmpegBinaries } from './ffmpeg/binaries.ts';
import { FfmpegAbortedError } from './ffmpeg/run.ts';
import { transcode } from './transcode.ts';
import type { CaptionInput } from './types.ts';

const USAGE = 'usage: npm run transcode -- <input> <outdir> [--caption <lang>=<file.srt|.vtt>]...';

class UsageError extends Error {}

function parseArgs(argv: string[]): { input: string; outDir: string; captions: CaptionInput[] } {
  const positional: string[] = [];
  const captions: CaptionInput[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--caption') {
      const [lang, path] = (argv[++i] ?? '').split(/=(.*)/s);
      if (!lang || !path) throw new UsageError(`--caption needs <lang>=<file>. ${USAGE}`);
      captions.push({ lang, label: lang, path: resolve(path) });
    } else if (arg === '-h' || arg === '--help') throw new UsageError(USAGE);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}. ${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new UsageError(USAGE);
  return { input: resolve(positional[0] as string), outDir: resolve(positional[1] as string), captions };
}

async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  return readdir(dir).then(
    (entries) => entries.length === 0,
    (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
  );
}

async function main(): Promise<void> {
  const { input, outDir, captions } = parseArgs(process.argv.slice(2));
  // This file is the pipeline's own entry point, so it reads its settings from the environment here, at the
  // edge; the library below reads none (only PATH, to find binaries as spawn would), and the api passes the
  // same two settings from its validated configuration.
  useFfmpegBinaries({ ffmpegPath: process.env.FFMPEG_PATH, ffprobePath: process.env.FFPROBE_PATH });
  if (!(await isEmptyOrAbsent(outDir))) {
    throw new UsageError(`${outDir} is not empty: choose a new or empty output folder.`);
  }
  // Built beside <outdir> (same filesystem), so the final move is one atomic rename.
  const parent = dirname(outDir);
  const staging = await mkdtemp(join(parent, `.${basename(outDir)}-`));
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bar = new SingleBar({
    format: '{stage} |{bar}| {percentage}% · {duration}s',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(100, 0, { stage: 'probe'.padEnd(10) });
  try {
    const result = await transcode({
      input,
      videoDir: staging,
      captions,
      signal: controller.signal,
      onProgress: (percent, stage) => bar.update(percent, { stage: stage.padEnd(10) }),
    });
    bar.stop();
    if (await isEmptyOrAbsent(outDir)) await rmdir(outDir).catch(() => {});
    await rename(result.dir, outDir);
    process.stdout.write(`${outDir}\n${summarise(result, outDir)}\n`);
  } finally {
    bar.stop();
    await rm(staging, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  // One line, no stack: the message already says what is wrong and what to do.
  const message =
    err instanceof FfmpegAbortedError ? 'cancelled' : err instanceof Error ? err.message : String(err);
  process.stderr.write(`transcode: ${message.split('\n')[0]}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
