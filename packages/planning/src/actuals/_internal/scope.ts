import type { PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan, CampaignInput, CampaignPlan } from '../../campaign/types.ts';
import type { AreaInput, AreaNode } from '../../demand/area-tree.ts';
import { subtreeMarks } from './roll-up.ts';

/** The areas asked about, and the part of the campaign whose plan decides when they finish. */
export type Scope = {
  /** Node indices of the areas asked about (one area, or every root for the whole input). */
  focus: number[];
  /** Whether the focus is the whole input. */
  whole: boolean;
  /** Each node asked about or below one. */
  inFocus: Uint8Array;
  /**
   * The campaign restricted to the pools that serve the focus: its subtree, or the subtree of the
   * pool above it that serves it, less pools there that serve only other areas. Planned alone,
   * its pools finish as they do in the whole plan.
   */
  input: CampaignInput;
};

/** The first ancestor (or the node) that gives `key`, for figures that inherit down the tree. */
function inherited(
  prep: PreparedCampaign,
  index: number,
  key: 'eligibleShare' | 'turnout',
): number | undefined {
  for (let at = index; at >= 0; at = (prep.tree.nodes[at] as AreaNode).parent) {
    const value = (prep.tree.nodes[at] as AreaNode)[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

export function scopeOf(
  input: CampaignInput,
  prep: PreparedCampaign,
  rows: readonly AreaPlan[],
  area: number | null,
): Scope {
  const n = prep.tree.nodes.length;
  if (area === null)
    return { focus: prep.tree.roots, whole: true, inFocus: new Uint8Array(n).fill(1), input };
  const inFocus = subtreeMarks(prep.tree, [area]);
  const servedBy = (rows[area] as AreaPlan).servedBy;
  const root = servedBy === null ? area : (prep.tree.byCode.get(servedBy) as number);
  const include = new Uint8Array(n);
  const stack = [root];
  while (stack.length > 0) {
    const index = stack.pop() as number;
    // A pool of its own outside the focus serves only other areas.
    if (index !== root && inFocus[index] === 0 && prep.machines?.has(index)) continue;
    include[index] = 1;
    stack.push(...(prep.tree.nodes[index] as AreaNode).children);
  }
  const areas: AreaInput[] = [];
  input.areas.forEach((given, index) => {
    if (include[index] === 0) return;
    if (index !== root) {
      areas.push(given);
      return;
    }
    const { parentCode: _above, ...top } = given;
    const eligibleShare = inherited(prep, index, 'eligibleShare');
    const turnout = inherited(prep, index, 'turnout');
    areas.push({
      ...top,
      ...(eligibleShare === undefined ? {} : { eligibleShare }),
      ...(turnout === undefined ? {} : { turnout }),
    });
  });
  const codeIncluded = (code: string) => include[prep.tree.byCode.get(code) as number] === 1;
  const overrides = (input.serviceOverrides ?? []).filter((o) => codeIncluded(o.areaCode));
  const over = prep.serviceOf[root] as number;
  if (over >= 0 && over !== root) {
    const service = input.serviceOverrides?.find((o) => o.areaCode === prep.tree.nodes[over]?.code)?.service;
    if (service) overrides.push({ areaCode: (prep.tree.nodes[root] as AreaNode).code, service });
  }
  return {
    focus: [area],
    whole: false,
    inFocus,
    input: {
      ...input,
      areas,
      ...(input.machines ? { machines: input.machines.filter((m) => codeIncluded(m.areaCode)) } : {}),
      ...(input.serviceOverrides ? { serviceOverrides: overrides } : {}),
    },
  };
}

/** Whether the areas asked about finish by the deadline in a plan (nothing to do counts). */
export function focusMeets(plan: CampaignPlan, scope: Scope, codes: readonly string[]): boolean {
  if (scope.whole) return plan.totals.demand === 0 || plan.totals.meetsDeadline === true;
  return codes.every((code) => {
    const row = plan.areas.find((candidate) => candidate.code === code);
    return row !== undefined && (row.demand === 0 || row.meetsDeadline === true);
  });
}
