import { describe, expect, it } from 'vitest';
import { planCampaign } from '../campaign/plan-campaign.ts';
import type { CampaignInput } from '../campaign/types.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import {
  asMobileCommunes,
  communesOf,
  HUNG_NGUYEN_SERVICE,
  identicalTeams,
} from './_fixtures/mountain-communes.ts';
import { mobileCommunesFromPlan } from './mobile-communes-from-plan.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';

const VN = 'Asia/Ho_Chi_Minh';
const CALENDAR = { start: '2021-03-22', deadline: '2021-04-30', timeZone: VN };
const SERVICE = { minutesPerDossier: 3.5 };
const HOURS = { open: '07:00', close: '19:00' };

/**
 * Province P: district D1 with communes a and b, district D2 with commune c. By hand:
 * a: 1,000 eligible − 250 served = 750, a quarter served;
 * b: 800 people × 0.5 = 400 eligible, × 0.9 turnout = 360;
 * c: 300 eligible, all 300 served = 0 left, wholly served.
 */
const TINY: CampaignInput = {
  areas: [
    { code: 'P', name: 'Province' },
    { code: 'D1', name: 'District 1', parentCode: 'P' },
    { code: 'a', name: 'Commune A', parentCode: 'D1', eligible: 1000, alreadyServed: 250 },
    { code: 'b', name: 'Commune B', parentCode: 'D1', population: 800, eligibleShare: 0.5, turnout: 0.9 },
    { code: 'D2', name: 'District 2', parentCode: 'P' },
    { code: 'c', name: 'Commune C', parentCode: 'D2', eligible: 300, alreadyServed: 300 },
  ],
  calendar: CALENDAR,
  hours: HOURS,
  service: SERVICE,
};

const POINTS = {
  a: { latitude: 12.1, longitude: 107.6 },
  b: { latitude: 12.2, longitude: 107.7 },
  c: { latitude: 12.3, longitude: 107.8 },
};

/** TINY with a location on every commune. */
const LOCATED: CampaignInput = {
  ...TINY,
  areas: TINY.areas.map((area) =>
    area.code in POINTS ? { ...area, location: POINTS[area.code as keyof typeof POINTS] } : area,
  ),
};

/** Đắk Nông from the fixture (GSO 2019 census, 14+ estimate), everyone aged 14+ expected, communes at their centroids. */
function dakNong(): CampaignInput {
  const areas: CampaignInput['areas'] = [{ code: '67', name: 'Tỉnh Đắk Nông' }];
  for (const c of communesOf('67')) {
    if (!areas.some((a) => a.code === c.districtCode))
      areas.push({ code: c.districtCode, name: c.districtName, parentCode: '67' });
    areas.push({
      code: c.communeCode,
      name: c.communeName,
      parentCode: c.districtCode,
      eligible: c.eligible14Plus,
      location: { latitude: c.latitude, longitude: c.longitude },
    });
  }
  return { areas, calendar: CALENDAR, hours: HOURS, service: SERVICE };
}

function refusal(run: () => unknown): PlanningInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanningInputError) return error;
    throw error;
  }
  throw new Error('expected a PlanningInputError');
}

