// Hourly staffing (queueing against a wait target) and the shifts that cover it, for one area of
// a plan: `CampaignPlan.staffing`. Both computed by @muster/planning.
import type {
  ArrivalProfileInput,
  HourlyStaffingPlan,
  OpeningHours,
  ServiceInput,
  ShiftCover,
  StaffedHour,
  StaffingEvaluation,
  StaffingHour,
} from '@muster/planning';
import { arrivalProfile, crewsFromMachines, generateShifts, PlanningInputError } from '@muster/planning';
import { builder } from '../builder.ts';
import { cached } from '../cache/shared-cache.ts';
import { type Memo, memoize } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import { LimitExceededError } from '../errors.ts';
import { priced } from '../limits/cost-limit.ts';
import {
  MAX_SITE_VISITORS,
  shiftsWork,
  siteArrivals,
  siteArrivalsFit,
  siteDayWork,
  staffingWork,
} from '../limits/work.ts';
import { checkMinutesPerDossier, MINUTES_PER_DOSSIER } from '../planning/campaign-bounds.ts';
import { type PlanResult, planRow } from '../planning/plan-result.ts';
import { BYTES_KEPT, plannedDays } from '../planning/stored-plan.ts';
import { OpeningHoursInputRef } from './campaign-input.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';

/** Mean wait planned for when neither the field nor the scenario says. */
export const DEFAULT_WAIT_TARGET_MINUTES = 30;

/** The site's day as the plan was asked for: what an evaluation of another schedule reuses. */
type SiteDay = {
  dailyVisitors?: number;
  profile?: ArrivalProfileInput;
  arrivalsPerHour?: number[];
  hours: OpeningHours;
  service: ServiceInput;
  machinesAvailable?: number;
  waitTargetMinutes: number;
};

type Staffing = HourlyStaffingPlan & {
  /** What it was computed from, for the request's memo. */
  key: string;
  areaCode: string;
  date: string | null;
  dailyVisitors: number;
  roundTheClock: boolean;
  site: SiteDay;
};

const ArrivalProfileEnum = builder.enumType('ArrivalProfile', {
  description: 'When people come during the day (presets of @muster/planning ARRIVAL_PROFILES).',
  values: {
    FARMING: { value: 'farming', description: 'Early morning and evening, around field work.' },
    URBAN_WORKERS: { value: 'urban-workers', description: 'Before and after office hours, and at lunch.' },
    STUDENTS: { value: 'students', description: 'After school, late afternoon and evening.' },
    MIXED: { value: 'mixed', description: 'A blend of the three (the default).' },
  } as const,
});

const SiteHourRef = builder.interfaceRef<StaffedHour>('SiteHour').implement({
  description:
    'One clock hour of a site’s day under the transient queue model: what the recommended and an evaluated schedule share.',
  fields: (t) => ({
    start: t.exposeString('start', {
      description: 'Clock time the hour starts, HH:mm (the first may start at the opening, 07:30).',
    }),
    end: t.exposeString('end', { description: 'Clock time the hour ends, HH:mm (24:00 at midnight).' }),
    arrivals: t.exposeFloat('arrivals', { description: 'Expected people arriving in the hour (persons).' }),
    arrivalsPerHour: t.exposeFloat('arrivalsPerHour', {
      description: 'Rate they arrive at (persons per hour; for a half hour, twice its arrivals).',
    }),
    machinesOpen: t.exposeInt('machinesOpen', { description: 'Machines open in the hour (machines).' }),
    utilization: t.exposeFloat('utilization', {
      description: 'Expected busy share of the open machines’ time, 0..1.',
    }),
    backlogAtStart: t.float({
      description:
        'Expected people waiting (not in service) just after the hour’s machines took over (persons).',
      resolve: (h) => h.queueAtStart,
    }),
    backlogAtEnd: t.float({
      description: 'Expected people waiting (not in service) at the end of the hour (persons).',
      resolve: (h) => h.queueAtEnd,
    }),
    meanWaitMinutes: t.exposeFloat('meanWaitMinutes', {
      description: 'Mean wait before service of the people arriving in the hour (minutes).',
    }),
    shareWaitingLonger: t.exposeFloat('shareWaitingLonger', {
      description: 'Share of the hour’s arrivals waiting longer than `withinMinutes` of the day (0..1).',
    }),
    p90WaitMinutes: t.float({
      description: 'Wait that 90 % of the hour’s arrivals do not exceed (minutes).',
      resolve: (h) => h.waitPercentileMinutes,
    }),
    meetsTarget: t.boolean({
      description: 'The hour’s arrivals wait on average no longer than the target.',
      resolve: (h) => h.meetsTarget ?? true,
    }),
  }),
});

