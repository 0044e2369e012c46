// Loads all of Vietnam's 2021 units (63 provinces, 705 districts, 10,603 communes) with their
// 2019 census population; areas already present are left as they are.
import { importAreas } from '../data/import-areas.ts';
import { readCountryAreas } from '../data/vietnam-areas.ts';
import { database } from '../db.ts';
import { applyMigrations } from '../migrate.ts';

await applyMigrations(database);
const rows = readCountryAreas();
const started = performance.now();
const inserted = await importAreas(database.prisma, rows);
console.log(`${inserted} of ${rows.length} areas inserted in ${Math.round(performance.now() - started)} ms`);
await database.close();
