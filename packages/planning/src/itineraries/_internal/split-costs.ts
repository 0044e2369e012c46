import type { EnrollmentSite } from '../types.ts';
import type { SplitOption, SplitProblem } from './choose-split.ts';
import type { MobileProblem } from './read-input.ts';
import { turnoutShare } from './read-sites.ts';
import { travelHours } from './travel.ts';

/** What the split is judged with: the sites' and the teams' rates per open day. */
export type SplitRates = {
  /** Dossiers a site takes on an open day, by site. */
  siteDossiersPerDay: number[];
  /** Hours of the slowest team the teams together work on an average open day (0 without teams). */
  teamHoursPerDay: number;
  maxTravelHours: number;
  turnoutHalfLifeHours: number;
  deadlineDays: number;
};

export type SplitCosts = SplitProblem & {
  /** The option index of the teams (`sites.length`). */
  teamOption: number;
  /** Communes with something to do, by commune index: their place in `options`, or -1. */
  slot: Int32Array;
  /** Commune index of each slot. */
  communeOf: number[];
  /** Communes whose own site serves them (a site stands there). */
  siteCommune: boolean[];
  /** Dossier-equivalents of each option's work per open day, for the bound. */
  ratePerDay: number[];
  /** Each slot's cheapest work in dossier-equivalents. */
  cheapestWork: number[];
};

/**
 * Each commune's options and their costs, in open days of the option that serves it:
 * - at a site within reach: its demand × the turnout share of the drive, over the site's
 *   dossiers per open day;
 * - by the teams: its work in hours of the slowest team, one set-up, and the cheapest drive into
 *   it (from home or any commune), over the teams' hours per open day together.
 * A commune where a site stands has that site only; one with no site within reach and no team
 * has its nearest site. Machine-days are the option's machines × those days.
 */
export function splitCosts(
  problem: MobileProblem,
  sites: readonly EnrollmentSite[],
  rates: SplitRates,
): SplitCosts {
  const { table } = problem.travel;
  const n = problem.communes.length;
  const teamOption = sites.length;
  const hasTeams = problem.teams.length > 0 && rates.teamHoursPerDay > 0;
  const teamMachines = problem.teams.reduce((sum, t) => sum + t.machines, 0);
  const indexOf = new Map(problem.communes.map((c) => [c.id, c.index]));
  const sitePoint = sites.map((s) => (indexOf.get(s.communeId) ?? 0) + 1);
  const siteCommune = new Array<boolean>(n).fill(false);
  for (const p of sitePoint) siteCommune[p - 1] = true;
  const slot = new Int32Array(n).fill(-1);
  const communeOf: number[] = [];
  const options: SplitOption[][] = [];
  const cheapestWork: number[] = [];
  const teamRate = rates.teamHoursPerDay * problem.slowestTeamDossiersPerHour;
  for (const c of problem.communes) {
    if (c.demand <= 0) continue;
    const point = c.index + 1;
    const mine: SplitOption[] = [];
    const work: number[] = [];
    let nearest = -1;
    sites.forEach((site, s) => {
      const hours = travelHours(table, sitePoint[s] ?? 0, point);
      if (nearest < 0 || hours < travelHours(table, sitePoint[nearest] ?? 0, point)) nearest = s;
      const own = sitePoint[s] === point;
      if (siteCommune[c.index] ? !own : hours > rates.maxTravelHours) return;
      const dossiers = c.demand * turnoutShare(hours, rates.turnoutHalfLifeHours);
      const days = dossiers / (rates.siteDossiersPerDay[s] ?? 1);
      mine.push({ option: s, days, machineDays: site.machines * days });
      work.push(dossiers);
    });
    if (hasTeams && !siteCommune[c.index]) {
      let entry = travelHours(table, 0, point);
      for (let j = 1; j <= n; j++) if (j !== point) entry = Math.min(entry, travelHours(table, j, point));
      const hours = c.demand / problem.slowestTeamDossiersPerHour + problem.setupHours + entry;
      const days = hours / rates.teamHoursPerDay;
      mine.push({ option: teamOption, days, machineDays: teamMachines * days });
      work.push(hours * problem.slowestTeamDossiersPerHour);
    }
    if (mine.length === 0 && nearest >= 0) {
      const site = sites[nearest] as EnrollmentSite;
      const hours = travelHours(table, sitePoint[nearest] ?? 0, point);
      const dossiers = c.demand * turnoutShare(hours, rates.turnoutHalfLifeHours);
      const days = dossiers / (rates.siteDossiersPerDay[nearest] ?? 1);
      mine.push({ option: nearest, days, machineDays: site.machines * days });
      work.push(dossiers);
    }
    slot[c.index] = options.length;
    communeOf.push(c.index);
    options.push(mine);
    cheapestWork.push(Math.min(...work));
  }
  return {
    options,
    optionCount: sites.length + 1,
    deadlineDays: rates.deadlineDays,
    teamOption,
    slot,
    communeOf,
    siteCommune,
    ratePerDay: [...rates.siteDossiersPerDay, hasTeams ? teamRate : 0],
    cheapestWork,
  };
}

