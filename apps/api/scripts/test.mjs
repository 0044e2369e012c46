// `pnpm test` for the API: the integration suite on an in-process PGlite, then the same suite on
// the PostgreSQL server named by TEST_DATABASE_URL. CI must run both; elsewhere the server suite
// is skipped, and said so, when no server is named.
import { spawnSync } from 'node:child_process';

function vitest(env, title) {
  console.log(`\n=== API integration tests on ${title} ===`);
  const result = spawnSync('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const { TEST_DATABASE_URL: serverUrl, ...withoutServer } = process.env;
const embedded = vitest(withoutServer, 'PGlite (embedded)');
if (embedded !== 0) process.exit(embedded);

if (serverUrl) {
  process.exit(vitest(process.env, `PostgreSQL (${serverUrl.replace(/\/\/[^@/]*@/, '//…@')})`));
}
if (process.env.CI || process.env.MUSTER_REQUIRE_SERVER_SUITE) {
  console.error('\nThe PostgreSQL suite must run in CI: set TEST_DATABASE_URL=postgres://…');
  process.exit(1);
}
console.log(
  '\nPostgreSQL suite SKIPPED: no server named. Set TEST_DATABASE_URL=postgres://user@host:5432/db to run the integration tests against PostgreSQL too.',
);
