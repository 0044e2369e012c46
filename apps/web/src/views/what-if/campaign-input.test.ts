import { type AreaInput, planCampaign } from '@muster/planning';
import { describe, expect, it } from 'vitest';
import type { WhatIfScenarioQuery } from '../../gql/graphql.ts';
import { allocatableAreas, campaignInputOf, editsOf } from './campaign-input.ts';

type Scenario = NonNullable<WhatIfScenarioQuery['scenario']>;
type Area = Scenario['areas'][number];

const area = (fields: Partial<Area> & Pick<Area, 'code' | 'name' | 'level'>): Area => ({
  parentCode: null,
  population: null,
  eligible: null,
  eligibleShare: null,
  turnout: null,
  alreadyServed: 0,
  latitude: null,
  longitude: null,
  areaKm2: null,
  urbanShare: null,
  communeType: null,
  ...fields,
});

// A province whose planner imported two villages under one commune: four levels, as the API lists a
// scenario's areas (parents first). Parents hold the sums of their children; Thôn 1 has a turnout
// of its own, Thôn 2 takes the province's.
const SCENARIO: Scenario = {
  scenarioId: 'thu-2021',
  name: 'Tỉnh Thử 2021',
  areaCode: '99',
  teamsPerSite: null,
  waitTargetMinutes: null,
  calendar: {
    start: '2021-03-15',
    deadline: '2021-03-31',
    timeZone: 'Asia/Ho_Chi_Minh',
    closedDates: [],
    closedWeekdays: [],
  },
  hours: { open: '07:00', close: '17:00' },
  service: {
    minutesPerDossier: 6,
    availability: null,
    serviceCv: null,
    hardCaseShare: null,
    hardCaseExtraMinutes: null,
  },
  machines: [{ areaCode: '99', machines: 2 }],
  // A replan counts 50 already served in Thôn 2 (the area's own figure is 20).
  alreadyServed: [{ areaCode: '99-1-1-2', alreadyServed: 50 }],
  areas: [
    area({ code: '99', name: 'Tỉnh Thử', level: 'PROVINCE', population: 2000, eligible: 1500, turnout: 0.8 }),
    area({
      code: '99-1',
      name: 'Huyện Một',
      level: 'DISTRICT',
      parentCode: '99',
      population: 2000,
      eligible: 1500,
    }),
    area({
      code: '99-1-1',
      name: 'Xã Một',
      level: 'COMMUNE',
      parentCode: '99-1',
      population: 2000,
      eligible: 1500,
      alreadyServed: 20,
      latitude: 12.1,
      longitude: 107.7,
    }),
    area({
      code: '99-1-1-1',
      name: 'Thôn 1',
      level: 'VILLAGE',
      parentCode: '99-1-1',
      population: 1200,
      eligible: 900,
      turnout: 0.5,
    }),
    area({
      code: '99-1-1-2',
      name: 'Thôn 2',
      level: 'VILLAGE',
      parentCode: '99-1-1',
      population: 800,
      eligible: 600,
      alreadyServed: 20,
    }),
  ],
};

/** The library's plan of a scenario's what-if left as it is, over the scenario's fortnight. */
function plannedAsItIs(scenario: Scenario) {
  const { areas } = campaignInputOf(scenario, editsOf(scenario));
  return planCampaign({
    // The service's own input, less what the library spells otherwise (levels, commune types).
    areas: areas.map(
      ({ level: _level, communeType: _type, ...rest }) =>
        Object.fromEntries(Object.entries(rest).filter(([, value]) => value != null)) as AreaInput,
    ),
    calendar: { start: '2021-03-15', deadline: '2021-03-31', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '07:00', close: '17:00' },
    service: { minutesPerDossier: 6 },
  });
}

describe('campaignInputOf', () => {
  it('sends the scenario’s whole tree, villages under their commune, with figures on the leaves only', () => {
    const input = campaignInputOf(SCENARIO, editsOf(SCENARIO));
    expect(input.areas).toEqual([
      { code: '99', name: 'Tỉnh Thử', level: 'PROVINCE', turnout: 0.8 },
      { code: '99-1', name: 'Huyện Một', level: 'DISTRICT', parentCode: '99' },
      {
        code: '99-1-1',
        name: 'Xã Một',
        level: 'COMMUNE',
        parentCode: '99-1',
        location: { latitude: 12.1, longitude: 107.7 },
      },
      {
        code: '99-1-1-1',
        name: 'Thôn 1',
        level: 'VILLAGE',
        parentCode: '99-1-1',
        turnout: 0.5,
        population: 1200,
        eligible: 900,
      },
      {
        code: '99-1-1-2',
        name: 'Thôn 2',
        level: 'VILLAGE',
        parentCode: '99-1-1',
        population: 800,
        eligible: 600,
        alreadyServed: 50,
      },
    ]);
    expect(input.machines).toEqual([{ areaCode: '99', machines: 2 }]);
  });

  it('plans, left as it is, the demand the saved plan counts on the villages', () => {
    // By hand: Thôn 1 900 × 0.5 = 450; Thôn 2 600 × 0.8 − 50 = 430; the province 880. Cut at the
    // communes (the what-if's old three levels), Xã Một's 1,500 × 0.8 − 20 would have been 1,180.
    const plan = plannedAsItIs(SCENARIO);
    const demand = Object.fromEntries(plan.areas.map((row) => [row.code, row.demand]));
    expect(demand).toEqual({ '99': 880, '99-1': 880, '99-1-1': 880, '99-1-1-1': 450, '99-1-1-2': 430 });
  });

  it('counts a village given no share of its own at its commune’s, as the saved plan and the area import do', () => {
    // Xã Một with a share of 0.7 and Thôn 2 with its people alone: by hand 800 × 0.7 = 560 eligible,
    // 560 × 0.8 − 50 = 398 to take (every resident counted, it would be 800 and 590).
    const scenario: Scenario = {
      ...SCENARIO,
      areas: SCENARIO.areas.map((row) =>
        row.code === '99-1-1'
          ? { ...row, eligibleShare: 0.7 }
          : row.code === '99-1-1-2'
            ? { ...row, eligible: null }
            : row,
      ),
    };
    const plan = plannedAsItIs(scenario);
    const village = plan.areas.find((row) => row.code === '99-1-1-2');
    expect([village?.eligible, village?.demand]).toEqual([560, 398]);
  });

  it('sets an edited turnout on the root alone, over the areas’ own', () => {
    const input = campaignInputOf(SCENARIO, { ...editsOf(SCENARIO), turnout: 0.9 });
    expect(input.areas.map((row) => [row.code, row.turnout])).toEqual([
      ['99', 0.9],
      ['99-1', undefined],
      ['99-1-1', undefined],
      ['99-1-1-1', undefined],
      ['99-1-1-2', undefined],
    ]);
  });
});

describe('allocatableAreas', () => {
  it('gives machines to the root and the areas right below it, not to every level', () => {
    expect(allocatableAreas(SCENARIO).map((row) => row.code)).toEqual(['99', '99-1']);
  });
});
