// A stored scenario as `whatIf`'s CampaignInput, with the planner's edits on top. The areas come
// from the tree (figures on the leaves, which roll up; shares and turnout wherever they are set,
// as they inherit down), the rest from the scenario.
import type {
  AreaInput,
  AreaLevel,
  CampaignInput,
  ScenarioInput,
  WhatIfScenarioQuery,
} from '../../gql/graphql.ts';

type Scenario = NonNullable<WhatIfScenarioQuery['scenario']>;
type TreeArea = NonNullable<WhatIfScenarioQuery['area']>;
type AnyArea = {
  code: string;
  name: string;
  level: AreaLevel;
  population?: number | null;
  eligible?: number | null;
  eligibleShare?: number | null;
  turnout?: number | null;
  alreadyServed: number;
  children?: readonly AnyArea[];
};

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

function areaInputs(
  area: AnyArea,
  parentCode: string | null,
  turnout: number | null,
  out: AreaInput[],
): void {
  const children = area.children ?? [];
  const isLeaf = children.length === 0;
  const input: AreaInput = { code: area.code, name: area.name, level: area.level };
  if (parentCode !== null) input.parentCode = parentCode;
  if (area.eligibleShare != null) input.eligibleShare = area.eligibleShare;
  // The edited turnout is set on the root and inherited; otherwise each area keeps its own.
  if (parentCode === null && turnout !== null) input.turnout = turnout;
  else if (turnout === null && area.turnout != null) input.turnout = area.turnout;
  if (isLeaf) {
    if (area.population != null) input.population = area.population;
    if (area.eligible != null) input.eligible = area.eligible;
    input.alreadyServed = area.alreadyServed;
  }
  out.push(input);
  for (const child of children) areaInputs(child, area.code, turnout, out);
}

export function campaignInputOf(scenario: Scenario, tree: TreeArea, edits: WhatIfEdits): CampaignInput {
  const areas: AreaInput[] = [];
  areaInputs(tree, null, edits.turnout, areas);
  return {
    areas,
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
