// The Pothos builder and its plugins; the types themselves live in src/schema/.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { GraphQLResolveInfo } from 'graphql';
import {
  describePrincipal,
  mayAmendReport,
  overlapsScope,
  refuseReportsOutside,
  withinScope,
} from './auth/access.ts';
import type { Principal } from './auth/tokens.ts';
import type { Context } from './context.ts';
import { prisma } from './db.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from './errors.ts';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import { defaultFieldComplexity } from './limits/cost-limit.ts';

/** Largest page a connection returns, whatever `first` or `last` asks. */
export const MAX_PAGE_SIZE = 500;
/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

/** Nodes a page asks for, as the cost estimate multiplies them (at most {@link MAX_PAGE_SIZE}). */
export function pageSize(args: { first?: number | null; last?: number | null }): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(0, args.first ?? args.last ?? DEFAULT_PAGE_SIZE));
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
    /** May send these reports: an admin, or the reporter of their team inside its area. */
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
  };
}>({
  // Errors first, so that a refusal by scope auth becomes a member of the field's result union
  // (the rest of the answer stands); scope auth before the rest, so nothing else runs for a
  // caller who may not.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ComplexityPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: ({ principal }) => {
      const areaPath = async (code: string) =>
        (await prisma.area.findUnique({ where: { code }, select: { path: true } }))?.path ?? null;
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
          if (admin) return true;
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
          if (admin) return true;
          if (!principal || !planner) return false;
          const path = await areaPath(code);
          return path !== null && withinScope(principal, path);
        },
        recordsReports: async (reports) => {
          if (admin) return true;
          if (principal?.role !== 'REPORTER') return false;
          const codes = [...new Set(reports.map((report) => report.areaCode))];
          const areas = await prisma.area.findMany({
            where: { code: { in: codes } },
            select: { code: true, path: true },
          });
          // Throws a ForbiddenError naming the first report out of scope.
          refuseReportsOutside(principal, reports, new Map(areas.map((area) => [area.code, area.path])));
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
  relay: { cursorType: 'String', clientMutationId: 'omit' },
  // The estimate runs before execution in the cost-limit plugin (limits/cost-limit.ts), so that a
  // refusal stops the whole request; the fields only say what they weigh.
  complexity: { disabled: true, fieldComplexity: defaultFieldComplexity },
  errors: { directResult: true },
});

// Deny by default: a query field needs a token unless it says otherwise (public reference data),
// and a mutation is for admins unless its own scopes let others in.
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { admin: true } });
