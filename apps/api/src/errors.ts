// Domain errors the schema answers as typed GraphQL errors. Bad input uses the planning
// library's PlanningInputError (path, code, expected, received) everywhere, so one error type
// names the field and the reason whether the library or the service found the problem. The
// arguments have the shapes of the library's inputs, so a library path is the argument's path
// as it is (see docs/architecture.md).
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

/** A refusal of who the caller is, not of what it sent: `field` names the part it may not touch. */
export function forbidden(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', field, http: { status: 403 } } });
}
