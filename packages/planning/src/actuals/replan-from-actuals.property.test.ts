import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { campaignArb } from '../campaign/_internal/arbitraries.ts';
import { planCampaign } from '../campaign/plan-campaign.ts';
import type { AreaPlan, CampaignInput, MachineAllocation } from '../campaign/types.ts';
import { formatTimeOfDay, parseTimeOfDay } from '../time/parse-time-of-day.ts';
import { compareWithActuals } from './compare-with-actuals.ts';
import { replanFromActuals } from './replan-from-actuals.ts';
import type { ActualDayReport, ReplanAlternative, ReplannedArea } from './types.ts';

/** Days of reports drawn: the first week of the campaign. */
const REPORTED_DAYS = 7;
const START = DateTime.fromISO('2021-04-01', { zone: 'UTC' });
const dateOf = (day: number) => START.plus({ days: day }).toISODate() as string;

/**
 * A province of 1–4 districts of 1–3 communes, with machines for the province or per district,
 * and reports by communes over the first week (some missing, some with machines).
 */
const provinceArb = fc
  .record({
    districts: fc.array(
      fc.record({
        communes: fc.array(fc.integer({ min: 0, max: 6_000 }), { minLength: 1, maxLength: 3 }),
        machines: fc.integer({ min: 0, max: 6 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    pooled: fc.boolean(),
    provinceMachines: fc.integer({ min: 1, max: 12 }),
    openDays: fc.integer({ min: REPORTED_DAYS + 1, max: 40 }),
    closedWeekday: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    openHour: fc.integer({ min: 5, max: 9 }),
    lengthMinutes: fc.integer({ min: 6 * 60, max: 15 * 60 }),
    minutesPerDossier: fc.double({ min: 2, max: 8, noNaN: true }),
    reports: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: REPORTED_DAYS - 1 }),
        commune: fc.nat(),
        dossiers: fc.integer({ min: 0, max: 600 }),
        machines: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
      }),
      { maxLength: 30 },
    ),
    asOfDay: fc.integer({ min: 0, max: REPORTED_DAYS - 1 }),
    pace: fc.constantFrom('planned' as const, 'observed' as const, 'blended' as const),
    focusPick: fc.nat(),
  })
  .map((r) => {
    const areas: CampaignInput['areas'] = [{ code: 'P', name: 'Province' }];
    const communes: string[] = [];
    const machines: MachineAllocation[] = r.pooled ? [{ areaCode: 'P', machines: r.provinceMachines }] : [];
    r.districts.forEach((district, d) => {
      areas.push({ code: `D${d}`, name: `District ${d}`, parentCode: 'P' });
      if (!r.pooled) machines.push({ areaCode: `D${d}`, machines: district.machines });
      district.communes.forEach((eligible, c) => {
        const code = `D${d}C${c}`;
        areas.push({ code, name: `Commune ${d}.${c}`, parentCode: `D${d}`, eligible });
        communes.push(code);
      });
    });
    const input: CampaignInput = {
      areas,
      calendar: {
        start: dateOf(0),
        deadline: dateOf(r.openDays - 1),
        ...(r.closedWeekday === undefined ? {} : { closedWeekdays: [r.closedWeekday] }),
      },
      hours: {
        open: formatTimeOfDay(r.openHour * 60),
        close: formatTimeOfDay(r.openHour * 60 + r.lengthMinutes, { endOfDay: true }),
      },
      service: { minutesPerDossier: r.minutesPerDossier },
      machines,
    };
    // One report per commune and day: the first drawn wins.
    const seen = new Set<string>();
    const reports: ActualDayReport[] = [];
    for (const drawn of r.reports) {
      const areaCode = communes[drawn.commune % communes.length] as string;
      const key = `${drawn.day}/${areaCode}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reports.push({
        date: dateOf(drawn.day),
        areaCode,
        dossiers: drawn.dossiers,
        machinesWorking: drawn.machines,
      });
    }
    const focusCodes = ['P', ...r.districts.map((_, d) => `D${d}`)];
    return {
      input,
      reports,
      asOf: dateOf(r.asOfDay),
      pace: r.pace,
      areaCode: focusCodes[r.focusPick % focusCodes.length] as string,
    };
  });

const rowOf = (input: CampaignInput, code: string) =>
  planCampaign(input).areas.find((row) => row.code === code) as AreaPlan;
const meets = (input: CampaignInput, code: string) => {
  const row = rowOf(input, code);
  return row.demand === 0 || row.meetsDeadline === true;
};

/** The remaining campaign with an alternative applied, and with one unit less of it. */
function applied(
  input: CampaignInput,
  alternative: ReplanAlternative,
  hoursPerMachineDay: number,
): { with: CampaignInput; lessOne: CampaignInput[] } {
  switch (alternative.kind) {
    case 'machines': {
      const after = (changes: Map<string, number>): CampaignInput => ({
        ...input,
        machines: [
          ...(input.machines ?? []).map((m) => ({ ...m, machines: changes.get(m.areaCode) ?? m.machines })),
          ...[...changes]
            .filter(([code]) => !input.machines?.some((m) => m.areaCode === code))
            .map(([code, machines]) => ({ areaCode: code, machines })),
        ],
      });
      const changes = new Map(alternative.changes.map((c) => [c.areaCode, c.machinesAfter]));
      const recipients = alternative.changes.filter((c) => c.machinesAfter > (c.machinesBefore ?? 0));
      return {
        with: after(changes),
        lessOne: recipients.map((c) => after(new Map([...changes, [c.areaCode, c.machinesAfter - 1]]))),
      };
    }
    case 'hours-per-day': {
      const open = parseTimeOfDay(alternative.hours.open);
      const minutes = Math.round(alternative.hoursPerDay * 60);
      const close = (m: number) => formatTimeOfDay(open + m, { endOfDay: true });
      return {
        with: { ...input, hours: alternative.hours },
        lessOne: [{ ...input, hours: { open: alternative.hours.open, close: close(minutes - 1) } }],
      };
    }
    case 'pace': {
      const codes = new Set(alternative.serviceOverrides.map((o) => o.areaCode));
      const under = (code: string): boolean => {
        for (let at: string | undefined = code; at !== undefined; ) {
          if (codes.has(at)) return true;
          at = input.areas.find((a) => a.code === at)?.parentCode;
        }
        return false;
      };
      const kept = (input.serviceOverrides ?? []).filter((o) => !under(o.areaCode));
      // One dossier per machine-day less: the same losses, the ordinary time that gives it.
      const slower = alternative.serviceOverrides.map((o) => {
        const availability = o.service.availability ?? 1;
        const hard = (o.service.hardCaseShare ?? 0) * (o.service.hardCaseExtraMinutes ?? 0);
        const pace = alternative.dossiersPerMachineDay - 1;
        return {
          ...o,
          service: {
            ...o.service,
            minutesPerDossier: (hoursPerMachineDay * 60 * availability) / pace - hard,
          },
        };
      });
      return {
        with: { ...input, serviceOverrides: [...kept, ...alternative.serviceOverrides] },
        lessOne:
          alternative.dossiersPerMachineDay > 1 ? [{ ...input, serviceOverrides: [...kept, ...slower] }] : [],
      };
    }
    case 'deadline': {
      const earlier = DateTime.fromISO(alternative.deadline, { zone: 'UTC' }).minus({ days: 1 });
      return {
        with: { ...input, calendar: { ...input.calendar, deadline: alternative.deadline } },
        lessOne: [{ ...input, calendar: { ...input.calendar, deadline: earlier.toISODate() as string } }],
      };
    }
    default:
      return { with: input, lessOne: [] };
  }
}

describe('replanFromActuals laws', () => {
  it('leaves demand − reported on each leaf, never negative, rolled up exactly', () => {
    fc.assert(
      fc.property(provinceArb, ({ input, reports, asOf, pace }) => {
        const replan = replanFromActuals(input, reports, { asOf, pace });
        const byCode = new Map(replan.areas.map((area) => [area.areaCode, area]));
        for (const area of input.areas) {
          const row = byCode.get(area.code) as ReplannedArea;
          if (area.eligible !== undefined) {
            const reported = reports
              .filter((r) => r.areaCode === area.code && r.date <= asOf)
              .reduce((sum, r) => sum + r.dossiers, 0);
            expect(row.reportedDossiers).toBe(reported);
            expect(row.servedDossiers).toBe(reported);
            expect(row.remainingDossiers).toBe(Math.max(0, area.eligible - reported));
          }
          const children = replan.areas.filter((child) => child.parentCode === area.code);
          if (children.length === 0) continue;
          for (const key of [
            'remainingDossiers',
            'servedDossiers',
            'reportedDossiers',
            'demandDossiers',
          ] as const) {
            expect(row[key], `${area.code}.${key}`).toBe(
              children.reduce((sum, child) => sum + child[key], 0),
            );
          }
        }
      }),
    );
  });

  it('is the plan from the next open day when nothing was reported', () => {
    fc.assert(
      fc.property(campaignArb, fc.integer({ min: -3, max: 130 }), (input, asOfDay) => {
        const start = DateTime.fromISO(input.calendar.start, { zone: 'UTC' });
        const asOf = start.plus({ days: asOfDay });
        // The first day after asOf (never before the start) that is not closed.
        const closed = new Set(input.calendar.closedDates ?? []);
        let next = DateTime.max(asOf.plus({ days: 1 }), start);
        while (closed.has(next.toISODate() as string)) next = next.plus({ days: 1 });
        const replan = replanFromActuals(input, [], { asOf: asOf.toISODate() as string, pace: 'observed' });
        expect(replan.input.calendar.start).toBe(next.toISODate());
        expect(replan.plan).toEqual(
          planCampaign({ ...input, calendar: { ...input.calendar, start: next.toISODate() as string } }),
        );
      }),
    );
  });

  it('meets the deadline with each alternative, and misses it with one unit less', () => {
    let checked = 0;
    fc.assert(
      fc.property(provinceArb, ({ input, reports, asOf, pace, areaCode }) => {
        const replan = replanFromActuals(input, reports, { asOf, pace, areaCode });
        const change = replan.whatMustChange;
        if (change === null) {
          expect(meets(replan.input, areaCode)).toBe(true);
          return;
        }
        expect(meets(replan.input, areaCode)).toBe(false);
        const hoursPerMachineDay = planCampaign(input).capacity.hoursPerDay;
        for (const alternative of change.alternatives) {
          if (alternative.kind === 'infeasible') continue;
          const { with: fixed, lessOne } = applied(replan.input, alternative, hoursPerMachineDay);
          expect(meets(fixed, areaCode), `${alternative.kind} meets`).toBe(true);
          for (const less of lessOne)
            expect(meets(less, areaCode), `${alternative.kind} less one`).toBe(false);
          checked++;
        }
      }),
    );
    // The law is only worth its name if alternatives were drawn.
    expect(checked).toBeGreaterThan(50);
  });

  it('names as late areas the areas asked about with work left in the pools gaining machines, their dossiers adding up', () => {
    let named = 0;
    fc.assert(
      fc.property(provinceArb, ({ input, reports, asOf, pace, areaCode }) => {
        const replan = replanFromActuals(input, reports, { asOf, pace, areaCode });
        const machines = replan.whatMustChange?.alternatives.find((a) => a.kind === 'machines');
        if (machines?.kind !== 'machines') return;
        // Walked on the input's own tree: each commune's pool is the nearest area up from it with
        // machines given; its late area is the one just below the pool, not above the area asked about.
        const parentOf = new Map(input.areas.map((area) => [area.code, area.parentCode]));
        const pooled = new Set((replan.input.machines ?? []).map((m) => m.areaCode));
        const gaining = new Set(
          machines.changes.filter((c) => c.machinesAfter > (c.machinesBefore ?? 0)).map((c) => c.areaCode),
        );
        const inFocus = (code: string | undefined): boolean =>
          code !== undefined && (code === areaCode || inFocus(parentOf.get(code)));
        const left = new Map(replan.areas.map((area) => [area.areaCode, area.remainingDossiers]));
        const expected = new Map<string, { poolAreaCode: string; remainingDossiers: number }>();
        for (const area of input.areas) {
          if (area.eligible === undefined || !inFocus(area.code) || (left.get(area.code) ?? 0) === 0)
            continue;
          let pool: string | undefined = area.code;
          while (pool !== undefined && !pooled.has(pool)) pool = parentOf.get(pool);
          if (pool === undefined || !gaining.has(pool)) continue;
          let late = area.code;
          for (
            let up = parentOf.get(late);
            late !== pool && up !== pool && inFocus(up);
            up = parentOf.get(late)
          ) {
            late = up as string;
          }
          const entry = expected.get(late) ?? { poolAreaCode: pool, remainingDossiers: 0 };
          entry.remainingDossiers += left.get(area.code) ?? 0;
          expected.set(late, entry);
        }
        const byCode = (a: { areaCode: string }, b: { areaCode: string }) =>
          a.areaCode.localeCompare(b.areaCode);
        expect(
          machines.lateAreas
            .map(({ areaCode: code, poolAreaCode, remainingDossiers }) => ({
              areaCode: code,
              poolAreaCode,
              remainingDossiers,
            }))
            .sort(byCode),
        ).toEqual([...expected].map(([code, entry]) => ({ areaCode: code, ...entry })).sort(byCode));
        // Most left first.
        machines.lateAreas.forEach((area, k) => {
          if (k > 0)
            expect(area.remainingDossiers).toBeLessThanOrEqual(
              machines.lateAreas[k - 1]?.remainingDossiers as number,
            );
        });
        named += machines.lateAreas.length;
      }),
    );
    // The law is only worth its name if late areas were drawn.
    expect(named).toBeGreaterThan(50);
  });

  it('never reads a district that did not report as zero', () => {
    // The province's observed pace and reported figure are those of the communes that reported,
    // however many stayed silent.
    fc.assert(
      fc.property(provinceArb, ({ input, reports, asOf }) => {
        const replan = replanFromActuals(input, reports, { asOf, areaCode: 'P', paceWarningShare: 1e9 });
        const counted = reports.filter((r) => r.date <= asOf);
        const province = replan.areas[0] as ReplannedArea;
        expect(province.reportedDossiers).toBe(counted.reduce((sum, r) => sum + r.dossiers, 0));
        // Machines summed per day over the communes that reported: each one's machines working or,
        // when it gave none, those the plan stations there (its `machines` row), if they can do its
        // dossiers in 24 hours; none for 0 dossiers without machines (a closed day); a day with a
        // commune that has neither, or whose machines cannot have done its dossiers, is not observed.
        // A commune's report is demand-bound, and counts neither its machines nor its dossiers, when
        // its demand less what it reported on earlier days is below its machines × the planned
        // dossiers per machine-day, and its dossiers are below that too.
        const rows = new Map(planCampaign(input).areas.map((row) => [row.code, row]));
        const perMachineIn24Hours = 1440 / (input.service.minutesPerDossier as number);
        const before = new Map<string, number>();
        const countedOf = (r: ActualDayReport) => {
          if (r.machinesWorking == null && r.dossiers === 0) return { machines: 0, dossiers: 0 };
          const row = rows.get(r.areaCode) as AreaPlan;
          const machines = r.machinesWorking ?? row.machines;
          if (machines === null || r.dossiers > machines * perMachineIn24Hours) return null;
          const left = row.demand - (before.get(r.areaCode) ?? 0);
          const atPlannedPace = machines * row.dailyCapacityPerMachine;
          return machines > 0 && left < atPlannedPace && r.dossiers < atPlannedPace
            ? { machines: 0, dossiers: 0 }
            : { machines, dossiers: r.dossiers };
        };
        const byDay = new Map<string, ActualDayReport[]>();
        for (const r of counted) byDay.set(r.date, [...(byDay.get(r.date) ?? []), r]);
        let days = 0;
        let dossiers = 0;
        let machines = 0;
        for (const date of [...byDay.keys()].sort()) {
          const day = byDay.get(date) as ActualDayReport[];
          const working = day.map(countedOf);
          for (const r of day) before.set(r.areaCode, (before.get(r.areaCode) ?? 0) + r.dossiers);
          if (working.some((w) => w === null)) continue;
          const m = working.reduce((sum: number, w) => sum + (w?.machines ?? 0), 0);
          if (m === 0) continue;
          days++;
          machines += m;
          dossiers += working.reduce((sum: number, w) => sum + (w?.dossiers ?? 0), 0);
        }
        expect(province.observedDays).toBe(days);
        expect(province.observedMachineDays).toBe(machines);
        if (machines > 0) expect(province.observedDossiersPerMachineDay).toBeCloseTo(dossiers / machines, 9);
        // Plan vs actual reads the same days.
        const compared = compareWithActuals(input, 'P', counted);
        expect(compared.observedMachineDays).toBe(machines);
        expect(compared.observedDossiersPerMachineDay).toBe(province.observedDossiersPerMachineDay);
        const partial = replan.warnings.filter((w) => w.kind === 'partial-day');
        for (const warning of partial) {
          expect(warning.leavesReported).toBeGreaterThan(0);
          expect(warning.leavesReported).toBeLessThan(warning.leaves);
        }
      }),
    );
  });
});
