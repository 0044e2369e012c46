// The API for the spreadsheet bench: a fresh PGlite (PGLITE_DATA_DIR, given by the bench) with
// Vietnam's 2021 units (11,371 areas) under one root `VN` added here so that one scenario plans the
// whole country, that scenario, and an admin token; the real HTTP front on a loopback port. Prints
// one JSON line with the port, token and scenario, and stops on SIGTERM or when its parent goes.
import type { AddressInfo } from 'node:net';
import { issueToken } from '../src/auth/tokens.ts';
import { computePool, destroyComputePool } from '../src/compute/pool.ts';
import { AREA_DATASETS } from '../src/data/area-datasets.ts';
import { importAreas } from '../src/data/import-areas.ts';
import { database } from '../src/db.ts';
import { createHttpServer } from '../src/http-server.ts';
import { applyMigrations } from '../src/migrate.ts';

export type SpreadsheetServerReady = { port: number; token: string; scenarioId: string; rootCode: string };

const ROOT = 'VN';
const SCENARIO_ID = 'bench-vietnam-2021';

async function main(): Promise<void> {
  await applyMigrations(database);
  const prisma = database.prisma;
  await importAreas(prisma, AREA_DATASETS.COUNTRY.read());
  // The provinces are roots in the dataset; the bench hangs them under one country.
  await prisma.area.create({
    data: { code: ROOT, name: 'Việt Nam', level: 'country', path: ROOT, depth: 0 },
  });
  await prisma.$executeRaw`UPDATE "Area" SET "path" = ${`${ROOT}/`} || "path", "depth" = "depth" + 1 WHERE "code" <> ${ROOT}`;
  await prisma.$executeRaw`UPDATE "Area" SET "parentCode" = ${ROOT} WHERE "parentCode" IS NULL AND "code" <> ${ROOT}`;
  await prisma.scenario.create({
    data: {
      id: SCENARIO_ID,
      name: 'Vietnam, spring 2021 (bench)',
      areaCode: ROOT,
      start: '2021-03-22',
      deadline: '2021-06-30',
      open: '05:00',
      close: '24:00',
      minutesPerDossier: 1440 / 278,
    },
  });
  const token = (await issueToken(prisma, { role: 'ADMIN', name: 'spreadsheet bench' })).token;
  computePool({ warm: true });
  const server = createHttpServer();
  server.listen(0, '127.0.0.1', () => {
    const ready: SpreadsheetServerReady = {
      port: (server.address() as AddressInfo).port,
      token,
      scenarioId: SCENARIO_ID,
      rootCode: ROOT,
    };
    console.log(JSON.stringify(ready));
  });
  const stop = (): void => {
    server.closeAllConnections();
    server.close(() => {
      void destroyComputePool()
        .then(() => database.close())
        .then(() => process.exit(0));
    });
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

if (process.send) await main();
