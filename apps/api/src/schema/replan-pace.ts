// How a replan paces the remaining campaign: @muster/planning's ReplanPace.
import { builder } from '../builder.ts';

export const ReplanPaceEnum = builder.enumType('ReplanPace', {
  description: 'How a replan paces the remaining campaign in each area.',
  values: {
    PLANNED: { value: 'planned', description: 'At the plan’s service.' },
    OBSERVED: {
      value: 'observed',
      description:
        'At the dossiers per machine-day reported so far: on the machines reported or, where a report gives none, on those the plan stations in its area.',
    },
    BLENDED: {
      value: 'blended',
      description:
        'At w × observed + (1 − w) × planned, w = n ÷ (n + 7) with n the days with machines (reported, else planned): the plan weighs more while few days are reported.',
    },
  } as const,
});
