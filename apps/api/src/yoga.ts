import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createInMemoryAPQStore, useAPQ } from '@graphql-yoga/plugin-apq';
import { PlanningInputError } from '@muster/planning';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { useRefusalStatus } from './auth/refusal-status.ts';
import { useAnswerCache } from './cache/answer-cache.ts';
import { useBodyDigest } from './cache/body-digest.ts';
import { type Context, createContext } from './context.ts';
import { useDownloads } from './downloads/use-downloads.ts';
import { ForbiddenError, LimitExceededError, NotFoundError, UnauthenticatedError } from './errors.ts';
import { useCostLimit } from './limits/cost-limit.ts';
import { useLiteralFields } from './limits/literal-fields.ts';
import { useNestingLimits } from './limits/nesting.ts';
import { useNoNulCharacters } from './limits/no-nul-characters.ts';
import { useNoSuggestions } from './limits/no-suggestions.ts';
import { MAX_COST } from './limits/work.ts';
import { MAX_INT } from './planning/campaign-bounds.ts';
import { corsFor, graphiqlFor, useCsrfPrevention, useIntrospectionForSignedIn } from './production.ts';
import { pagingRefusal } from './schema/connection.ts';
import { schema } from './schema/index.ts';

const MAX_MESSAGE_LENGTH = 500;

