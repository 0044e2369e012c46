import type { CommuneCoverage, UnreachedCommune } from '../types.ts';
import type { Apportioned } from './apportion.ts';
import type { MobileProblem } from './read-input.ts';
import type { Stops } from './stops.ts';
import { travelHours } from './travel.ts';

/** How the plan serves one commune, and why a commune misses its deadline or latest date. */
export type CommuneDiagnosis = { communes: CommuneCoverage[]; unreached: UnreachedCommune[] };

/** What the teams leave each commune with, and, for a commune short at the deadline, the reason. */
export type DiagnosisContext = {
  servedByFixed: ReadonlyMap<number, string>;
  hostOf: ReadonlyMap<number, number>;
  guestsOf: ReadonlyMap<number, readonly number[]>;
  windows: ReadonlyMap<number, CommuneCoverage['windows']>;
  deadlineDate: string;
  /** Working hours from the start to the end of the deadline day. */
  deadlineHour: number;
  /** Each commune's drive from the nearest fixed site (or home), by commune index. */
  remoteness: Float64Array;
};

/**
 * Each commune's coverage by the deadline (a shared visit's guests and host share their stop's
 * progress in proportion to demand), and the communes left short: too far to reach and set up
 * by the deadline, opening after it, or waiting while teams are busy elsewhere (capacity).
 */
export function diagnoseCommunes(
  problem: MobileProblem,
  plan: Stops,
  done: Apportioned,
  context: DiagnosisContext,
): CommuneDiagnosis {
  const { servedByFixed, hostOf, guestsOf, windows, deadlineDate, deadlineHour } = context;
  const communes: CommuneCoverage[] = [];
  const unreached: UnreachedCommune[] = [];
  const reachHome = (communeIndex: number): number => travelHours(problem.travel.table, 0, communeIndex + 1);
  for (const c of problem.communes) {
    const fixed = servedByFixed.get(c.index);
    const host = hostOf.get(c.index);
    const stop = plan.stopOf.get(host ?? c.index);
    const base = {
      communeId: c.id,
      ...(c.name === undefined ? {} : { name: c.name }),
      demand: c.demand,
      terrain: problem.travel.terrain[c.index] ?? null,
      remotenessHours: context.remoteness[c.index] ?? 0,
    };
    if (fixed !== undefined) {
      communes.push({
        ...base,
        servedBy: 'fixed-site',
        servedAt: fixed,
        plannedDossiers: 0,
        dossiersByDeadline: 0,
        shortfallAtDeadline: 0,
        coverageByDeadline: 1,
        windows: [],
      });
      continue;
    }
    if (stop === undefined) continue;
    const stopTotal = plan.demand[stop] ?? 0;
    const share = (value: number): number =>
      stopTotal === 0 ? 0 : Math.floor((value * c.demand) / stopTotal);
    const isWhole = host === undefined && !guestsOf.has(c.index);
    const byDeadline = isWhole ? (done.byDeadline[stop] ?? 0) : share(done.byDeadline[stop] ?? 0);
    const byLatest = isWhole ? (done.byLatest[stop] ?? 0) : share(done.byLatest[stop] ?? 0);
    const shortfall = c.demand - byDeadline;
    communes.push({
      ...base,
      servedBy:
        c.demand === 0 && stopTotal === 0
          ? 'nothing-to-do'
          : host === undefined
            ? 'mobile-team'
            : 'shared-visit',
      ...(host === undefined ? {} : { servedAt: problem.communes[host]?.id ?? '' }),
      plannedDossiers: c.demand,
      dossiersByDeadline: byDeadline,
      shortfallAtDeadline: shortfall,
      coverageByDeadline: c.demand === 0 ? 1 : byDeadline / c.demand,
      windows: windows.get(stop) ?? [],
    });
    const travelIndex = host ?? c.index;
    const earliest = problem.communes[travelIndex]?.earliestDate;
    if (shortfall > 0) {
      const arriveHours = reachHome(travelIndex) + problem.setupHours;
      const reason: UnreachedCommune['reason'] =
        earliest !== undefined && earliest > deadlineDate
          ? 'opens-after-deadline'
          : arriveHours >= deadlineHour
            ? 'too-far'
            : 'capacity';
      const detail =
        reason === 'opens-after-deadline'
          ? `its earliest visit date ${earliest} is after the deadline ${deadlineDate}`
          : reason === 'too-far'
            ? `a team leaving home on the first day needs ${round1(arriveHours)} working hours to arrive and set up, and the calendar has ${round1(deadlineHour)} before the deadline`
            : `the teams are busy elsewhere: ${shortfall} of ${c.demand} dossiers fall after ${deadlineDate}; more teams or machines, or a higher rank, bring it forward`;
      unreached.push({ communeId: c.id, reason, detail, shortfallDossiers: shortfall });
    } else if (c.latestDate !== undefined && byLatest < c.demand) {
      unreached.push({
        communeId: c.id,
        reason: 'latest-date',
        detail: `${c.demand - byLatest} of ${c.demand} dossiers are taken after its latest date ${c.latestDate}; a higher rank brings it forward`,
        shortfallDossiers: c.demand - byLatest,
      });
    }
  }
  return { communes, unreached };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
