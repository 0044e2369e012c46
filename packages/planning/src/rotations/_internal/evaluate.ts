import type { RosterCheck, RosterViolation } from '../types.ts';
import type { Occurrence, Resolved } from './resolve.ts';
import { HARD_RULES, type RosterContext, SOFT_RULES, weeklyHours } from './rules.ts';

/** A roster's assignments (day, shift and team indices) laid on its resolved days, for the rules. */
export function contextOf(
  resolved: Resolved & { teams: string[] },
  assigned: [number, number, string][],
): RosterContext {
  const work = new Map<string, Occurrence[]>(resolved.teams.map((t) => [t, []]));
  const staffed = resolved.occurrences.map((day) => day.map(() => [] as string[]));
  for (const [day, shift, team] of assigned) {
    const o = resolved.occurrences[day]?.[shift];
    if (!o) continue;
    work.get(team)?.push(o);
    staffed[day]?.[shift]?.push(team);
  }
  for (const list of work.values())
    list.sort((a, b) => a.startMs - b.startMs || a.shift.index - b.shift.index);
  return { ...resolved, work, staffed };
}

/** Every rule's violations, sorted by date, and each team's load. */
export function evaluate(c: RosterContext): RosterCheck {
  const violations: RosterViolation[] = [];
  for (const rule of [...HARD_RULES, ...SOFT_RULES]) {
    for (const v of rule.check(c)) violations.push({ rule: rule.name, severity: rule.severity, ...v });
  }
  violations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const teams = c.teams.map((team) => {
    const shifts = c.work.get(team) ?? [];
    return {
      team,
      hours: Math.round(shifts.reduce((sum, o) => sum + o.hours, 0) * 1000) / 1000,
      nights: shifts.filter((o) => o.night).length,
      weekends: shifts.filter((o) => o.weekend).length,
      maxHoursInAnyWeek: Math.max(0, ...weeklyHours(c, shifts).map((w) => Math.round(w.hours * 1000) / 1000)),
    };
  });
  return { teams, violations, feasible: !violations.some((v) => v.severity === 'hard') };
}
