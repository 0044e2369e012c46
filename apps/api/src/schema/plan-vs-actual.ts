import type { ComparedDay, CompletionForecast } from '@muster/planning';
import type { PlanVsActual } from '../actuals/plan-vs-actual.ts';
import { planVsActual } from '../actuals/plan-vs-actual.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { ReportWarningRef } from './actual-report.ts';
import { inputErrors } from './error.ts';

const PlanVsActualDayRef = builder.objectRef<ComparedDay>('PlanVsActualDay').implement({
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    planned: t.exposeInt('planned'),
    cumulativePlanned: t.exposeInt('cumulativePlanned'),
    actual: t.exposeInt('actual', {
      nullable: true,
      description: 'Null when nobody in the area reported that day.',
    }),
    cumulativeActual: t.exposeInt('cumulativeActual', {
      description: 'Since the start of the scenario (or `from`, when earlier).',
    }),
    variance: t.exposeInt('variance', { nullable: true, description: 'actual − planned.' }),
    cumulativeVariance: t.exposeInt('cumulativeVariance'),
    machinesWorking: t.exposeInt('machinesWorking', { nullable: true }),
    dossiersPerMachineDay: t.exposeFloat('dossiersPerMachineDay', { nullable: true }),
  }),
});

const ForecastRef = builder.objectRef<CompletionForecast>('CompletionForecast').implement({
  description: 'When the remaining demand is done at the observed daily rates (mean, best day, worst day).',
  fields: (t) => ({
    remaining: t.exposeInt('remaining'),
    expected: t.expose('expected', { type: 'Date', nullable: true }),
    earliest: t.expose('earliest', { type: 'Date', nullable: true }),
    latest: t.expose('latest', { type: 'Date', nullable: true }),
    meanDailyRate: t.exposeFloat('meanDailyRate'),
    minDailyRate: t.exposeFloat('minDailyRate'),
    maxDailyRate: t.exposeFloat('maxDailyRate'),
    basedOnDays: t.exposeInt('basedOnDays'),
  }),
});

const PlanVsActualRef = builder.objectRef<PlanVsActual>('PlanVsActual').implement({
  fields: (t) => ({
    scenarioId: t.exposeID('scenarioId'),
    areaCode: t.exposeString('areaCode'),
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date' }),
    demand: t.exposeInt('demand'),
    plannedCompletionDate: t.expose('plannedCompletionDate', { type: 'Date', nullable: true }),
    days: t.field({ type: [PlanVsActualDayRef], resolve: (r) => r.days }),
    totalPlanned: t.exposeInt('totalPlanned', { description: 'Planned from `from` to `to`.' }),
    totalActual: t.exposeInt('totalActual', { description: 'Reported from `from` to `to`.' }),
    observedDossiersPerMachineDay: t.exposeFloat('observedDossiersPerMachineDay', { nullable: true }),
    observedMachineDays: t.exposeInt('observedMachineDays'),
    forecast: t.field({ type: ForecastRef, nullable: true, resolve: (r) => r.forecast }),
    reportWarnings: t.field({
      type: [ReportWarningRef],
      description:
        'Reports compared whose figures are unlikely at the scenario’s service time (more dossiers per machine-day than it allows in 24 hours), or impossible (stored before such reports were refused).',
      resolve: (r) => r.reportWarnings,
    }),
  }),
});

builder.queryField('planVsActual', (t) =>
  t.field({
    type: PlanVsActualRef,
    description: 'Per day, planned against reported for an area of a scenario, with variance and forecast.',
    errors: { types: inputErrors },
    args: {
      scenarioId: t.arg.id({ required: true }),
      areaCode: t.arg.string({ required: true }),
      from: t.arg({ type: 'Date', description: 'Default: the scenario start.' }),
      to: t.arg({ type: 'Date', description: 'Default: the last planned or reported day.' }),
    },
    authScopes: (_root, args) => ({
      $all: { seesScenario: String(args.scenarioId), seesArea: args.areaCode },
    }),
    resolve: (_root, args, context) =>
      planVsActual(prisma, context.memo, {
        scenarioId: String(args.scenarioId),
        areaCode: args.areaCode,
        from: args.from ?? null,
        to: args.to ?? null,
      }),
  }),
);
