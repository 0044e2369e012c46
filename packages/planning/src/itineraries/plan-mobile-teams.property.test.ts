import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRoster } from '../rotations/check-roster.ts';
import { brokenLaws } from './_fixtures/check-plan.ts';
import { HUNG_NGUYEN_SERVICE } from './_fixtures/mountain-communes.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';
import type { PlanMobileTeamsInput } from './types.ts';

/**
 * Up to 14 communes in a box of about 100 km, 1–4 teams of 1–3 machines each (not always
 * alike), closed days, stay limits and earliest dates.
 */
const instance = fc
  .record({
    communes: fc.array(
      fc.record({
        dLat: fc.integer({ min: -450, max: 450 }),
        dLon: fc.integer({ min: -450, max: 450 }),
        demand: fc.integer({ min: 0, max: 4000 }),
        priority: fc.integer({ min: 1, max: 3 }),
        earliestOffsetDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      }),
      { minLength: 0, maxLength: 14 },
    ),
    teams: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
    setupHours: fc.constantFrom(0, 0.5, 1, 3),
    maxDaysPerVisit: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    closedWeekdays: fc.subarray([6, 7]),
    deadlineDays: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ communes, teams, setupHours, maxDaysPerVisit, closedWeekdays, deadlineDays }) => {
    const day = (offset: number): string =>
      new Date(Date.UTC(2021, 2, 22 + offset)).toISOString().slice(0, 10);
    const input: PlanMobileTeamsInput = {
      calendar: { start: day(0), deadline: day(deadlineDays), timeZone: 'Asia/Ho_Chi_Minh', closedWeekdays },
      teams: teams.map((machines, i) => ({ id: `t${i}`, machines })),
      service: HUNG_NGUYEN_SERVICE,
      setupHours,
      home: { latitude: 12.2, longitude: 107.6 },
      ...(maxDaysPerVisit === undefined ? {} : { maxDaysPerVisit }),
      communes: communes.map((c, i) => ({
        id: `c${i}`,
        demand: c.demand,
        location: { latitude: 12.2 + c.dLat / 1000, longitude: 107.6 + c.dLon / 1000 },
        priority: c.priority,
        ...(c.earliestOffsetDays === undefined ? {} : { earliestDate: day(c.earliestOffsetDays) }),
      })),
    };
    return input;
  });

describe('planMobileTeams laws', () => {
  it('plans every dossier once, keeps each team in one place at a time, and respects travel and set-up', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planMobileTeams(input);
        expect(plan.status).toBe('planned');
        if (plan.status !== 'planned') return;
        expect(brokenLaws(input, plan)).toEqual([]);
        for (const share of [plan.workShare, plan.travelShare, plan.setupShare, plan.idleShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
    );
  });

  it('never ends before its own lower bound, and reports every dossier missed at the deadline', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planMobileTeams(input);
        if (plan.status !== 'planned') return;
        expect(plan.completionHours).toBeGreaterThanOrEqual(plan.lowerBound.hours - 1e-6);
        expect(Number.isFinite(plan.gapToLowerBound)).toBe(true);
        const missed = plan.communes.reduce((s, c) => s + c.shortfallAtDeadline, 0);
        const reported = plan.unreached
          .filter((u) => u.reason !== 'latest-date')
          .reduce((s, u) => s + u.shortfallDossiers, 0);
        expect(reported).toBe(missed);
        expect(plan.onTime).toBe(missed === 0);
      }),
    );
  });

  it('starts no work before a commune’s earliest date and serves rank 1 before rank 2', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planMobileTeams(input);
        if (plan.status !== 'planned') return;
        const byId = new Map(input.communes.map((c) => [c.id, c]));
        const visits = plan.teams.flatMap((t) => t.visits);
        for (const v of visits) {
          const earliest = byId.get(v.communeId)?.earliestDate;
          if (earliest !== undefined) expect(v.dossiersPerDay.every((d) => d.date >= earliest)).toBe(true);
        }
        const worked = visits.filter((v) => v.workHours > 0);
        for (const rank of [1, 2]) {
          const lastOfRank = Math.max(
            ...worked.filter((v) => byId.get(v.communeId)?.priority === rank).map((v) => v.workEndHour),
          );
          const firstAfter = Math.min(
            ...worked
              .filter((v) => (byId.get(v.communeId)?.priority ?? 1) > rank)
              .map((v) => v.workStartHour),
          );
          expect(lastOfRank).toBeLessThanOrEqual(firstAfter + 1e-6);
        }
      }),
    );
  });

  it('keeps each stay within the stay limit', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const plan = planMobileTeams(input);
        if (plan.status !== 'planned' || input.maxDaysPerVisit === undefined) return;
        const limit = input.maxDaysPerVisit * plan.assumptions.hoursPerDay;
        const over = plan.teams.flatMap((t) => t.visits).filter((v) => v.workHours > limit + 1e-3);
        // Only when every team already stays its limit there, and the plan says so.
        expect(over.length === 0 || plan.notes.length > 0).toBe(true);
      }),
    );
  });

  it('gives the same plan for the same input', () => {
    fc.assert(
      fc.property(instance, (input) => {
        expect(JSON.stringify(planMobileTeams(input))).toBe(JSON.stringify(planMobileTeams(input)));
      }),
      { numRuns: 30 },
    );
  });
});

