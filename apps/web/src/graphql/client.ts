// One urql client per signed-in token, with graphcache as its normalised cache. Stored things are
// keyed by their own keys, which the views select anyway (areas and teams by code, scenarios by
// `scenarioId`, reports by `reportId`); their global `id` (the API's Node interface) is left to
// clients that fetch by `node(id:)`. Every other object, a plan's rows included, is data of its
// parent, so the cache stores it where it was asked for. A stored area file changes the tree and
// every figure planned from it, a scenario's machines its plans, reports what is compared with them:
// what was cached of them is dropped, and the views showing them read them again. An answer refusing
// the token it was sent with (revoked, expired, renewed) is told to the session, which no longer
// names its holder.
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

/** The root fields computed from a stored scenario and its reports: plan vs actual, a re-plan. */
const COUNTING_REPORTS = ['planVsActual', 'replan'];

/**
 * The root fields computed from a stored scenario over the area tree: its plan (with what hangs under
 * it: staffing, rosters, mobile teams), a solve, and those counting the reports too. A what-if answers
 * from its inline input alone.
 */
const PLANNED = ['plan', 'solve', ...COUNTING_REPORTS];

/** What each kind of stored change makes stale: the root fields answered from what it changed. */
const ANSWERED_FROM = {
  /** The area tree: its areas, and everything planned or compared over their population. */
  areas: new Set(['area', 'areas', 'node', 'nodes', ...PLANNED]),
  /** A scenario's own figures (its machines): what is planned from it. */
  scenario: new Set(PLANNED),
  /** The reports: their lists, and what compares them with a plan or plans the rest from them. */
  reports: new Set(['actualReports', ...COUNTING_REPORTS]),
};

/**
 * Forgets the cached answers of the root fields `fields` (only those asked about `scenarioId`, when
 * given): whoever shows one asks again.
 */
function forgetAnswers(cache: Cache, fields: ReadonlySet<string>, scenarioId?: string): void {
  for (const field of cache.inspectFields('Query')) {
    if (!fields.has(field.fieldName)) continue;
    if (scenarioId !== undefined && field.arguments?.scenarioId !== scenarioId) continue;
    cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

/**
 * Whether a mutation's answer is the stored one (`typename`): a refusal stores nothing, and what is
 * cached stays true.
 */
function stored(answer: unknown, typename: string): boolean {
  return (answer as { __typename?: string } | null)?.__typename === typename;
}

/** The reports changed (recorded, imported, voided, moved to another day). */
function forgetReports(cache: Cache): void {
  forgetAnswers(cache, ANSWERED_FROM.reports);
}

const updates: UpdatesConfig = {
  Mutation: {
    importAreas(result, _args, cache) {
      if (!stored(result.importAreas, 'ImportAreasPayload')) return;
      cache.invalidate('Area');
      forgetAnswers(cache, ANSWERED_FROM.areas);
    },
    importMachines(result, args, cache) {
      if (!stored(result.importMachines, 'ImportMachinesPayload')) return;
      const scenarioId = args.scenarioId as string;
      // Its machines replaced whole, and the change noted; its other fields stay as they were.
      for (const field of ['machines', 'updatedAt', 'updatedBy']) {
        cache.invalidate({ __typename: 'Scenario', scenarioId }, field);
      }
      forgetAnswers(cache, ANSWERED_FROM.scenario, scenarioId);
    },
    importReports(result, _args, cache) {
      if (stored(result.importReports, 'ImportReportsPayload')) forgetReports(cache);
    },
    recordActuals(result, _args, cache) {
      if (stored(result.recordActuals, 'RecordActualsPayload')) forgetReports(cache);
    },
    voidActualReport(result, _args, cache) {
      if (stored(result.voidActualReport, 'ActualReport')) forgetReports(cache);
    },
    correctActualReportDate(result, _args, cache) {
      if (stored(result.correctActualReportDate, 'ActualReport')) forgetReports(cache);
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
