import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The real dependency-cruiser with the project's own rules (.dependency-cruiser.cjs), as `npm run deps` runs it.
const root = fileURLToPath(new URL('../../', import.meta.url));
const config = join(root, '.dependency-cruiser.cjs');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(cwd: string, paths: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [depcruise, '--config', config, '--output-type', 'err', ...paths],
      { cwd, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** A throwaway tree with the project's layout: each file breaks one rule, in the ways our code imports. */
const tree = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
function write(file: string, text: string): void {
  mkdirSync(dirname(join(tree, file)), { recursive: true });
  writeFileSync(join(tree, file), text);
}
copyFileSync(join(root, 'tsconfig.json'), join(tree, 'tsconfig.json'));
// A cycle of explicit `.ts` imports, one of them type-only.
write('api/src/services/a.service.ts', "import { b } from './b.service.ts';\nexport const a = () => b;\n");
write(
  'api/src/services/b.service.ts',
  "import type { a } from './a.service.ts';\nexport const b = 1;\nexport type A = typeof a;\n",
);
// A service reaching up into a plugin.
write('api/src/plugins/app/session.ts', 'export const cookie = "sid";\n');
write(
  'api/src/services/c.service.ts',
  "import { cookie } from '../plugins/app/session.ts';\nexport const c = cookie;\n",
);
// A service talking to the database driver itself instead of asking a repository (the tree resolves packages
// from the project's node_modules, as the real tree does).
symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
write(
  'api/src/services/d.service.ts',
  "import Database from 'better-sqlite3';\nexport const d = (file: string) => new Database(file);\n",
);
// A Svelte component importing api source.
write(
  'web/src/lib/Card.svelte',
  '<script lang="ts">\n  import { c } from \'../../../api/src/services/c.service.ts\';\n</script>\n<p>{c}</p>\n',
);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('dependency rules', () => {
  it('fail on a cycle, a service importing a plugin or the database driver, and the web importing api source, naming each rule', async () => {
    const { code, output } = await cruise(tree, ['api', 'web']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/no-circular: api\/src\/services\/a\.service\.ts/);
    expect(output).toContain(
      'services-not-to-plugins-or-routes: api/src/services/c.service.ts → api/src/plugins/app/session.ts',
    );
    expect(output).toMatch(
      /sql-only-in-repositories: api\/src\/services\/d\.service\.ts → \S*node_modules\/better-sqlite3\//,
    );
    expect(output).toContain(
      'web-not-to-api-or-pipeline: web/src/lib/Card.svelte → api/src/services/c.service.ts',
    );
  });

  it('pass on the project itself', async () => {
    const { code, output } = await cruise(root, ['.']);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });
});
