import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { checkRoster } from '../rotations/check-roster.ts';
import {
  DAK_NONG_DISTRICT_SEATS,
  dakNongSitesAndTeams,
  HUNG_NGUYEN_SERVICE,
} from './_fixtures/mountain-communes.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';
import { planSitesAndTeams } from './plan-sites-and-teams.ts';
import type { PlanSitesAndTeamsInput, SitesAndTeamsPlan } from './types.ts';

const VN = 'Asia/Ho_Chi_Minh';
const at = (latitude: number) => ({ latitude, longitude: 107.7 });
/** 0.1° of latitude on the IUGG mean sphere, km: 6371.0088 × 0.1 × π ÷ 180. */
const TENTH_DEGREE_KM = 11.1195;

function planned(result: ReturnType<typeof planSitesAndTeams>): SitesAndTeamsPlan {
  if (result.status !== 'planned') throw new Error(`expected a plan, got ${result.status}`);
  return result;
}

const town: PlanSitesAndTeamsInput = {
  calendar: { start: '2021-03-22', deadline: '2021-04-30', timeZone: VN },
  service: HUNG_NGUYEN_SERVICE,
  siteHours: { open: '07:30', close: '22:00' },
  sites: [{ id: 'town', communeId: 'T', machines: 2 }],
  teams: [{ id: 'M1', machines: 2 }],
  home: at(12.0),
  communes: [
    { id: 'T', demand: 500, location: at(12.0) },
    { id: 'near', demand: 800, location: at(12.1) },
    { id: 'far', demand: 600, location: at(12.6) },
  ],
};

