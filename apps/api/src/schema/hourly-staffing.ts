// Hourly staffing (queueing against a wait target) and the shifts that cover it, for one area of
// a plan: `CampaignPlan.staffing`. Both computed by @muster/planning.
import type { HourlyStaffingPlan, ShiftCover, StaffingHour } from '@muster/planning';
import { crewsFromMachines, generateShifts } from '@muster/planning';
import { builder } from '../builder.ts';
import { memoize } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import { priced } from '../limits/cost-limit.ts';
import { shiftsWork, staffingWork } from '../limits/work.ts';
import { planRow } from '../planning/plan-result.ts';
import { plannedDays } from '../planning/stored-plan.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';

/** Mean wait planned for when neither the field nor the scenario says. */
export const DEFAULT_WAIT_TARGET_MINUTES = 30;

type Staffing = HourlyStaffingPlan & {
  /** What it was computed from, for the request's memo. */
  key: string;
  areaCode: string;
  date: string | null;
  dailyVisitors: number;
  roundTheClock: boolean;
};

const ArrivalProfileEnum = builder.enumType('ArrivalProfile', {
  description: 'When people come during the day (presets of @muster/planning ARRIVAL_PROFILES).',
  values: {
    FARMING: { value: 'farming' },
    URBAN_WORKERS: { value: 'urban-workers' },
    STUDENTS: { value: 'students' },
    MIXED: { value: 'mixed' },
  } as const,
});

const StaffingHourRef = builder.objectRef<StaffingHour>('StaffingHour').implement({
  fields: (t) => ({
    start: t.exposeString('start'),
    end: t.exposeString('end'),
    arrivals: t.exposeFloat('arrivals'),
    arrivalsPerHour: t.exposeFloat('arrivalsPerHour'),
    machinesNeeded: t.exposeInt('machinesNeeded'),
    machinesOpen: t.exposeInt('machinesOpen'),
    utilization: t.exposeFloat('utilization'),
    backlogAtStart: t.float({ resolve: (h) => h.queueAtStart }),
    backlogAtEnd: t.float({ resolve: (h) => h.queueAtEnd }),
    meanWaitMinutes: t.exposeFloat('meanWaitMinutes'),
    p90WaitMinutes: t.float({ resolve: (h) => h.waitPercentileMinutes }),
    meetsTarget: t.exposeBoolean('meetsTarget'),
  }),
});

type Shifts = ShiftCover & {
  templates: { start: number; length: number }[];
  labels: string[];
  requirement: number[];
};

const ShiftCountRef = builder
  .objectRef<{ start: string; lengthHours: number; staff: number }>('ShiftCount')
  .implement({
    fields: (t) => ({
      start: t.exposeString('start', { description: 'Clock time the shift starts.' }),
      lengthHours: t.exposeInt('lengthHours'),
      staff: t.exposeInt('staff', { description: 'People (or crews) starting this shift.' }),
    }),
  });

const ShiftCoverRef = builder.objectRef<Shifts>('ShiftCover').implement({
  description: 'Fewest paid staff-hours whose shifts cover every hour’s crews (coverShifts).',
  fields: (t) => ({
    requirement: t.exposeIntList('requirement', { description: 'Crews needed per hour of the day.' }),
    coverage: t.exposeIntList('coverage'),
    staffHours: t.int({ resolve: (s) => s.totalPeriods }),
    headcount: t.exposeInt('headcount'),
    optimal: t.exposeBoolean('optimal'),
    shifts: t.field({
      type: [ShiftCountRef],
      description: 'Shifts with at least one person.',
      resolve: (s) =>
        s.templates
          .map((template, index) => ({
            start: s.labels[template.start] ?? String(template.start),
            lengthHours: template.length,
            staff: s.counts[index] ?? 0,
          }))
          .filter((shift) => shift.staff > 0),
    }),
  }),
});

