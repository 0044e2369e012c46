// How a replan paces the remaining campaign: @muster/planning's ReplanPace.
import { builder } from '../builder.ts';

export const ReplanPaceEnum = builder.enumType('ReplanPace', {
  description: 'How a replan paces the remaining campaign in each area.',
  values: {
    PLANNED: { value: 'planned', description: 'At the plan’s service.' },
    OBSERVED: {
      value: 'observed',
      description:
        'At the dossiers per machine-day reported so far: on the machines reported or, where a report gives none, on those the plan stations in its area. An area whose machines are a pool of its own, serving no other area, with no total reported above it and no demand-bound day (see `ReplannedArea.observedDossiersPerMachineDay`), then finishes when plan vs actual’s forecast does (as of the last day reported); in a pool shared with other areas the date is the pool’s, whose machines do the work all its areas have left, each at its own pace, with the area’s share of totals reported above it counted as served, so the two dates may differ.',
    },
    BLENDED: {
      value: 'blended',
      description:
        'At w × observed + (1 − w) × planned, w = n ÷ (n + 7) with n the days with machines (reported, else planned): the plan weighs more while few days are reported.',
    },
  } as const,
});
