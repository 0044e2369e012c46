import { describe, expect, it } from 'vitest';
import {
  asMobileCommunes,
  communesOf,
  dakNongSitesAndTeams,
  HUNG_NGUYEN_SERVICE,
  identicalTeams,
} from './_fixtures/mountain-communes.ts';
import { type MobileTeamsNeededInput, mobileTeamsNeeded } from './mobile-teams-needed.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';
import { planSitesAndTeams } from './plan-sites-and-teams.ts';

function tuyDuc(deadline: string): MobileTeamsNeededInput {
  const communes = communesOf('667');
  const seat = communes.find((c) => c.communeCode === '24739');
  if (seat === undefined) throw new Error('fixture lost Đắk Búk So');
  return {
    calendar: { start: '2021-03-22', deadline, timeZone: 'Asia/Ho_Chi_Minh' },
    machinesPerTeam: 2,
    service: HUNG_NGUYEN_SERVICE,
    home: seat,
    maxDaysPerVisit: 10,
    communes: asMobileCommunes(communes),
  };
}

describe('mobileTeamsNeeded', () => {
  it('answers "how many teams of 2 machines finish Tuy Đức by 10 April?" with the fewest that do', () => {
    const input = tuyDuc('2021-04-10');
    const need = mobileTeamsNeeded(input);
    expect(need.status).toBe('found');
    if (need.status !== 'found') return;
    // By hand: 1,216.1 team-hours of work and 6 set-ups over 20 days × 12 h = 240 h is 5.1 teams: at least 6.
    expect(need.lowerBoundTeams).toBe(6);
    expect(need.teams).toBeGreaterThanOrEqual(6);
    expect(need.plan?.onTime).toBe(true);
    const { machinesPerTeam, ...shared } = input;
    const fewer = planMobileTeams({ ...shared, teams: identicalTeams(need.teams - 1, machinesPerTeam) });
    expect(fewer.status === 'planned' && fewer.onTime).toBe(false);
  });

  it('answers infeasible, naming the commune, when no number of teams can drive there in time', () => {
    const need = mobileTeamsNeeded(
      {
        calendar: { start: '2021-03-22', deadline: '2021-03-22' },
        machinesPerTeam: 2,
        service: HUNG_NGUYEN_SERVICE,
        home: { latitude: 21.03, longitude: 105.85 },
        communes: [{ id: '24611', demand: 100, location: { latitude: 12.01468, longitude: 107.71268 } }],
      },
      { maxTeams: 20 },
    );
    expect(need).toEqual(expect.objectContaining({ status: 'infeasible', reason: 'too-far' }));
  });
});

describe('mobileTeamsNeeded beside fixed sites', () => {
  it('answers none when the sites finish in time, and the fewest teams that bring Đắk Nông’s 24 machines forward', () => {
    const { teams: _teams, ...dakNong } = dakNongSitesAndTeams(0);
    // 90 days: the 24 machines at the district seats alone reach every commune within reach,
    // but the communes beyond an hour's drive need visits, so at least one team.
    const loose = mobileTeamsNeeded({ ...dakNong, machinesPerTeam: 2 });
    expect(loose.status).toBe('found');
    if (loose.status !== 'found') return;
    expect(loose.teams).toBeGreaterThanOrEqual(1);
    expect(loose.sitesAndTeams?.onTime).toBe(true);
    const fewer = planSitesAndTeams({ ...dakNong, teams: identicalTeams(loose.teams - 1, 2) });
    const fewerEnough =
      fewer.status === 'planned' && fewer.onTime && fewer.communes.every((c) => c.reason !== 'no-team');
    expect(fewerEnough).toBe(false);
    // Everyone within an hour of a site, a long deadline: the sites alone suffice.
    const near = mobileTeamsNeeded({ ...dakNong, machinesPerTeam: 2, reach: { maxTravelHours: 24 } });
    expect(near.status === 'found' && near.teams).toBe(0);
  });
});
