/**
 * Thrown by the functions that must return a number (such as `solveFor`) when the ask has no
 * answer: no number of machines meets a deadline that has already passed. Functions that can
 * return a result say "infeasible" in their result instead of throwing.
 *
 * @example
 * new PlanningInfeasibleError('no-open-days', 'the calendar has no open day between start and deadline').message
 * // => 'infeasible (no-open-days): the calendar has no open day between start and deadline'
 */
export class PlanningInfeasibleError extends Error {
  override readonly name = 'PlanningInfeasibleError';
  readonly reason: string;
  readonly detail: string;

  constructor(reason: string, detail: string) {
    super(`infeasible (${reason}): ${detail}`);
    this.reason = reason;
    this.detail = detail;
  }
}
