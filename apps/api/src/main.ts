// `pnpm start`: apply migrations, load the demo data once, serve GraphQL until Ctrl-C.
import { createServer } from 'node:http';
import { seedDemo } from './data/seed-demo.ts';
import { database } from './db.ts';
import { applyMigrations } from './migrate.ts';
import { yoga } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const applied = await applyMigrations(database);
if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
const seeded = await seedDemo(database.prisma);
if (seeded.areasInserted > 0 || seeded.reports.created > 0) {
  console.log(`demo data loaded: ${seeded.areasInserted} areas, ${seeded.reports.created} reports`);
}

const server = createServer(yoga);
server.listen(port, () => {
  console.log(`Muster GraphQL (${database.kind}) on http://localhost:${port}${yoga.graphqlEndpoint}`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
