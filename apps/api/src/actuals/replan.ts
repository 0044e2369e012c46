// The campaign replanned from what the field reported: a stored scenario and its reports up to
// `asOf`, replanned by @muster/planning's replanFromActuals in the worker pool. The arguments
// `asOf`, `pace` and `areaCode` are the library's options of those names, so its refusals name
// them as they are.
import type { CampaignInput, Replan, ReplanPace } from '@muster/planning';
import { type Memo, memoize } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { areaOfScenario } from '../planning/scenario-input.ts';
import { scenarioKey, storedScenario } from '../planning/stored-plan.ts';
import { readDayReports } from './_internal/read-day-reports.ts';

export type ReplanArgs = { scenarioId: string; areaCode: string; asOf: string; pace: ReplanPace };

/** A replan with the scenario it comes from. */
export type ScenarioReplan = Replan & {
  scenarioId: string;
  /** The stored scenario's root area, whose readers see the whole remaining plan. */
  rootCode: string;
  waitTargetMinutes: number | null;
  teamsPerSite: number | null;
  /** What the replan was computed from (its memo key). */
  key: string;
};

/**
 * The scenario's whole campaign replanned from its reports up to `asOf` (so that pools above the
 * area asked about are shared as planned), answered for `areaCode`; computed once per request.
 */
export async function replanScenario(
  prisma: PrismaClient,
  memo: Memo,
  args: ReplanArgs,
): Promise<ScenarioReplan> {
  const key = `replan:scenario:${args.scenarioId}:${args.areaCode}:${args.asOf}:${args.pace}`;
  return memoize(memo, key, async () => {
    // Fields below a replan (its plan's daily series, staffing) keep their answers across requests
    // under this key: it carries the scenario's and the reports' versions, read before the data,
    // so a write renews it.
    const versioned = await scenarioKey(memo, prisma, args.scenarioId, { reports: true });
    const loaded = await storedScenario(memo, prisma, args.scenarioId);
    const area = await areaOfScenario(prisma, loaded, args.areaCode);
    // Every report of the scenario's areas up to asOf, read as plan vs actual reads them (one row
    // of arrays per date). The doubtful ones it would warn about are plan vs actual's business.
    const { reports } = await readDayReports(
      prisma,
      loaded.subtree.map((inScenario) => inScenario.code),
      { from: null, to: args.asOf },
      loaded.scenario.minutesPerDossier,
    );
    const input: CampaignInput = loaded.input;
    const replan = await compute('replanFromActuals', input, reports, {
      asOf: args.asOf,
      pace: args.pace,
      areaCode: area.code,
    });
    return {
      ...replan,
      scenarioId: loaded.scenario.id,
      rootCode: loaded.scenario.areaCode,
      waitTargetMinutes: loaded.scenario.waitTargetMinutes,
      teamsPerSite: loaded.scenario.teamsPerSite,
      key: `replan:${versioned}:${args.areaCode}:${args.asOf}:${args.pace}`,
    };
  });
}
