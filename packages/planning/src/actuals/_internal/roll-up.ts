import type { AreaNode, AreaTree } from '../../demand/area-tree.ts';
import { demandBound, type PaceBasis, type PaceTally } from './observed-pace.ts';
import type { DayFigures } from './read-reports.ts';
import { aboveTwentyFourHours } from './twenty-four-hours.ts';

/**
 * One day's figures per node index, rolled up the tree (reused from day to day: only the nodes of
 * the order last rolled hold that day's values).
 */
export type DayRollUp = {
  /** The area's figure: its own area-wide report when there is one, else its teams' and its children's. */
  dossiers: Float64Array;
  /** Machines working behind `dossiers`; NaN when some report counted did not say. */
  machines: Float64Array;
  /** Machines working given by the reports behind `dossiers` (those that give none add nothing). */
  machinesGiven: Float64Array;
  /**
   * Machines behind `dossiers` as the observed pace counts them: those reported or, for an area
   * whose figure gives none, those the plan stations there (see {@link rollUpDay}), none for a
   * figure demand-bound (`demandBound`); NaN when neither says, or when a figure below is more than
   * its machines do in 24 hours.
   */
  paceMachines: Float64Array;
  /** The dossiers of `dossiers` that the observed pace counts: none of a figure demand-bound. */
  paceDossiers: Float64Array;
  /** 1 when anything was reported in the area that day. */
  reported: Uint8Array;
  /** Leaves covered by a report: all of them where the area reported itself, else its children's. */
  covered: Int32Array;
};

export function createRollUp(nodes: number): DayRollUp {
  return {
    dossiers: new Float64Array(nodes),
    machines: new Float64Array(nodes),
    machinesGiven: new Float64Array(nodes),
    paceMachines: new Float64Array(nodes),
    paceDossiers: new Float64Array(nodes),
    reported: new Uint8Array(nodes),
    covered: new Int32Array(nodes),
  };
}

/** Leaves under each node (1 for a leaf). */
export function leafCounts(tree: AreaTree): Int32Array {
  const counts = new Int32Array(tree.nodes.length);
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const index = tree.order[k] as number;
    const node = tree.nodes[index] as AreaNode;
    if (node.children.length === 0) counts[index] = 1;
    else
      for (const child of node.children)
        counts[index] = (counts[index] as number) + (counts[child] as number);
  }
  return counts;
}

/** The nodes of one area's subtree, parents before children. */
export function subtreeOrder(tree: AreaTree, area: number): number[] {
  const order: number[] = [];
  const stack = [area];
  while (stack.length > 0) {
    const index = stack.pop() as number;
    order.push(index);
    const children = (tree.nodes[index] as AreaNode).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as number);
  }
  return order;
}

/** 1 for each node in the subtree of one of `areas`. */
export function subtreeMarks(tree: AreaTree, areas: readonly number[]): Uint8Array {
  const marks = new Uint8Array(tree.nodes.length);
  for (const area of areas) for (const index of subtreeOrder(tree, area)) marks[index] = 1;
  return marks;
}

/**
 * Rolls one day's figures up the nodes of `order` (parents before children). Where an area
 * reports its own total, that total wins over its children's (a province figure is not added to
 * its districts'); a report of the area itself, its total or a team's, covers all its leaves.
 *
 * `pace` (its `basis` from `paceBasisByNode`), for the observed pace: an area's figure that gives
 * no machines working is counted in `paceMachines` as worked on the machines the plan stations
 * there, so that a pace is observed from reports without machines as the forecast sees their
 * dossiers; not for its teams' figure on a day its children reported too (the plan's machines are
 * theirs as well). A figure counts on no machines, those it reports or those planned, that cannot
 * have done it (more than they do in 24 hours: the day is warned about as above its maximum), and
 * neither does the day of the areas above it. A figure of 0 dossiers without machines (a closed
 * day) counts no machine-day. A figure demand-bound (`demandBound`: less work was left in its area
 * than its machines do at the planned pace, judged on what `pace` tallied before the day, and the
 * figure short of that pace too) counts
 * neither its machines nor its dossiers, in its area or above it: the areas above count their other
 * figures. Call `tallyPaceDay` with the same `pace` after each day rolled.
 */
export function rollUpDay(
  tree: AreaTree,
  order: readonly number[],
  day: DayFigures,
  leaves: Int32Array,
  into: DayRollUp,
  pace: PaceTally | null = null,
): void {
  const { dossiers, machines, machinesGiven, paceMachines, paceDossiers, reported, covered } = into;
  for (let k = order.length - 1; k >= 0; k--) {
    const index = order[k] as number;
    const own = day.kind[index] as number;
    let sum = own === 0 ? 0 : (day.dossiers[index] as number);
    let working = own === 0 ? 0 : (day.machines[index] as number);
    let given = own === 0 ? 0 : (day.machinesGiven[index] as number);
    let any = own === 0 ? 0 : 1;
    let cover = own === 0 ? 0 : (leaves[index] as number);
    let childrenWorking = 0;
    let childrenPaceDossiers = 0;
    let childReported = false;
    if (own !== 2) {
      for (const child of (tree.nodes[index] as AreaNode).children) {
        if (reported[child] === 0) continue;
        sum += dossiers[child] as number;
        working += machines[child] as number;
        given += machinesGiven[child] as number;
        childrenWorking += paceMachines[child] as number;
        childrenPaceDossiers += paceDossiers[child] as number;
        childReported = true;
        any = 1;
        if (own === 0) cover += covered[child] as number;
      }
    }
    let ownPace =
      own === 0
        ? 0
        : ownPaceMachines(
            day.dossiers[index] as number,
            day.machines[index] as number,
            index,
            pace?.basis ?? null,
            own === 1 && childReported,
          );
    let ownPaceDossiers = own === 0 ? 0 : (day.dossiers[index] as number);
    if (pace !== null && ownPace > 0 && demandBound(pace, index, ownPace, ownPaceDossiers)) {
      ownPace = 0;
      ownPaceDossiers = 0;
    }
    dossiers[index] = sum;
    machines[index] = any ? working : Number.NaN;
    machinesGiven[index] = given;
    paceMachines[index] = any ? ownPace + childrenWorking : Number.NaN;
    paceDossiers[index] = ownPaceDossiers + childrenPaceDossiers;
    reported[index] = any;
    covered[index] = cover;
  }
}

/**
 * The machines an area's own figure counts in the observed pace (see {@link rollUpDay}): those it
 * reports (`reported`, NaN when it gives none) or, with `basis`, those the plan stations there
 * unless it is its teams' figure on a day its children reported too (`besideChildren`); NaN when
 * they cannot have done its dossiers, more than they do in 24 hours.
 */
function ownPaceMachines(
  dossiers: number,
  reported: number,
  index: number,
  basis: PaceBasis | null,
  besideChildren: boolean,
): number {
  // Nothing done and no machines said (a closed day): no machine-day, as the forecast counts such
  // a day in no rate.
  if (Number.isNaN(reported) && dossiers === 0) return 0;
  if (basis === null) return reported;
  const counted = !Number.isNaN(reported)
    ? reported
    : besideChildren
      ? null
      : (basis.machines[index] ?? null);
  const within =
    counted !== null &&
    !aboveTwentyFourHours(dossiers, counted, basis.meanMinutesPerDossier[index] as number);
  return within ? counted : Number.NaN;
}
