import type { AreaNode, AreaTree } from '../../demand/area-tree.ts';
import type { DayRollUp } from './roll-up.ts';

/**
 * Splits a whole `total` into whole parts in proportion to `weights` that add up to it exactly:
 * floors first, then the largest remainders, the earlier part first among equals. Equal parts
 * when every weight is zero.
 */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = sum > 0 ? weights : weights.map(() => 1);
  const base = sum > 0 ? sum : weights.length;
  const parts = shares.map((w) => Math.floor((total * w) / base));
  let left = total - parts.reduce((s, p) => s + p, 0);
  if (left > 0) {
    const order = shares
      .map((w, i) => ({ i, remainder: (total * w) / base - (parts[i] as number) }))
      .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
    for (const { i } of order) {
      if (left === 0) break;
      parts[i] = (parts[i] as number) + 1;
      left--;
    }
  }
  return parts;
}

/** Where each day's figures go: what is served per leaf, and what still waits to be spread. */
export type Attribution = {
  /** Whole dossiers attributed to each leaf. */
  served: Float64Array;
  /** Dossiers reported for an area beyond its children's reports, to be spread over its leaves. */
  pending: Float64Array;
  /** Scratch: the amount placed in each node on the day being attributed. */
  placed: Float64Array;
};

export function createAttribution(nodes: number): Attribution {
  return {
    served: new Float64Array(nodes),
    pending: new Float64Array(nodes),
    placed: new Float64Array(nodes),
  };
}

/**
 * Places one rolled-up day on the leaves, top down, so that the leaves of every root add up to
 * the root's figure exactly. Each child that reported keeps its own figure; what an area reported
 * beyond its children's (its own total, or its teams') goes to its children that did not report
 * that day in proportion to their demand, or to all its leaves when every child reported. An
 * area's total below its children's sum wins: their figures are scaled down to it.
 */
export function attributeDay(
  tree: AreaTree,
  roll: DayRollUp,
  demandOf: (index: number) => number,
  into: Attribution,
): void {
  const { served, pending, placed } = into;
  for (const root of tree.roots)
    placed[root] = roll.reported[root] === 1 ? (roll.dossiers[root] as number) : 0;
  for (const index of tree.order) {
    const amount = placed[index] as number;
    const children = (tree.nodes[index] as AreaNode).children;
    if (children.length === 0) {
      served[index] = (served[index] as number) + amount;
      continue;
    }
    let ofChildren = 0;
    for (const child of children) {
      placed[child] = roll.reported[child] === 1 ? (roll.dossiers[child] as number) : 0;
      ofChildren += placed[child] as number;
    }
    if (amount === ofChildren) continue;
    if (amount < ofChildren) {
      const parts = splitWhole(
        amount,
        children.map((child) => placed[child] as number),
      );
      children.forEach((child, i) => {
        placed[child] = parts[i] as number;
      });
      continue;
    }
    const silent = children.filter((child) => roll.reported[child] === 0);
    if (silent.length === 0) {
      pending[index] = (pending[index] as number) + amount - ofChildren;
      continue;
    }
    const parts = splitWhole(amount - ofChildren, silent.map(demandOf));
    silent.forEach((child, i) => {
      pending[child] = (pending[child] as number) + (parts[i] as number);
    });
  }
}

/** Spreads what waits on each area over its leaves in proportion to their demand, top down. */
export function spreadPending(tree: AreaTree, demandOf: (index: number) => number, into: Attribution): void {
  const { served, pending } = into;
  for (const index of tree.order) {
    const amount = pending[index] as number;
    if (amount === 0) continue;
    pending[index] = 0;
    const children = (tree.nodes[index] as AreaNode).children;
    if (children.length === 0) {
      served[index] = (served[index] as number) + amount;
      continue;
    }
    const parts = splitWhole(amount, children.map(demandOf));
    children.forEach((child, i) => {
      pending[child] = (pending[child] as number) + (parts[i] as number);
    });
  }
}
