// What in the field's reports is worth a second look, as @muster/planning's compareWithActuals and
// replanFromActuals word it: a union on the library's `kind`.
import type {
  ActualsWarning,
  DayAboveMaximumWarning,
  PaceDiffersWarning,
  PartialDayWarning,
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
        'Dossiers per machine working per day, over the days with machines (reported, else planned), dossiers per machine-day.',
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
      description: 'Days with machines (reported, else planned) behind the pace, days.',
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

export const ActualsWarningRef = builder.unionType('ActualsWarning', {
  description:
    'Something in the reports worth a second look: a day above 24 hours of its machines, a pace off the plan’s, a partial day.',
  types: [DayAboveMaximumRef, PaceDiffersRef, PartialDayRef],
  resolveType: (warning: ActualsWarning) =>
    warning.kind === 'day-above-maximum'
      ? DayAboveMaximumRef
      : warning.kind === 'pace-differs'
        ? PaceDiffersRef
        : PartialDayRef,
});