describe('planSitesAndTeams', () => {
  it('sends a commune within reach to the site, with fewer coming from further, and a team beyond reach', () => {
    const plan = planned(planSitesAndTeams(town));
    // By hand: 'near' is 0.1° away, 11.1195 km × 1.4 road factor at 30 km/h (no terrain figures:
    // upland) = 0.5189 h, within the 1 h reach; 0.5^(0.5189 ÷ 1.5) = 78.68 % of its 800 come:
    // 629.4. The site takes 2 machines × 17 an hour × 14.5 h = 493 a day, so 500 + 629.4 take
    // 2.29 open days: done on the third, 24 March. 'far' is 0.6° away, 3.11 h: beyond reach.
    const near = plan.communes.find((c) => c.communeId === 'near');
    expect(near).toMatchObject({ servedBy: 'fixed-site', siteId: 'town', reason: 'within-reach' });
    expect(near?.expectedDossiers).toBe(629);
    expect(near?.turnoutShare).toBeCloseTo(0.787, 3);
    expect(plan.sites[0]).toMatchObject({
      communeIds: ['T', 'near'],
      expectedDossiers: 1129,
      notComingDossiers: 171,
      completionDate: '2021-03-24',
    });
    expect(plan.sites[0]?.openDays).toBeCloseTo(1129.4 / 493, 2);
    // 'far' by the team: 3.11 h on the road, 1 h set-up, 600 ÷ 34 = 17.6 h of work: 21.8 h of
    // 12-hour team days ends on the second day, 23 March.
    const far = plan.communes.find((c) => c.communeId === 'far');
    expect(far).toMatchObject({
      servedBy: 'mobile-team',
      reason: 'beyond-reach',
      completionDate: '2021-03-23',
    });
    expect(plan.mobile?.teams[0]?.visits.map((v) => [v.communeId, v.arriveDate, v.leaveDate])).toEqual([
      ['far', '2021-03-22', '2021-03-23'],
    ]);
    expect(plan).toMatchObject({ completionDate: '2021-03-24', onTime: true, expectedDossiers: 1729 });
    expect(plan.notComingDossiers).toBe(171);
  });

  it('gives a team a commune within reach when the site would finish it later than the team', () => {
    // 5,000 at the town keep its site busy for 10 days; the team is done with 'far' on day 2
    // and finishes 'near' (2.6 h on, 1 h set-up, 23.5 h of work) within the first week.
    const busy = { ...town, communes: town.communes.map((c) => (c.id === 'T' ? { ...c, demand: 5000 } : c)) };
    const plan = planned(planSitesAndTeams(busy));
    const near = plan.communes.find((c) => c.communeId === 'near');
    expect(near).toMatchObject({ servedBy: 'mobile-team', reason: 'sites-busy', expectedDossiers: 800 });
    expect((near?.completionDate ?? '') < (plan.sites[0]?.completionDate ?? '')).toBe(true);
  });

  it('plans Đắk Nông with its 24 machines at the district seats and 10 mobile teams', () => {
    const input = dakNongSitesAndTeams(10);
    const plan = planned(planSitesAndTeams(input));
    expect(plan.sites.reduce((sum, s) => sum + s.machines, 0)).toBe(24);
    expect(plan.communes).toHaveLength(71);
    // Every commune is served once: at one site, or by the teams.
    const atSites = plan.sites.flatMap((s) => s.communeIds);
    expect(new Set(atSites).size).toBe(atSites.length);
    const byTeams = plan.communes.filter((c) => c.servedBy === 'mobile-team').map((c) => c.communeId);
    expect(atSites.length + byTeams.length).toBe(71);
    for (const id of byTeams) {
      const visited = plan.mobile?.communes.find((c) => c.communeId === id);
      expect(visited?.servedBy).toBe('mobile-team');
      expect(visited?.plannedDossiers).toBe(input.communes.find((c) => c.id === id)?.demand);
    }
    for (const seat of DAK_NONG_DISTRICT_SEATS) {
      expect(plan.communes.find((c) => c.communeId === seat)?.reason).toBe('site-commune');
    }
    for (const c of plan.communes) {
      if (c.reason === 'within-reach') expect(c.nearestSiteHours).toBeLessThanOrEqual(1);
      if (c.reason === 'beyond-reach') expect(c.nearestSiteHours).toBeGreaterThan(1);
    }
    expect(plan.onTime).toBe(true);
    expect(plan.completionOpenDays).toBeGreaterThanOrEqual(plan.lowerBoundOpenDays);
  });

  it('does not take Gia Nghĩa’s wards for remote: teams reach them after the communes far from any site', () => {
    const plan = planned(planSitesAndTeams(dakNongSitesAndTeams(10)));
    const wards = plan.communes.filter((c) => c.terrain === 'urban' && c.servedBy === 'mobile-team');
    const remote = plan.communes.filter((c) => c.reason === 'beyond-reach');
    expect(remote.length).toBeGreaterThan(0);
    const windows = (id: string) => plan.mobile?.communes.find((c) => c.communeId === id)?.windows ?? [];
    const first = (id: string) =>
      windows(id)
        .map((w) => w.from)
        .sort()[0] ?? '';
    const remoteDone =
      remote
        .flatMap((c) => windows(c.communeId).map((w) => w.to))
        .sort()
        .at(-1) ?? '';
    for (const ward of wards) expect(first(ward.communeId) >= remoteDone).toBe(true);
    for (const ward of plan.communes.filter((c) => c.terrain === 'urban')) {
      expect(ward.nearestSiteHours).toBeLessThan(0.5);
    }
  });

  it('spends fewer machine-days for the deadline than the earliest plan, still on time', () => {
    const input = dakNongSitesAndTeams(10);
    const earliest = planned(planSitesAndTeams(input));
    const thrifty = planned(planSitesAndTeams(input, { objective: 'machine-days' }));
    expect(thrifty.onTime).toBe(true);
    expect(thrifty.machineDays.total).toBeLessThan(earliest.machineDays.total);
    expect((thrifty.completionDate ?? '') >= (earliest.completionDate ?? '')).toBe(true);
  });

  it('takes only sites when there are no teams, sending those beyond reach to the nearest site', () => {
    const plan = planned(planSitesAndTeams({ ...town, teams: [] }));
    expect(plan.mobile).toBeNull();
    const far = plan.communes.find((c) => c.communeId === 'far');
    // 3.1135 h away: 0.5^(3.1135 ÷ 1.5) = 23.73 % of 600 come, 142.4.
    expect(far).toMatchObject({ servedBy: 'fixed-site', reason: 'no-team', expectedDossiers: 142 });
  });

  it('refuses bad input naming the field', () => {
    const bad = (patch: object, path: string, options: object = {}): void => {
      try {
        planSitesAndTeams({ ...town, ...patch } as PlanSitesAndTeamsInput, options);
        expect.unreachable(`${path} was accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(PlanningInputError);
        expect((error as PlanningInputError).path).toBe(path);
      }
    };
    bad({ sites: [{ id: 's', communeId: 'nowhere', machines: 2 }] }, 'sites[0].communeId');
    bad({ sites: [{ id: 's', communeId: 'T', machines: 0 }] }, 'sites[0].machines');
    bad({ sites: [], teams: [] }, 'sites');
    bad({ reach: { turnoutHalfLifeHours: 0 } }, 'reach.turnoutHalfLifeHours');
    bad({ reach: { maxTravelHours: -1 } }, 'reach.maxTravelHours');
    bad({ siteHours: { open: '25:00', close: '22:00' } }, 'siteHours.open');
    bad({}, 'objective', { objective: 'cheapest' });
  });
});

describe('remoteness from travel', () => {
  const pair = (a: object, b: object): PlanSitesAndTeamsInput => ({
    ...town,
    sites: [],
    home: at(12.0),
    communes: [
      { id: 'A', demand: 17, location: at(12.0), ...a },
      { id: 'B', demand: 17, location: at(12.1), ...b },
    ],
  });
  const driveAB = (input: PlanSitesAndTeamsInput): number => {
    const plan = planned(planSitesAndTeams(input, { priorityRule: 'rank' }));
    const visits = plan.mobile?.teams.flatMap((t) => t.visits) ?? [];
    return visits.find((v) => v.communeId === 'B')?.travelHoursBefore ?? Number.NaN;
  };

  it('drives half the road at each end’s terrain speed', () => {
    // By hand: 11.1195 km × 1.4 × (1 ÷ 20 + 1 ÷ 40) ÷ 2 = 0.5838 h from a mountain commune to a
    // lowland one (density 40 and 400 people per km²).
    const mountain = { population: 4000, areaKm2: 100 };
    const lowland = { population: 40_000, areaKm2: 100 };
    expect(driveAB(pair(mountain, lowland))).toBeCloseTo((TENTH_DEGREE_KM * 1.4 * (1 / 20 + 1 / 40)) / 2, 3);
    // A ward is urban (25 km/h) whatever its density; a commune given a class keeps it.
    expect(driveAB(pair({ communeType: 'ward' }, { terrain: 'urban' }))).toBeCloseTo(
      (TENTH_DEGREE_KM * 1.4) / 25,
      3,
    );
    // Nothing known: upland, 30 km/h, the speed planners used before.
    expect(driveAB(pair({}, {}))).toBeCloseTo((TENTH_DEGREE_KM * 1.4) / 30, 3);
    // A commune's own speed, and the classes' speeds, can be set.
    expect(driveAB(pair({ speedKmPerHour: 10 }, { speedKmPerHour: 10 }))).toBeCloseTo(
      (TENTH_DEGREE_KM * 1.4) / 10,
      3,
    );
    expect(
      driveAB({ ...pair({}, {}), travel: { speedsKmPerHour: { upland: 15 }, detourFactor: 1.2 } }),
    ).toBeCloseTo((TENTH_DEGREE_KM * 1.2) / 15, 3);
  });

  it('reads Đắk Nông’s classes from its figures: wards and towns urban, the sparse south-west mountain', () => {
    const plan = planned(planSitesAndTeams(dakNongSitesAndTeams(10)));
    const terrain = (name: string) => plan.communes.find((c) => c.name === name)?.terrain;
    expect(terrain('Phường Nghĩa Đức')).toBe('urban');
    // Quảng Sơn (Đắk Glong): 17,717 people on about 400 km², some 44 per km².
    expect(terrain('Xã Quảng Sơn')).toBe('mountain');
  });

  it('leaves from the centre of the communes when no home is given, and says so', () => {
    const { home: _home, ...noHome } = town;
    const plan = planned(planSitesAndTeams(noHome as PlanSitesAndTeamsInput));
    expect(plan.notes.join(' ')).toMatch(/centre of the communes/);
    expect(plan.mobile?.assumptions.home).toBe('centre-of-communes');
  });
});

describe('teams with crews', () => {
  const lonely = {
    calendar: { start: '2021-03-22', deadline: '2021-04-18', timeZone: VN },
    teams: [{ id: 'M1', machines: 1 }],
    service: HUNG_NGUYEN_SERVICE,
    home: at(12.0),
    communes: [{ id: 'A', demand: 17 * 12 * 10, location: at(12.0) }],
    setupHours: 0,
  };

  it('works a one-crew team 4 days in 7 on a 12-hour day: 48 hours a week', () => {
    const plan = planMobileTeams({ ...lonely, crewsPerTeam: 1 });
    if (plan.status !== 'planned') throw new Error(plan.status);
    // By hand: 48 h ÷ 12 h = 4 days a week; 120 h of work take 10 working days: 22–25 March,
    // 3 days off, 29 March–1 April, 3 days off, 5–6 April.
    expect(plan.crews.hoursPerDay).toBe(12);
    expect(plan.completionDate).toBe('2021-04-06');
    const worked = plan.teams[0]?.visits[0]?.dossiersPerDay.map((d) => d.date);
    expect(worked).toEqual(plan.crews.assignments.map((a) => a.date).filter((d) => d <= '2021-04-06'));
    expect(plan.crews.standDownDates.slice(0, 3)).toEqual(['2021-03-26', '2021-03-27', '2021-03-28']);
  });

  it('gives a team the days its roster gives it: checkRoster finds no broken rule but the days it stands down', () => {
    for (const crewsPerTeam of [1, 2, 3]) {
      const plan = planMobileTeams({ ...lonely, hours: { open: '05:00', close: '24:00' }, crewsPerTeam });
      if (plan.status !== 'planned') throw new Error(plan.status);
      // 19 open hours, cut to 24 − 11 h of rest = 13 h a crew's day.
      expect(plan.crews.hoursPerDay).toBe(13);
      const check = checkRoster({
        startDate: '2021-03-22',
        days: 28,
        timeZone: VN,
        shifts: [{ name: 'Team day', start: plan.crews.start, end: plan.crews.end, crews: 1 }],
        teams: Array.from({ length: crewsPerTeam }, (_, i) => `Crew ${i + 1}`),
        assignments: plan.crews.assignments.filter((a) => a.date <= '2021-04-18'),
      });
      const broken = check.violations.filter((v) => v.rule !== 'staffing');
      expect(broken).toEqual([]);
      const short = check.violations.filter((v) => v.rule === 'staffing').map((v) => v.date);
      expect(short).toEqual(plan.crews.standDownDates.filter((d) => d <= '2021-04-18'));
      const visitDays = plan.teams[0]?.visits.flatMap((v) => v.dossiersPerDay.map((d) => d.date)) ?? [];
      for (const day of visitDays) expect(plan.crews.standDownDates).not.toContain(day);
    }
  });
});