const SiteDayRef = builder.interfaceRef<Omit<StaffingEvaluation, 'hours'>>('SiteDay').implement({
  description:
    'A site’s day under the transient queue model: what the recommended and an evaluated schedule share.',
  fields: (t) => ({
    open: t.exposeString('open', { description: 'Opening time of the site’s day, HH:mm.' }),
    close: t.exposeString('close', { description: 'Closing time, HH:mm (24:00 at midnight).' }),
    arrivals: t.exposeFloat('arrivals', {
      description: 'Expected people arriving over the day (persons).',
    }),
    meanWaitMinutes: t.exposeFloat('meanWaitMinutes', {
      description: 'Mean wait before service over every arrival of the day (minutes).',
    }),
    shareWaitingLonger: t.exposeFloat('shareWaitingLonger', {
      description: 'Share of the day’s arrivals waiting longer than `withinMinutes` (0..1).',
    }),
    withinMinutes: t.exposeFloat('withinMinutes', {
      description: 'Wait the shares count against: the mean-wait target (minutes).',
    }),
    machineHours: t.exposeFloat('machineHours', {
      description: 'Machines open times hours open (machine-hours).',
    }),
    peakMachines: t.exposeInt('peakMachines', {
      description: 'Most machines open in any hour (machines).',
    }),
    worstMeanWaitMinutes: t.exposeFloat('worstMeanWaitMinutes', {
      description: 'Longest mean wait of any hour’s arrivals (minutes).',
    }),
    worstP90WaitMinutes: t.float({
      description: 'Longest 90th-percentile wait of any hour’s arrivals (minutes).',
      resolve: (s) => s.worstWaitPercentileMinutes,
    }),
    stillQueuingAtClose: t.float({
      description:
        'Expected people still waiting at closing time, whom the last hour’s machines serve (persons).',
      resolve: (s) => s.waitingAtClose,
    }),
    minutesToClearAfterClose: t.exposeFloat('minutesToClearAfterClose', {
      description: 'Expected minutes after closing until the last of those waiting starts (minutes).',
    }),
    truncationError: t.exposeFloat('truncationError', {
      description:
        'Probability the numerical solution dropped: a bound on the error of every probability it gives (a probability, about 1e-8).',
    }),
    assumptions: t.exposeStringList('assumptions', {
      description: 'The queueing model’s assumptions, in English.',
    }),
    meetsTarget: t.boolean({
      description: 'Every hour’s arrivals wait on average no longer than the target.',
      resolve: (s) => s.meetsTarget ?? true,
    }),
  }),
});

const StaffingHourRef = builder.objectRef<StaffingHour>('StaffingHour').implement({
  description: 'One clock hour of the recommended schedule.',
  interfaces: [SiteHourRef],
  fields: (t) => ({
    machinesNeeded: t.exposeInt('machinesNeeded', {
      description:
        'Fewest machines meeting the target for this hour’s arrivals, with the queue carried in, whatever the site has (machines).',
    }),
  }),
});

