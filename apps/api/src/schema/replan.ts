// The campaign replanned from the field's reports (@muster/planning's replanFromActuals): what is
// left per area, the pace each is replanned at, how fully it reported, the remaining plan, the
// warnings, and what must change to make the deadline, each alternative in the library's words.
import type {
  DeadlineAlternative,
  HoursAlternative,
  InfeasibleAlternative,
  LateArea,
  MachineChange,
  MachineMove,
  MachinesAlternative,
  PaceAlternative,
  ReplanAlternative,
  ReplannedArea,
  ReportingCompleteness,
  WhatMustChange,
} from '@muster/planning';
import { replanScenario, type ScenarioReplan } from '../actuals/replan.ts';
import { withinScope } from '../auth/access.ts';
import { areaPathsOf } from '../auth/area-paths.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { priced, pricePlanRows } from '../limits/cost-limit.ts';
import { NOMINAL, replanWork } from '../limits/work.ts';
import { planResult } from '../planning/plan-result.ts';
import { ActualsWarningRef } from './actuals-warning.ts';
import { AssumptionRef, CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';
import { ReplanPaceEnum } from './replan-pace.ts';
import { scenarioAreaArgs, seesScenarioArea } from './scenario-area.ts';

const ReportingCompletenessRef = builder.objectRef<ReportingCompleteness>('ReportingCompleteness').implement({
  description: 'How fully an area reported, over the open days so far and on the last of them.',
  fields: (t) => ({
    openDaysSoFar: t.exposeInt('openDaysSoFar', {
      description: 'Open days of the calendar from its start to the day asked about, both included.',
    }),
    daysReported: t.exposeInt('daysReported', {
      description: 'Open days with a report in the area (complete or partial).',
    }),
    completeDays: t.exposeInt('completeDays', {
      description: 'Days the area’s reports covered it whole.',
    }),
    partialDays: t.exposeInt('partialDays', {
      description: 'Days only some areas below it reported.',
    }),
    shareOfDaysReported: t.exposeFloat('shareOfDaysReported', {
      nullable: true,
      description: 'daysReported ÷ openDaysSoFar, 0..1; null before the first open day.',
    }),
    lastOpenDay: t.expose('lastOpenDay', {
      type: 'Date',
      nullable: true,
      description: 'The last open day so far; null before the first.',
    }),
    leaves: t.exposeInt('leaves', { description: 'Leaves (communes) under the area; 1 for a leaf.' }),
    leavesReportedOnLastDay: t.exposeInt('leavesReportedOnLastDay', {
      description: 'Leaves covered by a report on the last open day.',
    }),
    shareOfLeavesReportedOnLastDay: t.exposeFloat('shareOfLeavesReportedOnLastDay', {
      description: 'leavesReportedOnLastDay ÷ leaves, 0..1.',
    }),
  }),
});

const ReplannedAreaRef = builder.objectRef<ReplannedArea>('ReplannedArea').implement({
  description: 'One area of a replan: what was reported, what is left, and the pace it is replanned at.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area’s code.' }),
    name: t.exposeString('name', { description: 'The area’s name.' }),
    parentCode: t.exposeString('parentCode', {
      nullable: true,
      description: 'Its parent’s code; null on a root.',
    }),
    demandDossiers: t.exposeInt('demandDossiers', {
      description: 'Dossiers of the whole campaign (the scenario’s plan).',
    }),
    reportedDossiers: t.exposeInt('reportedDossiers', {
      description:
        'Dossiers its reports up to asOf add up to: its own total where it gave one, else its teams’ and children’s.',
    }),
    servedDossiers: t.exposeInt('servedDossiers', {
      description:
        'Dossiers served up to asOf as the replan counts them: its reports placed on its leaves with its share of totals reported above it. Rolls up exactly.',
    }),
    remainingDossiers: t.exposeInt('remainingDossiers', {
      description: 'Dossiers left: over its leaves, demand − served, never negative. Rolls up exactly.',
    }),
    observedDossiersPerMachineDay: t.exposeFloat('observedDossiersPerMachineDay', {
      nullable: true,
      description:
        'Dossiers per machine working per day over the days with machines, dossiers per machine-day: those the reports give or, where a report gives none, those the plan stations in its area (as plan vs actual counts them). A demand-bound figure is left out, here and in the areas above: one whose area had less work left at the start of the day (its demand less what it reported before) than its machines do at the planned dossiers per machine-day, and its dossiers fell short of that too. Such a day (a finished district’s last days, its machines waiting for people) says nothing of a machine’s speed. Null without such days.',
    }),
    observedMachineDays: t.exposeInt('observedMachineDays', {
      description: 'Machines working summed over those days, demand-bound figures left out (machine-days).',
    }),
    observedDays: t.exposeInt('observedDays', {
      description:
        'Days with machines working (reported, else planned) behind the observed pace, days; a day whose every figure is demand-bound is not one.',
    }),
    plannedDossiersPerMachineDay: t.exposeFloat('plannedDossiersPerMachineDay', {
      description: 'Dossiers one machine does on an average open day in the scenario’s plan.',
    }),
    observedPaceWeight: t.exposeFloat('observedPaceWeight', {
      description:
        'Weight of the observed pace in the area’s replan pace, 0..1: 0 as planned, 1 as observed.',
    }),
    paceDossiersPerMachineDay: t.exposeFloat('paceDossiersPerMachineDay', {
      description: 'Dossiers per machine-day the remaining plan counts for the area.',
    }),
    reporting: t.field({
      type: ReportingCompletenessRef,
      description: 'How fully it reported.',
      resolve: (area) => area.reporting,
    }),
  }),
});

