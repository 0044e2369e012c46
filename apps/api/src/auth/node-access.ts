// `node(id:)` and `nodes(ids:)` bypass the root fields' filters, so the lookup itself asks whether
// the caller may see the object, with the same rules as the lists (auth/access.ts): areas are
// public (their figures stay behind the type's scopes), scenarios overlap the caller's subtree,
// teams, reports and a plan's rows lie inside it. What the caller may not see answers exactly as
// what does not exist: null with NOT_FOUND. An id that is no global id of this API (not one at
// all, or of a type without them) is refused as bad input naming it; in `nodes`, each bad id alone.

import { PothosValidationError } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { NotFoundError, PlanningInputError, UnauthenticatedError } from '../errors.ts';
import { parseAreaPlanKey } from '../planning/plan-result.ts';
import { areaScope, scenarioScope, withinScope } from './access.ts';
import type { Principal } from './tokens.ts';

/** A global id as `node` and `nodes` read it: `typename` empty when it is not one; `sent` as the caller wrote it. */
type GlobalId = { typename: string; id: string; sent?: string };

/**
 * Reads a global id without refusing it (the relay plugin's `decodeGlobalID`): the plugin refused
 * a malformed id for the whole field, so one bad id of `nodes` lost every other; `node` and `nodes`
 * now refuse it themselves, naming it.
 *
 * @example
 * decodeNodeId('QXJlYTo2NjU=') // => { typename: 'Area', id: '665', sent: 'QXJlYTo2NjU=' }
 * decodeNodeId('665') // => { typename: '', id: '665', sent: '665' }
 */
export function decodeNodeId(globalID: string): GlobalId {
  try {
    return { ...decodeGlobalID(globalID), sent: globalID };
  } catch (error) {
    if (!(error instanceof PothosValidationError)) throw error;
    return { typename: '', id: globalID, sent: globalID };
  }
}

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

/** The types with global ids, in words: `an ActualReport, Area, … or Team`. */
const NODE_TYPES = (() => {
  const names = Object.keys(RESOURCE).sort();
  return `an ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
})();

function missing(id: GlobalId, argument: string): NotFoundError {
  return new NotFoundError(RESOURCE[id.typename] ?? 'node', id.id, argument);
}

/**
 * Refuses what `node` may not answer for `id`, naming `argument`: an id that is not a global id
 * (InputError format), one of a type without global ids (unknown-reference), a node other than an
 * area without a token, and one that does not exist or the caller may not see (alike: NOT_FOUND).
 */
async function checkVisible(context: Context, id: GlobalId, argument: string): Promise<void> {
  const sent = id.sent ?? id.id;
  if (id.typename === '') {
    throw new PlanningInputError({
      path: argument,
      code: 'format',
      expected: 'a global id as `id` answers it (base64 of Type:key)',
      received: sent,
    });
  }
  if (!Object.hasOwn(RESOURCE, id.typename)) {
    throw new PlanningInputError({
      path: argument,
      code: 'unknown-reference',
      expected: `the global id of ${NODE_TYPES} (no type ${id.typename.length > 64 ? `${id.typename.slice(0, 64)}…` : id.typename} has one)`,
      received: sent,
    });
  }
  if (id.typename === 'Area') return;
  const visible = VISIBLE[id.typename];
  if (visible === undefined) throw missing(id, argument);
  if (context.principal === null) {
    throw new UnauthenticatedError(
      `${argument}: a ${id.typename} needs a bearer token (Authorization: Bearer <token>).`,
      argument,
    );
  }
  if (!(await visible(context.principal, id.id))) throw missing(id, argument);
}

/** The node of `id` when the caller may see it; else the error of {@link checkVisible}, or NOT_FOUND. */
export async function loadVisibleNode(
  context: Context,
  id: GlobalId,
  argument: string,
  load: (id: GlobalId) => unknown,
): Promise<unknown> {
  await checkVisible(context, id, argument);
  const node = await load(id);
  if (node == null) throw missing(id, argument);
  return node;
}

/**
 * The nodes of `ids` in their order, each its own promise: refused alone (naming `ids[i]`) as
 * {@link loadVisibleNode} refuses it, so that a bad id leaves the others answered. `load` gets the
 * ids that pass, together, once, and null in place of the others (an id of no type failed the
 * whole batch there).
 */
export function loadVisibleNodes(
  context: Context,
  ids: readonly GlobalId[],
  load: (ids: (GlobalId | null)[]) => Promise<unknown[]>,
): Promise<unknown>[] {
  const checks = ids.map((id, index) => checkVisible(context, id, `ids[${index}]`));
  const loaded = Promise.allSettled(checks).then((settled) =>
    load(ids.map((id, index) => (settled[index]?.status === 'fulfilled' ? id : null))),
  );
  return ids.map(async (id, index) => {
    await checks[index];
    const node = (await loaded)[index];
    if (node == null) throw missing(id, `ids[${index}]`);
    return node;
  });
}
