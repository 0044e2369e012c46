// The Pothos builder and its plugins; the types themselves live in src/schema/.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { type GraphQLResolveInfo, valueFromASTUntyped } from 'graphql';
import {
  describePrincipal,
  mayAmendReport,
  overlapsScope,
  refuseReportsOutside,
  withinScope,
} from './auth/access.ts';
import { areaPathsOf } from './auth/area-paths.ts';
import { decodeNodeId, loadVisibleNode, loadVisibleNodes } from './auth/node-access.ts';
import type { Principal } from './auth/tokens.ts';
import { type Memo, memoize } from './compute/memo.ts';
import type { Context } from './context.ts';
import { prisma } from './db.ts';
import { ForbiddenError, NotFoundError, PlanningInputError, UnauthenticatedError } from './errors.ts';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import { defaultFieldComplexity, priceNodes } from './limits/cost-limit.ts';

/**
 * Largest page a connection returns; `first` or `last` above it is refused, not cut. A page of this
 * size with every scalar field of its node always fits the cost limit (README, Limits).
 */
export const MAX_PAGE_SIZE = 500;
/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

/** Nodes a page asks for, as the cost estimate multiplies them (at most {@link MAX_PAGE_SIZE}). */
export function pageSize(args: { first?: number | null; last?: number | null }): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(0, args.first ?? args.last ?? DEFAULT_PAGE_SIZE));
}

/**
 * The cursors a list gives: `GPC:S:<key>` for a list of stored rows (Pothos' Prisma cursors, the
 * key a string), `OffsetConnection:<n>` for a computed list. Anything else is refused naming the
 * argument: a tampered cursor reached Prisma as a number and failed as an internal error, a
 * negative offset paged from the end.
 */
const CURSOR_SHAPES = {
  stored: /^GPC:S:/,
  offset: /^OffsetConnection:(0|[1-9]\d{0,8})$/,
} as const;

/** A cursor's text as Pothos writes it (padded base64); '' when it does not write back the same. */
function cursorText(cursor: string): string {
  const bytes = Buffer.from(cursor, 'base64');
  return bytes.toString('base64') === cursor ? bytes.toString('utf8') : '';
}

function checkCursors(
  args: { after?: string | null; before?: string | null },
  kind: keyof typeof CURSOR_SHAPES,
): void {
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    if (!CURSOR_SHAPES[kind].test(cursorText(cursor))) {
      throw new PlanningInputError({
        path: name,
        code: 'format',
        expected: `a cursor this list gave (its pageInfo's endCursor or startCursor, or an edge's cursor)`,
        received: cursor,
      });
    }
  }
}

/**
 * Refuses a stored list's cursor whose key names none of the list's rows: every stored list's
 * cursors are `GPC:S:<key>` (an area's code, a report's id), so another list's passed the shape
 * check and paged to an empty page. `names` looks the key up among all the rows of the list's
 * table, not only those its arguments select: a report voided since its cursor was given still
 * places the page. Called, after {@link checkedPageSize}, where the list reads its page and its count:
 * each key is looked up once a request (`memo`), whichever of the two asks first.
 */
export async function checkCursorKeys(
  args: { after?: string | null; before?: string | null },
  row: string,
  names: (key: string) => Promise<boolean>,
  memo: Memo,
): Promise<void> {
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    const key = cursor == null ? null : /^GPC:S:(.*)$/s.exec(cursorText(cursor))?.[1];
    if (key == null || (await memoize(memo, `cursor-key:${row}:${key}`, () => names(key)))) continue;
    throw new PlanningInputError({
      path: name,
      code: 'unknown-reference',
      expected: `a cursor this list gave (its pageInfo's endCursor or startCursor, or an edge's cursor): this one names no ${row} (another list gave it, or the ${row} is gone)`,
      received: cursor,
    });
  }
}

/**
 * The page size a connection may serve, after refusing what it must not: a cursor the list did not
 * give (`cursors`: a stored list's, or a computed list's offsets), `first` or `last` over
 * {@link MAX_PAGE_SIZE}, and `first` with `last` (a page is read forward or backward, not both).
 * Given to each connection as its `maxSize`, and called before a count that reads no page.
 */
