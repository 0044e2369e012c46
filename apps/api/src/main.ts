// `pnpm start`: apply migrations, load the demo data once (unless MUSTER_DEMO=0), print one demo
// token per role, serve GraphQL until Ctrl-C. HOST (default 127.0.0.1) and PORT (4000) say where.
import './production-mode.ts';
import type { AddressInfo } from 'node:net';
import { computePool, destroyComputePool } from './compute/pool.ts';
import { DEMO_TOKEN_LIFETIME_DAYS, type DemoToken, renewDemoTokens } from './data/demo-tokens.ts';
import { seedDemo } from './data/seed-demo.ts';
import { database } from './db.ts';
import { createHttpServer } from './http-server.ts';
import { applyMigrations } from './migrate.ts';
import { yoga } from './yoga.ts';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4000);
const demo = process.env.MUSTER_DEMO !== '0';
let demoTokens: DemoToken[] = [];
const applied = await applyMigrations(database);
if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
if (demo) {
  const seeded = await seedDemo(database.prisma);
  if (seeded.areasInserted > 0 || seeded.reports.created > 0) {
    console.log(`demo data loaded: ${seeded.areasInserted} areas, ${seeded.reports.created} reports`);
  }
  console.log(
    `\nDemo tokens (renewed at every start, each working ${DEMO_TOKEN_LIFETIME_DAYS} days; in GraphiQL add the header {"Authorization": "Bearer <token>"}):`,
  );
  demoTokens = await renewDemoTokens(database.prisma);
  for (const issued of demoTokens) {
    console.log(`  ${issued.role.padEnd(8)} ${issued.what}\n           ${issued.token}`);
  }
  console.log('');
}

// Worker threads start now (with tsx and the planning library), not on the first plan asked for.
computePool({ warm: true });
const server = createHttpServer();
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  // The port bound, not the one asked for: PORT=0 takes any free port.
  const bound = (server.address() as AddressInfo).port;
  const origin = `http://${shown}:${bound}`;
  // The token rides in the fragment, which the browser never sends: it stays out of server logs.
  for (const issued of demoTokens) {
    console.log(
      `Sign in to the web app as ${issued.role.toLowerCase()} (${issued.name}): ${origin}/sign-in#token=${issued.token}`,
    );
  }
  console.log(`Muster web app on ${origin}/`);
  console.log(`Muster GraphQL (${database.kind}) on ${origin}${yoga.graphqlEndpoint}`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await destroyComputePool();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
