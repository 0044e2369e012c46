// The API as the benchmark drives it: migrations, the demo data plus 100 days of Đắk Nông
// reports, listening on an ephemeral loopback port that it prints. Stops on SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { recordActuals } from '../src/actuals/record-actuals.ts';
import { systemPrincipal } from '../src/auth/tokens.ts';
import { seedDemo } from '../src/data/seed-demo.ts';
import { database } from '../src/db.ts';
import { applyMigrations } from '../src/migrate.ts';
import { yoga } from '../src/yoga.ts';

await applyMigrations(database);
await seedDemo(database.prisma);
const districts = await database.prisma.area.findMany({
  where: { parentCode: '67' },
  orderBy: { code: 'asc' },
});
const start = DateTime.fromISO('2021-03-21', { zone: 'utc' });
const reports = [];
for (let day = 0; day < 100; day += 1) {
  for (const [index, district] of districts.entries()) {
    // Deterministic made-up figures around the field's scale (≈ 1,000 a district a day).
    reports.push({
      date: start.plus({ days: day }).toISODate() as string,
      areaCode: district.code,
      dossiers: 800 + ((day * 37 + index * 101) % 400),
      machinesWorking: 3,
    });
  }
}
await recordActuals(database.prisma, reports, systemPrincipal('bench'));

const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    void database.close().then(() => process.exit(0));
  });
});