export function checkedPageSize(
  args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null },
  cursors: keyof typeof CURSOR_SHAPES = 'stored',
): number {
  checkCursors(args, cursors);
  for (const name of ['first', 'last'] as const) {
    const asked = args[name];
    if (asked != null && asked > MAX_PAGE_SIZE) {
      throw new PlanningInputError({
        path: name,
        code: 'range',
        expected: `at most ${MAX_PAGE_SIZE} nodes a page (ask for the next page with after or before)`,
        received: asked,
      });
    }
  }
  if (args.first != null && args.last != null) {
    throw new PlanningInputError({
      path: 'last',
      code: 'conflict',
      expected:
        'absent when first is given (page forward with first and after, backward with last and before)',
      received: args.last,
    });
  }
  return MAX_PAGE_SIZE;
}

type Signed = Context & { principal: Principal };

/** Scopes whose failure reads as "no such thing": the caller does not learn it exists. */
const HIDDEN_BY_SCOPE: Record<string, string> = { seesScenario: 'scenario', amendsReport: 'report' };

/** The resource and id the caller may not see, if that is why it was refused. */
function hiddenResource(failure: AuthFailure): { resource: string; id: string } | null {
  if ('parameter' in failure && HIDDEN_BY_SCOPE[failure.scope] !== undefined) {
    return { resource: HIDDEN_BY_SCOPE[failure.scope] as string, id: String(failure.parameter) };
  }
  if ('failures' in failure) {
    for (const inner of failure.failures) {
      const hidden = hiddenResource(inner);
      if (hidden !== null) return hidden;
    }
  }
  return null;
}

/** Area codes a request's scopes found to name no area: refused as not found, not as forbidden. */
const unknownAreas = new WeakMap<object, Set<string>>();

function rememberUnknownArea(context: object, code: string): void {
  let codes = unknownAreas.get(context);
  if (!codes) {
    codes = new Set();
    unknownAreas.set(context, codes);
  }
  codes.add(code);
}

/** The unknown area a refusal is about, if an area scope failed because its code names none. */
function unknownArea(context: object, failure: AuthFailure): string | null {
  if ('parameter' in failure && typeof failure.parameter === 'string') {
    return unknownAreas.get(context)?.has(failure.parameter) ? failure.parameter : null;
  }
  if ('failures' in failure) {
    for (const inner of failure.failures) {
      const code = unknownArea(context, inner);
      if (code !== null) return code;
    }
  }
  return null;
}

/** The path of the argument holding `value` (`areaCode`, `input.areaCode`), as the caller sent it. */
function argumentHolding(info: GraphQLResolveInfo, value: string): string {
  const find = (held: unknown, path: string): string | null => {
    if (held === value) return path;
    if (Array.isArray(held)) {
      for (const [index, item] of held.entries()) {
        const found = find(item, `${path}[${index}]`);
        if (found !== null) return found;
      }
    } else if (typeof held === 'object' && held !== null) {
      for (const [key, item] of Object.entries(held)) {
        const found = find(item, `${path}.${key}`);
        if (found !== null) return found;
      }
    }
    return null;
  };
  for (const argument of info.fieldNodes[0]?.arguments ?? []) {
    const found = find(valueFromASTUntyped(argument.value, info.variableValues), argument.name.value);
    if (found !== null) return found;
  }
  return 'areaCode';
}

