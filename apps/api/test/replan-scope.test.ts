import { beforeAll, describe, expect, it } from 'vitest';
import { data, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

// The demo's Đắk Nông (67): 24 machines given to the province as one pool, 05:00–24:00 (19 h) at
// 3.5 minutes a dossier, deadline 30 June 2021. Tuy Đức (667) has no machines of its own: the
// province's pool serves it. Its own reports here: 60 dossiers on each of 21 and 22 March with 2
// machines working, 60 ÷ 2 = 30 a machine-day. Replanned as of 15 April at that pace it is late.
const TUY_DUC = '667';

beforeAll(async () => {
  await data(
    `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { __typename } }`,
    {
      reports: ['2021-03-21', '2021-03-22'].map((date) => ({
        date,
        areaCode: TUY_DUC,
        dossiers: 60,
        machinesWorking: 2,
      })),
    },
  );
});

const REPLAN = `query ($areaCode: String!) {
  replan(scenarioId: "dak-nong-2021", areaCode: $areaCode, asOf: "2021-04-15", pace: OBSERVED) {
    __typename
    ... on Replan {
      whatMustChange {
        alternatives {
          __typename
          ... on MachinesAlternative {
            addedMachines movedMachines sentence
            changes { areaCode name machinesGained machinesBefore machinesAfter }
          }
          ... on PaceAlternative { dossiersPerMachineDay currentDossiersPerMachineDay aboveDayMaximum sentence }
        }
      }
    }
  }
}`;

type Change = {
  areaCode: string;
  name: string;
  machinesGained: number;
  machinesBefore: number | null;
  machinesAfter: number | null;
};
type Alternative =
  | {
      __typename: 'MachinesAlternative';
      addedMachines: number;
      movedMachines: number;
      sentence: string;
      changes: Change[];
    }
  | {
      __typename: 'PaceAlternative';
      dossiersPerMachineDay: number;
      currentDossiersPerMachineDay: number;
      aboveDayMaximum: boolean;
      sentence: string;
    }
  | { __typename: 'HoursAlternative' | 'DeadlineAlternative' | 'InfeasibleAlternative' };

async function alternativesFor(token: string): Promise<Alternative[]> {
  const answer = await data<{ replan: { whatMustChange: { alternatives: Alternative[] } | null } }>(
    REPLAN,
    { areaCode: TUY_DUC },
    { token },
  );
  return answer.replan.whatMustChange?.alternatives ?? [];
}

const machinesOf = (alternatives: Alternative[]) =>
  alternatives.find((a) => a.__typename === 'MachinesAlternative') as Extract<
    Alternative,
    { __typename: 'MachinesAlternative' }
  >;

describe('a district’s re-plan in the province’s pool', () => {
  it('names Tuy Đức as where the province’s new machines must go, with the dossiers it has left', async () => {
    const answer = await data<{
      replan: {
        areas: { areaCode: string; remainingDossiers: number }[];
        whatMustChange: {
          alternatives: {
            __typename: string;
            lateAreas?: { areaCode: string; name: string; poolAreaCode: string; remainingDossiers: number }[];
          }[];
        };
      };
    }>(
      `query ($areaCode: String!) {
        replan(scenarioId: "dak-nong-2021", areaCode: $areaCode, asOf: "2021-04-15", pace: OBSERVED) {
          ... on Replan {
            areas { areaCode remainingDossiers }
            whatMustChange {
              alternatives { __typename ... on MachinesAlternative { lateAreas { areaCode name poolAreaCode remainingDossiers } } }
            }
          }
        }
      }`,
      { areaCode: TUY_DUC },
      { token: await tokenFor({ role: 'PLANNER', name: 'Tuy Đức planner', areaCode: TUY_DUC }) },
    );
    const machines = answer.replan.whatMustChange.alternatives.find(
      (a) => a.__typename === 'MachinesAlternative',
    );
    const [late, ...others] = machines?.lateAreas ?? [];
    expect(others).toEqual([]);
    expect(late).toMatchObject({ areaCode: TUY_DUC, name: 'Huyện Tuy Đức', poolAreaCode: '67' });
    // Tuy Đức's 41,349 people aged 14+, less its own 120 of 21–22 March, less its share of the
    // province's 7,787 of 19 March (by people, 41,349 of 437,513: 735.9) and of the 7,787 of 20
    // March less Đắk Song's 1,085 and Đắk Glong's 1,123, which reported that day themselves (41,349
    // of the other six districts' 337,446: 683.6): 39,809.4, its six communes' shares rounded.
    expect(late?.remainingDossiers).toBeGreaterThanOrEqual(39_806);
    expect(late?.remainingDossiers).toBeLessThanOrEqual(39_813);
    expect(late?.remainingDossiers).toBe(
      answer.replan.areas.find((area) => area.areaCode === TUY_DUC)?.remainingDossiers,
    );
  });

  it('tells a district planner what joins the province’s pool, never how many machines it has', async () => {
    const district = await alternativesFor(
      await tokenFor({ role: 'PLANNER', name: 'Tuy Đức planner', areaCode: TUY_DUC }),
    );
    const machines = machinesOf(district);
    // Nothing can move: Tuy Đức has no pool of its own to give from. New machines go to the one
    // pool that serves it, the province's.
    expect(machines.movedMachines).toBe(0);
    expect(machines.addedMachines).toBeGreaterThan(0);
    expect(machines.changes).toEqual([
      {
        areaCode: '67',
        name: 'Tỉnh Đắk Nông',
        machinesGained: machines.addedMachines,
        machinesBefore: null,
        machinesAfter: null,
      },
    ]);
    // The machines are for Tuy Đức, the district asked about, just below the province's pool.
    expect(machines.sentence).toBe(`+${machines.addedMachines} machines in Tỉnh Đắk Nông for Huyện Tuy Đức`);
  });

  it('gives the province’s planner and an admin the pool’s 24 machines and the count after', async () => {
    const district = machinesOf(
      await alternativesFor(await tokenFor({ role: 'PLANNER', name: 'Tuy Đức planner', areaCode: TUY_DUC })),
    );
    for (const token of [
      await tokenFor({ role: 'PLANNER', name: 'Đắk Nông planner', areaCode: '67' }),
      await tokenFor({ role: 'ADMIN', name: 'another admin' }),
    ]) {
      const machines = machinesOf(await alternativesFor(token));
      // The same alternative, with the province's figures.
      expect(machines.addedMachines).toBe(district.addedMachines);
      expect(machines.changes).toEqual([
        {
          areaCode: '67',
          name: 'Tỉnh Đắk Nông',
          machinesGained: district.addedMachines,
          machinesBefore: 24,
          machinesAfter: 24 + district.addedMachines,
        },
      ]);
    }
  });

  it('bounds the pace by what a machine does in 24 hours at 3.5 minutes a dossier, not at the pace observed', async () => {
    const pace = (
      await alternativesFor(await tokenFor({ role: 'PLANNER', name: 'Tuy Đức planner', areaCode: TUY_DUC }))
    ).find((a) => a.__typename === 'PaceAlternative') as Extract<
      Alternative,
      { __typename: 'PaceAlternative' }
    >;
    // 60 ÷ 2 = 30 a machine-day now. At that pace a dossier takes 19 × 60 ÷ 30 = 38 minutes, which
    // would bound a day at 1,440 ÷ 38 = 37.9; a machine at the scenario's 3.5 minutes does
    // 1,440 ÷ 3.5 = 411.4 in 24 hours. The pace asked for lies between the two.
    expect(pace.currentDossiersPerMachineDay).toBeCloseTo(30, 9);
    expect(pace.dossiersPerMachineDay).toBeGreaterThan(37);
    expect(pace.dossiersPerMachineDay).toBeLessThanOrEqual(411);
    expect(pace.aboveDayMaximum).toBe(false);
    expect(pace.sentence).toBe(`reach ${pace.dossiersPerMachineDay} dossiers per machine-day (now 30)`);
  });
});
