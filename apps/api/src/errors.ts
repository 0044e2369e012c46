// Domain errors the schema answers as typed GraphQL errors. Bad input uses the planning
// library's PlanningInputError (path, code, expected, received) everywhere, so one error type
// names the field and the reason whether the library or the service found the problem. The
// arguments have the shapes of the library's inputs, so a library path is the argument's path
// as it is (see docs/architecture.md).

import { MalformedInputError, PlanningInputError } from '@muster/planning';

export { MalformedInputError, PlanningInfeasibleError, PlanningInputError } from '@muster/planning';

/** Characters of a refused value shown back: enough to recognise it, never a whole huge string. */
const MAX_RECEIVED_LENGTH = 200;

/**
 * A refused value as the caller sent it: a string as it is (not quoted), anything else in JSON;
 * null when nothing was sent. Cut at 200 characters.
 */
export function receivedAsSent(value: unknown): string | null {
  if (value === undefined) return null;
  let shown: string;
  try {
    shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    shown = String(value);
  }
  return shown.length > MAX_RECEIVED_LENGTH ? `${shown.slice(0, MAX_RECEIVED_LENGTH)}…` : shown;
}

/** A thing asked for by id or code does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly resource: string;
  readonly key: string;
  /** The argument that named it, e.g. `scenarioId`. */
  readonly path: string;

  /** `where` narrows the place looked in, e.g. `in this plan`. */
  constructor(resource: string, key: string, path: string, where?: string) {
    super(`${path}: no ${resource} ${JSON.stringify(key)}${where ? ` ${where}` : ''}`);
    this.resource = resource;
    this.key = key;
    this.path = path;
  }
}

/** Which limit a request ran into: its cost estimate, or the time its computations may take. */
export type LimitKind = 'cost' | 'time';

/**
 * A request asked for more work than one request may cause: refused before the computation runs
 * (its estimated cost) or stopped when its time budget was spent. `what` names the field or the
 * computation.
 */
export class LimitExceededError extends Error {
  override readonly name = 'LimitExceededError';
  readonly limit: LimitKind;
  readonly what: string;

  constructor(limit: LimitKind, what: string, message: string) {
    super(message);
    this.limit = limit;
    this.what = what;
  }
}

/** A refusal of who the caller is, not of what it sent: `field` names the part it may not touch. */
abstract class AccessRefusal extends Error {
  readonly field: string;

  constructor(message: string, field: string) {
    super(message);
    this.field = field;
  }
}

/**
 * The caller's token does not let it use a field (`Query.plan`, `reports[2].teamCode`). A file's
 * rows the caller may not send are cells of its `SpreadsheetError` instead (code `forbidden`).
 */
export class ForbiddenError extends AccessRefusal {
  override readonly name = 'ForbiddenError';
}

/**
 * An entry of a list that repeats an earlier one (the same report twice in a batch): the
 * `PlanningInputError` of code `duplicate`, with the earlier entry's index, so that a file's refusal
 * names the row it is first on.
 */
export class DuplicateEntryError extends PlanningInputError {
  /** The index in the list of the entry it repeats. */
  readonly firstIndex: number;

  constructor(options: { path: string; expected: string; received: unknown; firstIndex: number }) {
    super({ path: options.path, code: 'duplicate', expected: options.expected, received: options.received });
    this.firstIndex = options.firstIndex;
  }
}

/** How many refusals the message of an {@link InputErrors} quotes before "and N more". */
const QUOTED_PROBLEMS = 3;

/**
 * Most refusals one answer lists in `problems`: a 20,000-area what-if bad in every figure would
 * otherwise carry some 260,000, each built on the main thread and sent back whole.
 */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * Several arguments refused at once (two bad figures of one report, bad reports of one batch): the
 * library's {@link MalformedInputError} (the `PlanningInputError` of the first, so that a client
 * reading one refusal reads it as before, with the first {@link MAX_LISTED_PROBLEMS} refusals in
 * `problems` and how many there are in `count`), whose message quotes the first few, as a caller
 * shown only the message is told of the others.
 *
 * @example
 * new InputErrors([dossiersRefused, hoursOpenRefused]).message
 * // => '2 problems: reports[0].dossiers must be a non-negative integer, got -1; reports[0].hoursOpen must be a number at least 0 and at most 24, got 30'
 */
