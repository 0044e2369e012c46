// A stored scenario, its computed plan and its daily series: worked out once per request whichever
// fields and aliases ask for them (`plan`, `planVsActual`, `replan`, `Team.visits`, `daily`,
// `staffing`), and kept across requests under keys naming the versions of the stored data they
// come from (the scenario's own, the areas'), read before the data: a write anywhere, through any
// instance, changes the key, so nothing stale is ever answered.
import type { CampaignInput, CampaignPlan, PlannedDay } from '@muster/planning';
import { dataVersions, scenarioVersion } from '../cache/data-versions.ts';
import { cached } from '../cache/shared-cache.ts';
import type { Memo } from '../compute/memo.ts';
import { compute, forEveryRequest } from '../compute/pool.ts';
import { NotFoundError } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { loadScenario, type StoredScenario } from './scenario-input.ts';

/**
 * Estimated bytes kept per unit, about three times the JSON of Nghệ An's (482 areas, 108 open
 * days): its areas and input ~420 characters an area, its plan ~525 an area, a daily series ~64 a
 * day, a comparison with actuals ~260 a day; an hour of staffing about as much as a compared day.
 */
export const BYTES_KEPT = {
  scenarioArea: 1300,
  plannedArea: 1600,
  plannedDay: 200,
  comparedDay: 800,
  staffingHour: 800,
} as const;

/** How a stored scenario's plan key begins (a what-if's names its body instead). */
const STORED_PLAN_KEY_PREFIX = 'plan:scenario:';

export type StoredPlan = StoredScenario & {
  /** What the plan depends on: `plan:scenario:<id>@<scenario version>.<areas version>`. */
  key: string;
  plan: CampaignPlan;
};

/**
 * `<id>@<scenario version>.<areas version>`: the stored data a scenario's plan is computed from;
 * with `reports`, `.<reports version>` too, for what is computed from its reports as well.
 */
export async function scenarioKey(
  memo: Memo,
  prisma: PrismaClient,
  scenarioId: string,
  options: { reports?: boolean } = {},
): Promise<string> {
  const [own, versions] = await Promise.all([
    scenarioVersion(memo, prisma, scenarioId),
    dataVersions(memo, prisma),
  ]);
  if (own === null) throw new NotFoundError('scenario', scenarioId, 'scenarioId');
  return `${scenarioId}@${own}.${versions.areas}${options.reports ? `.${versions.reports}` : ''}`;
}

/** The stored scenario `scenarioId` with its area's subtree and the library's input. */
export async function storedScenario(
  memo: Memo,
  prisma: PrismaClient,
  scenarioId: string,
): Promise<StoredScenario> {
  const key = `scenario:${await scenarioKey(memo, prisma, scenarioId)}`;
  return cached(
    memo,
    key,
    () => loadScenario(prisma, scenarioId),
    (loaded) => loaded.subtree.length * BYTES_KEPT.scenarioArea,
  );
}

/** The plan of the stored scenario `scenarioId`, with what it was computed from. */
export async function storedPlan(memo: Memo, prisma: PrismaClient, scenarioId: string): Promise<StoredPlan> {
  const key = `${STORED_PLAN_KEY_PREFIX}${await scenarioKey(memo, prisma, scenarioId)}`;
  const loaded = await storedScenario(memo, prisma, scenarioId);
  const plan = await cached(
    memo,
    key,
    () => forEveryRequest(() => compute('planCampaign', loaded.input)),
    (computed) => computed.areas.length * BYTES_KEPT.plannedArea,
  );
  return { ...loaded, key, plan };
}

/**
 * Dossiers planned per open day for `areaCode` of the plan named by `key` (computed from `input`):
 * a stored scenario's (its key names its versions) or a what-if's (its key hashes its input).
 */
export function plannedDays(
  memo: Memo,
  plan: { key: string; input: CampaignInput },
  areaCode: string,
): Promise<PlannedDay[]> {
  return cached(
    memo,
    `${plan.key}:daily:${areaCode}`,
    // Only a stored scenario's series is shared by other requests.
    () =>
      plan.key.startsWith(STORED_PLAN_KEY_PREFIX)
        ? forEveryRequest(() => compute('plannedDailySeries', plan.input, areaCode))
        : compute('plannedDailySeries', plan.input, areaCode),
    (days) => days.length * BYTES_KEPT.plannedDay,
  );
}
