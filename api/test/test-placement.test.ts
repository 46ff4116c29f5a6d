import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The placement rule, checked: pure and fake-based tests sit beside their source (src/**/x.test.ts); tests that
// need real SQLite, ffmpeg, HTTP, child processes or a browser live under the workspace's test/ folder.
const ROOT = join(import.meta.dirname, '../..');
const WORKSPACES = ['api', 'media-pipeline', 'web'];

/** Imports that mean "the real thing": a database file, a process, a server, ffmpeg or a browser. */
const REAL = [
  /^better-sqlite3$/,
  /^playwright-core$/,
  /^node:(child_process|http|https|net)$/,
  /^fastify$/,
  /\/app\.ts$/,
  /\/db\/database\.ts$/,
  /\/ffmpeg\/run\.ts$/,
  /\/synth\/make-clip\.ts$/,
  /^@artifact-stories\/media-pipeline\/testing$/,
  /\/testing\/(chromium|hls-page)\.ts$/,
  /(^|\/)test\//,
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.split('/').includes('node_modules'))
    .map((f) => join(dir, f));
}

/** Module specifiers a file imports (static imports, re-exports and dynamic imports). */
function importsOf(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm);
  return [...found].map((m) => m[1] as string);
}

function realImports(source: string): string[] {
  return importsOf(source).filter((spec) => REAL.some((pattern) => pattern.test(spec)));
}

describe('test placement', () => {
  it('knows what a real dependency looks like', () => {
    expect(realImports("import Database from 'better-sqlite3';\nimport { x } from './x.ts';")).toEqual([
      'better-sqlite3',
    ]);
    expect(realImports("import { makeTestApp } from '../test/helpers.ts';")).toEqual(['../test/helpers.ts']);
    expect(realImports("const m = await import('../ffmpeg/run.ts');")).toEqual(['../ffmpeg/run.ts']);
    expect(realImports("import { fold } from './text.ts';\nimport { it } from 'vitest';")).toEqual([]);
  });

  it('keeps tests beside the source free of real databases, processes, servers, ffmpeg and browsers', () => {
    const wrong = WORKSPACES.flatMap((ws) =>
      testFiles(join(ROOT, ws, 'src')).flatMap((file) =>
        realImports(readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)} imports ${spec}`),
      ),
    );
    // Move each to <workspace>/test/ (mirroring src/), or give it fakes instead.
    expect(wrong).toEqual([]);
  });

  it('keeps under test/ only tests that use the real thing', () => {
    const pure = WORKSPACES.flatMap((ws) =>
      testFiles(join(ROOT, ws, 'test'))
        .filter((file) => {
          const source = readFileSync(file, 'utf8');
          // A helper of test/ (./helpers.ts, ./support/...) brings the real app, database or browser.
          const usesTestHelpers = importsOf(source).some((spec) => spec.startsWith('./'));
          return !usesTestHelpers && realImports(source).length === 0 && !/readFileSync|spawn/.test(source);
        })
        .map((file) => relative(ROOT, file)),
    );
    // Move each beside the module it tests (src/**/x.test.ts).
    expect(pure).toEqual([]);
  });
});
