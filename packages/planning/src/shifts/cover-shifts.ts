import { requireArray, requireBoolean, requireNumber, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { MinCostFlow } from './_internal/min-cost-flow.ts';

/** A candidate shift: it starts at period `start` and covers `length` periods (wrapping when cyclic). */
export type ShiftTemplate = { start: number; length: number; name?: string };

/** What {@link coverShifts} reads. */
export type CoverShiftsInput = {
  /** Staff (or crews) needed in each period: non-negative integers. */
  requirement: number[];
  /** The periods wrap: the last is followed by the first (a round-the-clock day or week). Default `false`. */
  cyclic?: boolean;
  shifts: ShiftTemplate[];
};

/** Options of {@link coverShifts}. */
export type CoverShiftsOptions = {
  /**
   * Cyclic inputs are solved by branch and bound; past this many subproblems the best cover found
   * so far is returned with `optimal: false`. Default 20 000 (never reached in our tests).
   */
  maxSubproblems?: number;
};

/** How many staff start each shift, what that covers, and whether it is proved optimal. */
export type ShiftCover = {
  /** Staff starting each shift, in the order of `shifts`. */
  counts: number[];
  /** Staff on duty in each period. Never below the requirement. */
  coverage: number[];
  /** Σ counts × length: paid staff-periods, the first thing minimised. */
  totalPeriods: number;
  /** Σ counts: people, the second thing minimised. */
  headcount: number;
  /** True only when the cover was proved optimal (see {@link coverShifts}). */
  optimal: boolean;
};

const DEFAULT_MAX_SUBPROBLEMS = 20_000;
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

type Problem = {
  periods: number;
  requirement: number[];
  shifts: { start: number; length: number; wraps: boolean }[];
  /** Weight of a paid period against one half-person: larger than any headcount term. */
  periodWeight: number;
};

type Relaxed = { cost: number; tail: number[]; head: number[]; plain: number[]; certified: boolean };

function readInput(input: unknown): Problem {
  const record = requireRecord(input, 'input');
  const requirement = requireArray(record.requirement, 'requirement').map((value, t) =>
    requireNumber(value, `requirement[${t}]`, { min: 0, integer: true }),
  );
  if (requirement.length === 0) {
    throw new PlanningInputError({
      path: 'requirement',
      code: 'range',
      expected: 'at least one period',
      received: [],
    });
  }
  const periods = requirement.length;
  const cyclic = record.cyclic === undefined ? false : requireBoolean(record.cyclic, 'cyclic');
  const shifts = requireArray(record.shifts, 'shifts').map((raw, k) => {
    const shift = requireRecord(raw, `shifts[${k}]`);
    const start = requireNumber(shift.start, `shifts[${k}].start`, {
      min: 0,
      max: periods - 1,
      integer: true,
    });
    const maxLength = cyclic ? periods : periods - start;
    const length = requireNumber(shift.length, `shifts[${k}].length`, {
      min: 1,
      max: maxLength,
      integer: true,
    });
    if (shift.name !== undefined && typeof shift.name !== 'string') {
      throw new PlanningInputError({
        path: `shifts[${k}].name`,
        code: 'type',
        expected: 'a string',
        received: shift.name,
      });
    }
    return { start, length, wraps: start + length > periods };
  });
  const covered = new Uint8Array(periods);
  for (const s of shifts) for (let d = 0; d < s.length; d++) covered[(s.start + d) % periods] = 1;
  let total = 0;
  let longest = 0;
  for (const s of shifts) longest = Math.max(longest, s.length);
  for (let t = 0; t < periods; t++) {
    const need = requirement[t] ?? 0;
    if (need > 0 && covered[t] === 0) {
      throw new PlanningInputError({
        path: `requirement[${t}]`,
        code: 'conflict',
        expected: `a period that some shift covers (no shift covers period ${t})`,
        received: need,
      });
    }
    total += need;
  }
  // Any optimum pays at most (Σ requirement) × longest periods and has fewer people than paid
  // periods, so this weight makes "periods first, then people" one exact integer objective.
  const periodsBound = total * longest;
  const periodWeight = 2 * periodsBound + 1;
  if ((periodsBound + 1) * periodWeight * 2 >= Number.MAX_SAFE_INTEGER) {
    throw new PlanningInputError({
      path: 'requirement',
      code: 'range',
      expected: 'requirements whose sum times the longest shift is below 30 000 000',
      received: `${total} × ${longest}`,
    });
  }
  return rotate({ periods, requirement, shifts, periodWeight }, cyclic);
}

/**
 * Cyclic periods can be cut anywhere. Cutting where the requirement is lowest (the small hours)
 * leaves the fewest staff on wrapping shifts, so the relaxation below is nearly exact and the
 * search tiny. Counts keep the shifts' order, so nothing has to be mapped back.
 */
function rotate(p: Problem, cyclic: boolean): Problem {
  if (!cyclic) return p;
  const n = p.periods;
  let cut = 0;
  let bestKey = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let b = 0; b < n; b++) {
    const across = p.shifts.filter(
      (s) => s.length < n && (b - s.start + n) % n !== 0 && (b - s.start + n) % n < s.length,
    ).length;
    const key = [(p.requirement[(b - 1 + n) % n] ?? 0) + (p.requirement[b] ?? 0), across];
    if ((key[0] ?? 0) < (bestKey[0] ?? 0) || (key[0] === bestKey[0] && (key[1] ?? 0) < (bestKey[1] ?? 0))) {
      bestKey = key;
      cut = b;
    }
  }
  if (cut === 0) return p;
  const requirement = p.requirement.map((_, t) => p.requirement[(t + cut) % n] ?? 0);
  const shifts = p.shifts.map((s) => {
    const start = (s.start - cut + n) % n;
    return { start, length: s.length, wraps: start + s.length > n };
  });
  return { ...p, requirement, shifts };
}