/**
 * No split and no route finishes before time T unless each commune's cheapest work (in
 * dossier-equivalents: its dossiers at a site, its work, set-up and cheapest drive for the
 * teams) can be shared out, in any fractions, among the options it may use, none doing more
 * than its rate × T: a flow from communes to options, checked by max flow and bisected on T.
 * Nor before the largest commune alone at its quickest option. In open days.
 */
export function splitLowerBound(costs: SplitCosts): number {
  let single = 0;
  for (const options of costs.options) single = Math.max(single, Math.min(...options.map((o) => o.days)));
  const need = costs.cheapestWork.reduce((sum, w) => sum + w, 0);
  if (need <= 0) return single;
  const totalRate = costs.ratePerDay.reduce((sum, r) => sum + r, 0);
  let low = Math.max(single, totalRate > 0 ? need / totalRate : 0);
  if (routable(costs, low, need)) return low;
  let high = Math.max(low * 2, 1);
  for (let i = 0; i < 40 && !routable(costs, high, need); i++) high *= 2;
  for (let i = 0; i < BOUND_BISECTIONS; i++) {
    const mid = (low + high) / 2;
    if (routable(costs, mid, need)) high = mid;
    else low = mid;
  }
  return low;
}

/** Bisections of the bound: 2^-30 of its first bracket, well under a minute of an open day. */
const BOUND_BISECTIONS = 30;

/** Whether every commune's cheapest work fits the options' capacity over `days` (max flow). */
function routable(costs: SplitCosts, days: number, need: number): boolean {
  const n = costs.options.length;
  const m = costs.optionCount;
  // Nodes: 0 source, 1..n communes, n+1..n+m options, n+m+1 sink.
  const flow = new FlowNetwork(n + m + 2);
  const sink = n + m + 1;
  costs.options.forEach((options, k) => {
    flow.add(0, k + 1, costs.cheapestWork[k] ?? 0);
    for (const o of options) flow.add(k + 1, n + 1 + o.option, Number.POSITIVE_INFINITY);
  });
  costs.ratePerDay.forEach((rate, o) => {
    flow.add(n + 1 + o, sink, rate * days);
  });
  return flow.maxFlow(0, sink) >= need * (1 - 1e-9);
}

/** Dinic's max flow on a small graph (a province's communes and its options). */
class FlowNetwork {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private level: Int32Array;
  private iter: number[];

  constructor(private readonly size: number) {
    this.head = new Array<number>(size).fill(-1);
    this.level = new Int32Array(size);
    this.iter = [];
  }

  add(from: number, to: number, capacity: number): void {
    for (const [a, b, c] of [
      [from, to, capacity],
      [to, from, 0],
    ] as const) {
      this.to.push(b);
      this.cap.push(c);
      this.next.push(this.head[a] ?? -1);
      this.head[a] = this.to.length - 1;
    }
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.bfs(source, sink)) {
      this.iter = this.head.slice();
      for (;;) {
        const pushed = this.dfs(source, sink, Number.POSITIVE_INFINITY);
        if (pushed <= 1e-12) break;
        total += pushed;
      }
    }
    return total;
  }

  private bfs(source: number, sink: number): boolean {
    this.level = new Int32Array(this.size).fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q] ?? 0;
      for (let e = this.head[u] ?? -1; e >= 0; e = this.next[e] ?? -1) {
        const v = this.to[e] ?? 0;
        if ((this.cap[e] ?? 0) > 1e-12 && (this.level[v] ?? 0) < 0) {
          this.level[v] = (this.level[u] ?? 0) + 1;
          queue.push(v);
        }
      }
    }
    return (this.level[sink] ?? -1) >= 0;
  }

  private dfs(u: number, sink: number, limit: number): number {
    if (u === sink) return limit;
    for (let e = this.iter[u] ?? -1; e >= 0; e = this.next[e] ?? -1, this.iter[u] = e) {
      const v = this.to[e] ?? 0;
      const room = this.cap[e] ?? 0;
      if (room <= 1e-12 || (this.level[v] ?? 0) !== (this.level[u] ?? 0) + 1) continue;
      const pushed = this.dfs(v, sink, Math.min(limit, room));
      if (pushed > 1e-12) {
        this.cap[e] = room - pushed;
        this.cap[e ^ 1] = (this.cap[e ^ 1] ?? 0) + pushed;
        return pushed;
      }
    }
    this.iter[u] = -1;
    return 0;
  }
}
