import {
  isRecord,
  requireArray,
  requireBoolean,
  requireNumber,
  requireRecord,
} from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import type { CoverProblem } from './_internal/cover-network.ts';
import { searchCover } from './_internal/cover-search.ts';

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
   * Cyclic inputs are solved by branch and bound over LP bounds; past this many subproblems the
   * best cover found so far is returned with `optimal: false`. Default 20 000 (never reached in
   * our tests).
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
const WHOLE = Object.freeze({ min: 0, integer: true });

/** Staff on duty in each period when `counts[k]` start at `starts[k]` for `lengths[k]` periods (wrapping). */
function coverageOf(periods: number, starts: number[], lengths: number[], counts: number[]): number[] {
  const change = new Float64Array(periods + 1);
  starts.forEach((start, k) => {
    const c = counts[k] ?? 0;
    const end = start + (lengths[k] ?? 0);
    change[start] = (change[start] ?? 0) + c;
    if (end <= periods) change[end] = (change[end] ?? 0) - c;
    else {
      change[periods] = (change[periods] ?? 0) - c;
      change[0] = (change[0] ?? 0) + c;
      change[end - periods] = (change[end - periods] ?? 0) - c;
    }
  });
  const coverage = new Array<number>(periods);
  let running = 0;
  for (let t = 0; t < periods; t++) {
    running += change[t] ?? 0;
    coverage[t] = running;
  }
  return coverage;
}

function readInput(input: unknown): CoverProblem {
  const record = requireRecord(input, 'input');
  const requirement = requireArray(record.requirement, 'requirement').map((value, t) =>
    requireNumber(value, `requirement[${t}]`, WHOLE),
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
    const shift = isRecord(raw) ? raw : requireRecord(raw, `shifts[${k}]`);
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
  const covered = coverageOf(
    periods,
    shifts.map((s) => s.start),
    shifts.map((s) => s.length),
    shifts.map(() => 1),
  );
  let total = 0;
  let longest = 0;
  for (const s of shifts) longest = Math.max(longest, s.length);
  for (let t = 0; t < periods; t++) {
    const need = requirement[t] ?? 0;
    if (need > 0 && (covered[t] ?? 0) === 0) {
      throw new PlanningInputError({
        path: `requirement[${t}]`,
        code: 'conflict',
        expected: `a period that some shift covers (no shift covers period ${t})`,
        received: need,
      });
    }
    total += need;
  }
  // Keeps every cost of the search (periods × a weight above any headcount) exact in doubles.
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
  return rotate({ periods, requirement, shifts }, cyclic);
}

/**
 * Cyclic periods can be cut anywhere. Cutting where the requirement is lowest (the small hours)
 * leaves the fewest staff on wrapping shifts, so the relaxation below is nearly exact and the
 * search tiny. Counts keep the shifts' order, so nothing has to be mapped back.
 */
function rotate(p: CoverProblem, cyclic: boolean): CoverProblem {
  if (!cyclic) return p;
  const n = p.periods;
  // across[b]: shifts running over boundary b (between periods b − 1 and b), by differences.
  const across = new Int32Array(n + 1);
  for (const s of p.shifts) {
    if (s.length >= n || s.length < 2) continue;
    const from = s.start + 1;
    const to = s.start + s.length;
    if (to <= n) {
      across[from] = (across[from] ?? 0) + 1;
      across[to] = (across[to] ?? 0) - 1;
    } else {
      across[from] = (across[from] ?? 0) + 1;
      across[0] = (across[0] ?? 0) + 1;
      across[to - n] = (across[to - n] ?? 0) - 1;
    }
  }
  let cut = 0;
  let bestLow = Number.POSITIVE_INFINITY;
  let bestAcross = Number.POSITIVE_INFINITY;
  let running = 0;
  for (let b = 0; b < n; b++) {
    running += across[b] ?? 0;
    const low = (p.requirement[(b - 1 + n) % n] ?? 0) + (p.requirement[b] ?? 0);
    if (low < bestLow || (low === bestLow && running < bestAcross)) {
      bestLow = low;
      bestAcross = running;
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
 * Fewest paid staff-periods that cover an hourly (or 15-minute, or any) requirement from
 * candidate shifts, and among those the fewest people: docs/architecture.md §2 (shifts).
 *
 * How optimality is proved. Without wrapping shifts the covering matrix has consecutive ones in
 * each column, so it is totally unimodular; differencing consecutive rows turns it into a
 * min-cost flow on the "interval network" (boundaries as nodes, shifts as forward arcs, surplus
 * as backward arcs), whose integral optimum is the covering optimum. Periods between two
 * consecutive shift starts or ends are always staffed alike, so they are merged first. The flow
 * is solved by a primal-dual method and certified by checking reduced costs (complementary
 * slackness) before `optimal` is set. Both objectives are one exact integer cost (periods × W +
 * people, W larger than any optimal headcount).
 *
 * Shifts that wrap (cyclic periods) break total unimodularity. A wrapping shift covers all
 * periods but the gap between its end and its start, so it becomes a unit on one arc that spans
 * the whole horizon plus a unit on a backward arc over its gap: still a network, but for one
 * side constraint (the gap arcs carry at least as many staff as the spanning arc). Pricing that
 * constraint (Lagrange) gives the LP bound exactly, from a few flows; branch and bound on the
 * staff over the cut and on single wrapping shifts closes any gap, and a subproblem is done when
 * a cover meets its bound. The search is exhaustive, so the result is optimal unless
 * `maxSubproblems` runs out, in which case the best cover found is returned with `optimal: false`.
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
  const { counts: best, optimal } = searchCover(p, maxSubproblems);
  const counts = best ?? new Array<number>(count).fill(0);
  let totalPeriods = 0;
  let headcount = 0;
  p.shifts.forEach((s, k) => {
    const c = counts[k] ?? 0;
    totalPeriods += c * s.length;
    headcount += c;
  });
  const coverage = coverageOf(
    p.periods,
    starts,
    p.shifts.map((s) => s.length),
    counts,
  );
  return { counts, coverage, totalPeriods, headcount, optimal };
}
