// A Vite plugin: writes offline-assets.json beside index.html, the public site's code and styles with their
// sizes, so that saving a lesson for offline use can fetch exactly what its pages need and say how much that is
// before anyone downloads it. Staff pages are left out: nobody edits the catalogue offline.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const STAFF_MODULE = /\/src\/(pages|lib)\/staff\//;

export interface OfflineAsset {
  url: string;
  bytes: number;
}

export function offlineAssets(): Plugin {
  return {
    name: 'artifact-stories-offline-assets',
    apply: 'build',
    // After writing, not while generating: Vite's own hooks still rewrite chunks (preload lists) until then.
    writeBundle(options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((f) => (f.type === 'chunk' ? [[f.fileName, f]] : [])),
      );
      // What a public page can load: the entry and everything it imports, now or lazily, except staff pages and the
      // hls.js chunk (a saved film plays its MP4 with the browser's own player).
      const files: OfflineAsset[] = [];
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = chunks.get(fileName);
        if (!chunk || seen.has(fileName)) return;
        seen.add(fileName);
        if (chunk.name === 'hls' || (chunk.facadeModuleId && STAFF_MODULE.test(chunk.facadeModuleId))) return;
        files.push({ url: `/${chunk.fileName}`, bytes: Buffer.byteLength(chunk.code) });
        for (const css of chunk.viteMetadata?.importedCss ?? []) {
          const asset = bundle[css];
          if (asset?.type === 'asset')
            files.push({ url: `/${css}`, bytes: Buffer.byteLength(asset.source as string | Uint8Array) });
        }
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry && chunk.name === 'index') visit(chunk.fileName);
      files.sort((a, b) => a.url.localeCompare(b.url));
      writeFileSync(join(options.dir ?? 'dist', 'offline-assets.json'), JSON.stringify({ files }));
    },
  };
}