/** A change of allocation, and whether the caller reads the pool's machines (its area is in the caller's subtree). */
type SeenMachineChange = MachineChange & { seen: boolean };

const MachineChangeRef = builder.objectRef<SeenMachineChange>('MachineChange').implement({
  description:
    'Machines of one allocation before and after an alternative. A pool outside the caller’s area (the province’s, for a district planner) is named with what the alternative adds to it, not with its machines: a planner reads no figures of areas outside its own.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area whose pool changes.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    machinesGained: t.int({
      description:
        'Machines the pool gains, moved in and new (negative when it gives some away): machinesAfter − machinesBefore, none before counting 0. Read by every caller who reads the replan.',
      resolve: (change) => change.machinesAfter - (change.machinesBefore ?? 0),
    }),
    machinesBefore: t.int({
      nullable: true,
      description:
        'Machines before; null when the area had no allocation of its own (machinesAfter is then a number), or when it lies outside the caller’s area, above or beside it (machinesAfter is then null too).',
      resolve: (change) => (change.seen ? change.machinesBefore : null),
    }),
    machinesAfter: t.int({
      nullable: true,
      description: 'Machines after; null when the area lies outside the caller’s area, above or beside it.',
      resolve: (change) => (change.seen ? change.machinesAfter : null),
    }),
  }),
});

const MachineMoveRef = builder.objectRef<MachineMove>('MachineMove').implement({
  description: 'Machines taken from a pool that finishes early to one that is late.',
  fields: (t) => ({
    fromAreaCode: t.exposeString('fromAreaCode', { description: 'The pool they leave.' }),
    toAreaCode: t.exposeString('toAreaCode', { description: 'The pool they join.' }),
    machines: t.exposeInt('machines', { description: 'Machines moved.' }),
  }),
});

const LateAreaRef = builder.objectRef<LateArea>('LateArea').implement({
  description:
    'An area with work left in a pool short of machines: where the machines an alternative moves or adds must go. It lies just below the pool (it is the pool’s own area when that has no areas below it), within the area asked about: the area asked about itself when that lies deeper below the pool (a commune asked about under a province’s pool); a pool’s machines move within it, so all of its late areas finish on the pool’s day.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area’s code.' }),
    name: t.exposeString('name', { description: 'The area’s name.' }),
    poolAreaCode: t.exposeString('poolAreaCode', {
      description: 'The area whose pool serves it and gains the machines (a MachineChange’s areaCode).',
    }),
    remainingDossiers: t.exposeInt('remainingDossiers', {
      description:
        'Dossiers left in it from the replan’s start, in its leaf areas that pool serves (a part with machines of its own is not counted), dossiers.',
    }),
  }),
});

const sentenceField = {
  description: 'The alternative in a planner’s words, as the planning library says it (English).',
} as const;

const MachinesAlternativeRef = builder.objectRef<MachinesAlternative>('MachinesAlternative').implement({
  description:
    'More machines where pools are late: first moved from pools that finish early, then new ones; one fewer anywhere and it is late.',
  fields: (t) => ({
    addedMachines: t.exposeInt('addedMachines', { description: 'New machines.' }),
    movedMachines: t.exposeInt('movedMachines', { description: 'Machines moved between pools.' }),
    changes: t.field({
      type: [MachineChangeRef],
      description:
        'Each allocation that changes, in the tree’s order; the machines of a pool above the caller’s area are not given.',
      resolve: async (a, _args, { principal, memo }) => {
        const paths = await areaPathsOf(
          prisma,
          a.changes.map((change) => change.areaCode),
          memo,
        );
        return a.changes.map((change) => {
          const path = paths.get(change.areaCode);
          return {
            ...change,
            seen: principal !== null && path !== undefined && withinScope(principal, path),
          };
        });
      },
    }),
    moves: t.field({ type: [MachineMoveRef], description: 'Each move.', resolve: (a) => a.moves }),
    lateAreas: t.field({
      type: [LateAreaRef],
      description:
        'The areas with work left in the pools that gain machines, most dossiers left first (ties in the tree’s order); a finished area is not one. All lie within the area asked about.',
      resolve: (a) => a.lateAreas,
    }),
    sentence: t.exposeString('sentence', sentenceField),
  }),
});

