import { DateTime } from 'luxon';
import { planPools } from '../../campaign/_internal/pools.ts';
import {
  capacityOf,
  ceilTolerant,
  type PreparedCampaign,
} from '../../campaign/_internal/prepare-campaign.ts';
import { nthOpenDate } from '../../campaign/nth-open-date.ts';
import { planCampaign } from '../../campaign/plan-campaign.ts';
import { trySolveFor } from '../../campaign/solve-for.ts';
import type { AreaPlan, CampaignInput, CampaignPlan, MachineAllocation } from '../../campaign/types.ts';
import type { ServiceInput } from '../../capacity/machine-capacity.ts';
import type { AreaNode } from '../../demand/area-tree.ts';
import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';
import { formatTimeOfDay } from '../../time/parse-time-of-day.ts';
import type {
  InfeasibleAlternative,
  LateArea,
  MachineChange,
  MachineMove,
  MachinesAlternative,
  ReplanAlternative,
  WhatMustChange,
} from '../types.ts';
import { serviceAtPace } from './paces.ts';
import { focusMeets, type Scope } from './scope.ts';
import { dossiersIn24Hours } from './twenty-four-hours.ts';

/** The remaining campaign, planned, and the areas asked about. */
export type ChangeContext = {
  input: CampaignInput;
  prep: PreparedCampaign;
  plan: CampaignPlan;
  rows: readonly AreaPlan[];
  scope: Scope;
  /** The remaining input's overrides by the node index of their area. */
  services: ReadonlyMap<number, ServiceInput>;
  /** Hours of the machine-day a pace counts: the input plan's open hours per open day. */
  hoursPerMachineDay: number;
  /**
   * Mean minutes a dossier of each node's service in the scenario itself, by node index: before
   * the replan's paces override it, so that "a machine's 24 hours" is the machine's, not the pace's.
   */
  modelledMinutesPerDossier: Float64Array;
};

/** Steps an answer may take past its closed form before planning with it agrees (float noise). */
const MAX_STEPS = 20;
/** Moves and additions named one by one in a sentence; more are summed up. */
const PARTS_IN_A_SENTENCE = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}

const INFEASIBLE_LEAD: Record<InfeasibleAlternative['alternative'], string> = {
  machines: 'More machines cannot do it',
  'hours-per-day': 'Opening longer cannot do it',
  pace: 'A faster pace cannot do it',
  deadline: 'No later deadline does it',
};

function infeasible(
  alternative: InfeasibleAlternative['alternative'],
  reason: string,
  detail: string,
): InfeasibleAlternative {
  return { kind: 'infeasible', alternative, reason, sentence: `${INFEASIBLE_LEAD[alternative]}: ${detail}` };
}

const nodeOf = (ctx: ChangeContext, index: number) => ctx.prep.tree.nodes[index] as AreaNode;
const codesOf = (ctx: ChangeContext) => ctx.scope.focus.map((index) => nodeOf(ctx, index).code);
const meetsWith = (ctx: ChangeContext, change: (input: CampaignInput) => CampaignInput) =>
  focusMeets(planCampaign(change(ctx.scope.input)), ctx.scope, codesOf(ctx));

function noOpenHour(ctx: ChangeContext, alternative: InfeasibleAlternative['alternative']) {
  return infeasible(
    alternative,
    'no-open-days',
    `no open hour is left from ${ctx.plan.period.start} to the deadline ${ctx.plan.period.deadline}`,
  );
}

/** The leaves asked about with demand left, by the pool serving them (-1: none). */
function focusLeavesByPool(ctx: ChangeContext, poolOf: Int32Array): Map<number, number[]> {
  const byPool = new Map<number, number[]>();
  ctx.prep.tree.nodes.forEach((node, index) => {
    if (node.children.length > 0 || ctx.scope.inFocus[index] === 0) return;
    if ((ctx.prep.demand[index]?.demand ?? 0) === 0) return;
    const pool = poolOf[index] as number;
    const list = byPool.get(pool);
    if (list) list.push(index);
    else byPool.set(pool, [index]);
  });
  return byPool;
}

/** The area asked about that a node lies under (its root for the whole input). */
function focusAreaOf(ctx: ChangeContext, index: number): number {
  let at = index;
  for (;;) {
    const parent = nodeOf(ctx, at).parent;
    if (parent < 0 || ctx.scope.inFocus[parent] === 0) return at;
    at = parent;
  }
}

