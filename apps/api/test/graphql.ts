// Test helpers: a migrated (and optionally seeded) database per file, and GraphQL over yoga.fetch,
// as an admin unless a test names another caller.
import { beforeAll } from 'vitest';
import { issueToken, type TokenRequest } from '../src/auth/tokens.ts';
import { seedDemo } from '../src/data/seed-demo.ts';
import { database } from '../src/db.ts';
import { applyMigrations } from '../src/migrate.ts';
import { yoga } from '../src/yoga.ts';

export type GraphQLResponse<T = Record<string, unknown>> = {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
};

let adminToken: string | null = null;

/**
 * Migrates this file's database before its tests, and loads the demo data when asked — unless the
 * file's database started from the run's dump that has it (test/setup.ts).
 */
export function useDatabase(options: { demo?: boolean } = {}): void {
  const seeded = process.env.PGLITE_SNAPSHOT_SEEDED === '1';
  if (seeded && !options.demo) throw new Error('this file started from the demo data it did not ask for');
  beforeAll(async () => {
    await applyMigrations(database);
    if (options.demo && !seeded) await seedDemo(database.prisma);
    adminToken = (await issueToken(database.prisma, { role: 'ADMIN', name: 'test admin' })).token;
  });
}

/** A fresh bearer token for a caller of the tests' choosing. */
export async function tokenFor(request: TokenRequest): Promise<string> {
  return (await issueToken(database.prisma, request)).token;
}

/** Who sends an operation: a token, `null` for no token at all, or by default the file's admin. */
export type Caller = { token?: string | null };

/** Runs one operation through the real server, in-process and without a port; the HTTP status too. */
export function request<T = Record<string, unknown>>(
  query: string,
  variables: unknown = {},
  caller: Caller = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  return postBody<T>(JSON.stringify({ query, variables }), caller);
}

/** Posts a JSON body as written (one that is not JSON too) through the real server; the HTTP status too. */
export async function postBody<T = Record<string, unknown>>(
  body: string,
  caller: Caller = {},
  /** Aborted: the client goes away. */
  signal?: AbortSignal,
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const token = caller.token === undefined ? adminToken : caller.token;
  const response = await yoga.fetch('http://muster.test/graphql', {
    method: 'POST',
    ...(signal ? { signal } : {}),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

/** Runs one operation through the real server and returns its answer. */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<GraphQLResponse<T>> {
  return (await request<T>(query, variables, caller)).body;
}

/** Like {@link gql} but fails on any GraphQL error and returns the data. */
export async function data<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<T> {
  const result = await gql<T>(query, variables, caller);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export { database };

/** A file for an upload: its bytes and the name the browser would send. */
export type UploadFile = { bytes: Uint8Array; name: string };

/**
 * Runs one operation as a GraphQL multipart request (the spec graphql-yoga reads): each file
 * fills the variable of its name, which the operation declares as `File!`.
 */
export async function upload<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, UploadFile>,
  caller: Caller = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const token = caller.token === undefined ? adminToken : caller.token;
  const form = new FormData();
  const names = Object.keys(files);
  form.set(
    'operations',
    JSON.stringify({
      query,
      variables: { ...variables, ...Object.fromEntries(names.map((n) => [n, null])) },
    }),
  );
  form.set('map', JSON.stringify(Object.fromEntries(names.map((n, i) => [String(i), [`variables.${n}`]]))));
  names.forEach((n, i) => {
    const file = files[n] as UploadFile;
    form.set(String(i), new File([Uint8Array.from(file.bytes)], file.name));
  });
  const response = await yoga.fetch('http://muster.test/graphql', {
    method: 'POST',
    // A client that is not a browser form marks itself (graphql-yoga's CSRF prevention).
    headers: {
      accept: 'application/json',
      'x-graphql-yoga-csrf': 'upload',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}