const HoursAlternativeRef = builder.objectRef<HoursAlternative>('HoursAlternative').implement({
  description: 'A longer day: the same opening time, closing later, to the minute.',
  fields: (t) => ({
    open: t.string({ description: 'Opening time, HH:mm.', resolve: (a) => a.hours.open }),
    close: t.string({
      description: 'Closing time, HH:mm (past midnight when before open).',
      resolve: (a) => a.hours.close,
    }),
    hoursPerDay: t.exposeFloat('hoursPerDay', { description: 'Hours open a day.' }),
    addedMinutesPerDay: t.exposeInt('addedMinutesPerDay', { description: 'Minutes added to each day.' }),
    sentence: t.exposeString('sentence', sentenceField),
  }),
});

const PaceAlternativeRef = builder.objectRef<PaceAlternative>('PaceAlternative').implement({
  description: 'A faster pace in the areas asked about, to the whole dossier per machine-day.',
  fields: (t) => ({
    dossiersPerMachineDay: t.exposeInt('dossiersPerMachineDay', {
      description: 'Dossiers per machine-day needed.',
    }),
    currentDossiersPerMachineDay: t.exposeFloat('currentDossiersPerMachineDay', {
      description: 'Dossiers per machine-day the remaining plan counts now.',
    }),
    aboveDayMaximum: t.exposeBoolean('aboveDayMaximum', {
      description:
        'Whether it is more than a machine does in 24 hours at the scenario’s modelled service time: 1,440 minutes ÷ the scenario’s mean minutes per dossier (hard cases included, no breakdowns) in the areas asked about, the service before the replan’s paces override it, the lowest of them. No site reaches such a pace however long it opens.',
    }),
    sentence: t.exposeString('sentence', sentenceField),
  }),
});

const DeadlineAlternativeRef = builder.objectRef<DeadlineAlternative>('DeadlineAlternative').implement({
  description: 'A later deadline: the open day the remaining plan finishes on.',
  fields: (t) => ({
    deadline: t.expose('deadline', { type: 'Date', description: 'The day it finishes.' }),
    slipCalendarDays: t.exposeInt('slipCalendarDays', { description: 'Calendar days after the deadline.' }),
    slipOpenDays: t.exposeInt('slipOpenDays', { description: 'Open days after the deadline.' }),
    sentence: t.exposeString('sentence', sentenceField),
  }),
});

const AlternativeKindEnum = builder.enumType('AlternativeKind', {
  description: 'The kinds of alternative a replan checks.',
  values: {
    MACHINES: { value: 'machines', description: 'Machines moved or added.' },
    HOURS_PER_DAY: { value: 'hours-per-day', description: 'A longer day.' },
    PACE: { value: 'pace', description: 'More dossiers per machine-day.' },
    DEADLINE: { value: 'deadline', description: 'A later deadline.' },
  } as const,
});

const InfeasibleAlternativeRef = builder.objectRef<InfeasibleAlternative>('InfeasibleAlternative').implement({
  description: 'An alternative that cannot meet the deadline, and why.',
  fields: (t) => ({
    alternative: t.field({
      type: AlternativeKindEnum,
      description: 'Which alternative cannot.',
      resolve: (a) => a.alternative,
    }),
    reason: t.exposeString('reason', {
      description:
        'Why, as a code: `more-than-a-day` (the machines given would need more than 24 hours a day), `no-open-days` (no open hour is left before the deadline), `zero-hour-window` (the daily window is open zero hours), `beyond-horizon` (the machines given would need more than ten years), `no-machines` (some of the demand has no machine to serve it) or `pool-overbooked` (the other areas the same machines serve take all their hours before the deadline).',
    }),
    sentence: t.exposeString('sentence', sentenceField),
  }),
});

const ReplanAlternativeRef = builder.unionType('ReplanAlternative', {
  description: 'One way to meet the deadline, checked by planning with it; or why an alternative cannot.',
  types: [
    MachinesAlternativeRef,
    HoursAlternativeRef,
    PaceAlternativeRef,
    DeadlineAlternativeRef,
    InfeasibleAlternativeRef,
  ],
  resolveType: (alternative: ReplanAlternative) => {
    switch (alternative.kind) {
      case 'machines':
        return MachinesAlternativeRef;
      case 'hours-per-day':
        return HoursAlternativeRef;
      case 'pace':
        return PaceAlternativeRef;
      case 'deadline':
        return DeadlineAlternativeRef;
      default:
        return InfeasibleAlternativeRef;
    }
  },
});

