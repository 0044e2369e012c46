// An export asks the service's own GraphQL schema for its figures, with the caller's token: the
// same scopes, prices, time budgets, caches and worker threads as the queries it mirrors, so an
// export can never show what the caller's query would not.
import type { SheetLanguage } from '../../spreadsheets/index.ts';
import { type ExportLimit, refuse, refuseOverLimit } from './responses.ts';

/** Runs a document against the schema as the caller of `request`. */
export type RunGraphQL = (
  request: Request,
  query: string,
  variables: Record<string, unknown>,
) => Promise<Response>;

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    // `limit` of a LIMIT_EXCEEDED: 'time' or 'cost' for a computation's, a number for a document's.
    extensions?: { code?: string; field?: string; limit?: unknown };
  }[];
};

/** A field's refusal: a member of its result union whose type ends in Error. */
type Refused = { __typename: string; message: string; field?: string; limit?: ExportLimit };

/** HTTP status of a refusal answered as a member of a field's result union. */
const STATUS_OF_TYPE: Record<string, [number, string]> = {
  UnauthenticatedError: [401, 'UNAUTHENTICATED'],
  ForbiddenError: [403, 'FORBIDDEN'],
  NotFoundError: [404, 'NOT_FOUND'],
  InputError: [400, 'BAD_USER_INPUT'],
  InfeasibleError: [422, 'INFEASIBLE'],
};

const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  RATE_LIMITED: 429,
};

/** Why an export stops: the response to send instead of a file. */
export class ExportRefused extends Error {
  readonly response: Response;

  constructor(response: Response) {
    super('export refused');
    this.response = response;
  }
}

/** A refused field somewhere in `value` (a union member whose type ends in Error), if any. */
function refusalIn(value: unknown): Refused | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = refusalIn(item);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.__typename === 'string' && record.__typename.endsWith('Error')) {
    return record as Refused;
  }
  for (const inner of Object.values(record)) {
    const found = refusalIn(inner);
    if (found) return found;
  }
  return null;
}

/**
 * The data of a document run as the caller, or throws {@link ExportRefused} with the response
 * its refusal calls for (401 without a token, 403 outside the caller's area, 404 for a scenario
 * it does not see, 400 for a bad argument, 422 over the request's cost or time naming which, 429
 * over a rate limit), worded in `language`. The documents ask `limit` of a LimitExceededError.
 */
export async function askGraphQL<T>(
  run: RunGraphQL,
  request: Request,
  query: string,
  variables: Record<string, unknown>,
  language: SheetLanguage,
): Promise<T> {
  const response = await run(request, query, variables);
  const answer = (await response.json()) as Answer;
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'LIMIT_EXCEEDED') {
      // Only a computation stopped by the request's time says 'time'; the cost estimate, a document
      // limit or a sum past the largest Int are refused again however often they are asked.
      const limit = error.extensions?.limit === 'time' ? 'TIME' : 'COST';
      throw new ExportRefused(refuseOverLimit(language, limit, error.message, error.extensions?.field));
    }
    const status = response.status !== 200 ? response.status : (STATUS_OF_CODE[code] ?? 500);
    const retryAfter = response.headers.get('retry-after');
    throw new ExportRefused(
      refuse(
        language,
        status,
        code,
        error.message,
        error.extensions?.field,
        retryAfter ? { 'retry-after': retryAfter } : {},
      ),
    );
  }
  const refused = refusalIn(answer.data);
  if (refused) {
    if (refused.__typename === 'LimitExceededError') {
      throw new ExportRefused(refuseOverLimit(language, refused.limit ?? 'COST', refused.message));
    }
    const [status, code] = STATUS_OF_TYPE[refused.__typename] ?? [500, 'INTERNAL_SERVER_ERROR'];
    throw new ExportRefused(refuse(language, status, code, refused.message, refused.field));
  }
  return answer.data as T;
}
