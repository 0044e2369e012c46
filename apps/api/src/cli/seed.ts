// Applies migrations and loads the demo data (Nghệ An and Đắk Nông); running it again changes nothing.
import { seedDemo } from '../data/seed-demo.ts';
import { database } from '../db.ts';
import { applyMigrations } from '../migrate.ts';

await applyMigrations(database);
console.log(await seedDemo(database.prisma));
await database.close();
