// The two arguments every computed field of a stored scenario takes (the scenario, the area asked
// about within it) and who may ask: one who sees the scenario and the area.
import { builder } from '../builder.ts';

/** `scenarioId` and `areaCode`, described once for `plan`, `planVsActual`, `replan` and `solve`. */
export const scenarioAreaArgs = builder.args((t) => ({
  scenarioId: t.id({
    required: true,
    description: 'The scenario’s own key (`scenarioId`), e.g. `dak-nong-2021`.',
  }),
  areaCode: t.string({
    required: true,
    description:
      'The area asked about (its code), within the scenario’s: it and its descendants are answered.',
  }),
}));

/** Scope of a field on a scenario's area: the caller sees both the scenario and the area. */
export function seesScenarioArea(_root: unknown, args: { scenarioId: string | number; areaCode: string }) {
  return { $all: { seesScenario: String(args.scenarioId), seesArea: args.areaCode } } as const;
}