/**
 * The interval network: node t is the boundary before period t; a shift is an arc start → end,
 * surplus in period t an arc t+1 → t, and node t supplies requirement[t] − requirement[t−1].
 * A wrapping shift is cut into its tail (start → periods) and head (0 → end): the pair
 * constraint tail = head is what branch and bound restores, through `low`/`high` bounds.
 */
function relax(p: Problem, low: number[], high: number[]): Relaxed | null {
  const n = p.periods;
  const flow = new MinCostFlow(n + 1);
  for (let t = 0; t < n; t++) flow.addArc(t + 1, t, UNBOUNDED, 0);
  let previous = 0;
  for (let t = 0; t < n; t++) {
    const need = p.requirement[t] ?? 0;
    flow.addSupply(t, need - previous);
    previous = need;
  }
  flow.addSupply(n, -previous);
  let fixed = 0;
  const arcs: { a: number; b: number }[] = [];
  const bounded = (from: number, to: number, length: number, people: number, lo: number, hi: number) => {
    const cost = length * p.periodWeight + people;
    if (lo > 0) {
      flow.addSupply(from, -lo);
      flow.addSupply(to, lo);
      fixed += lo * cost;
    }
    return flow.addArc(from, to, hi === UNBOUNDED ? UNBOUNDED : hi - lo, cost);
  };
  p.shifts.forEach((s, k) => {
    const lo = low[k] ?? 0;
    const hi = high[k] ?? UNBOUNDED;
    if (!s.wraps) {
      arcs.push({ a: bounded(s.start, s.start + s.length, s.length, 2, lo, hi), b: -1 });
    } else {
      const end = s.start + s.length - n;
      arcs.push({ a: bounded(s.start, n, n - s.start, 1, lo, hi), b: bounded(0, end, end, 1, lo, hi) });
    }
  });
  const result = flow.solve();
  if (!result.feasible) return null;
  const tail: number[] = [];
  const head: number[] = [];
  const plain: number[] = [];
  p.shifts.forEach((s, k) => {
    const arc = arcs[k] ?? { a: 0, b: -1 };
    const lo = low[k] ?? 0;
    if (!s.wraps) {
      plain[k] = flow.flowOf(arc.a) + lo;
    } else {
      tail[k] = flow.flowOf(arc.a) + lo;
      head[k] = flow.flowOf(arc.b) + lo;
    }
  });
  return { cost: result.cost + fixed, tail, head, plain, certified: result.certified };
}

/** A real cover from a relaxed one: each wrapping shift takes the larger of its two halves. */
function roundUp(p: Problem, r: Relaxed): number[] {
  return p.shifts.map((s, k) => (s.wraps ? Math.max(r.tail[k] ?? 0, r.head[k] ?? 0) : (r.plain[k] ?? 0)));
}