/** The area asked about, or below one, that a leaf lies in just below `top` (`top` itself for its own leaf). */
function areaBelow(ctx: ChangeContext, leaf: number, top: number): number {
  let at = leaf;
  while (at !== top) {
    const parent = nodeOf(ctx, at).parent;
    if (parent === top || parent < 0 || ctx.scope.inFocus[parent] === 0) break;
    at = parent;
  }
  return at;
}

/**
 * The areas with work left that the machines for the short pools go to: each leaf's demand,
 * counted in the area just below the pool that serves it (or the area asked about above it, where
 * the new pool goes, `topOf` the leaf), most dossiers left first, then in the tree's order.
 */
function lateAreasOf(
  ctx: ChangeContext,
  leavesByPool: ReadonlyMap<number, readonly number[]>,
  topOf: ReadonlyMap<number, number>,
  short: ReadonlySet<number>,
  position: Int32Array,
): LateArea[] {
  const left = new Map<number, { pool: number; dossiers: number }>();
  for (const [pool, leaves] of leavesByPool) {
    for (const leaf of leaves) {
      const recipient = pool >= 0 ? pool : (topOf.get(leaf) as number);
      if (!short.has(recipient)) continue;
      const area = areaBelow(ctx, leaf, recipient);
      const entry = left.get(area) ?? { pool: recipient, dossiers: 0 };
      entry.dossiers += ctx.prep.demand[leaf]?.demand ?? 0;
      left.set(area, entry);
    }
  }
  return [...left]
    .sort(([a, x], [b, y]) => y.dossiers - x.dossiers || (position[a] as number) - (position[b] as number))
    .map(([area, { pool, dossiers }]) => ({
      areaCode: nodeOf(ctx, area).code,
      name: nodeOf(ctx, area).name,
      poolAreaCode: nodeOf(ctx, pool).code,
      remainingDossiers: dossiers,
    }));
}

/** Names in a sentence: "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function namesText(names: readonly string[]): string {
  const shown = names.slice(0, PARTS_IN_A_SENTENCE);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** " for B and C": the late areas a pool's machines are for, none when they are the pool itself. */
function forText(pool: string, areas: readonly LateArea[]): string {
  const named = areas.filter((area) => area.poolAreaCode === pool);
  if (named.length === 0 || (named.length === 1 && named[0]?.areaCode === pool)) return '';
  return ` for ${namesText(named.map((area) => area.name))}`;
}

function withMachines(input: CampaignInput, after: ReadonlyMap<string, number>): CampaignInput {
  const machines: MachineAllocation[] = (input.machines ?? []).map((m) => ({
    areaCode: m.areaCode,
    machines: after.get(m.areaCode) ?? m.machines,
  }));
  for (const [areaCode, count] of after) {
    if (!machines.some((m) => m.areaCode === areaCode)) machines.push({ areaCode, machines: count });
  }
  return { ...input, machines };
}

/**
 * Machines where the pools serving the areas asked about are late: as many as each needs to
 * finish by the deadline (`solveFor('machines')`'s count over the pool's workload), moved first
 * from pools inside the areas asked about that finish early, largest spare to largest shortfall,
 * then new ones; with the areas below those pools that still have work, where the machines go.
 */
