// Builds the service worker (src/service-worker/sw.ts) beside the app as /sw.js and writes into it
// the build's file list and a version hashed from those files, so each build installs its own
// cache, filled from exactly what it serves. Only in `vite build`; development has no worker.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Where the worker is served: at the root, so it may answer for every path of the app. */
export const SERVICE_WORKER_FILE = 'sw.js';
const SOURCE = 'src/service-worker/sw.ts';
const PLACEHOLDERS = { files: /\b__MUSTER_PRECACHE__\b/g, version: /\b__MUSTER_CACHE_VERSION__\b/g };

/** Files a phone keeps: everything the build wrote but the worker itself, source maps and dotfiles. */
function keptFiles(names: readonly string[]): string[] {
  return names
    .filter(
      (name) =>
        name !== SERVICE_WORKER_FILE && !name.endsWith('.map') && !path.basename(name).startsWith('.'),
    )
    .sort()
    .map((name) => `/${name}`);
}

export function serviceWorker(): Plugin {
  let root = process.cwd();
  return {
    name: 'muster-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: path.join(root, SOURCE), fileName: SERVICE_WORKER_FILE });
    },
    generateBundle: {
      // After Vite has written the page into the bundle.
      order: 'post',
      handler(_options, bundle) {
        const worker = bundle[SERVICE_WORKER_FILE];
        if (worker?.type !== 'chunk') return this.error(`${SERVICE_WORKER_FILE} was not built`);
        // A worker that imported a shared chunk would need that chunk before its cache exists.
        if (worker.imports.length > 0) {
          return this.error(`${SOURCE} must import nothing; it imports ${worker.imports.join(', ')}`);
        }
        const files = keptFiles(Object.keys(bundle));
        if (!files.includes('/index.html')) return this.error('the page index.html is not in the bundle');
        const hash = createHash('sha256');
        for (const file of files) {
          const output = bundle[file.slice(1)];
          hash.update(file).update('\0');
          if (output) hash.update(output.type === 'chunk' ? output.code : output.source).update('\0');
        }
        const version = hash.digest('hex').slice(0, 16);
        for (const [name, placeholder] of Object.entries(PLACEHOLDERS)) {
          if (!placeholder.test(worker.code)) return this.error(`${SOURCE} lost its ${name} placeholder`);
        }
        worker.code = worker.code
          .replace(PLACEHOLDERS.files, JSON.stringify(files))
          .replace(PLACEHOLDERS.version, JSON.stringify(version));
      },
    },
  };
}
