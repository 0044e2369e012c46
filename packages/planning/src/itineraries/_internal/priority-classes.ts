import type { MobileProblem } from './read-input.ts';

/**
 * The priority class of each stop (1 is served first): the commune's rank, or its place in
 * `priorityClasses` equal slices of the stops ordered by remoteness (`remote-first`: the drive
 * from the nearest fixed site, or home), by the share already served (`low-coverage-first`), or
 * by remoteness × the share not yet served (`remote-low-coverage-first`).
 */
export function priorityClasses(
  problem: MobileProblem,
  stopCommunes: readonly number[],
  remoteness: Float64Array,
): number[] {
  const { priorityRule, priorityClasses: classCount } = problem.options;
  const { communes } = problem;
  if (priorityRule === 'rank') return stopCommunes.map((i) => communes[i]?.priority ?? 1);
  const key = (i: number): number =>
    priorityRule === 'remote-first'
      ? -(remoteness[i] ?? 0)
      : priorityRule === 'low-coverage-first'
        ? (communes[i]?.coverageShare ?? 0)
        : -(remoteness[i] ?? 0) * (1 - (communes[i]?.coverageShare ?? 0));
  const order = stopCommunes.map((communeIndex, s) => ({ s, k: key(communeIndex) }));
  order.sort((a, b) => a.k - b.k || a.s - b.s);
  const classes = Math.min(classCount, Math.max(1, order.length));
  const phases = new Array<number>(stopCommunes.length).fill(1);
  order.forEach((o, rank) => {
    phases[o.s] = 1 + Math.floor((rank * classes) / order.length);
  });
  return phases;
}
