import type { ReportFinding } from '../actuals/types.ts';
import { MalformedInputError } from './malformed-input-error.ts';
import type { PlanningInputError } from './planning-input-error.ts';

/**
 * Thrown by `reviewActualReports` when reports hold malformed figures: the batch's
 * {@link MalformedInputError} (reading as the first, every one in `problems`: in report order, each
 * report's in the order of its fields), with what the other figures show in `findings`.
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
export class MalformedReportsError extends MalformedInputError {
  /**
   * What `reviewActualReports` finds in the figures it could read, each malformed one read as not
   * given (a report whose dossiers are malformed is judged for nothing), in list order.
   */
  readonly findings: readonly ReportFinding[];

  constructor(
    problems: readonly [PlanningInputError, ...PlanningInputError[]],
    findings: readonly ReportFinding[],
  ) {
    super(problems);
    this.findings = findings;
  }
}