export function machinesAlternative(ctx: ChangeContext): ReplanAlternative {
  const { prep } = ctx;
  const given = prep.machines ?? new Map<number, number>();
  if (prep.periodHours === 0) return noOpenHour(ctx, 'machines');
  const pools = planPools(prep, given);
  const perHour = prep.capacity.dossiersPerMachineHour;
  const neededFor = (pool: number) => {
    const work = pools.workloadInPool[pool] as number;
    return work === 0 ? 0 : ceilTolerant(work / (perHour * prep.periodHours));
  };
  const position = new Int32Array(prep.tree.nodes.length);
  prep.tree.order.forEach((index, k) => {
    position[index] = k;
  });
  const needs = new Map<number, { before: number | null; needed: number }>();
  const leavesByPool = focusLeavesByPool(ctx, pools.poolOf);
  // The area asked about above each leaf no pool serves, found once for the needs and the late areas.
  const topOf = new Map<number, number>();
  for (const [pool, leaves] of leavesByPool) {
    if (pool >= 0) {
      needs.set(pool, { before: given.get(pool) ?? 0, needed: neededFor(pool) });
      continue;
    }
    // Leaves no pool serves get one at the area asked about above them.
    for (const leaf of leaves) {
      const top = focusAreaOf(ctx, leaf);
      topOf.set(leaf, top);
      if (!needs.has(top)) needs.set(top, { before: null, needed: neededFor(top) });
    }
  }
  const spare: { pool: number; machines: number }[] = [];
  for (const [pool, count] of given) {
    if (ctx.scope.inFocus[pool] === 0) continue;
    const extra = count - (needs.get(pool)?.needed ?? neededFor(pool));
    if (extra > 0) spare.push({ pool, machines: extra });
  }
  const short = [...needs]
    .map(([pool, need]) => ({ pool, machines: need.needed - (need.before ?? 0) }))
    .filter((s) => s.machines > 0);
  const byNeed = (a: { pool: number; machines: number }, b: { pool: number; machines: number }) =>
    b.machines - a.machines || (position[a.pool] as number) - (position[b.pool] as number);
  spare.sort(byNeed);
  short.sort(byNeed);

  const moves: MachineMove[] = [];
  const after = new Map<number, number>();
  const countOf = (pool: number) => after.get(pool) ?? given.get(pool) ?? 0;
  const added = new Map<number, number>();
  for (const recipient of short) {
    let left = recipient.machines;
    for (const donor of spare) {
      if (left === 0) break;
      const take = Math.min(left, donor.machines);
      if (take === 0) continue;
      donor.machines -= take;
      left -= take;
      after.set(donor.pool, countOf(donor.pool) - take);
      moves.push({
        fromAreaCode: nodeOf(ctx, donor.pool).code,
        toAreaCode: nodeOf(ctx, recipient.pool).code,
        machines: take,
      });
    }
    after.set(recipient.pool, countOf(recipient.pool) + recipient.machines);
    if (left > 0) added.set(recipient.pool, left);
  }

  // Planning with it must agree; a pool still late (float noise at the boundary) takes one more.
  const byCode = () => new Map([...after].map(([pool, count]) => [nodeOf(ctx, pool).code, count]));
  for (let step = 0; step < MAX_STEPS; step++) {
    const plan = planCampaign(withMachines(ctx.scope.input, byCode()));
    if (focusMeets(plan, ctx.scope, codesOf(ctx))) break;
    for (const recipient of short) {
      const row = plan.areas.find((r) => r.code === nodeOf(ctx, recipient.pool).code);
      if (row?.meetsDeadline === false) {
        after.set(recipient.pool, countOf(recipient.pool) + 1);
        added.set(recipient.pool, (added.get(recipient.pool) ?? 0) + 1);
      }
    }
  }
  const changes: MachineChange[] = [...after]
    .sort(([a], [b]) => (position[a] as number) - (position[b] as number))
    .map(([pool, machinesAfter]) => ({
      areaCode: nodeOf(ctx, pool).code,
      name: nodeOf(ctx, pool).name,
      machinesBefore: given.get(pool) ?? null,
      machinesAfter,
    }));
  const addedMachines = [...added.values()].reduce((s, k) => s + k, 0);
  const movedMachines = moves.reduce((s, m) => s + m.machines, 0);
  const lateAreas = lateAreasOf(ctx, leavesByPool, topOf, new Set(short.map((s) => s.pool)), position);
  const nameOf = (code: string) => nodeOf(ctx, prep.tree.byCode.get(code) as number).name;
  const parts = [
    ...moves.map((m) => ({
      to: m.toAreaCode,
      text: `move ${plural(m.machines, 'machine')} from ${nameOf(m.fromAreaCode)} to ${nameOf(m.toAreaCode)}`,
    })),
    ...[...added].map(([pool, k]) => ({
      to: nodeOf(ctx, pool).code,
      text: `+${plural(k, 'machine')} in ${nodeOf(ctx, pool).name}`,
    })),
  ];
  // Each pool's late areas are named once, after the last of its moves and additions.
  const words = parts.map(
    (part, k) =>
      part.text + (parts.some((p, j) => j > k && p.to === part.to) ? '' : forText(part.to, lateAreas)),
  );
  if (parts.length > PARTS_IN_A_SENTENCE) {
    const donors = new Set(moves.map((m) => m.fromAreaCode)).size;
    const summary = [
      movedMachines > 0
        ? `move ${plural(movedMachines, 'machine')} from ${plural(donors, 'area')} that finish early`
        : '',
      addedMachines > 0 ? `+${plural(addedMachines, 'machine')}` : '',
    ];
    words.splice(
      0,
      words.length,
      `${summary.filter(Boolean).join(' and ')} for ${namesText(lateAreas.map((area) => area.name))}`,
    );
  }
  const alternative: MachinesAlternative = {
    kind: 'machines',
    addedMachines,
    movedMachines,
    changes,
    moves,
    lateAreas,
    sentence: words.join(' and '),
  };
  return alternative;
}

