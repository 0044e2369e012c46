import type { ReportFinding } from '../actuals/review-actual-reports.ts';
import { PlanningInputError } from './planning-input-error.ts';

/**
 * Thrown by `reviewActualReports` when reports hold malformed figures: the `PlanningInputError` of
 * the first (its path, code, expected, received and message), with every one of the batch in
 * `problems`, so that a caller names them all at once, and what the other figures show in
 * `findings`.
 *
 * @example
 * const error = new MalformedReportsError(
 *   [
 *     new PlanningInputError({ path: 'reports[0].dossiers', code: 'range', expected: 'a non-negative integer', received: -1 }),
 *     new PlanningInputError({ path: 'reports[2].hoursOpen', code: 'range', expected: 'a number at least 0 and at most 24', received: 30 }),
 *   ],
 *   [],
 * );
 * [error.message, error.problems.length]
 * // => ['reports[0].dossiers must be a non-negative integer, got -1', 2]
 */
export class MalformedReportsError extends PlanningInputError {
  /** Every malformed figure, in report order and each report's in the order of its fields; the first is this error's own. */
  readonly problems: readonly PlanningInputError[];
  /**
   * What `reviewActualReports` finds in the figures it could read, each malformed one read as not
   * given (a report whose dossiers are malformed is judged for nothing), in list order.
   */
  readonly findings: readonly ReportFinding[];

  constructor(
    problems: readonly [PlanningInputError, ...PlanningInputError[]],
    findings: readonly ReportFinding[],
  ) {
    const [first] = problems;
    super({ path: first.path, code: first.code, expected: first.expected, received: first.receivedValue });
    // The first's own words, whatever it was built from (a refusal nested with `within` keeps its
    // received as shown, not the value).
    Object.assign(this, { received: first.received, message: first.message });
    this.problems = problems;
    this.findings = findings;
  }
}
