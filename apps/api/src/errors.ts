// Domain errors the schema answers as typed GraphQL errors. Bad input uses the planning
// library's PlanningInputError (path, code, expected, received) everywhere, so one error type
// names the field and the reason whether the library or the service found the problem.
import { PlanningInputError } from '@muster/planning';
import { GraphQLError } from 'graphql';

export { PlanningInfeasibleError, PlanningInputError } from '@muster/planning';

/** A thing asked for by id or code does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly resource: string;
  readonly key: string;
  /** The argument that named it, e.g. `scenarioId`. */
  readonly path: string;

  constructor(resource: string, key: string, path: string) {
    super(`${path}: no ${resource} ${JSON.stringify(key)}`);
    this.resource = resource;
    this.key = key;
    this.path = path;
  }
}

/**
 * The same refusal named by another path (a GraphQL argument), optionally with another reason.
 * `received` is kept as it is: it was already rendered for display.
 */
export function atPath(
  error: PlanningInputError,
  path: string,
  expected = error.expected,
): PlanningInputError {
  const moved = new PlanningInputError({ path, code: error.code, expected, received: undefined });
  return Object.assign(moved, {
    received: error.received,
    message: `${path} must be ${expected}, got ${error.received}`,
  });
}

/** The same refusal with its path under a GraphQL argument: `areas[3].population` → `input.areas[3].population`. */
export function underArgument(error: PlanningInputError, argument: string): PlanningInputError {
  return atPath(error, `${argument}.${error.path}`);
}

/** Runs `compute`, moving the path of any input refusal under `argument`. */
export function withArgumentPath<T>(argument: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof PlanningInputError) throw underArgument(error, argument);
    throw error;
  }
}

/** A refusal of who the caller is, not of what it sent: `field` names the part it may not touch. */
export function forbidden(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', field, http: { status: 403 } } });
}
