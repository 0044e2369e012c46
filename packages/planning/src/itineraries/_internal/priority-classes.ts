import type { MobileProblem } from './read-input.ts';
import { travelHours } from './travel.ts';

/**
 * The priority class of each stop (1 is served first): the commune's rank, or, for
 * `remote-first` and `low-coverage-first`, its place in `priorityClasses` equal slices of the
 * stops ordered by distance from home or by the share already served.
 */
export function priorityClasses(problem: MobileProblem, stopCommunes: readonly number[]): number[] {
  const { priorityRule, priorityClasses: classCount } = problem.options;
  const { communes } = problem;
  if (priorityRule === 'rank') return stopCommunes.map((i) => communes[i]?.priority ?? 1);
  const key = (i: number): number =>
    priorityRule === 'remote-first'
      ? -travelHours(problem.travel.table, 0, i + 1)
      : (communes[i]?.coverageShare ?? 0);
  const order = stopCommunes.map((communeIndex, s) => ({ s, k: key(communeIndex) }));
  order.sort((a, b) => a.k - b.k || a.s - b.s);
  const classes = Math.min(classCount, Math.max(1, order.length));
  const phases = new Array<number>(stopCommunes.length).fill(1);
  order.forEach((o, rank) => {
    phases[o.s] = 1 + Math.floor((rank * classes) / order.length);
  });
  return phases;
}
