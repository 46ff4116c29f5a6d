import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { runFfmpeg } from '../ffmpeg/run.ts';

/** How a synthetic test clip looks: varied the way real uploads vary. */
export interface ClipRecipe {
  durationSec: number;
  width: number;
  height: number;
  fps: number;
  audio: boolean;
  /** Display-matrix rotation stored in the container, as phones do. */
  rotate?: 0 | 90 | 180 | 270;
  /** Sample aspect ratio, e.g. '64:45' for anamorphic PAL widescreen. */
  sar?: string;
  /** Background hue, 0–359. */
  hue?: number;
  toneHz?: number;
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

function escapeDrawtext(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, '\u2019').replace(/:/g, '\\:').replace(/%/g, '\\%');
}

/**
 * Makes a title-card clip with movement (testsrc2), the given title and a tone.
 * Odd dimensions are encoded as 4:4:4 because 4:2:0 cannot represent them.
 */
export async function makeClip(recipe: ClipRecipe, outFile: string, title = ''): Promise<string> {
  mkdirSync(dirname(outFile), { recursive: true });
  const { durationSec: d, width: w, height: h, fps } = recipe;
  const filters = [`hue=h=${recipe.hue ?? 0}:s=0.8`];
  if (title && existsSync(FONT)) {
    const size = Math.max(12, Math.round(Math.min(w, h) / 12));
    filters.push(
      `drawtext=fontfile=${FONT}:text='${escapeDrawtext(title)}':fontcolor=white:fontsize=${size}:` +
        `box=1:boxcolor=black@0.55:boxborderw=${Math.round(size / 3)}:x=(w-text_w)/2:y=h-text_h-${size}`,
    );
  }
  if (recipe.sar && recipe.sar !== '1:1') filters.push(`setsar=${recipe.sar.replace(':', '/')}`);
  const odd = w % 2 !== 0 || h % 2 !== 0;
  // The lavfi device evens out a 4:2:0 source (481 → 480 lines): odd sizes are generated as 4:4:4.
  const source = `testsrc2=size=${w}x${h}:rate=${fps}:duration=${d}${odd ? ',format=yuv444p' : ''}`;
  const args = ['-f', 'lavfi', '-i', source];
  if (recipe.audio) {
    args.push('-f', 'lavfi', '-i', `sine=frequency=${recipe.toneHz ?? 440}:sample_rate=48000:duration=${d}`);
  }
  args.push('-vf', filters.join(','), '-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(fps * 2));
  args.push('-pix_fmt', odd ? 'yuv444p' : 'yuv420p');
  if (recipe.audio) args.push('-c:a', 'aac', '-b:a', '96k', '-ac', '2');
  const encoded = recipe.rotate ? `${outFile}.unrotated.mp4` : outFile;
  args.push('-t', String(d), '-movflags', '+faststart', encoded);
  await runFfmpeg(args);
  if (recipe.rotate) {
    // ffmpeg 5 only writes the display matrix from a rotate tag when it copies the stream.
    await runFfmpeg(['-i', encoded, '-c', 'copy', '-metadata:s:v:0', `rotate=${recipe.rotate}`, outFile]);
    rmSync(encoded, { force: true });
  }
  return outFile;
}
