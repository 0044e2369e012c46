import highsModule, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../queueing/_internal/prng.ts';
import { coverShifts, type ShiftTemplate } from './cover-shifts.ts';

// The oracle: HiGHS, a general MIP solver, on the textbook covering model.
// highs ships CommonJS typings for an ES module build: the loader is the default export at run time.
type Loader = typeof highsModule.default;
const loadHighs = (typeof highsModule === 'function' ? highsModule : highsModule.default) as Loader;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Seeded PRNG for the instance generator: the simulator's own xoshiro128**. */
function prng(seed: number): () => number {
  const random = createRandom(seed);
  return () => random.next();
}

type Instance = { requirement: number[]; cyclic: boolean; shifts: ShiftTemplate[] };

function covers(s: ShiftTemplate, t: number, periods: number): boolean {
  return (t - s.start + periods) % periods < s.length;
}

function randomInstance(seed: number, periods: number, perHour: number, cyclic: boolean): Instance {
  const random = prng(seed);
  const step = perHour * (1 + Math.floor(random() * 2));
  const lengthsHours = [4, 6, 8, 10, 12].filter(() => random() < 0.6);
  if (lengthsHours.length === 0) lengthsHours.push(8);
  const shifts: ShiftTemplate[] = [];
  for (let start = 0; start < periods; start += step) {
    for (const hours of lengthsHours) {
      const length = hours * perHour;
      if (length > periods) continue;
      if (!cyclic && start + length > periods) continue;
      if (random() < 0.8) shifts.push({ start, length });
    }
  }
  if (shifts.length === 0) shifts.push({ start: 0, length: Math.min(periods, 8 * perHour) });
  // A smooth day profile with noise, like hourly staffing from queueing.
  const peak = 2 + Math.floor(random() * 12);
  const requirement = Array.from({ length: periods }, (_, t) => {
    const hour = t / perHour;
    const wave = 0.5 + 0.5 * Math.sin(((hour - 6) / 24) * 2 * Math.PI);
    return Math.max(0, Math.round(peak * wave + (random() - 0.5) * 3));
  });
  for (let t = 0; t < periods; t++) if (!shifts.some((s) => covers(s, t, periods))) requirement[t] = 0;
  return { requirement, cyclic, shifts };
}

function lpText(instance: Instance, fixedPeriods?: number): string {
  const n = instance.requirement.length;
  const x = instance.shifts.map((_, k) => `x${k}`);
  const objective =
    fixedPeriods === undefined
      ? instance.shifts.map((s, k) => `${s.length} ${x[k]}`).join(' + ')
      : x.join(' + ');
  const rows: string[] = [];
  for (let t = 0; t < n; t++) {
    const vars = instance.shifts.flatMap((s, k) => (covers(s, t, n) ? [x[k]] : []));
    if (vars.length > 0) rows.push(` c${t}: ${vars.join(' + ')} >= ${instance.requirement[t]}`);
  }
  if (fixedPeriods !== undefined) {
    rows.push(` paid: ${instance.shifts.map((s, k) => `${s.length} ${x[k]}`).join(' + ')} = ${fixedPeriods}`);
  }
  return `Minimize\n obj: ${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${x.map((v) => ` ${v} >= 0`).join('\n')}\nGenerals\n ${x.join(' ')}\nEnd`;
}

function oracle(instance: Instance): { totalPeriods: number; headcount: number } {
  const first = highs.solve(lpText(instance), { output_flag: false });
  if (first.Status !== 'Optimal') throw new Error(`HiGHS: ${first.Status}`);
  const totalPeriods = Math.round(first.ObjectiveValue);
  const second = highs.solve(lpText(instance, totalPeriods), { output_flag: false });
  if (second.Status !== 'Optimal') throw new Error(`HiGHS: ${second.Status}`);
  return { totalPeriods, headcount: Math.round(second.ObjectiveValue) };
}

// 4 kinds × 55 seeds = 220 instances: cyclic and not, hourly and 15-minute periods.
const KINDS = [
  { name: 'hourly day', periods: 24, perHour: 1, cyclic: false },
  { name: 'hourly round-the-clock day', periods: 24, perHour: 1, cyclic: true },
  { name: '15-minute day', periods: 96, perHour: 4, cyclic: false },
  { name: '15-minute round-the-clock day', periods: 96, perHour: 4, cyclic: true },
];
const SEEDS_PER_KIND = 55;

/** Arbitrary circular arcs of mixed lengths: where fixing the wrap count alone leaves an LP gap. */
function arbitraryArcs(seed: number): Instance {
  const random = prng(seed);
  const periods = [6, 8, 12][seed % 3] ?? 8;
  const shifts: ShiftTemplate[] = [];
  for (let start = 0; start < periods; start++) {
    for (let length = 2; length < periods; length++) if (random() < 0.25) shifts.push({ start, length });
  }
  const requirement = Array.from({ length: periods }, () => Math.floor(random() * 6));
  for (let t = 0; t < periods; t++) if (!shifts.some((s) => covers(s, t, periods))) requirement[t] = 0;
  return { requirement, cyclic: true, shifts };
}

describe('coverShifts against the HiGHS MIP solver', () => {
  it('matches the MIP optimum on 60 small cyclic instances with arcs of every length', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const instance = arbitraryArcs(seed);
      const ours = coverShifts(instance);
      expect(ours.optimal, `seed ${seed}`).toBe(true);
      expect({ totalPeriods: ours.totalPeriods, headcount: ours.headcount }, `seed ${seed}`).toEqual(
        oracle(instance),
      );
    }
  });

  for (const kind of KINDS) {
    it(`matches the MIP optimum (paid periods, then people) on ${SEEDS_PER_KIND} random ${kind.name} instances`, () => {
      for (let seed = 1; seed <= SEEDS_PER_KIND; seed++) {
        const instance = randomInstance(seed * 7919 + kind.periods, kind.periods, kind.perHour, kind.cyclic);
        const ours = coverShifts(instance);
        const theirs = oracle(instance);
        const context = `${kind.name} seed ${seed}`;
        expect(ours.optimal, context).toBe(true);
        expect({ totalPeriods: ours.totalPeriods, headcount: ours.headcount }, context).toEqual(theirs);
        for (let t = 0; t < kind.periods; t++) {
          expect(ours.coverage[t] ?? 0, context).toBeGreaterThanOrEqual(instance.requirement[t] ?? 0);
        }
      }
    });
  }
});
