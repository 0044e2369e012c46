// Writes the schema's SDL to apps/api/schema.graphql (committed; a test fails when it drifts).
import { writeFileSync } from 'node:fs';
import { database } from '../db.ts';
import { printedSchema, schemaFile } from '../print-schema.ts';

writeFileSync(schemaFile, printedSchema());
await database.close();
console.log(`wrote ${schemaFile}`);
