// `pnpm start` runs this first: it builds the web app when dist/ is missing or was built from other
// sources (a fresh clone, a pull, an edit), and does nothing otherwise. The sources are hashed,
// not dated, so a checkout that touches files without changing them builds nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(web, 'dist', '.source-hash');
const inputs = [
  'src',
  'index.html',
  'vite.config.ts',
  'scripts/service-worker-plugin.ts',
  'codegen.ts',
  'package.json',
  '../api/schema.graphql',
];

function filesUnder(entry) {
  const full = path.join(web, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((child) => !(entry === 'src' && child.name === 'gql'))
    .flatMap((child) => filesUnder(path.join(entry, child.name)))
    .sort();
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(filesUnder)) {
  hash
    .update(file)
    .update('\0')
    .update(readFileSync(path.join(web, file)))
    .update('\0');
}
const digest = hash.digest('hex');

if (
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === digest &&
  existsSync(path.join(web, 'dist', 'index.html'))
) {
  process.exit(0);
}
console.log('Building the web app (apps/web/dist)…');
// A production build whatever the caller's NODE_ENV (vitest sets `test`, which would bundle React's
// development build).
const built = spawnSync('pnpm', ['run', 'build'], {
  cwd: web,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (built.status !== 0) process.exit(built.status ?? 1);
writeFileSync(stamp, digest);
