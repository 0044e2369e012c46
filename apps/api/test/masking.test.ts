import { describe, expect, it } from 'vitest';
import { database, gql, useDatabase } from './graphql.ts';

useDatabase();

describe('unexpected failures', () => {
  it('answer with INTERNAL_SERVER_ERROR and no detail when the database is gone', async () => {
    await database.close();
    // The bearer token is looked up first, so the failure comes before any field runs.
    const result = await gql('{ scenarios { id } }');
    expect(result.errors).toEqual([
      { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/prisma|pglite|\.(ts|js):\d+/i);
  });
});
