// What in the field's reports is worth a second look, as @muster/planning's compareWithActuals and
// replanFromActuals word it: a union on the library's `kind`.
import type {
  ActualsWarning,
  DayAboveMaximumWarning,
  MachinesAbovePlannedWarning,
  PaceDiffersWarning,
  PartialDayWarning,
  TotalBelowTeamReportsWarning,
} from '@muster/planning';
import { builder } from '../builder.ts';

const MachinesFromEnum = builder.enumType('MachinesFrom', {
  description: 'Where the machine count of a day comes from.',
  values: {
    REPORTED: { value: 'reported', description: 'The machines working the reports gave.' },
    PLANNED: { value: 'planned', description: 'The machines the plan stations there (no report said).' },
  } as const,
});

const DayAboveMaximumRef = builder.objectRef<DayAboveMaximumWarning>('DayAboveMaximumWarning').implement({
  description:
    'A day’s figure above what its machines can do in 24 hours at the modelled service time (mean minutes per dossier, hard cases included, no breakdowns): a typing error, a figure of several days or areas, or machines not reported.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area whose day it is.' }),
    date: t.expose('date', { type: 'Date', description: 'The day reported.' }),
    dossiers: t.exposeInt('dossiers', { description: 'Dossiers reported that day.' }),
    machines: t.exposeInt('machines', { description: 'Machines the figure is compared with.' }),
    machinesFrom: t.field({
      type: MachinesFromEnum,
      description: 'Whether `machines` was reported or is what the plan stations there.',
      resolve: (w) => w.machinesFrom,
    }),
    maximumDossiers: t.exposeInt('maximumDossiers', {
      description: 'Dossiers those machines do in 24 hours: ⌊machines × 1440 ÷ mean minutes per dossier⌋.',
    }),
    message: t.exposeString('message', { description: 'The warning in a planner’s words (English).' }),
  }),
});

const PaceDiffersRef = builder.objectRef<PaceDiffersWarning>('PaceDiffersWarning').implement({
  description:
    'An area whose observed dossiers per machine-day differ from the plan’s by more than the margin.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area.' }),
    observedDossiersPerMachineDay: t.exposeFloat('observedDossiersPerMachineDay', {
      description:
        'Dossiers per machine working per day, over the days with machines (reported, else planned), dossiers per machine-day. A demand-bound figure is left out, here and in the areas above: one whose area had less work left at the start of the day (its demand less what it reported before) than its machines do at the planned dossiers per machine-day, and its dossiers fell short of that too.',
    }),
    plannedDossiersPerMachineDay: t.exposeFloat('plannedDossiersPerMachineDay', {
      description: 'Dossiers one machine does on an average open day in the plan.',
    }),
    differenceShare: t.exposeFloat('differenceShare', {
      description: '(observed − planned) ÷ planned, a share: 0.36 is 36 % faster than planned.',
    }),
    marginShare: t.exposeFloat('marginShare', {
      description: 'The margin it is beyond, a share of the planned pace (0.2 = 20 %).',
    }),
    observedDays: t.exposeInt('observedDays', {
      description:
        'Days with machines (reported, else planned) behind the pace, days; a day whose every figure is demand-bound is not one.',
    }),
    message: t.exposeString('message', { description: 'The warning in a planner’s words (English).' }),
  }),
});

const PartialDayRef = builder.objectRef<PartialDayWarning>('PartialDayWarning').implement({
  description:
    'A day when some areas below an area reported and others did not: its figure is theirs alone, never read as zero for the others.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area whose day is partial.' }),
    date: t.expose('date', { type: 'Date', description: 'The day.' }),
    leavesReported: t.exposeInt('leavesReported', {
      description: 'Leaves (communes) under the area covered by a report that day.',
    }),
    leaves: t.exposeInt('leaves', { description: 'Leaves (communes) under the area.' }),
    missingAreaCodes: t.exposeStringList('missingAreaCodes', {
      description: 'Codes of the areas right below it with no report that day.',
    }),
    message: t.exposeString('message', { description: 'The warning in a planner’s words (English).' }),
  }),
});

const TotalBelowTeamReportsRef = builder
  .objectRef<TotalBelowTeamReportsWarning>('TotalBelowTeamReportsWarning')
  .implement({
    description:
      'An area’s own total for a day below what its teams reported there that day: the total is counted (an area’s own total wins over its teams’ reports) and the teams’ reports are set aside. A total typed before the teams’ reports came in, a team figure typed wrong, or a total of part of the area. Named only in an area the caller compares, so only of reports the caller may see.',
    fields: (t) => ({
      areaCode: t.exposeString('areaCode', { description: 'The area whose own total it is.' }),
      date: t.expose('date', { type: 'Date', description: 'The day reported.' }),
      totalDossiers: t.exposeInt('totalDossiers', {
        description: 'The area’s own total, counted as its figure for the day: dossiers.',
      }),
      teamDossiers: t.exposeInt('teamDossiers', {
        description: 'The teams’ reports of the area that day added up, set aside: dossiers.',
      }),
      teamReports: t.exposeInt('teamReports', {
        description: 'How many team reports are set aside: reports.',
      }),
      message: t.exposeString('message', { description: 'The warning in a planner’s words (English).' }),
    }),
  });

const MachinesAbovePlannedRef = builder
  .objectRef<MachinesAbovePlannedWarning>('MachinesAbovePlannedWarning')
  .implement({
    description:
      'More machines working reported in an area on one day, added up over the reports counted for it, than the plan stations there (the machines given, or its share of a pool above): a machine counted in several reports (one machine serving several communes, each report giving it), or machines added beyond the plan. Judged for the area compared and the pools below it. The observed pace still counts the machines reported (they can be true), so it reads slower than the work done when they are counted twice.',
    fields: (t) => ({
      areaCode: t.exposeString('areaCode', { description: 'The area whose machines they are.' }),
      date: t.expose('date', { type: 'Date', description: 'The day reported.' }),
      machinesReported: t.exposeInt('machinesReported', {
        description:
          'Machines working added up over the day’s reports counted in the area that give them: machines.',
      }),
      machinesPlanned: t.exposeInt('machinesPlanned', {
        description: 'Machines the plan stations in the area (`AreaPlan.machines`): machines.',
      }),
      message: t.exposeString('message', { description: 'The warning in a planner’s words (English).' }),
    }),
  });

/** The schema's type of each library warning, by its `kind`. */
const WARNING_TYPES = {
  'day-above-maximum': DayAboveMaximumRef,
  'pace-differs': PaceDiffersRef,
  'partial-day': PartialDayRef,
  'total-below-team-reports': TotalBelowTeamReportsRef,
  'machines-above-planned': MachinesAbovePlannedRef,
} as const satisfies Record<ActualsWarning['kind'], unknown>;

export const ActualsWarningRef = builder.unionType('ActualsWarning', {
  description:
    'Something in the reports worth a second look: a day above 24 hours of its machines, a pace off the plan’s, a partial day, an area’s own total below its teams’ reports, more machines reported than planned.',
  types: Object.values(WARNING_TYPES),
  resolveType: (warning: ActualsWarning) => WARNING_TYPES[warning.kind],
});