/** The same instances with teams of 1–3 crews each (often unlike) and a window of 8, 12 or 19 hours. */
const crewed = fc
  .record({
    input: instance,
    crews: fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
    hours: fc.constantFrom(
      { open: '07:00', close: '15:00' },
      { open: '07:00', close: '19:00' },
      { open: '05:00', close: '24:00' },
    ),
  })
  .map(({ input, crews, hours }) => ({
    ...input,
    hours,
    teams: input.teams.map((team, i) => {
      const own = crews[i];
      return own === undefined ? team : { ...team, crews: own };
    }),
  }));

/** Teams whose crews differ are planned on several lines (about twice the work): fewer runs. */
const CREWED_RUNS = 50;
/** Checking each team's roster with checkRoster is the slow part: fewer still. */
const ROSTER_RUNS = 25;

describe('planMobileTeams laws with crews per team', () => {
  it('puts every team’s visits on its own crews’ days only, within a crew’s hours, and never beyond its hours in all', () => {
    fc.assert(
      fc.property(crewed, (input) => {
        const plan = planMobileTeams(input);
        expect(plan.status).toBe('planned');
        if (plan.status !== 'planned') return;
        expect(brokenLaws(input, plan)).toEqual([]);
        // The bound counts each team's own days: no plan ends before it.
        expect(plan.completionHours).toBeGreaterThanOrEqual(plan.lowerBound.hours - 1e-6);
        plan.teams.forEach((team, t) => {
          expect(team.crews.crewsPerTeam).toBe(input.teams[t]?.crews ?? 2);
          const worked = new Set(team.crews.assignments.map((a) => a.date));
          const hoursOn = new Map<string, number>();
          for (const d of team.visits.flatMap((v) => v.dossiersPerDay)) {
            expect(worked.has(d.date)).toBe(true);
            hoursOn.set(d.date, (hoursOn.get(d.date) ?? 0) + d.workHours);
          }
          for (const hours of hoursOn.values())
            expect(hours).toBeLessThanOrEqual(team.crews.hoursPerDay + 1e-6);
          // Drives, waits, set-ups and work fit in the hours its roster gives it up to its last day.
          const used = team.visits.reduce(
            (sum, v) => sum + v.travelHoursBefore + v.waitHoursBefore + v.setupHours + v.workHours,
            0,
          );
          const given =
            team.endDate === null ? 0 : [...worked].filter((d) => d <= (team.endDate ?? '')).length;
          expect(used).toBeLessThanOrEqual(given * team.crews.hoursPerDay + 1e-6);
        });
      }),
      { numRuns: CREWED_RUNS },
    );
  });

  it('gives every team a roster that checkRoster finds short only on the days it stands down', () => {
    fc.assert(
      fc.property(crewed, (input) => {
        const plan = planMobileTeams(input);
        if (plan.status !== 'planned') return;
        const through = plan.teams.reduce(
          (last, t) => (t.endDate !== null && t.endDate > last ? t.endDate : last),
          plan.deadline,
        );
        const days = Math.round((Date.parse(through) - Date.parse(input.calendar.start)) / 86_400_000) + 1;
        for (const team of plan.teams) {
          const check = checkRoster({
            startDate: input.calendar.start,
            days,
            timeZone: input.calendar.timeZone ?? 'UTC',
            shifts: [{ name: 'Team day', start: team.crews.start, end: team.crews.end, crews: 1 }],
            teams: Array.from({ length: team.crews.crewsPerTeam }, (_, i) => `Crew ${i + 1}`),
            assignments: team.crews.assignments.filter((a) => a.date <= through),
          });
          expect(check.violations.filter((v) => v.rule !== 'staffing')).toEqual([]);
          // Closed days have no crew either; every other day short of a crew is a stand-down day.
          const standDown = new Set(team.crews.standDownDates);
          const closed = new Set(input.calendar.closedWeekdays ?? []);
          for (const v of check.violations) {
            const weekday = ((new Date(`${v.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
            expect(closed.has(weekday) || standDown.has(v.date)).toBe(true);
          }
        }
      }),
      { numRuns: ROSTER_RUNS },
    );
  });
});