/** The argument that names the scenario or report: `scenarioId` where there is one, else `id`. */
function idArgument(info: GraphQLResolveInfo): string {
  const names = info.fieldNodes[0]?.arguments?.map((argument) => argument.name.value) ?? [];
  return names.includes('scenarioId') ? 'scenarioId' : 'id';
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Any live token. */
    signedIn: boolean;
    admin: boolean;
    planner: boolean;
    reporter: boolean;
    /** May read this area (by code): inside the caller's subtree. */
    seesArea: string;
    /** May read the area at this path (already loaded, no statement): inside the caller's subtree. */
    seesAreaAt: string;
    /** May read this scenario (by id): its root area overlaps the caller's subtree. */
    seesScenario: string;
    /** May plan this area (by code): a planner whose subtree holds it, or an admin. */
    plansArea: string;
    /** May change this scenario (by id): its root area is in a planner's subtree, or an admin. */
    plansScenario: string;
    /** May send these reports: an admin, a planner inside its subtree, or the reporter of their team inside its area. */
    recordsReports: readonly { areaCode: string; teamCode?: string | null }[];
    /** May void or re-date this report (by id): an admin, a planner of its area, its team's reporter. */
    amendsReport: string;
  };
  AuthContexts: { signedIn: Signed; admin: Signed; planner: Signed; reporter: Signed };
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    /** An uploaded file (GraphQL multipart request), never sent back. */
    File: { Input: File; Output: never };
  };
}>({
  // Errors first, so that a refusal by scope auth becomes a member of the field's result union
  // (the rest of the answer stands); scope auth before the rest, so nothing else runs for a
  // caller who may not.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ComplexityPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // A subscription is refused when it is made, not when its first event comes.
    authorizeOnSubscribe: true,
    authScopes: (context) => {
      const { principal } = context;
      const areaPath = async (code: string) => {
        const path =
          (await prisma.area.findUnique({ where: { code }, select: { path: true } }))?.path ?? null;
        if (path === null) rememberUnknownArea(context, code);
        return path;
      };
      // The scenario's root area found through the scenario: one statement, where selecting
      // `scenario.area.path` costs Prisma two.
      const rootPath = async (id: string) =>
        (await prisma.area.findFirst({ where: { scenarios: { some: { id } } }, select: { path: true } }))
          ?.path ?? null;
      const admin = principal?.role === 'ADMIN';
      const planner = principal?.role === 'PLANNER';
      return {
        signedIn: principal !== null,
        admin,
        planner,
        reporter: principal?.role === 'REPORTER',
        seesArea: async (code) => {
          if (!principal) return false;
          const path = await areaPath(code);
          return path !== null && withinScope(principal, path);
        },
        seesAreaAt: (path) => principal !== null && withinScope(principal, path),
        seesScenario: async (id) => {
          if (!principal) return false;
          if (admin) return true;
          const path = await rootPath(id);
          return path !== null && overlapsScope(principal, path);
        },
        plansArea: async (code) => {
          if (!principal || !(admin || planner)) return false;
          const path = await areaPath(code);
          return path !== null && withinScope(principal, path);
        },
        recordsReports: async (reports) => {
          if (admin) return true;
          if (principal?.role !== 'REPORTER' && !planner) return false;
          const codes = [...new Set(reports.map((report) => report.areaCode))];
          // Throws a ForbiddenError naming the first report out of scope.
          refuseReportsOutside(principal, reports, await areaPathsOf(prisma, codes, context.memo));
          return true;
        },
        amendsReport: async (id) => {
          if (!principal) return false;
          const report = await prisma.actualReport.findUnique({
            where: { id },
            select: { teamCode: true, area: { select: { path: true } } },
          });
          return (
            report !== null &&
            mayAmendReport(principal, { areaPath: report.area.path, teamCode: report.teamCode })
          );
        },
        plansScenario: async (id) => {
          if (admin) return true;
          if (!principal || !planner) return false;
          const path = await rootPath(id);
          return path !== null && withinScope(principal, path);
        },
      };
    },
    unauthorizedError: (_parent, context, info, result) => {
      const field = `${info.parentType.name}.${info.fieldName}`;
      if (!context.principal) {
        return new UnauthenticatedError(
          `${field} needs a bearer token (Authorization: Bearer <token>).`,
          field,
        );
      }
      // Areas are public: an unknown code is not found, for whoever asks.
      const unknown = unknownArea(context, result.failure);
      if (unknown !== null) return new NotFoundError('area', unknown, argumentHolding(info, unknown));
      // A scenario (or report) outside the caller's scope is answered as one that does not exist,
      // so that nobody learns which exist elsewhere.
      const hidden = hiddenResource(result.failure);
      if (hidden !== null) return new NotFoundError(hidden.resource, hidden.id, idArgument(info));
      return new ForbiddenError(
        `${field} is outside what ${describePrincipal(context.principal)} may do.`,
        field,
      );
    },
  },
  prisma: {
    client: prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
  },
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    nodeTypeOptions: {
      description:
        'An object with a global id: `node(id:)` fetches it again, and client caches (Apollo, urql, Relay) key it by `id`.',
    },
    idFieldOptions: {
      description:
        'Global id (opaque): the key of client caches and of `node(id:)`. Arguments that name a stored thing take its own key (`code`, `scenarioId`, `reportId`), not this.',
    },
    // Ids are read without refusing them, so that `nodes` refuses a bad one alone, naming it.
    decodeGlobalID: decodeNodeId,
    nodeQueryOptions: {
      description:
        'The object with this global id. Null, with an error NOT_FOUND naming `id`, when none exists or the caller may not see it (the two answer alike); BAD_USER_INPUT naming `id` when it is not a global id (reason format) or names a type without them (reason unknown-reference); UNAUTHENTICATED without a token, except for an Area.',
      skipTypeScopes: true,
      args: { id: { description: 'A global id, as `id` answers it.' } },
      complexity: (args, context) => priceNodes(context, [args.id]),
      resolve: (_root, args, context, _info, resolveNode) =>
        loadVisibleNode(context, args.id, 'id', resolveNode),
    },
    nodesQueryOptions: {
      description:
        'The objects with these global ids, in the same order. Each id is answered alone: one that `node` would refuse (not a global id, of a type without them, none or not visible) is null in its place, with its error naming `ids[i]`, and the others are still answered.',
      skipTypeScopes: true,
      args: { ids: { description: 'Global ids, as `id` answers them.' } },
      complexity: (args, context) => ({ field: priceNodes(context, args.ids), multiplier: 1 }),
      // Pothos' own loader would load every id asked, the refused ones too: only those that pass.
      resolve: (_root, args, context, info): Promise<unknown>[] =>
        loadVisibleNodes(
          context,
          args.ids,
          (ids): Promise<unknown[]> => resolveNodes(builder, context, info, ids),
        ),
    },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection (Relay cursor connections).' },
    hasNextPageFieldOptions: { description: 'More nodes follow this page (paging forward with `first`).' },
    hasPreviousPageFieldOptions: {
      description: 'More nodes come before this page (paging backward with `last`).',
    },
    startCursorFieldOptions: { description: 'Cursor of the first node of the page; null when it is empty.' },
    endCursorFieldOptions: { description: 'Cursor of the last node of the page; null when it is empty.' },
    cursorFieldOptions: { description: 'Where this node sits: pass it as `after` or `before`.' },
    nodeFieldOptions: { description: 'The object at this place of the connection.' },
    edgesFieldOptions: { description: 'The page’s nodes with their cursors, in the connection’s order.' },
    pageInfoFieldOptions: { description: 'Whether more pages follow or precede, and their cursors.' },
    firstArgOptions: {
      description: `Nodes from the start (or after \`after\`): 0 to ${MAX_PAGE_SIZE}; more is refused. Not with \`last\`. Default ${DEFAULT_PAGE_SIZE}.`,
    },
    lastArgOptions: {
      description: `Nodes from the end (or before \`before\`): 0 to ${MAX_PAGE_SIZE}; more is refused. Not with \`first\`.`,
    },
    afterArgOptions: {
      description:
        'A cursor this list gave (an edge’s `cursor`, or `pageInfo.endCursor`): the page starts after that node. A malformed cursor, or one another list of stored rows gave (an area’s to the reports), is refused: BAD_USER_INPUT naming `after`.',
    },
    beforeArgOptions: {
      description:
        'A cursor this list gave (an edge’s `cursor`, or `pageInfo.startCursor`): the page ends before that node. A malformed cursor, or one another list of stored rows gave (an area’s to the reports), is refused: BAD_USER_INPUT naming `before`.',
    },
  },
  // The estimate runs before execution in the cost-limit plugin (limits/cost-limit.ts), so that a
  // refusal stops the whole request; the fields only say what they weigh.
  complexity: { disabled: true, fieldComplexity: defaultFieldComplexity },
  errors: {
    directResult: true,
    defaultUnionOptions: {
      description:
        'The field’s result, or a typed error saying why not (every one implements Error { message }): select __typename and narrow on it.',
    },
  },
});

// Deny by default: a query field needs a token unless it says otherwise (public reference data),
// and a mutation is for admins unless its own scopes let others in.
builder.queryType({
  description:
    'What may be read: areas, scenarios and their plans, reports, teams, tokens. A token is needed unless a field says otherwise.',
  authScopes: { signedIn: true },
});
builder.mutationType({
  description:
    'What may be changed: scenarios, reports, tokens, areas. Admins only unless a field says who else may.',
  authScopes: { admin: true },
});
builder.subscriptionType({
  description: 'Live data over Server-Sent Events (`Accept: text/event-stream`).',
  authScopes: { signedIn: true },
});