const EvaluatedHourRef = builder.objectRef<StaffedHour>('EvaluatedHour').implement({
  description: 'One clock hour of a schedule given by the caller, as the queue model evaluates it.',
  interfaces: [SiteHourRef],
});

const StaffingEvaluationRef = builder.objectRef<StaffingEvaluation>('StaffingEvaluation').implement({
  description:
    'The waits a given schedule (machines open per hour) gives the site’s day, from the transient queue model (evaluateStaffing).',
  interfaces: [SiteDayRef],
  fields: (t) => ({
    hours: t.field({
      type: [EvaluatedHourRef],
      description: 'The clock hours of the opening window, in order.',
      resolve: (s) => s.hours,
    }),
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
    description: 'People (or crews) starting one shift of the cover.',
    fields: (t) => ({
      start: t.exposeString('start', { description: 'Clock time the shift starts, HH:mm.' }),
      lengthHours: t.exposeInt('lengthHours', { description: 'Length of the shift (hours).' }),
      staff: t.exposeInt('staff', { description: 'People (or crews) starting this shift (persons).' }),
    }),
  });

const ShiftCoverRef = builder.objectRef<Shifts>('ShiftCover').implement({
  description: 'Fewest paid staff-hours whose shifts cover every hour’s crews (coverShifts).',
  fields: (t) => ({
    requirement: t.exposeIntList('requirement', { description: 'Crews needed per hour of the day (crews).' }),
    coverage: t.exposeIntList('coverage', {
      description: 'Crews on duty per hour of the day under the shifts chosen (crews).',
    }),
    staffHours: t.int({
      description: 'Paid staff-hours of the shifts chosen (hours), the least that covers.',
      resolve: (s) => s.totalPeriods,
    }),
    headcount: t.exposeInt('headcount', {
      description: 'People (or crews) starting a shift in the day (persons).',
    }),
    optimal: t.exposeBoolean('optimal', {
      description: 'The cover is proved the cheapest (no cover has fewer staff-hours).',
    }),
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
  description:
    'Machines per clock hour so that waits meet the target, for one area treated as one site (planHourlyStaffing on the transient queue model).',
  interfaces: [SiteDayRef],
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area staffed as one site.' }),
    date: t.expose('date', {
      type: 'Date',
      nullable: true,
      description:
        'The plan’s day whose visitors were staffed; null for the daily target or the site’s own figures.',
    }),
    dailyVisitors: t.exposeInt('dailyVisitors', {
      description: 'People expected in the day (persons): the site’s own figure, else the plan’s, rounded.',
    }),
    waitTargetMinutes: t.float({
      description: 'Mean wait each hour’s arrivals are planned not to exceed (minutes).',
      resolve: (s) => s.site.waitTargetMinutes,
    }),
    minutesPerDossier: t.float({
      description:
        'Mean minutes to take one ordinary dossier the day was worked out with (minutes): the site’s own, else the scenario’s. The rest of the scenario’s service (hard cases, breakdowns) applies on top.',
      resolve: (s) => s.site.service.minutesPerDossier,
    }),
    machinesAvailable: t.int({
      nullable: true,
      description: 'Machines the site has, which no hour exceeds (machines); null when unbounded.',
      resolve: (s) => s.site.machinesAvailable ?? null,
    }),
    hours: t.field({
      type: [StaffingHourRef],
      description: 'The clock hours of the opening window, in order.',
      resolve: (s) => s.hours,
    }),
    evaluation: t.field({
      type: StaffingEvaluationRef,
      description:
        'The waits of another schedule on the same site’s day (same arrivals, hours, service and target), to set beside this recommended one.',
      errors: { types: computeErrors },
      args: {
        machinesOpen: t.arg.intList({
          required: true,
          description:
            'Machines open in each clock hour of the window, in order (machines), or one count for every hour. The last hour needs at least one: it serves those still waiting at closing.',
        }),
      },
      complexity: (_args, context) => priced(context, 'HourlyStaffing.evaluation', siteDayWork(null)),
      resolve: (s, args, context) => {
        const { site } = s;
        const machinesOpen =
          args.machinesOpen.length === 1 ? (args.machinesOpen[0] as number) : [...args.machinesOpen];
        return memoize(context.memo, `${s.key}:evaluation:${JSON.stringify(machinesOpen)}`, () =>
          compute('evaluateStaffing', {
            ...(site.arrivalsPerHour !== undefined
              ? { arrivalsPerHour: site.arrivalsPerHour }
              : { dailyVisitors: site.dailyVisitors, profile: site.profile }),
            hours: site.hours,
            service: site.service,
            machinesOpen,
            target: { meanWaitMinutes: site.waitTargetMinutes },
            withinMinutes: site.waitTargetMinutes,
          }),
        );
      },
    }),
    shifts: t.field({
      type: ShiftCoverRef,
      nullable: true,
      description:
        'Shifts of the given lengths (hours) covering each hour’s machines × operators; null, with the error, when the request’s limits refuse it.',
      args: {
        lengthsHours: t.arg.intList({ defaultValue: [8], description: 'Shift lengths allowed (hours).' }),
        operatorsPerMachine: t.arg.int({
          defaultValue: 1,
          description: 'People each open machine needs (persons per machine).',
        }),
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

/** A mean-wait target must be a positive number of minutes (named as the argument, not the library's `target`). */
function readWaitTarget(value: number | null | undefined, fallback: number): number {
  if (value == null) return fallback;
  if (!(Number.isFinite(value) && value > 0 && value <= 1440)) {
    throw new PlanningInputError({
      path: 'waitTargetMinutes',
      code: 'range',
      expected: 'minutes above 0 and at most 1440',
      received: value,
    });
  }
  return value;
}

/** A site's own service time, within what the service plans a campaign with (campaign-bounds.ts). */
function readMinutesPerDossier(value: number | null | undefined): number | undefined {
  if (value == null) return undefined;
  checkMinutesPerDossier(value, 'minutesPerDossier');
  return value;
}

const MOST_A_SITE = `${MAX_SITE_VISITORS.toLocaleString('en')} persons`;

/**
 * The site's own people, when the caller gives them, within what the service plans for one site
 * at once ({@link MAX_SITE_VISITORS}): refused by the argument's name, the rest of the request
 * answered (its cost priced such a site at its base for this). Bad hourly rates are left to the
 * library, which names the hour.
 */
function refuseSiteBeyondService(args: {
  dailyVisitors?: number | null;
  arrivalsPerHour?: readonly number[] | null;
}): void {
  if (args.dailyVisitors != null && !siteArrivalsFit(args.dailyVisitors)) {
    throw new PlanningInputError({
      path: 'dailyVisitors',
      code: 'range',
      expected: `persons from 0 to ${MAX_SITE_VISITORS.toLocaleString('en')} a day, the most the service plans for one site at once`,
      received: args.dailyVisitors,
    });
  }
  const arrivals =
    args.arrivalsPerHour != null ? siteArrivals({ arrivalsPerHour: args.arrivalsPerHour }) : null;
  if (arrivals !== null && arrivals > MAX_SITE_VISITORS) {
    throw new PlanningInputError({
      path: 'arrivalsPerHour',
      code: 'range',
      expected: `persons an hour whose day brings at most ${MOST_A_SITE}, the most the service plans for one site at once`,
      received: args.arrivalsPerHour,
    });
  }
}

/**
 * An area's own day (its daily target, or the plan's day) may be more people than one site takes:
 * nothing the caller sent is wrong, so it is the computation that is refused, with the limit.
 */
function refuseAreaBeyondService(dailyVisitors: number, date: string | null): void {
  if (dailyVisitors <= MAX_SITE_VISITORS) return;
  const day = date === null ? 'the area’s daily target' : `the area’s planned day ${date}`;
  throw new LimitExceededError(
    'cost',
    'planHourlyStaffing',
    `The site’s day of ${Math.round(dailyVisitors).toLocaleString('en')} persons (${day}) is more than the ${MOST_A_SITE} a day the service plans for one site at once: staff a smaller area, such as a commune, or give the site’s own dailyVisitors.`,
  );
}

/**
 * A staffing day must be one of the campaign's: from its start to its deadline, or to the last day
 * planned when the area finishes later. Any other date would staff a day with nobody planned.
 */
async function refuseDateOutside(
  result: PlanResult,
  areaCode: string,
  date: string,
  memo: Memo,
): Promise<void> {
  const { start, deadline } = result.plan.period;
  if (date >= start && date <= deadline) return;
  // Past the deadline (or a replan saved as of its deadline, which starts after it) the plan's
  // days run on to the site's last planned day: the refusal names that range, never an empty one.
  const planned = (await plannedDays(memo, result, areaCode)).at(-1)?.date;
  const last = planned !== undefined && planned > deadline ? planned : deadline;
  if (date >= start && date <= last) return;
  throw new PlanningInputError({
    path: 'date',
    code: 'range',
    expected:
      last < start
        ? `a day of the campaign, none planned from its start ${start}`
        : `a day of the campaign, from ${start} to ${last}`,
    received: date,
  });
}

builder.objectField(CampaignPlanRef, 'staffing', (t) =>
  t.field({
    type: HourlyStaffingRef,
    description: `Hourly machines for an area treated as one site (default: the area asked about), on its daily target or the plan’s day \`date\`, or on the site’s own figures: its visitors or hourly arrivals, opening hours, arrival profile, machines and minutes a dossier. The answer evaluates another schedule beside the recommended one (\`evaluation\`). A site whose day brings more than ${MAX_SITE_VISITORS.toLocaleString('en')} persons is not planned: an InputError naming the caller’s figure, or a LimitExceededError when it is the area’s own day.`,
    errors: { types: computeErrors },
    args: {
      areaCode: t.arg.string({ description: 'The area staffed as one site; default the area asked about.' }),
      date: t.arg({
        type: 'Date',
        description: 'A day of the plan whose planned dossiers are the visitors; default the daily target.',
      }),
      dailyVisitors: t.arg.float({
        description: `The site’s own count of people expected in the day (persons), from 0 to ${MAX_SITE_VISITORS.toLocaleString('en')} (the most the service plans for one site at once), spread over the hours by the profile; default the plan’s.`,
      }),
      arrivalsPerHour: t.arg.floatList({
        description: `The site’s own arrival rate in each clock hour it is open (persons per hour), the first for the hour it opens in, the rates summing to at most ${MOST_A_SITE}; replaces the visitors and the profile.`,
      }),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'The site’s own opening window, HH:mm; default the scenario’s.',
      }),
      profile: t.arg({
        type: ArrivalProfileEnum,
        description: 'When the day’s visitors come: a preset. Default MIXED.',
      }),
      profileWeights: t.arg.floatList({
        description:
          'When the day’s visitors come: 24 weights, one per clock hour from 00:00 (relative, any scale, e.g. counts from a survey); instead of `profile`.',
      }),
      machinesAvailable: t.arg.int({
        description:
          'Machines the site has, which no hour exceeds (machines); default the area’s planned machines.',
      }),
      waitTargetMinutes: t.arg.float({
        description:
          'Mean wait each hour’s arrivals should not exceed (minutes); default the scenario’s, else 30.',
      }),
      minutesPerDossier: t.arg.float({
        description: `The site’s own mean minutes to take one ordinary dossier (minutes), from ${MINUTES_PER_DOSSIER.min} to ${MINUTES_PER_DOSSIER.max.toLocaleString('en')} (a week): Hưng Nguyên’s 500 a day on 2 scanners open 07:30–22:00 is 3.48. Default the scenario’s; the rest of its service (hard cases, breakdowns, variation) still applies.`,
      }),
    },
    // A site beyond what the service plans costs its base (staffingWork): the resolver refuses it
    // by the argument's name, where its price would have refused the whole request, unnamed.
    complexity: (args, context) =>
      priced(
        context,
        'CampaignPlan.staffing',
        staffingWork(
          args.date != null,
          siteArrivals({ dailyVisitors: args.dailyVisitors, arrivalsPerHour: args.arrivalsPerHour }),
        ),
      ),
    resolve: async (result, args, context) => {
      const row = planRow(result, args.areaCode);
      const code = row.code;
      if (args.profile != null && args.profileWeights != null) {
        throw new PlanningInputError({
          path: 'profileWeights',
          code: 'conflict',
          expected: 'absent when profile is given (one or the other)',
          received: args.profileWeights,
        });
      }
      const waitTargetMinutes = readWaitTarget(
        args.waitTargetMinutes,
        result.waitTargetMinutes ?? DEFAULT_WAIT_TARGET_MINUTES,
      );
      const minutesPerDossier = readMinutesPerDossier(args.minutesPerDossier);
      refuseSiteBeyondService(args);
      if (args.date != null) await refuseDateOutside(result, code, args.date, context.memo);
      let dailyVisitors = row.dailyTarget ?? 0;
      const ownFigures = args.dailyVisitors != null || args.arrivalsPerHour != null;
      if (args.date != null && !ownFigures) {
        const series = await plannedDays(context.memo, result, code);
        const day = series.find((d) => d.date === args.date);
        dailyVisitors = day?.planned ?? 0;
      }
      if (!ownFigures) refuseAreaBeyondService(dailyVisitors, args.date ?? null);
      const site: SiteDay = {
        hours: args.hours ?? result.input.hours,
        service:
          minutesPerDossier === undefined
            ? result.input.service
            : { ...result.input.service, minutesPerDossier },
        waitTargetMinutes,
        ...(args.arrivalsPerHour != null
          ? {
              arrivalsPerHour: [...args.arrivalsPerHour],
              // Given beside the rates, it reaches the library, which refuses the pair by name.
              ...(args.dailyVisitors != null ? { dailyVisitors: args.dailyVisitors } : {}),
            }
          : {
              dailyVisitors: args.dailyVisitors ?? dailyVisitors,
              profile:
                args.profileWeights != null
                  ? arrivalProfile([...args.profileWeights], 'profileWeights')
                  : (args.profile ?? 'mixed'),
            }),
        ...(args.machinesAvailable != null
          ? { machinesAvailable: args.machinesAvailable }
          : row.machines != null && row.machines > 0
            ? { machinesAvailable: row.machines }
            : {}),
      };
      const key = `${result.key}:staffing:${JSON.stringify([code, site])}`;
      // The plan's key names the data it comes from: kept across requests under it.
      const staffing = await cached(
        context.memo,
        key,
        () =>
          compute('planHourlyStaffing', {
            ...site,
            target: { meanWaitMinutes: waitTargetMinutes },
            // The shares count those waiting longer than the target.
            withinMinutes: waitTargetMinutes,
          }),
        (computed) => computed.hours.length * BYTES_KEPT.staffingHour,
      );
      const hoursOpen = staffing.hours.reduce((sum, hour) => sum + minutesOf(hour), 0);
      return {
        ...staffing,
        key,
        areaCode: code,
        date: args.date ?? null,
        dailyVisitors: Math.round(staffing.arrivals),
        roundTheClock: hoursOpen >= 1440,
        site,
      };
    },
  }),
);

/** Minutes of one of the day's clock hours (07:30–08:00 is 30). */
function minutesOf(hour: { start: string; end: string }): number {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const length = minute(hour.end) - minute(hour.start);
  return length > 0 ? length : length + 1440;
}
