// `node(id:)` and `nodes(ids:)` bypass the root fields' filters, so the lookup itself asks whether
// the caller may see the object, with the same rules as the lists (auth/access.ts): areas are
// public (their figures stay behind the type's scopes), scenarios overlap the caller's subtree,
// teams, reports and a plan's rows lie inside it. What the caller may not see answers exactly as
// what does not exist: null with NOT_FOUND.

import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import { parseAreaPlanKey } from '../planning/plan-result.ts';
import { areaScope, scenarioScope, withinScope } from './access.ts';
import type { Principal } from './tokens.ts';

type GlobalId = { typename: string; id: string };

/** Whether a signed-in caller sees the node; false also when it does not exist. */
const VISIBLE: Record<string, (principal: Principal, id: string) => Promise<boolean>> = {
  Scenario: async (principal, id) =>
    (await prisma.scenario.count({ where: { AND: [{ id }, scenarioScope(principal)] } })) > 0,
  Team: async (principal, code) =>
    (await prisma.team.count({ where: { code, homeArea: areaScope(principal) } })) > 0,
  ActualReport: async (principal, id) =>
    (await prisma.actualReport.count({ where: { id, area: areaScope(principal) } })) > 0,
  AreaPlan: async (principal, key) => {
    const parsed = parseAreaPlanKey(key);
    // A what-if's rows are computed from input that is not stored: they cannot be fetched again.
    if (parsed === null) return false;
    const area = await prisma.area.findUnique({ where: { code: parsed.areaCode }, select: { path: true } });
    return (
      area !== null &&
      withinScope(principal, area.path) &&
      (await VISIBLE.Scenario?.(principal, parsed.scenarioId)) === true
    );
  },
};

/** How a missing node is named in its NotFoundError, as the other fields name these things. */
const RESOURCE: Record<string, string> = {
  Area: 'area',
  Scenario: 'scenario',
  Team: 'team',
  ActualReport: 'report',
  AreaPlan: 'plan row',
};

/** The node of `id` when the caller may see it; else a NotFoundError (or UnauthenticatedError) naming `argument`. */
export async function loadVisibleNode(
  context: Context,
  id: GlobalId,
  argument: string,
  load: (id: GlobalId) => unknown,
): Promise<unknown> {
  const missing = () => new NotFoundError(RESOURCE[id.typename] ?? 'node', id.id, argument);
  if (id.typename !== 'Area') {
    const visible = VISIBLE[id.typename];
    if (visible === undefined) throw missing();
    if (context.principal === null) {
      throw new UnauthenticatedError(
        `${argument}: a ${id.typename} needs a bearer token (Authorization: Bearer <token>).`,
        argument,
      );
    }
    if (!(await visible(context.principal, id.id))) throw missing();
  }
  const node = await load(id);
  if (node == null) throw missing();
  return node;
}
