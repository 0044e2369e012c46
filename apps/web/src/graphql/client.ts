// One urql client per signed-in token, with graphcache as its normalised cache. Stored things are
// keyed by their own keys, which the views select anyway (areas and teams by code, scenarios by
// `scenarioId`, reports by `reportId`); their global `id` (the API's Node interface) is left to
// clients that fetch by `node(id:)`. Every other object, a plan's rows included, is data of its
// parent, so the cache stores it where it was asked for. A stored area file changes the tree and
// every figure planned from it: what was cached of them is dropped, and the views showing them read
// them again. An answer refusing the token it was sent with (revoked, expired, renewed) is told to
// the session, which no longer names its holder.
import { type Cache, cacheExchange, type KeyingConfig, type UpdatesConfig } from '@urql/exchange-graphcache';
import { Client, fetchExchange, mapExchange } from 'urql';
import schema from '../gql/introspection.ts';
import { problemOf } from './problem.ts';

const OWN_KEY: Record<string, string> = {
  Area: 'code',
  Team: 'code',
  Scenario: 'scenarioId',
  ActualReport: 'reportId',
};

function keysOf(): KeyingConfig {
  const keys: KeyingConfig = {};
  for (const type of schema.__schema.types) {
    if (type.kind !== 'OBJECT' || type.name.startsWith('__')) continue;
    if (type.name === 'Query' || type.name === 'Mutation' || type.name === 'Subscription') continue;
    const own = OWN_KEY[type.name];
    keys[type.name] = own ? (data) => (data[own] as string | undefined) ?? null : () => null;
  }
  return keys;
}

/**
 * The root fields answered from the area tree: its areas, and what is planned or compared over their
 * population (a plan, plan vs actual, a re-plan). Scenarios, reports, teams and tokens are stored
 * apart from it, and a what-if answers from its inline input alone.
 */
const FROM_AREAS = new Set(['area', 'areas', 'node', 'nodes', 'plan', 'planVsActual', 'replan', 'solve']);

/** Forgets every area cached and every answer computed from them: whoever shows one asks again. */
function forgetAreas(cache: Cache): void {
  cache.invalidate('Area');
  for (const field of cache.inspectFields('Query')) {
    if (FROM_AREAS.has(field.fieldName)) cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

const updates: UpdatesConfig = {
  Mutation: {
    importAreas(result, _args, cache) {
      // A refused file stores nothing: what is cached stays true.
      const answer = result.importAreas as { __typename?: string } | null;
      if (answer?.__typename === 'ImportAreasPayload') forgetAreas(cache);
    },
  },
};

/**
 * The client of `token`; `onTokenRefused` is called when an answer refuses the token (HTTP 401,
 * UNAUTHENTICATED): the API refuses a token that is no longer live on every request.
 */
export function createApiClient(token: string | null, onTokenRefused?: () => void): Client {
  const refusals = mapExchange({
    onError(error) {
      if (token !== null && problemOf(error) === 'unauthenticated') onTokenRefused?.();
    },
  });
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST with a JSON body: passes CSRF prevention, which refuses simple GET requests.
    preferGetMethod: false,
    exchanges: [cacheExchange({ schema, keys: keysOf(), updates }), refusals, fetchExchange],
    fetchOptions: (): RequestInit => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
}
