import { describe, expect, it } from 'vitest';
import {
  asMobileCommunes,
  communesOf,
  HUNG_NGUYEN_SERVICE,
  identicalTeams,
} from './_fixtures/mountain-communes.ts';
import { type MobileTeamsNeededInput, mobileTeamsNeeded } from './mobile-teams-needed.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';

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
    expect(need.plan.onTime).toBe(true);
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