function costOf(p: Problem, counts: number[]): number {
  let cost = 0;
  p.shifts.forEach((s, k) => {
    cost += (counts[k] ?? 0) * (s.length * p.periodWeight + 2);
  });
  return cost;
}

/**
 * Fewest paid staff-periods that cover an hourly (or 15-minute, or any) requirement from
 * candidate shifts, and among those the fewest people: DESIGN.md §3.5.
 *
 * How optimality is proved. Without wrapping shifts the covering matrix has consecutive ones in
 * each column, so it is totally unimodular; differencing consecutive rows turns it into a
 * min-cost flow on the "interval network" (boundaries as nodes, shifts as forward arcs, surplus
 * as backward arcs), whose integral optimum is the covering optimum. The flow is solved by a
 * primal-dual method and certified by checking reduced costs (complementary slackness) before
 * `optimal` is set. Both objectives are one exact integer cost (periods × W + people, W larger
 * than any headcount).
 *
 * Shifts that wrap (cyclic periods) break total unimodularity — fixing how many shifts cross
 * the wrap, or how many start in all, still leaves fractional LP vertices when shift lengths
 * differ. So each wrapping shift is cut into a tail and a head that the flow may choose
 * separately (a relaxation: any real cover is a relaxed one of the same cost), and branch and
 * bound on `tail ≤ m` / `head ≥ m + 1` restores tail = head. Every subproblem is again a flow;
 * the search is exhaustive, so the result is optimal unless `maxSubproblems` runs out, in which
 * case the best cover found is returned with `optimal: false`.
 *
 * @example
 * coverShifts({ requirement: [1, 2, 2, 1], shifts: [{ start: 0, length: 2 }, { start: 1, length: 2 }, { start: 2, length: 2 }] })
 * // => { counts: [1, 1, 1], coverage: [1, 2, 2, 1], totalPeriods: 6, headcount: 3, optimal: true }
 */
export function coverShifts(input: CoverShiftsInput, options: CoverShiftsOptions = {}): ShiftCover {
  const p = readInput(input);
  const starts = (input.shifts ?? []).map((s) => s.start);
  const maxSubproblems = options.maxSubproblems ?? DEFAULT_MAX_SUBPROBLEMS;
  const count = p.shifts.length;
  let best: number[] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  let proved = true;
  let subproblems = 0;
  const stack: { low: number[]; high: number[] }[] = [
    { low: new Array<number>(count).fill(0), high: new Array<number>(count).fill(UNBOUNDED) },
  ];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (subproblems >= maxSubproblems) {
      proved = false;
      break;
    }
    subproblems++;
    const r = relax(p, node.low, node.high);
    if (!r) continue;
    if (!r.certified) proved = false;
    if (r.cost >= bestCost) continue;
    const rounded = roundUp(p, r);
    const roundedCost = costOf(p, rounded);
    if (roundedCost < bestCost) {
      best = rounded;
      bestCost = roundedCost;
    }
    if (roundedCost === r.cost) continue;
    let split = -1;
    let gap = 0;
    p.shifts.forEach((s, k) => {
      const g = s.wraps ? Math.abs((r.tail[k] ?? 0) - (r.head[k] ?? 0)) : 0;
      if (g > gap) {
        gap = g;
        split = k;
      }
    });
    if (split < 0) continue;
    const m = Math.floor(((r.tail[split] ?? 0) + (r.head[split] ?? 0)) / 2);
    const up = { low: [...node.low], high: [...node.high] };
    up.low[split] = m + 1;
    const down = { low: [...node.low], high: [...node.high] };
    down.high[split] = m;
    stack.push(up, down);
  }
  const counts = best ?? new Array<number>(count).fill(0);
  const coverage = new Array<number>(p.periods).fill(0);
  let totalPeriods = 0;
  let headcount = 0;
  p.shifts.forEach((s, k) => {
    const c = counts[k] ?? 0;
    totalPeriods += c * s.length;
    headcount += c;
    for (let d = 0; d < s.length; d++) {
      const t = ((starts[k] ?? 0) + d) % p.periods;
      coverage[t] = (coverage[t] ?? 0) + c;
    }
  });
  return { counts, coverage, totalPeriods, headcount, optimal: proved && best !== null };
}