/** A longer day for the pools serving the areas asked about: `solveFor('hoursPerDay')` on them. */
export function hoursAlternative(ctx: ChangeContext): ReplanAlternative {
  const result = trySolveFor('hoursPerDay', ctx.scope.input);
  if (!result.feasible) return infeasible('hours-per-day', result.reason, result.detail);
  const { window } = ctx.prep;
  const current = window.closeMinute - window.openMinute;
  const hoursFor = (minutes: number) =>
    minutes >= MINUTES_PER_DAY
      ? { open: '00:00', close: '24:00' }
      : {
          open: formatTimeOfDay(window.openMinute),
          close: formatTimeOfDay(window.openMinute + minutes, { endOfDay: true }),
        };
  let minutes = Math.round(result.value * 60);
  for (let step = 0; step < MAX_STEPS && minutes < MINUTES_PER_DAY; step++) {
    if (meetsWith(ctx, (input) => ({ ...input, hours: hoursFor(minutes) }))) break;
    minutes++;
  }
  const hours = hoursFor(minutes);
  return {
    kind: 'hours-per-day',
    hours,
    hoursPerDay: minutes / 60,
    addedMinutesPerDay: minutes - current,
    sentence: `open ${minutesText(minutes - current)} longer (${hours.open}–${hours.close})`,
  };
}

/**
 * One pace for the areas asked about, in whole dossiers per machine-day: for each pool serving
 * them, their demand must fit in the hours its machines have left once its other areas are
 * served at their pace; the answer is checked by planning with it and with one less.
 */
export function paceAlternative(ctx: ChangeContext): ReplanAlternative {
  const { prep } = ctx;
  if (prep.periodHours === 0) return noOpenHour(ctx, 'pace');
  const given = prep.machines ?? new Map<number, number>();
  const pools = planPools(prep, given);
  const perHour = prep.capacity.dossiersPerMachineHour;
  let needed = 0;
  for (const [pool, leaves] of focusLeavesByPool(ctx, pools.poolOf)) {
    const machines = pool >= 0 ? (given.get(pool) ?? 0) : 0;
    if (pool < 0 || machines === 0) {
      return infeasible('pace', 'no-machines', 'some of the demand has no machine to serve it');
    }
    const demandIn = leaves.reduce((s, leaf) => s + (prep.demand[leaf]?.demand ?? 0), 0);
    const workIn = leaves.reduce((s, leaf) => s + (prep.workload[leaf] as number), 0);
    const hoursOut = ((pools.workloadInPool[pool] as number) - workIn) / perHour;
    const hoursLeft = machines * prep.periodHours - hoursOut;
    if (hoursLeft <= 0) {
      return infeasible(
        'pace',
        'pool-overbooked',
        `the other areas ${nodeOf(ctx, pool).name}'s machines serve take all their hours before the deadline`,
      );
    }
    needed = Math.max(needed, (demandIn * ctx.hoursPerMachineDay) / hoursLeft);
  }
  const focusSet = ctx.scope.inFocus;
  const overridesAt = (pace: number) =>
    ctx.scope.focus.map((index) => ({
      areaCode: nodeOf(ctx, index).code,
      service: serviceAtPace(
        ctx.services.get(prep.serviceOf[index] as number) ?? ctx.input.service,
        capacityOf(prep, index),
        pace,
        ctx.hoursPerMachineDay,
      ),
    }));
  const withPace = (pace: number) => (input: CampaignInput) => ({
    ...input,
    serviceOverrides: [
      ...(input.serviceOverrides ?? []).filter(
        (o) => focusSet[prep.tree.byCode.get(o.areaCode) as number] === 0,
      ),
      ...overridesAt(pace),
    ],
  });
  let pace = Math.max(1, Math.ceil(needed));
  for (let step = 0; step < MAX_STEPS && !meetsWith(ctx, withPace(pace)); step++) pace++;
  for (let step = 0; step < MAX_STEPS && pace > 1 && meetsWith(ctx, withPace(pace - 1)); step++) pace--;
  const current = ctx.scope.whole
    ? ctx.plan.totals.dailyCapacityPerMachine
    : (ctx.rows[ctx.scope.focus[0] as number] as AreaPlan).dailyCapacityPerMachine;
  // The pace overrides slow an area down to what it did; a machine still does what the scenario
  // models in 24 hours.
  const dayMaximum = Math.min(
    ...ctx.scope.focus.map((index) => dossiersIn24Hours(1, ctx.modelledMinutesPerDossier[index] as number)),
  );
  const aboveDayMaximum = pace > dayMaximum;
  return {
    kind: 'pace',
    dossiersPerMachineDay: pace,
    currentDossiersPerMachineDay: current,
    aboveDayMaximum,
    serviceOverrides: overridesAt(pace),
    sentence: `reach ${pace} dossiers per machine-day (now ${Math.round(current)})${aboveDayMaximum ? `, more than a machine does in 24 hours at the modelled service time (${Math.floor(dayMaximum)})` : ''}`,
  };
}

