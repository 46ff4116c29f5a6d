import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DIST = join(import.meta.dirname, '../../dist');

export interface Asset {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function measure(file: string): Asset {
  const content = readFileSync(join(DIST, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/**
 * The JavaScript a first visit downloads before anything else: index.html's module scripts and the chunks
 * it preloads (the entry's static imports). Lazy chunks (hls.js, staff pages) are not part of it.
 */
export function initialScripts(): Asset[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)) files.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g))
    files.add(m[1] as string);
  return [...files].map(measure);
}

export function allScripts(): Asset[] {
  return readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => measure(`assets/${f}`));
}

/** The chunks holding hls.js code, recognised by an event name only hls.js uses. */
export function hlsChunks(): Asset[] {
  return allScripts().filter((a) => readFileSync(join(DIST, a.file), 'utf8').includes('hlsManifestParsed'));
}

export const sum = (assets: Asset[], key: 'bytes' | 'gzipBytes') => assets.reduce((n, a) => n + a[key], 0);
