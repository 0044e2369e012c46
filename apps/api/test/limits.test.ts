// What one request may ask for (README, Limits): document depth, aliases, tokens and cost, page
// size, batch size and body size. Each refusal carries a stable `extensions.code`.

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../src/builder.ts';
import { createHttpServer, MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from '../src/http-server.ts';
import { DOCUMENT_LIMITS } from '../src/yoga.ts';
import { data, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((error) => error.extensions?.code);

/** `{ area { code parent { code parent { … } } } }`, `levels` levels of parents deep (a parent is one row: cheap). */
function nested(levels: number): string {
  let selection = 'code';
  for (let level = 0; level < levels; level += 1) selection = `code parent { ${selection} }`;
  return `{ area(code: "24718") { ${selection} } }`;
}

describe('document limits', () => {
  it('answers a query at the depth limit and refuses one a level deeper', async () => {
    // The operation and `area` count two levels; each `parent` adds one.
    const atLimit = await gql(nested(DOCUMENT_LIMITS.maxDepth - 2));
    expect(codes(atLimit)).toEqual([]);
    const over = await gql(nested(DOCUMENT_LIMITS.maxDepth - 1));
    expect(codes(over)).toEqual(['LIMIT_EXCEEDED']);
    expect(over.errors?.[0]?.message).toMatch(/depth limit of 12 exceeded/);
  });

  it('refuses too many aliases', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { name }`).join(' ')} }`;
    expect(codes(await gql(aliases(DOCUMENT_LIMITS.maxAliases)))).toEqual([]);
    expect(codes(await gql(aliases(DOCUMENT_LIMITS.maxAliases + 1)))).toEqual(['LIMIT_EXCEEDED']);
  });

  it('refuses a document of too many tokens before validating it', async () => {
    const names = Array.from({ length: DOCUMENT_LIMITS.maxTokens }, () => 'name').join(' ');
    expect(codes(await gql(`{ viewer { ${names} } }`))).toEqual(['LIMIT_EXCEEDED']);
  });

  it('refuses a document whose estimated cost is over the limit, at the cost worked out by hand', async () => {
    // Every field costs 1; a list of stored rows (children) multiplies its selection by 10. With
    // `fields` scalars at the bottom and k levels of children: c(0) = fields, c(k) = 1 + 10·c(k−1),
    // and the document costs 1 (area) + c(k). Five scalars: c(3) = 1 + 10·(1 + 10·(1 + 10·5)) =
    // 5,111, so three levels cost 5,112; c(4) = 51,111, four levels cost 51,112, over 20,000.
    const tree = (levels: number) => {
      let selection = 'code name level depth population';
      for (let level = 0; level < levels; level += 1) selection = `children { ${selection} }`;
      return `{ area(code: "67") { ${selection} } }`;
    };
    expect(codes(await gql(tree(3)))).toEqual([]);
    const result = await gql(tree(4));
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      cost: 51_112,
      limit: 20_000,
    });
    expect(result.data).toBeUndefined();
  });

  it('prices a page by the nodes it asks for, the same for a literal and a variable', async () => {
    // 1 (areas) + first × (1 edges + 1 node + 10 fields).
    const fields = 'code name level depth parentCode childCount population eligible alreadyServed turnout';
    const literal = await gql(`{ areas(first: 500) { edges { node { ${fields} } } } }`);
    const variable = await gql(`query ($n: Int) { areas(first: $n) { edges { node { ${fields} } } } }`, {
      n: 500,
    });
    expect(codes(literal)).toEqual([]);
    expect(codes(variable)).toEqual([]);
    const nested = (first: string) => `areas(first: ${first}) { edges { node { children { ${fields} } } } }`;
    // 1 + 500 × (1 + 1 + (1 + 10 × 10)) = 51,501 either way.
    const refusedLiteral = await gql(`{ ${nested('500')} }`);
    const refusedVariable = await gql(`query ($n: Int) { ${nested('$n')} }`, { n: 500 });
    for (const refused of [refusedLiteral, refusedVariable]) {
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', cost: 51_501 });
    }
  });

  it('lets GraphiQL introspect the schema without a token', async () => {
    expect(codes(await gql(getIntrospectionQuery(), {}, { token: null }))).toEqual([]);
  });

  it('does not suggest field names to a caller guessing at the schema', async () => {
    const result = await gql('{ viewr { name } }');
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('page size', () => {
  it(`returns at most ${MAX_PAGE_SIZE} nodes a page, however many are asked for`, async () => {
    const page = async (first: number) =>
      (await data<{ areas: { edges: unknown[] } }>(`{ areas(first: ${first}) { edges { node { code } } } }`))
        .areas.edges.length;
    expect(await page(MAX_PAGE_SIZE + 100)).toBe(MAX_PAGE_SIZE);
    expect(await page(20)).toBe(20);
  });
});

describe('request body size', () => {
  let url = '';
  const server = createHttpServer();
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (body: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('serves a request of ordinary size over HTTP', async () => {
    const response = await post(JSON.stringify({ query: '{ area(code: "67") { name } }' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { area: { name: 'Tỉnh Đắk Nông' } } });
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES);
    const response = await post(JSON.stringify({ query: '{ viewer { name } }', variables: { padding } }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('takes an upload over the JSON limit up to the upload limit, and refuses a larger one with 413 unread', async () => {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'mutation ($f: File!) { importReports(file: $f) { __typename } }',
        variables: { f: null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new File([new Uint8Array(MAX_BODY_BYTES + 1)], 'r.csv'));
    const accepted = await fetch(url, {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({
      data: { importReports: { __typename: 'UnauthenticatedError' } },
    });
    // Declared larger than the upload limit: refused from the header, the body never sent.
    const status = await new Promise<number>((resolve, reject) => {
      const sent = httpRequest(url, {
        method: 'POST',
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(MAX_UPLOAD_BODY_BYTES + 1),
        },
      });
      sent.on('response', (response) => resolve(response.statusCode ?? 0));
      sent.on('error', reject);
      sent.flushHeaders();
    });
    expect(status).toBe(413);
  });
});