/** The deadline the remaining plan meets: `solveFor('days')` on the pools serving the areas asked about. */
export function deadlineAlternative(ctx: ChangeContext): ReplanAlternative {
  const result = trySolveFor('days', ctx.scope.input);
  if (!result.feasible) return infeasible('deadline', result.reason, result.detail);
  let openDays = Math.max(1, result.value);
  let date = nthOpenDate(ctx.scope.input, openDays);
  const withDeadline = (deadline: string) => (input: CampaignInput) => ({
    ...input,
    calendar: { ...input.calendar, deadline },
  });
  for (let step = 0; step < MAX_STEPS && date !== null && !meetsWith(ctx, withDeadline(date)); step++) {
    openDays++;
    date = nthOpenDate(ctx.scope.input, openDays);
  }
  if (date === null)
    return infeasible('deadline', 'beyond-horizon', 'the machines given would need more than ten years');
  const deadline = ctx.plan.period.deadline;
  const zone = ctx.plan.period.timeZone;
  const slipCalendarDays = Math.round(
    DateTime.fromISO(date, { zone }).diff(DateTime.fromISO(deadline, { zone }), 'days').days,
  );
  return {
    kind: 'deadline',
    deadline: date,
    slipCalendarDays,
    slipOpenDays: openDays - ctx.plan.period.openDays,
    sentence: `finish ${plural(slipCalendarDays, 'day')} late (${date})`,
  };
}

/**
 * What must change for the areas asked about to finish by the deadline: machines, hours, pace
 * or a later deadline, each exact and checked by planning with it; null when they finish in time
 * or no machines are given (the plan then says how many are needed).
 */
export function whatMustChange(ctx: ChangeContext, label: string): WhatMustChange | null {
  if (!ctx.prep.machines) return null;
  if (focusMeets(ctx.plan, ctx.scope, codesOf(ctx))) return null;
  const alternatives = [
    machinesAlternative(ctx),
    hoursAlternative(ctx),
    paceAlternative(ctx),
    deadlineAlternative(ctx),
  ];
  const feasible = alternatives.filter((a) => a.kind !== 'infeasible').map((a) => a.sentence);
  const notes = alternatives.filter((a) => a.kind === 'infeasible').map((a) => `${a.sentence}.`);
  const deadline = ctx.plan.period.deadline;
  const completionDate = ctx.scope.whole
    ? ctx.plan.completionDate
    : (ctx.rows[ctx.scope.focus[0] as number] as AreaPlan).completionDate;
  const lead =
    feasible.length > 0
      ? `To finish ${label} by ${deadline}: ${feasible.join(', or ')}.`
      : `${label} cannot finish by ${deadline}.`;
  return {
    areaCode: ctx.scope.whole ? null : (codesOf(ctx)[0] ?? null),
    deadline,
    completionDate,
    alternatives,
    sentence: [lead, ...notes].join(' '),
  };
}
