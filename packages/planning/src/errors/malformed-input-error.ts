import { PlanningInputError } from './planning-input-error.ts';

/**
 * Thrown when an input holds malformed figures, every one of them read: the `PlanningInputError` of
 * the first (its path, code, expected, received and message), with every one in `problems`, so
 * that a caller names them all at once. A caller that reads one refusal reads it as before.
 *
 * @example
 * const error = new MalformedInputError([
 *   new PlanningInputError({ path: 'hours.close', code: 'format', expected: 'a time of day "HH:mm" from 00:00 to 24:00', received: '25:00' }),
 *   new PlanningInputError({ path: 'machines[0].machines', code: 'range', expected: 'a non-negative integer', received: -2 }),
 * ]);
 * [error.message, error.problems.length]
 * // => ['hours.close must be a time of day "HH:mm" from 00:00 to 24:00, got "25:00"', 2]
 */
export class MalformedInputError extends PlanningInputError {
  /** Every malformed figure, in the order of the input; the first is this error's own. */
  readonly problems: readonly PlanningInputError[];

  constructor(problems: readonly [PlanningInputError, ...PlanningInputError[]]) {
    const [first] = problems;
    super({ path: first.path, code: first.code, expected: first.expected, received: first.receivedValue });
    // The first's own words, whatever it was built from (a refusal nested with `within` keeps its
    // received as shown, not the value).
    Object.assign(this, { received: first.received, message: first.message });
    this.problems = problems;
  }
}
