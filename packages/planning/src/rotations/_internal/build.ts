// How buildRoster builds: the rotating block patterns and a rule-aware greedy fill, each checked,
// the one that breaks fewest rules kept.
import type { Roster } from '../build-roster.ts';
import type { RosterCheck } from '../types.ts';
import { contextOf, evaluate } from './evaluate.ts';
import type { Resolved } from './resolve.ts';

type Plan = [day: number, shift: number, team: string][];
type Candidate = { plan: Plan; check: RosterCheck };

const MAX_BLOCK_DAYS = 7;

/**
 * The rotating pattern (the four-crew, three-shift schedule when there are four teams and three
 * shifts): every team works `block` days on each shift in forward order, then `block` × k days
 * off, and the k + shifts groups start one block apart so each shift has its crews every day.
 */
function pattern(r: Resolved, teams: string[], block: number): Plan | null {
  const active = r.shifts.filter((s) => s.crews > 0);
  const crews = active[0]?.crews ?? 0;
  if (crews === 0 || active.some((s) => s.crews !== crews) || teams.length % crews !== 0) return null;
  const groups = teams.length / crews;
  if (groups < active.length) return null;
  const cycle = groups * block;
  const plan: Plan = [];
  for (let day = 0; day < r.days; day++) {
    teams.forEach((team, i) => {
      const phase = Math.floor(i / crews) * block;
      const slot = Math.floor(((day + phase) % cycle) / block);
      const shift = active[slot];
      if (shift) plan.push([day, shift.index, team]);
    });
  }
  return plan;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** Day by day, shift by shift: the team that breaks fewest rules, then rotates forward, then has worked least. */
function greedy(r: Resolved, teams: string[]): Plan {
  const plan: Plan = [];
  const hoursByDay = teams.map(() => new Array<number>(r.days).fill(0));
  const lastShift = teams.map(() => null as null | { day: number; index: number; end: number });
  const nightRun = teams.map(() => ({ day: -2, run: 0 }));
  const total = teams.map(() => 0);
  const HOUR = 3_600_000;
  for (let day = 0; day < r.days; day++) {
    for (const o of r.occurrences[day] ?? []) {
      const onThisShift = new Set<number>();
      for (let crew = 0; crew < o.shift.crews; crew++) {
        let best = -1;
        let bestKey: number[] = [];
        teams.forEach((_, t) => {
          if (onThisShift.has(t)) return;
          let hard = 0;
          const last = lastShift[t];
          if (last && (o.startMs - last.end) / HOUR < r.rules.minRestHours) hard++;
          const perDay = hoursByDay[t] ?? [];
          for (let first = Math.max(0, day - 6); first <= Math.min(day, Math.max(0, r.days - 7)); first++) {
            let sum = o.hours;
            for (let d = first; d < Math.min(r.days, first + 7); d++) sum += perDay[d] ?? 0;
            if (sum > r.rules.maxHoursPerWeek + 1e-9) hard++;
          }
          const run = nightRun[t] ?? { day: -2, run: 0 };
          if (o.night && (run.day === day - 1 ? run.run : 0) + 1 > r.rules.maxConsecutiveNights) hard++;
          if ((perDay[day] ?? 0) === 0) {
            for (let first = Math.max(0, day - 6); first <= Math.min(day, r.days - 7); first++) {
              let worked = 1;
              for (let d = first; d < first + 7; d++) if (d !== day && (perDay[d] ?? 0) > 0) worked++;
              if (worked > 7 - r.rules.daysOffPerWeek) hard++;
            }
          }
          const backward = last && last.day === day - 1 && last.index > o.shift.index ? 1 : 0;
          const key = [hard, backward, total[t] ?? 0, t];
          if (best < 0 || lexLess(key, bestKey)) {
            best = t;
            bestKey = key;
          }
        });
        if (best < 0) continue;
        const team = teams[best] ?? '';
        plan.push([day, o.shift.index, team]);
        onThisShift.add(best);
        const perDay = hoursByDay[best];
        if (perDay) perDay[day] = (perDay[day] ?? 0) + o.hours;
        total[best] = (total[best] ?? 0) + o.hours;
        lastShift[best] = { day, index: o.shift.index, end: o.endMs };
        const run = nightRun[best];
        if (run && o.night) nightRun[best] = { day, run: run.day === day - 1 ? run.run + 1 : 1 };
      }
    }
  }
  return plan;
}

/** Hard rules broken, counted once per rule and team: a roster that breaks one rule everywhere beats chaos. */
function hardCount(c: RosterCheck): number {
  return new Set(c.violations.filter((v) => v.severity === 'hard').map((v) => `${v.rule}\u0000${v.team}`))
    .size;
}

function better(a: Candidate, b: Candidate): boolean {
  const spread = (c: RosterCheck) =>
    Math.max(...c.teams.map((t) => t.hours)) - Math.min(...c.teams.map((t) => t.hours));
  return lexLess(
    [hardCount(a.check), spread(a.check), a.check.violations.length],
    [hardCount(b.check), spread(b.check), b.check.violations.length],
  );
}

/** {@link buildRoster} on an input already read (minimumTeams, trying several team counts, reads it once). */
export function buildResolvedRoster(resolved: Resolved & { teams: string[] }): Roster {
  const teams = resolved.teams;
  const plans: Plan[] = [greedy(resolved, teams)];
  for (let block = 1; block <= MAX_BLOCK_DAYS; block++) {
    const p = pattern(resolved, teams, block);
    if (p) plans.push(p);
  }
  let best: Candidate | null = null;
  for (const plan of plans) {
    const candidate = { plan, check: evaluate(contextOf(resolved, plan)) };
    if (!best || better(candidate, best)) best = candidate;
  }
  const chosen = best ?? { plan: [], check: evaluate(contextOf(resolved, [])) };
  const order = new Map(teams.map((t, i) => [t, i]));
  const assignments = [...chosen.plan]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || (order.get(a[2]) ?? 0) - (order.get(b[2]) ?? 0))
    .map(([day, shift, team]) => ({
      date: resolved.dates[day] ?? '',
      shift: resolved.shifts[shift]?.name ?? '',
      team,
    }));
  return { assignments, ...chosen.check };
}