const HourlyStaffingRef = builder.objectRef<Staffing>('HourlyStaffing').implement({
  description: 'Machines per clock hour so that waits meet the target, for one area treated as one site.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode'),
    date: t.expose('date', { type: 'Date', nullable: true }),
    dailyVisitors: t.exposeInt('dailyVisitors'),
    open: t.exposeString('open'),
    close: t.exposeString('close'),
    hours: t.field({ type: [StaffingHourRef], resolve: (s) => s.hours }),
    machineHours: t.exposeFloat('machineHours'),
    peakMachines: t.exposeInt('peakMachines'),
    meetsTarget: t.exposeBoolean('meetsTarget'),
    worstMeanWaitMinutes: t.exposeFloat('worstMeanWaitMinutes'),
    worstP90WaitMinutes: t.float({ resolve: (s) => s.worstWaitPercentileMinutes }),
    stillQueuingAtClose: t.float({ resolve: (s) => s.waitingAtClose }),
    minutesToClearAfterClose: t.exposeFloat('minutesToClearAfterClose'),
    assumptions: t.exposeStringList('assumptions'),
    shifts: t.field({
      type: ShiftCoverRef,
      nullable: true,
      description:
        'Shifts of the given lengths (hours) covering each hour’s machines × operators; null, with the error, when the request’s limits refuse it.',
      args: {
        lengthsHours: t.arg.intList({ defaultValue: [8] }),
        operatorsPerMachine: t.arg.int({ defaultValue: 1 }),
      },
      complexity: (args, context) =>
        priced(context, 'HourlyStaffing.shifts', shiftsWork(args.lengthsHours?.length ?? 1)),
      resolve: (s, args, context) => {
        const lengths = [...(args.lengthsHours ?? [8])];
        const operatorsPerMachine = args.operatorsPerMachine ?? 1;
        const key = `${s.key}:shifts:${JSON.stringify([lengths, operatorsPerMachine])}`;
        return memoize(context.memo, key, async () => {
          const requirement = crewsFromMachines(
            s.hours.map((hour) => hour.machinesOpen),
            operatorsPerMachine,
          );
          const templates = generateShifts({
            periods: requirement.length,
            lengths,
            overnight: s.roundTheClock,
          });
          const cover = await compute('coverShifts', {
            requirement,
            cyclic: s.roundTheClock,
            shifts: templates,
          });
          return { ...cover, templates, labels: s.hours.map((hour) => hour.start), requirement };
        });
      },
    }),
  }),
});

builder.objectField(CampaignPlanRef, 'staffing', (t) =>
  t.field({
    type: HourlyStaffingRef,
    description:
      'Hourly machines for an area (default: the one asked about) on its daily target, or on the day planned for `date`.',
    errors: { types: computeErrors },
    args: {
      areaCode: t.arg.string(),
      date: t.arg({ type: 'Date' }),
      profile: t.arg({ type: ArrivalProfileEnum, defaultValue: 'mixed' }),
      waitTargetMinutes: t.arg.float({ description: 'Default: the scenario’s, else 30.' }),
    },
    complexity: (args, context) => priced(context, 'CampaignPlan.staffing', staffingWork(args.date != null)),
    resolve: async (result, args, context) => {
      const row = planRow(result, args.areaCode);
      const code = row.code;
      let dailyVisitors = row.dailyTarget ?? 0;
      if (args.date != null) {
        const series = await plannedDays(context.memo, result, code);
        const day = series.find((d) => d.date === args.date);
        dailyVisitors = day?.planned ?? 0;
      }
      const capacity = result.plan.capacity;
      const profile = args.profile ?? 'mixed';
      const meanWaitMinutes =
        args.waitTargetMinutes ?? result.waitTargetMinutes ?? DEFAULT_WAIT_TARGET_MINUTES;
      const key = `${result.key}:staffing:${JSON.stringify([code, dailyVisitors, profile, meanWaitMinutes])}`;
      const staffing = await memoize(context.memo, key, () =>
        compute('planHourlyStaffing', {
          dailyVisitors,
          profile,
          hours: result.input.hours,
          service: result.input.service,
          target: { meanWaitMinutes },
          ...(row.machines != null && row.machines > 0 ? { machinesAvailable: row.machines } : {}),
        }),
      );
      return {
        ...staffing,
        key,
        areaCode: code,
        date: args.date ?? null,
        dailyVisitors,
        roundTheClock: capacity.hoursPerDay >= 24,
      };
    },
  }),
);