/** graphql-js quotes the refused value whole; a 100,000-character string need not come back. */
function shorten(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH)}…`;
}

/** Unexpected failures answer with a code and no detail; typed errors are results, not these. */
function maskError(error: unknown): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? null) : null;
  // Input refused where no typed error union is declared: still named, never masked.
  if (error instanceof GraphQLError && original instanceof PlanningInputError) {
    return new GraphQLError(original.message, {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'BAD_USER_INPUT', field: original.path, reason: original.code },
    });
  }
  // Something named by an argument does not exist (or the caller may not see it), where the
  // field has no union for it: `node`, `areas(parentCode:)`, `actualReports(areaCode:)`.
  if (error instanceof GraphQLError && original instanceof NotFoundError) {
    return new GraphQLError(original.message, {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'NOT_FOUND', field: original.path, resource: original.resource, key: original.key },
    });
  }
  // A refusal of who the caller is, where the field has no union for it.
  if (
    error instanceof GraphQLError &&
    (original instanceof ForbiddenError || original instanceof UnauthenticatedError)
  ) {
    return new GraphQLError(original.message, {
      ...(error.path ? { path: error.path } : {}),
      extensions: {
        code: original instanceof ForbiddenError ? 'FORBIDDEN' : 'UNAUTHENTICATED',
        field: original.field,
      },
    });
  }
  // A count past GraphQL's Int (2,147,483,647): a sum of stored figures (reports each within
  // bounds, thousands of them) that the answer cannot carry. Said so, naming the field.
  if (
    error instanceof GraphQLError &&
    error.path &&
    /^Int cannot represent non 32-bit signed integer value/.test(original?.message ?? error.message)
  ) {
    const field = error.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
      .join('');
    return new GraphQLError(
      `${field} is past the largest whole number an answer carries (${MAX_INT.toLocaleString('en')}): the figures it sums are out of bounds`,
      { path: error.path, extensions: { code: 'LIMIT_EXCEEDED', field, limit: MAX_INT } },
    );
  }
  // A computation over the request's cost or time where no typed error union is declared.
  if (error instanceof GraphQLError && original instanceof LimitExceededError) {
    return new GraphQLError(original.message, {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'LIMIT_EXCEEDED', field: original.what, limit: original.limit },
    });
  }
  // Pothos refuses bad pagination arguments and cursors with messages fit for the caller; those
  // of a paging argument name it, as the connections' own refusals do (`first` over 500).
  if (error instanceof GraphQLError && original instanceof PothosValidationError) {
    const paging = pagingRefusal(original.message, error.nodes?.[0]);
    return new GraphQLError(paging?.message ?? original.message, {
      ...(error.path ? { path: error.path } : {}),
      extensions: {
        code: 'BAD_USER_INPUT',
        ...(paging ? { field: paging.field, reason: paging.reason } : {}),
      },
    });
  }
  if (error instanceof GraphQLError && (original === null || original instanceof GraphQLError)) {
    const code = error.extensions.code ?? (original as GraphQLError | null)?.extensions.code;
    // graphql-js itself refused the variables (`Variable "$reports" got invalid value "x" at
    // "reports[0].dossiers"; Int cannot represent …`): the field goes into `extensions.field` too.
    // GraphQL Armor refuses a document over one of DOCUMENT_LIMITS ("Query depth limit of 12
    // exceeded"), as limits/nesting.ts does one nested too deep: the limit goes into `extensions`.
    const limit = /\blimit of (\d+) exceeded\b/i.exec(error.message)?.[1];
    if (limit !== undefined) {
      return new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
        extensions: { code: 'LIMIT_EXCEEDED', limit: Number(limit) },
      });
    }
    // graphql-yoga's CSRF prevention: a request a browser could send cross-site without a preflight.
    if (error.message.startsWith('Required CSRF header')) {
      return new GraphQLError(
        'A request without a bearer token must be JSON or carry the x-graphql-yoga-csrf header (cross-site request forgery prevention).',
        { extensions: { code: 'CSRF_PREVENTED', http: { status: 403 } } },
      );
    }
    const variable = /^Variable "\$(\w+)" /.exec(error.message)?.[1];
    if (code !== undefined && variable === undefined) return error;
    const field = variable && (/ at "([\w.[\]]+)"; /.exec(error.message)?.[1] ?? variable);
    return new GraphQLError(shorten(error.message), {
      ...(error.path ? { path: error.path } : {}),
      extensions: { ...error.extensions, code: code ?? 'BAD_USER_INPUT', ...(field ? { field } : {}) },
    });
  }
  const path = error instanceof GraphQLError ? error.path : undefined;
  return new GraphQLError('Unexpected error.', {
    ...(path ? { path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/**
 * GraphiQL's first tab for a developer who has none stored: what the API is, how to send a token,
 * and a query to start from (GraphiQL's own text named Muster the in-browser tool).
 */
const GRAPHIQL_WELCOME = `# Muster's GraphQL API: areas, scenarios, plans, plan vs actual, re-plans,
# hourly staffing, rosters, teams and the field's reports. Every type, field and
# argument is described with its units in the Docs panel (the book icon, left).
#
# Most fields need a token: open Headers below and write
#   { "Authorization": "Bearer <the token you sign in to Muster with>" }
# Without one, a field answers UNAUTHENTICATED and names itself.
#
# Run with Ctrl-Enter. The areas at the top of the tree need no token:
{
  areas(roots: true) {
    edges { node { code name level } }
  }
}
`;

/**
 * What one document may ask for. Generous for every query the product's clients send (the
 * deepest, a plan with its areas' children, is 8 levels); far below what would tie up a worker.
 */
export const DOCUMENT_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 4000,
  maxCost: MAX_COST,
} as const;

/** A refusal of what the caller sent (a document over a limit, bad variables, bad input): not ours to log as an error. */
function isCallerMistake(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const original = error.originalError ?? null;
  return (
    original === null ||
    original instanceof GraphQLError ||
    original instanceof PlanningInputError ||
    original instanceof LimitExceededError ||
    original instanceof ForbiddenError ||
    original instanceof UnauthenticatedError ||
    original instanceof NotFoundError ||
    original instanceof PothosValidationError
  );
}

/** A GraphQL request to this service's own yoga, in-process (the exports ask their figures so). */
function askOwnSchema(url: URL, init: RequestInit): Promise<Response> {
  return Promise.resolve(yoga.fetch(url, init));
}

export const yoga: YogaServerInstance<Record<string, unknown>, Context> = createYoga({
  schema,
  context: createContext,
  graphqlEndpoint: '/graphql',
  graphiql: graphiqlFor({ title: 'Muster GraphQL', defaultQuery: GRAPHIQL_WELCOME }),
  // GraphiQL's page with its scripts, styles and icon inline (from the installed package), not from a
  // CDN. Imported when a page is first asked for: the package is 9 MB of source, read and parsed at
  // start by every process that builds the service (each API test file among them) for about 0.1 s
  // of CPU, where few of them ever serve the page.
  renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
  cors: corsFor,
  // Spreadsheet uploads (importReports, importAreas, importMachines) are GraphQL multipart requests.
  multipart: true,
  landingPage: false,
  maskedErrors: { maskError },
  // Unexpected failures are logged with their stack; refused requests are the caller's business.
  logging: {
    debug: () => undefined,
    info: (...args: unknown[]) => console.info(...args),
    warn: (...args: unknown[]) => console.warn(...args),
    error: (...args: unknown[]) => {
      if (args.length === 1 && isCallerMistake(args[0])) return;
      console.error(...args);
    },
  },
  plugins: [
    // Templates and exports first: GET requests that are files, not GraphQL.
    useDownloads(
      (request, query, variables): Promise<Response> =>
        askOwnSchema(new URL(yoga.graphqlEndpoint, request.url), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: request.headers.get('authorization') ?? '',
          },
          body: JSON.stringify({ query, variables }),
        }),
    ),
    // Apollo's automatic persisted queries: a hash alone runs a document this instance has seen
    // (kept in memory, 1,000 at most); otherwise PERSISTED_QUERY_NOT_FOUND with HTTP 200, as Apollo
    // Server answers, and the client sends the document with its hash once.
    // A JSON body's digest, taken as it is read (the answer cache's and long variables' keys).
    useBodyDigest(),
    useAPQ({ store: createInMemoryAPQStore({ max: 1000 }), responseConfig: { forceStatusCodeOk: true } }),
    useCsrfPrevention(),
    maxTokensPlugin({ n: DOCUMENT_LIMITS.maxTokens }),
    // After the token limit, whose parser it wraps.
    useNestingLimits({ maxTokens: DOCUMENT_LIMITS.maxTokens }),
    maxDepthPlugin({ n: DOCUMENT_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesPlugin({ n: DOCUMENT_LIMITS.maxAliases }),
    maxDirectivesPlugin({ n: DOCUMENT_LIMITS.maxDirectives }),
    useNoNulCharacters(),
    useIntrospectionForSignedIn(),
    useCostLimit(),
    useRefusalStatus(),
    useAnswerCache(),
    useLiteralFields(),
    useNoSuggestions(),
  ],
});
