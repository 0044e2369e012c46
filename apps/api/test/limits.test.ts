// What one request may ask for (README, Limits): document depth, aliases, tokens and cost, page
// size, batch size and body size. Each refusal carries a stable `extensions.code`.

import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../src/builder.ts';
import { createHttpServer, MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from '../src/http-server.ts';
import { MAX_DOCUMENT_NESTING } from '../src/limits/nesting.ts';
import { MAX_VARIABLE_NESTING } from '../src/limits/value-nesting.ts';
import { DOCUMENT_LIMITS, yoga } from '../src/yoga.ts';
import { data, database, type GraphQLResponse, gql, postBody, tokenFor, useDatabase } from './graphql.ts';

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
    expect(over.errors?.map((error) => error.extensions)).toEqual([
      { code: 'LIMIT_EXCEEDED', limit: DOCUMENT_LIMITS.maxDepth },
    ]);
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

  it('refuses a document whose brackets nest too deep before parsing it (2,000 overflowed the parser)', async () => {
    // `{ area(code: [[…"24718"…]]) { code } }`: the braces and the parenthesis hold two open.
    const listed = (open: number) =>
      `{ area(code: ${'['.repeat(open - 2)}"24718"${']'.repeat(open - 2)}) { code } }`;
    const atLimit = await gql(listed(MAX_DOCUMENT_NESTING));
    expect(codes(atLimit)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    for (const document of [
      listed(MAX_DOCUMENT_NESTING + 1),
      listed(2000),
      `{${'area(code: "24718") {'.repeat(1999)} code ${'}'.repeat(2000)}`,
    ]) {
      const over = await gql(document);
      expect(over.errors?.map((error) => error.extensions)).toEqual([
        { code: 'LIMIT_EXCEEDED', limit: MAX_DOCUMENT_NESTING },
      ]);
      expect(over.errors?.[0]?.message).toMatch(/^Nesting limit of 64 exceeded/);
    }
  });

  it('refuses variables nested too deep before reading them (5,000 levels overflowed a walk of them)', async () => {
    // Written by hand: JSON.stringify would overflow the stack on the deepest.
    const body = (levels: number) =>
      `{"query": "{ __typename }", "variables": {"a": ${'['.repeat(levels)}1${']'.repeat(levels)}}}`;
    expect(await postBody(body(MAX_VARIABLE_NESTING))).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
    // Through objects too: the field names the path down to the level past the limit.
    const objects = await postBody(
      `{"query": "{ __typename }", "variables": {"input": {"areas": [${'{"a": '.repeat(MAX_VARIABLE_NESTING)}1${'}'.repeat(MAX_VARIABLE_NESTING)}]}}}`,
    );
    expect(objects.body.errors?.map((error) => error.extensions?.field)).toEqual([
      `input.areas[0]${'.a'.repeat(MAX_VARIABLE_NESTING - 2)}`,
    ]);
    for (const levels of [MAX_VARIABLE_NESTING + 1, 5000]) {
      const refused = await postBody(body(levels));
      expect(refused.status).toBe(200);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors?.map((error) => error.extensions)).toEqual([
        {
          code: 'LIMIT_EXCEEDED',
          field: `a${'[0]'.repeat(MAX_VARIABLE_NESTING)}`,
          limit: MAX_VARIABLE_NESTING,
        },
      ]);
    }
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

  it('prices a staffing the service will not plan at its base, so the field refuses it by name and the rest of the request stands', async () => {
    // 9,000,000 visitors was refused as the whole request's estimated cost (50,277,783,967 points),
    // its other fields with it; 10,000,001 and 1e12 too, where the argument is out of any range.
    const refusal = { __typename: 'InputError', field: 'dailyVisitors', code: 'range' };
    const staffing = (visitors: string) =>
      `staffing(dailyVisitors: ${visitors}) { __typename ... on InputError { field code } }`;
    const literal = await gql(`{ area(code: "665") { name }
      plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan {
        a: ${staffing('9000000')} b: ${staffing('10000001')} c: ${staffing('1e12')}
        d: staffing(dailyVisitors: 1085) { __typename } } } }`);
    expect(literal.errors).toBeUndefined();
    expect(literal.data).toEqual({
      area: { name: 'Huyện Đắk Song' },
      plan: { a: refusal, b: refusal, c: refusal, d: { __typename: 'HourlyStaffing' } },
    });
    // A variable of the same value is priced the same.
    const variable = await gql(
      `query ($v: Float) { area(code: "665") { name }
        plan(scenarioId: "dak-nong-2021", areaCode: "665") { ... on CampaignPlan { ${staffing('$v')} } } }`,
      { v: 9_000_000 },
    );
    expect(variable.errors).toBeUndefined();
    expect(variable.data).toEqual({ area: { name: 'Huyện Đắk Song' }, plan: { staffing: refusal } });
  });

  it('lets GraphiQL introspect the schema without a token', async () => {
    expect(codes(await gql(getIntrospectionQuery(), {}, { token: null }))).toEqual([]);
  });

  it('does not suggest field, argument, type or enum value names to a caller guessing at the schema', async () => {
    // Each a near miss graphql-js would answer with "Did you mean …?": in the document or in the variables.
    const guesses: [string, Record<string, unknown>][] = [
      ['{ viewr { name } }', {}],
      ['{ areas(levl: PROVINCE, first: 1) { totalCount } }', {}],
      ['{ areas(level: Province, first: 1) { totalCount } }', {}],
      ['query ($level: AreaLevl) { areas(level: $level, first: 1) { totalCount } }', {}],
      ['query ($level: AreaLevel) { areas(level: $level, first: 1) { totalCount } }', { level: 'Province' }],
    ];
    for (const [query, variables] of guesses) {
      const result = await gql(query, variables, { token: null });
      expect(result.errors?.length, query).toBeGreaterThan(0);
      for (const error of result.errors ?? []) {
        expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(error.extensions?.code);
        expect(error.message).not.toMatch(/Did you mean|PROVINCE|"level"/);
      }
    }
  });
});

describe('page size', () => {
  const page = (first: string) => `{ areas(${first}) { totalCount edges { node { code } } } }`;

  it(`returns a page of up to ${MAX_PAGE_SIZE} nodes and refuses one more, naming first or last`, async () => {
    const full = await data<{ areas: { edges: unknown[] } }>(page(`first: ${MAX_PAGE_SIZE}`));
    expect(full.areas.edges).toHaveLength(MAX_PAGE_SIZE);
    for (const [argument, name] of [
      [`first: ${MAX_PAGE_SIZE + 1}`, 'first'],
      [`last: ${MAX_PAGE_SIZE + 1}`, 'last'],
    ] as const) {
      const refused = await gql(page(argument));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
      // The list is null beside its error (the rest of a larger answer would stand).
      expect(refused.data).toEqual({ areas: null });
    }
    // A count alone reads no page, and is refused alike.
    const countOnly = await gql(`{ areas(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(countOnly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses a cursor the list did not give, naming after or before, and keeps the rest of the answer', async () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    // A stored list's cursor with a number for its key reached Prisma and failed as an internal error.
    const lists: [(cursor: string) => string, string][] = [
      [(cursor) => `areas(parentCode: "665", first: 3, after: "${cursor}") { totalCount }`, 'after'],
      [(cursor) => `actualReports(last: 3, before: "${cursor}") { totalCount }`, 'before'],
    ];
    for (const [list, field] of lists) {
      // (Unpadded, GPC:S:66 is no cursor Pothos reads: refused by it with no field named.)
      for (const cursor of [
        b64('GPC:N:5'),
        b64('GPC:J:{"a":1}'),
        'garbage!!',
        b64('OffsetConnection:3'),
        b64('GPC:S:66').replace(/=+$/, ''),
      ]) {
        const refused = await gql(`{ area(code: "665") { name } r: ${list(cursor)} }`);
        expect(refused.errors?.[0]?.extensions, cursor).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(refused.data, cursor).toEqual({ area: { name: 'Huyện Đắk Song' }, r: null });
      }
    }
    // The cursors the lists give are taken: the next page after each.
    for (const list of ['areas(parentCode: "665"', 'actualReports(']) {
      const open = list.endsWith('(') ? list : `${list}, `;
      const first = await data<{ l: { pageInfo: { endCursor: string }; edges: { cursor: string }[] } }>(
        `{ l: ${open}first: 1) { pageInfo { endCursor } edges { cursor } } }`,
      );
      const next = await gql(
        `{ l: ${open}first: 1, after: "${first.l.pageInfo.endCursor}") { totalCount } }`,
      );
      expect(next.errors, list).toBeUndefined();
    }
    // A computed list's offsets: a negative one paged from the end, a word gave an empty page.
    for (const cursor of [b64('OffsetConnection:-5'), b64('OffsetConnection:abc'), 'xyz', b64('GPC:S:665')]) {
      const refused = await gql(
        `{ area(code: "665") { name } planVsActual(scenarioId: "dak-nong-2021", areaCode: "67", from: "2021-03-18", to: "2021-03-20") {
          ... on PlanVsActual { totalActual byArea(level: COMMUNE, first: 2, after: "${cursor}") { totalCount } } } }`,
      );
      expect(refused.errors?.[0]?.extensions, cursor).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
      expect(refused.data?.area, cursor).toEqual({ name: 'Huyện Đắk Song' });
      expect(refused.data?.planVsActual, cursor).toMatchObject({ byArea: null });
    }
  });

  it('refuses a cursor another stored list gave, naming after or before, and keeps the rest of the answer', async () => {
    const firstCursor = async (list: string) =>
      (await data<{ l: { edges: { cursor: string }[] } }>(`{ l: ${list} { edges { cursor } } }`)).l.edges[0]
        ?.cursor as string;
    // An area's code and a report's id: both lists' cursors are `GPC:S:<key>`, and were taken by the
    // other list, which answered an empty page.
    const areaCursor = await firstCursor('areas(parentCode: "665", first: 1)');
    const reportCursor = await firstCursor('actualReports(first: 1)');
    const crossed = [
      [`actualReports(first: 3, after: "${areaCursor}")`, 'after'],
      [`actualReports(last: 3, before: "${areaCursor}")`, 'before'],
      [`areas(first: 3, after: "${reportCursor}")`, 'after'],
      [`areas(parentCode: "665", last: 3, before: "${reportCursor}")`, 'before'],
    ] as const;
    for (const [list, field] of crossed) {
      // A count alone reads no page, and is refused alike.
      for (const selection of ['edges { cursor }', 'totalCount']) {
        const refused = await gql(`{ area(code: "665") { name } r: ${list} { ${selection} } }`);
        expect(
          refused.errors?.map((error) => error.extensions),
          list,
        ).toEqual([{ code: 'BAD_USER_INPUT', field, reason: 'unknown-reference' }]);
        expect(refused.errors?.[0]?.message, list).toMatch(
          new RegExp(
            `^${field} must be a cursor this list gave .*: this one names no (area|report) .*another list`,
          ),
        );
        expect(refused.data, list).toEqual({ area: { name: 'Huyện Đắk Song' }, r: null });
      }
    }
  });

  it('refuses a cursor naming a report outside the caller’s scope as one naming none (it never tells one exists)', async () => {
    // A report of Nghệ An (40) and a planner of Đắk Song (665): a cursor made of its id must read
    // as one of an id never stored, or a guessed id would tell the report exists (and page from its date).
    const outside = await database.prisma.actualReport.create({
      data: { date: '2021-03-20', areaCode: '40', dossiers: 3, recordedBy: 'limits test' },
    });
    const planner = await tokenFor({ role: 'PLANNER', name: 'cursor planner', areaCode: '665' });
    const cursorOf = (id: string) => Buffer.from(`GPC:S:${id}`).toString('base64');
    const refusal = async (id: string) => {
      const answer = await gql(
        `{ r: actualReports(first: 2, after: "${cursorOf(id)}") { totalCount } }`,
        {},
        { token: planner },
      );
      return { data: answer.data, errors: answer.errors?.map((error) => error.extensions) };
    };
    const never = await refusal('00000000-0000-4000-8000-000000000000');
    expect(never.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'after', reason: 'unknown-reference' }]);
    expect(await refusal(outside.id)).toEqual(never);
    // The file's admin sees it: its cursor is taken.
    const admin = await gql(
      `{ r: actualReports(first: 2, after: "${cursorOf(outside.id)}") { totalCount } }`,
    );
    expect(admin.errors).toBeUndefined();
    await database.prisma.actualReport.delete({ where: { id: outside.id } });
  });

  it('pages forward and back through a stored list with its own cursors, meeting each node once', async () => {
    type Page = {
      l: {
        edges: { node: { key: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
      };
    };
    const pageThrough = async (list: string, node: string, size: number) => {
      const read = async (paging: string) =>
        (
          await data<Page>(
            `{ l: ${list}${paging}) { edges { node { key: ${node} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          )
        ).l;
      const forward: string[] = [];
      let page = await read(`first: ${size}`);
      forward.push(...page.edges.map((edge) => edge.node.key));
      while (page.pageInfo.hasNextPage) {
        page = await read(`first: ${size}, after: "${page.pageInfo.endCursor}"`);
        forward.push(...page.edges.map((edge) => edge.node.key));
      }
      const backward: string[] = [];
      page = await read(`last: ${size}`);
      backward.unshift(...page.edges.map((edge) => edge.node.key));
      while (page.pageInfo.hasPreviousPage) {
        page = await read(`last: ${size}, before: "${page.pageInfo.startCursor}"`);
        backward.unshift(...page.edges.map((edge) => edge.node.key));
      }
      return { forward, backward };
    };
    // Đắk Song has 9 communes (population_district_2021units.csv, n_communes).
    const communes = await pageThrough('areas(parentCode: "665", ', 'code', 4);
    expect(communes.forward).toHaveLength(9);
    expect(communes.backward).toEqual(communes.forward);
    // The demo's few reports, a page each.
    const reports = await pageThrough('actualReports(', 'reportId', 1);
    const stored = await database.prisma.actualReport.count({ where: { voided: false } });
    expect(stored).toBeGreaterThan(2);
    expect(new Set(reports.forward).size).toBe(stored);
    expect(reports.backward).toEqual(reports.forward);
  });

  it('refuses first and last together', async () => {
    const refused = await gql(page('first: 2, last: 2'));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  it(`fits the cost limit with a page of ${MAX_PAGE_SIZE} nodes and every scalar field of the node, on every connection`, async () => {
    type Field = { name: string; args: unknown[]; type: { kind: string; ofType: { kind: string } | null } };
    const leaves = async (type: string) => {
      const { __type } = await data<{ __type: { fields: Field[] } }>(
        `{ __type(name: "${type}") { fields { name args { name } type { kind ofType { kind } } } } }`,
      );
      const leaf = (kind: string | undefined) => kind === 'SCALAR' || kind === 'ENUM';
      return __type.fields
        .filter((field) => field.args.length === 0)
        .filter(
          (field) =>
            leaf(field.type.kind) || (field.type.kind === 'NON_NULL' && leaf(field.type.ofType?.kind)),
        )
        .map((field) => field.name)
        .join(' ');
    };
    for (const [connection, node] of [
      ['areas', 'Area'],
      ['actualReports', 'ActualReport'],
    ] as const) {
      const result = await gql(
        `{ ${connection}(first: ${MAX_PAGE_SIZE}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${await leaves(node)} } } } }`,
      );
      expect(codes(result)).not.toContain('LIMIT_EXCEEDED');
    }
  });
});

describe('automatic persisted queries', () => {
  const query = '{ area(code: "67") { name } }';
  // The Apollo protocol: the SHA-256 of the document, in hex, under extensions.persistedQuery.
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const send = async (body: Record<string, unknown>) => {
    const response = await yoga.fetch('http://muster.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  };
  const extensions = { persistedQuery: { version: 1, sha256Hash } };

  it('answers an unknown hash PERSISTED_QUERY_NOT_FOUND with 200, then runs it by hash once sent', async () => {
    const unknown = await send({ extensions });
    expect(unknown.status).toBe(200);
    expect(codes(unknown.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await send({ query, extensions });
    expect(registered.body).toEqual({ data: { area: { name: 'Tỉnh Đắk Nông' } } });
    const byHash = await send({ extensions });
    expect(byHash).toEqual({ status: 200, body: { data: { area: { name: 'Tỉnh Đắk Nông' } } } });
  });

  it('refuses a document whose hash does not match it', async () => {
    const mismatch = await send({ query: '{ viewer { name } }', extensions });
    expect(codes(mismatch.body)).toEqual(['PERSISTED_QUERY_MISMATCH']);
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
