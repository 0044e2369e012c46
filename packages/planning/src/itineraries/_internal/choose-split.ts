/**
 * The split of communes between fixed sites and the mobile teams, as a load-balancing problem:
 * each commune goes to one of its options (a site within reach, or the teams), adding its cost in
 * open days to that option's load; an option's load is when it finishes, and the plan finishes
 * with the most loaded. Costs are additive (see `split-costs.ts`), so any split is judged exactly
 * and quickly; the search is local, the exhaustive search of the tests its reference.
 */
export type SplitOption = {
  /** Index of the option: a site, or `teamOption` for the mobile teams. */
  option: number;
  /** Open days this commune adds to the option's load. */
  days: number;
  /** Machine-days it costs there. */
  machineDays: number;
};

export type SplitProblem = {
  /** Options of each commune; the first is where it starts (its cheapest). */
  options: SplitOption[][];
  optionCount: number;
  /** Open days to the deadline. */
  deadlineDays: number;
};

const EPSILON = 1e-9;
/** Passes of single moves; each pass that moves nothing ends the search sooner. */
const MAX_PASSES = 200;
/** Swaps try every pair of communes: quadratic, so only for a district's worth (a province's balance well by moves alone). */
const SWAP_UP_TO = 150;

/** The chosen option of each commune (an index into `options[c]`). */
export function chooseSplit(problem: SplitProblem, objective: 'earliest' | 'machine-days'): Int32Array {
  if (objective === 'machine-days') {
    const cheapest = cheapestSplit(problem);
    if (makespan(problem, cheapest) <= problem.deadlineDays + EPSILON) return cheapest;
    const meeting = relieveToDeadline(problem, cheapest);
    if (meeting !== null) return meeting;
  }
  const balanced = balance(problem, greedyStart(problem));
  return saveMachineDays(problem, balanced, makespan(problem, balanced));
}

export function loadsOf(problem: SplitProblem, chosen: Int32Array): Float64Array {
  const loads = new Float64Array(problem.optionCount);
  problem.options.forEach((options, c) => {
    const o = options[chosen[c] ?? 0];
    if (o !== undefined) loads[o.option] = (loads[o.option] ?? 0) + o.days;
  });
  return loads;
}

export function makespan(problem: SplitProblem, chosen: Int32Array): number {
  return Math.max(0, ...loadsOf(problem, chosen));
}

export function machineDaysOf(problem: SplitProblem, chosen: Int32Array): number {
  let total = 0;
  problem.options.forEach((options, c) => {
    total += options[chosen[c] ?? 0]?.machineDays ?? 0;
  });
  return total;
}

/** Each commune at its fewest machine-days. */
function cheapestSplit(problem: SplitProblem): Int32Array {
  return Int32Array.from(problem.options, (options) => {
    let best = 0;
    options.forEach((o, k) => {
      if (o.machineDays < (options[best]?.machineDays ?? 0) - EPSILON) best = k;
    });
    return best;
  });
}

/** Largest communes first, each to the option that then finishes soonest (fewer machine-days on a tie). */
function greedyStart(problem: SplitProblem): Int32Array {
  const chosen = new Int32Array(problem.options.length);
  const loads = new Float64Array(problem.optionCount);
  const order = problem.options
    .map((options, c) => ({ c, size: Math.min(...options.map((o) => o.days)) }))
    .sort((a, b) => b.size - a.size || a.c - b.c);
  for (const { c } of order) {
    const options = problem.options[c] ?? [];
    let best = 0;
    let bestEnd = Number.POSITIVE_INFINITY;
    options.forEach((o, k) => {
      const end = (loads[o.option] ?? 0) + o.days;
      const tie = Math.abs(end - bestEnd) <= EPSILON;
      if (end < bestEnd - EPSILON || (tie && o.machineDays < (options[best]?.machineDays ?? 0) - EPSILON)) {
        best = k;
        bestEnd = end;
      }
    });
    chosen[c] = best;
    const o = options[best];
    if (o !== undefined) loads[o.option] = (loads[o.option] ?? 0) + o.days;
  }
  return chosen;
}

/**
 * Moves a commune from a more loaded option to a less loaded one whenever the receiving option
 * stays below what the giving one had, and swaps two communes between two options when that
 * lowers the larger of the two loads: each step lowers the sorted vector of loads, so the search
 * ends, at a split no single move or swap improves.
 */
