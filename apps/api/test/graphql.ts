// Test helpers: a migrated (and optionally seeded) database per file, and GraphQL over yoga.fetch.
import { beforeAll } from 'vitest';
import { seedDemo } from '../src/data/seed-demo.ts';
import { database } from '../src/db.ts';
import { applyMigrations } from '../src/migrate.ts';
import { yoga } from '../src/yoga.ts';

export type GraphQLResponse<T = Record<string, unknown>> = {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
};

/** Migrates this file's database before its tests, and loads the demo data when asked. */
export function useDatabase(options: { demo?: boolean } = {}): void {
  beforeAll(async () => {
    await applyMigrations(database);
    if (options.demo) await seedDemo(database.prisma);
  });
}

/** Runs one operation through the real server, in-process and without a port. */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch('http://muster.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like {@link gql} but fails on any GraphQL error and returns the data. */
export async function data<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await gql<T>(query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export { database };
