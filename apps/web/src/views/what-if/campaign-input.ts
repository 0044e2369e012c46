// A stored scenario as `whatIf`'s CampaignInput, with the planner's edits on top. The areas are the
// scenario's own tree, at any depth, made into inputs as the API makes a stored scenario's
// (apps/api/src/planning/scenario-input.ts): figures and shares on the leaves, which roll up;
// turnout wherever it is set, as it inherits down; the served figures a replan counts. So a
// what-if left as it is plans what the saved plan planned. The rest comes from the scenario.
import type { AreaInput, CampaignInput, ScenarioInput, WhatIfScenarioQuery } from '../../gql/graphql.ts';

type Scenario = NonNullable<WhatIfScenarioQuery['scenario']>;
type ScenarioArea = Scenario['areas'][number];

export type WhatIfEdits = {
  open: string;
  close: string;
  minutesPerDossier: number;
  /** Share of open time a machine works, 0..1. */
  availability: number;
  /** Share of the eligible expected to come, 0..1, for the whole tree; null keeps the stored shares. */
  turnout: number | null;
  /** Machines per area code; an area left out has no allocation of its own. */
  machines: Record<string, number>;
};

export function editsOf(scenario: Scenario): WhatIfEdits {
  return {
    open: scenario.hours.open,
    close: scenario.hours.close,
    minutesPerDossier: scenario.service.minutesPerDossier,
    availability: scenario.service.availability ?? 1,
    turnout: null,
    machines: Object.fromEntries(scenario.machines.map((m) => [m.areaCode, m.machines])),
  };
}

/**
 * The scenario's areas as inputs, parents first: the turnout edited for the whole tree is set on
 * the root alone (the areas' own turnouts give way to it), else each area keeps its own.
 */
function areaInputs(scenario: Scenario, turnout: number | null): AreaInput[] {
  const parents = new Set(scenario.areas.map((area) => area.parentCode));
  const served = new Map(scenario.alreadyServed.map((row) => [row.areaCode, row.alreadyServed]));
  return scenario.areas.map((area: ScenarioArea): AreaInput => {
    const isRoot = area.code === scenario.areaCode;
    const input: AreaInput = { code: area.code, name: area.name, level: area.level };
    if (!isRoot && area.parentCode != null) input.parentCode = area.parentCode;
    if (isRoot && turnout !== null) input.turnout = turnout;
    else if (turnout === null && area.turnout != null) input.turnout = area.turnout;
    if (area.latitude != null && area.longitude != null) {
      input.location = { latitude: area.latitude, longitude: area.longitude };
    }
    if (area.areaKm2 != null) input.areaKm2 = area.areaKm2;
    if (area.urbanShare != null) input.urbanShare = area.urbanShare;
    if (area.communeType != null) input.communeType = area.communeType;
    // A share holds for the areas below that give none (a village imported without its own takes
    // its commune's), as the area import counts their eligible.
    if (area.eligibleShare != null) input.eligibleShare = area.eligibleShare;
    // Parents' stored figures are sums of their children: only leaves carry them.
    if (!parents.has(area.code)) {
      if (area.population != null) input.population = area.population;
      if (area.eligible != null) input.eligible = area.eligible;
      const alreadyServed = served.get(area.code) ?? area.alreadyServed;
      if (alreadyServed > 0) input.alreadyServed = alreadyServed;
    }
    return input;
  });
}

/** The areas a what-if gives machines to: the scenario's root and the areas right below it. */
export function allocatableAreas(scenario: Scenario): ScenarioArea[] {
  return scenario.areas.filter(
    (area) => area.code === scenario.areaCode || area.parentCode === scenario.areaCode,
  );
}

export function campaignInputOf(scenario: Scenario, edits: WhatIfEdits): CampaignInput {
  return {
    areas: areaInputs(scenario, edits.turnout),
    calendar: {
      start: scenario.calendar.start,
      deadline: scenario.calendar.deadline,
      timeZone: scenario.calendar.timeZone,
      closedDates: scenario.calendar.closedDates,
      closedWeekdays: scenario.calendar.closedWeekdays,
    },
    hours: { open: edits.open, close: edits.close },
    service: {
      minutesPerDossier: edits.minutesPerDossier,
      availability: edits.availability,
      ...(scenario.service.serviceCv != null ? { serviceCv: scenario.service.serviceCv } : {}),
      ...(scenario.service.hardCaseShare != null ? { hardCaseShare: scenario.service.hardCaseShare } : {}),
      ...(scenario.service.hardCaseExtraMinutes != null
        ? { hardCaseExtraMinutes: scenario.service.hardCaseExtraMinutes }
        : {}),
    },
    machines: Object.entries(edits.machines).map(([areaCode, machines]) => ({ areaCode, machines })),
  };
}

/** The what-if as a new scenario of the same root (turnout lives on areas, not on scenarios). */
export function scenarioInputOf(scenario: Scenario, input: CampaignInput, name: string): ScenarioInput {
  return {
    name,
    areaCode: scenario.areaCode,
    calendar: input.calendar,
    hours: input.hours,
    service: input.service,
    machines: input.machines ?? [],
    ...(scenario.teamsPerSite != null ? { teamsPerSite: scenario.teamsPerSite } : {}),
    ...(scenario.waitTargetMinutes != null ? { waitTargetMinutes: scenario.waitTargetMinutes } : {}),
  };
}