function balance(problem: SplitProblem, start: Int32Array): Int32Array {
  const chosen = start.slice();
  const loads = loadsOf(problem, chosen);
  const members: number[][] = Array.from({ length: problem.optionCount }, () => []);
  problem.options.forEach((options, c) => {
    members[options[chosen[c] ?? 0]?.option ?? 0]?.push(c);
  });
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (let c = 0; c < problem.options.length; c++) {
      const options = problem.options[c] ?? [];
      const here = options[chosen[c] ?? 0];
      if (here === undefined || options.length < 2) continue;
      const from = loads[here.option] ?? 0;
      let best = -1;
      let bestEnd = from - EPSILON;
      options.forEach((o, k) => {
        if (o.option === here.option) return;
        const end = (loads[o.option] ?? 0) + o.days;
        if (end < bestEnd) {
          best = k;
          bestEnd = end;
        }
      });
      if (best < 0) continue;
      const to = options[best] as SplitOption;
      loads[here.option] = from - here.days;
      loads[to.option] = (loads[to.option] ?? 0) + to.days;
      chosen[c] = best;
      moved = true;
    }
    if (!moved && problem.options.length <= SWAP_UP_TO) moved = swapOnce(problem, chosen, loads);
    if (!moved) break;
  }
  return chosen;
}

/** One swap of two communes between two options that lowers the larger of their loads. */
function swapOnce(problem: SplitProblem, chosen: Int32Array, loads: Float64Array): boolean {
  const n = problem.options.length;
  for (let a = 0; a < n; a++) {
    const optionsA = problem.options[a] ?? [];
    const hereA = optionsA[chosen[a] ?? 0];
    if (hereA === undefined || optionsA.length < 2) continue;
    for (let b = a + 1; b < n; b++) {
      const optionsB = problem.options[b] ?? [];
      const hereB = optionsB[chosen[b] ?? 0];
      if (hereB === undefined || hereB.option === hereA.option) continue;
      const kA = optionsA.findIndex((o) => o.option === hereB.option);
      const kB = optionsB.findIndex((o) => o.option === hereA.option);
      if (kA < 0 || kB < 0) continue;
      const loadA = loads[hereA.option] ?? 0;
      const loadB = loads[hereB.option] ?? 0;
      const newA = loadA - hereA.days + (optionsB[kB]?.days ?? 0);
      const newB = loadB - hereB.days + (optionsA[kA]?.days ?? 0);
      if (Math.max(newA, newB) < Math.max(loadA, loadB) - EPSILON) {
        loads[hereA.option] = newA;
        loads[hereB.option] = newB;
        chosen[a] = kA;
        chosen[b] = kB;
        return true;
      }
    }
  }
  return false;
}

/** Single moves that save machine-days and keep every load within `limit`. */
function saveMachineDays(problem: SplitProblem, start: Int32Array, limit: number): Int32Array {
  const chosen = start.slice();
  const loads = loadsOf(problem, chosen);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    problem.options.forEach((options, c) => {
      const here = options[chosen[c] ?? 0];
      if (here === undefined) return;
      let best = -1;
      let bestSaving = EPSILON;
      options.forEach((o, k) => {
        if (o.option === here.option) return;
        const saving = here.machineDays - o.machineDays;
        if (saving > bestSaving && (loads[o.option] ?? 0) + o.days <= limit + EPSILON) {
          best = k;
          bestSaving = saving;
        }
      });
      if (best < 0) return;
      const to = options[best] as SplitOption;
      loads[here.option] = (loads[here.option] ?? 0) - here.days;
      loads[to.option] = (loads[to.option] ?? 0) + to.days;
      chosen[c] = best;
      moved = true;
    });
    if (!moved) break;
  }
  return chosen;
}

/**
 * From the cheapest split, moves communes off options that finish after the deadline, each time
 * the move that costs the fewest extra machine-days per open day it relieves, to an option that
 * stays within the deadline; null when some option cannot be brought within it.
 */
function relieveToDeadline(problem: SplitProblem, start: Int32Array): Int32Array | null {
  const chosen = start.slice();
  const loads = loadsOf(problem, chosen);
  const limit = problem.deadlineDays + EPSILON;
  for (let step = 0; step < problem.options.length * 4; step++) {
    let late = -1;
    loads.forEach((load, o) => {
      if (load > limit && (late < 0 || load > (loads[late] ?? 0))) late = o;
    });
    if (late < 0) return saveMachineDays(problem, chosen, problem.deadlineDays);
    let best: { c: number; k: number; price: number } | null = null;
    problem.options.forEach((options, c) => {
      const here = options[chosen[c] ?? 0];
      if (here === undefined || here.option !== late || here.days <= EPSILON) return;
      options.forEach((o, k) => {
        if (o.option === late || (loads[o.option] ?? 0) + o.days > limit) return;
        const price = (o.machineDays - here.machineDays) / here.days;
        if (best === null || price < best.price - EPSILON) best = { c, k, price };
      });
    });
    if (best === null) return null;
    const { c, k } = best as { c: number; k: number; price: number };
    const options = problem.options[c] ?? [];
    const here = options[chosen[c] ?? 0] as SplitOption;
    const to = options[k] as SplitOption;
    loads[here.option] = (loads[here.option] ?? 0) - here.days;
    loads[to.option] = (loads[to.option] ?? 0) + to.days;
    chosen[c] = k;
  }
  return null;
}
