import { MalformedInputError } from '../errors/malformed-input-error.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';

// Readers that name every malformed figure of an input, not only the first: each refusal goes
// into a list and the figure is read as not given; the list is thrown as one MalformedInputError
// once every figure is read.

/**
 * A refusal into `problems` (every one of a reader's {@link MalformedInputError}), the figure read as
 * not given; any other error thrown on.
 */
export function setAside(error: unknown, problems: PlanningInputError[]): undefined {
  if (error instanceof MalformedInputError) problems.push(...error.problems);
  else if (error instanceof PlanningInputError) problems.push(error);
  else throw error;
  return undefined;
}

/** What `read` returns, or undefined with its refusals put into `problems`. */
export function attempt<T>(read: () => T, problems: PlanningInputError[]): T | undefined {
  try {
    return read();
  } catch (error) {
    return setAside(error, problems);
  }
}

/**
 * Throws `problems` as one {@link MalformedInputError} when it holds any: after it, every figure
 * was read (a figure not read put its refusal in).
 */
export function throwProblems(problems: readonly PlanningInputError[]): void {
  const [first, ...others] = problems;
  if (first !== undefined) throw new MalformedInputError([first, ...others]);
}

/**
 * The parts of an input, every one read, or `problems` thrown as one {@link MalformedInputError}:
 * a part that a reader refused is undefined and put its refusals into `problems`.
 */
export function allRead<T extends Record<string, unknown>>(
  parts: T,
  problems: readonly PlanningInputError[],
): { [K in keyof T]: Exclude<T[K], undefined> } {
  throwProblems(problems);
  return parts as { [K in keyof T]: Exclude<T[K], undefined> };
}
