// Prisma CLI configuration: the JS (WASM) schema engine with a driver adapter, so no native
// engine is ever downloaded. Migrations are authored against an in-memory PGlite unless
// DATABASE_URL points at a PostgreSQL server.
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The drivers are the API's dependencies, not the workspace root's: load them from there.
const fromApi = createRequire(new URL('./apps/api/package.json', import.meta.url));

export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: path.join('prisma', 'schema.prisma'),
  // `prisma db seed` loads the same demo data as `pnpm start` (idempotent).
  migrations: { path: path.join('prisma', 'migrations'), seed: 'pnpm --filter @muster/api run seed' },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url?.startsWith('postgres')) {
      const { PrismaPg } = fromApi('@prisma/adapter-pg') as typeof import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = fromApi('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
    const { PrismaPGlite } = fromApi('pglite-prisma-adapter') as typeof import('pglite-prisma-adapter');
    return new PrismaPGlite(new PGlite());
  },
});
