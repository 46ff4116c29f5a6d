import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asImageUser, emptyServerEnv, prepareVolumes, root, spawnServer } from './server-process.ts';

/**
 * A volume mounted at a folder the image lacks comes up root-owned (issue 14, "Today's image"): the app and
 * its workers, run as the image's unprivileged user, must stop at start saying which folder and what to do,
 * not fail later inside a transcode.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function exitOf(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('data folders the image user cannot write', () => {
  it.each(['media', 'published'])('the server stops at start naming %s and the fix', async (folder) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'image-volumes-'));
    dirs.push(dataDir);
    prepareVolumes(dataDir, [folder]);
    const { code, output } = await exitOf(spawnServer(dataDir, {}, { imageUser: true }));
    expect(code).toBe(1);
    expect(output).toContain(`${join(dataDir, folder)} (`);
    expect(output).toMatch(/EACCES/);
    expect(output).toContain('chown -R');
    expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('a worker (`npm run worker`) stops the same way', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'image-volumes-'));
    dirs.push(dataDir);
    prepareVolumes(dataDir, ['media']);
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/src/scripts/worker.ts')], {
      cwd: root,
      env: emptyServerEnv(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...asImageUser(),
    });
    const { code, output } = await exitOf(child);
    expect(code).toBe(1);
    expect(output).toContain(`${join(dataDir, 'media')} (`);
    expect(output).toContain('chown -R');
  });
});
