// Applies the committed migrations to the configured database (PGlite or DATABASE_URL).
import { database } from '../db.ts';
import { applyMigrations } from '../migrate.ts';

const applied = await applyMigrations(database);
console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'up to date');
await database.close();