const WhatMustChangeRef = builder.objectRef<WhatMustChange>('WhatMustChange').implement({
  description: 'What must change for the area asked about to finish by the deadline at the chosen pace.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { nullable: true, description: 'The area asked about.' }),
    deadline: t.expose('deadline', { type: 'Date', description: 'The scenario’s deadline.' }),
    completionDate: t.expose('completionDate', {
      type: 'Date',
      nullable: true,
      description: 'The open day the remaining plan finishes on; null when never (beyond ten years).',
    }),
    alternatives: t.field({
      type: [ReplanAlternativeRef],
      description: 'Each checked by planning with it, in the order machines, hours, pace, deadline.',
      resolve: (change) => change.alternatives,
    }),
    sentence: t.exposeString('sentence', {
      description: 'The alternatives in one sentence, as the planning library says it (English).',
    }),
  }),
});

const ReplanRef = builder.objectRef<ScenarioReplan>('Replan').implement({
  description:
    'A scenario’s remaining campaign after the reports up to asOf, replanned at the chosen pace, with what must change to make the deadline.',
  fields: (t) => ({
    scenarioId: t.exposeID('scenarioId', { description: 'The scenario replanned.' }),
    asOf: t.expose('asOf', { type: 'Date', description: 'The last day whose reports count.' }),
    pace: t.field({ type: ReplanPaceEnum, description: 'The pace chosen.', resolve: (r) => r.pace }),
    areaCode: t.string({ description: 'The area asked about.', resolve: (r) => r.areaCode ?? r.rootCode }),
    start: t.field({
      type: 'Date',
      description: 'The first open day of the remaining campaign (the first after asOf).',
      resolve: (r) => r.input.calendar.start,
    }),
    plan: t.field({
      type: CampaignPlanRef,
      description:
        'The remaining campaign planned: already served raised by the reports, from `start`, at the chosen pace; its `daily` is the remaining daily series.',
      resolve: (r) =>
        planResult(`${r.key}:plan`, r.input, r.plan, r.areaCode ?? r.rootCode, {
          areaCode: r.rootCode,
          waitTargetMinutes: r.waitTargetMinutes,
          teamsPerSite: r.teamsPerSite,
        }),
    }),
    areas: t.field({
      type: [ReplannedAreaRef],
      description: 'The area asked about and every area below it, parents first.',
      resolve: (r) => r.areas,
    }),
    whatMustChange: t.field({
      type: WhatMustChangeRef,
      nullable: true,
      description:
        'Null when the area asked about finishes by the deadline, or when the scenario gives no machines.',
      resolve: (r) => r.whatMustChange,
    }),
    warnings: t.field({
      type: [ActualsWarningRef],
      description:
        'Days above a machine’s 24 hours, paces off the plan’s, partial days, areas’ own totals below their teams’ reports of the day, more machines reported than the plan stations (in the area asked about, and in the pools below it).',
      resolve: (r) => r.warnings,
    }),
    assumptions: t.field({
      type: [AssumptionRef],
      description: 'The rules and figures the replan rests on.',
      resolve: (r) => r.assumptions,
    }),
  }),
});

builder.queryField('replan', (t) =>
  t.field({
    type: ReplanRef,
    description:
      'A scenario replanned from the reports up to asOf: what is left, the pace per area, reporting completeness, the remaining plan, warnings and what must change for the area asked about.',
    errors: { types: computeErrors },
    args: {
      ...scenarioAreaArgs,
      asOf: t.arg({
        type: 'Date',
        required: true,
        description: 'The last day whose reports count; the remaining campaign starts on the next open day.',
      }),
      pace: t.arg({
        type: ReplanPaceEnum,
        defaultValue: 'blended',
        description: 'How to pace the remaining campaign (default BLENDED).',
      }),
    },
    authScopes: seesScenarioArea,
    complexity: (args, context) => {
      pricePlanRows(context, NOMINAL.planRows);
      return priced(
        context,
        'Query.replan',
        replanWork(NOMINAL.scenarioAreas, NOMINAL.reports),
        `replan:scenario:${args.scenarioId}:${args.areaCode}:${args.asOf}:${args.pace}`,
      );
    },
    resolve: (_root, args, context) =>
      replanScenario(prisma, context.memo, {
        scenarioId: String(args.scenarioId),
        areaCode: args.areaCode,
        asOf: args.asOf,
        pace: args.pace ?? 'blended',
      }),
  }),
);
