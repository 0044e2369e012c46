// A stored scenario, its computed plan and its daily series, each worked out once per request
// whichever fields and aliases ask for them (`plan`, `planVsActual`, `Team.visits`, `daily`,
// `staffing`): the request's memo keeps each under a key naming what it depends on.
import type { CampaignPlan, PlannedDay } from '@muster/planning';
import { type Memo, memoize } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { loadScenario, type StoredScenario } from './scenario-input.ts';

export type StoredPlan = StoredScenario & {
  /** What the plan depends on: `plan:scenario:<id>`. */
  key: string;
  plan: CampaignPlan;
};

/** The stored scenario `scenarioId` with its area's subtree and the library's input. */
export function storedScenario(
  memo: Memo,
  prisma: PrismaClient,
  scenarioId: string,
): Promise<StoredScenario> {
  return memoize(memo, `scenario:${scenarioId}`, () => loadScenario(prisma, scenarioId));
}

/** The plan of the stored scenario `scenarioId`, with what it was computed from. */
export function storedPlan(memo: Memo, prisma: PrismaClient, scenarioId: string): Promise<StoredPlan> {
  const key = `plan:scenario:${scenarioId}`;
  return memoize(memo, key, async () => {
    const loaded = await storedScenario(memo, prisma, scenarioId);
    return { ...loaded, key, plan: await compute('planCampaign', loaded.input) };
  });
}

/** Dossiers planned per open day for `areaCode` of the plan named by `key` (computed from `input`). */
export function plannedDays(
  memo: Memo,
  plan: { key: string; input: StoredScenario['input'] },
  areaCode: string,
): Promise<PlannedDay[]> {
  return memoize(memo, `${plan.key}:daily:${areaCode}`, () =>
    compute('plannedDailySeries', plan.input, areaCode),
  );
}
