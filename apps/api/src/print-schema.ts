import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema/index.ts';

export const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema.graphql');

/** The SDL as committed: sorted, with a trailing newline. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