describe('mobileCommunesFromPlan', () => {
  it('lists the leaf areas under a district with their demand and the share already served', () => {
    const communes = mobileCommunesFromPlan(planCampaign(TINY), { areaCode: 'D1' });
    expect(communes).toEqual([
      { id: 'a', name: 'Commune A', demand: 750, coverageShare: 0.25 },
      { id: 'b', name: 'Commune B', demand: 360, coverageShare: 0 },
    ]);
  });

  it('takes every leaf of the plan by default, parents never, a wholly served commune with no demand', () => {
    const communes = mobileCommunesFromPlan(planCampaign(TINY));
    expect(communes.map((c) => [c.id, c.demand, c.coverageShare])).toEqual([
      ['a', 750, 0.25],
      ['b', 360, 0],
      ['c', 0, 1],
    ]);
    expect(mobileCommunesFromPlan(planCampaign(TINY), { areaCode: 'P' })).toEqual(communes);
  });

  it('answers a leaf asked about with itself', () => {
    expect(mobileCommunesFromPlan(planCampaign(TINY), { areaCode: 'b' }).map((c) => c.id)).toEqual(['b']);
  });

  it('gives each commune the location of its area', () => {
    expect(mobileCommunesFromPlan(planCampaign(LOCATED), { areaCode: 'D2' })).toEqual([
      {
        id: 'c',
        name: 'Commune C',
        demand: 0,
        coverageShare: 1,
        location: { latitude: 12.3, longitude: 107.8 },
      },
    ]);
  });

  it('gives Tuy Đức its 6 communes and 41,349 people aged 14+, the sum of the district', () => {
    const plan = planCampaign(dakNong());
    const communes = mobileCommunesFromPlan(plan, { areaCode: '667' });
    expect(communes).toHaveLength(6);
    // GSO 2019 census, district share aged 14+ applied to each commune (the fixture's figures).
    expect(communes.reduce((sum, c) => sum + c.demand, 0)).toBe(41_349);
    expect(plan.areas.find((row) => row.code === '667')?.demand).toBe(41_349);
  });

  it('keeps Đắk Nông whole: the communes of every district add up to the province', () => {
    const plan = planCampaign(dakNong());
    const all = mobileCommunesFromPlan(plan, { areaCode: '67' });
    expect(all).toHaveLength(71);
    const byDistrict = plan.areas
      .filter((row) => row.parentCode === '67')
      .flatMap((row) => mobileCommunesFromPlan(plan, { areaCode: row.code }));
    expect(byDistrict.map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
    expect(all.reduce((sum, c) => sum + c.demand, 0)).toBe(plan.areas[0]?.demand);
  });

  it('plans Tuy Đức in two calls as it plans the fixture communes given by hand', () => {
    const input = dakNong();
    const seat = input.areas.find((area) => area.code === '24739')?.location; // Đắk Búk So, the district seat
    if (seat === undefined) throw new Error('fixture lost Đắk Búk So');
    const teams = {
      teams: identicalTeams(3, 2),
      service: HUNG_NGUYEN_SERVICE,
      home: seat,
      maxDaysPerVisit: 10,
    };
    const twoCalls = planMobileTeams({
      calendar: CALENDAR,
      ...teams,
      communes: mobileCommunesFromPlan(planCampaign(input), { areaCode: '667' }),
    });
    const byHand = planMobileTeams({
      calendar: CALENDAR,
      ...teams,
      communes: asMobileCommunes(communesOf('667')),
    });
    expect(twoCalls).toEqual(byHand);
  });

  it('refuses an area not in the plan, naming areaCode', () => {
    const error = refusal(() => mobileCommunesFromPlan(planCampaign(TINY), { areaCode: 'Z' }));
    expect(error).toMatchObject({ path: 'areaCode', code: 'unknown-reference' });
  });

  it('leaves a commune whose area has no location without one, for planMobileTeams to name', () => {
    const areas = LOCATED.areas.map((area) =>
      area.code === 'b' ? TINY.areas[3] : area,
    ) as CampaignInput['areas'];
    const communes = mobileCommunesFromPlan(planCampaign({ ...LOCATED, areas }), { areaCode: 'D1' });
    expect(communes.map((c) => c.location ?? null)).toEqual([POINTS.a, null]);
    const error = refusal(() =>
      planMobileTeams({
        calendar: CALENDAR,
        teams: identicalTeams(1, 2),
        service: HUNG_NGUYEN_SERVICE,
        home: POINTS.a,
        communes,
      }),
    );
    expect(error).toMatchObject({ path: 'communes[1].location', code: 'required' });
  });

  it('refuses a location out of range in the plan’s input, and a plan that is not one', () => {
    const areas = LOCATED.areas.map((area) =>
      area.code === 'a' ? { ...area, location: { latitude: 95, longitude: 107.6 } } : area,
    );
    expect(refusal(() => planCampaign({ ...LOCATED, areas }))).toMatchObject({
      path: 'areas[2].location.latitude',
      code: 'range',
    });
    expect(refusal(() => mobileCommunesFromPlan(null as never))).toMatchObject({
      path: 'plan',
      code: 'type',
    });
    expect(refusal(() => mobileCommunesFromPlan({ areas: 3 } as never))).toMatchObject({
      path: 'plan.areas',
      code: 'type',
    });
  });

  it('carries the areas’ land, urban share and type, so Gia Nghĩa’s six wards drive as urban terrain', () => {
    const census = new Map(communesOf('67').map((c) => [c.communeCode, c]));
    const input = dakNong();
    const areas = input.areas.map((area) => {
      const c = census.get(area.code);
      if (c === undefined) return area;
      return {
        ...area,
        population: c.population2019,
        areaKm2: c.areaKm2,
        urbanShare: c.urbanPopulation2019 / c.population2019,
        communeType:
          c.communeType === 'phường'
            ? ('ward' as const)
            : c.communeType === 'thị trấn'
              ? ('township' as const)
              : ('commune' as const),
      };
    });
    const communes = mobileCommunesFromPlan(planCampaign({ ...input, areas }), { areaCode: '67' });
    const plan = planMobileTeams({
      calendar: CALENDAR,
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(4, 2),
      communes,
    });
    if (plan.status !== 'planned') throw new Error(plan.status);
    const terrain = new Map(plan.communes.map((c) => [c.communeId, c.terrain]));
    // The GSO's list of 2021 units names six phường in Đắk Nông, all in Gia Nghĩa (code 660).
    const wards = communesOf('67').filter((c) => c.communeType === 'phường');
    expect(wards.map((c) => c.districtCode)).toEqual(Array(6).fill('660'));
    for (const ward of wards) expect(terrain.get(ward.communeCode)).toBe('urban');
    // Without the figures every commune is upland, the speed used when nothing is known.
    const bare = planMobileTeams({
      calendar: CALENDAR,
      service: HUNG_NGUYEN_SERVICE,
      teams: identicalTeams(4, 2),
      communes: mobileCommunesFromPlan(planCampaign(input), { areaCode: '67' }),
    });
    if (bare.status !== 'planned') throw new Error(bare.status);
    expect(new Set(bare.communes.map((c) => c.terrain))).toEqual(new Set(['upland']));
  });

  it('refuses a commune type it does not know, naming the area', () => {
    const input = {
      ...TINY,
      areas: TINY.areas.map((a) => (a.code === 'b' ? { ...a, communeType: 'city' } : a)),
    };
    const error = refusal(() => planCampaign(input as CampaignInput));
    expect([error.path, error.code]).toEqual(['areas[3].communeType', 'format']);
  });
});