export class InputErrors extends MalformedInputError {
  /** Every refusal counted, `problems` listing the first of them (more when some were not sent on). */
  readonly count: number;

  /** `count`: how many there were when `problems` are the first of more (a worker sends the first). */
  constructor(problems: readonly [PlanningInputError, ...PlanningInputError[]], count = problems.length) {
    const [first, ...others] = problems;
    super([first, ...others.slice(0, MAX_LISTED_PROBLEMS - 1)]);
    this.count = Math.max(count, problems.length);
    const quoted = problems.slice(0, QUOTED_PROBLEMS).map((problem) => problem.message);
    const more = this.count - quoted.length;
    this.message = `${this.count.toLocaleString('en')} problems: ${quoted.join('; ')}${more > 0 ? `; and ${more.toLocaleString('en')} more` : ''}`;
  }
}

/**
 * Every refusal an error makes of an input (a {@link MalformedInputError}'s `problems`, or the one
 * `PlanningInputError`), with how many there are in all; null for an error that refuses no input.
 */
export function refusalsOf(error: unknown): { problems: PlanningInputError[]; count: number } | null {
  if (error instanceof MalformedInputError) {
    const count = error instanceof InputErrors ? error.count : error.problems.length;
    return { problems: [...error.problems], count };
  }
  if (error instanceof PlanningInputError) return { problems: [error], count: 1 };
  return null;
}

/** A problem as a refusal of the input: an unknown area is one more bad value among the others. */
export function asInputError(problem: PlanningInputError | NotFoundError): PlanningInputError {
  if (problem instanceof PlanningInputError) return problem;
  return new PlanningInputError({
    path: problem.path,
    code: 'unknown-reference',
    expected: `the code of a known ${problem.resource}`,
    received: problem.key,
  });
}

/**
 * Refuses an input for every problem found in it, in the order given: one problem alone, as its
 * check found it (`PlanningInputError`, `NotFoundError`), or several in one {@link InputErrors},
 * an unknown reference among them as one more bad value; returns when there is none. `count`: how
 * many there were in all when `problems` are the first of more (a worker sends the first). (The
 * library's `throwProblems` throws its `MalformedInputError` even for one, and knows no
 * `NotFoundError`.)
 *
 * @example
 * throwInputErrors([nameRefused, new NotFoundError('area', 'nowhere', 'input.areaCode')])
 * // throws InputErrors: 2 problems: input.name must be …; input.areaCode must be the code of a known area, got "nowhere"
 */
export function throwInputErrors(
  problems: readonly (PlanningInputError | NotFoundError)[],
  count = problems.length,
): void {
  const [first, ...others] = problems;
  if (first === undefined) return;
  if (others.length === 0 && count <= 1) throw first;
  throw new InputErrors([asInputError(first), ...others.map(asInputError)], count);
}

/** A field needs a bearer token and the request sent none. */
export class UnauthenticatedError extends AccessRefusal {
  override readonly name = 'UnauthenticatedError';
}

/**
 * The PostgreSQL SQLSTATE of a failed statement, where Prisma 6.19 with its driver adapters puts it:
 * `meta.driverAdapterError.cause.originalCode` for a model or raw query, `cause.originalCode` for an
 * unwrapped `DriverAdapterError`; null when there is none.
 */
export function sqlStateOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { meta, cause } = error as {
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
    cause?: { originalCode?: unknown; code?: unknown };
  };
  const sqlState = meta?.driverAdapterError?.cause?.originalCode ?? cause?.originalCode ?? cause?.code;
  return typeof sqlState === 'string' ? sqlState : null;
}

/** True when a write failed on a unique key another write took first (Prisma `P2002`, SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002')
    return true;
  return sqlStateOf(error) === '23505';
}
