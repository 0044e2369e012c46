// The Pothos builder and its plugins; the types themselves live in src/schema/.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { describePrincipal, overlapsScope, withinScope } from './auth/access.ts';
import type { Principal } from './auth/tokens.ts';
import type { Context } from './context.ts';
import { prisma } from './db.ts';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';

/** Largest page a connection returns, whatever `first` or `last` asks. */
export const MAX_PAGE_SIZE = 500;
/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

type Signed = Context & { principal: Principal };

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
    /** May read this scenario (by id): its root area overlaps the caller's subtree. */
    seesScenario: string;
    /** May plan this area (by code): a planner whose subtree holds it, or an admin. */
    plansArea: string;
    /** May change this scenario (by id): its root area is in a planner's subtree, or an admin. */
    plansScenario: string;
  };
  AuthContexts: { signedIn: Signed; admin: Signed; planner: Signed; reporter: Signed };
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  // Scope auth first, so nothing else runs for a caller who may not.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
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
        plansScenario: async (id) => {
          if (admin) return true;
          if (!principal || !planner) return false;
          const path = await rootPath(id);
          return path !== null && withinScope(principal, path);
        },
      };
    },
    unauthorizedError: (_parent, context, info) => {
      const field = `${info.parentType.name}.${info.fieldName}`;
      return context.principal
        ? new GraphQLError(`${field} is outside what ${describePrincipal(context.principal)} may do.`, {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          })
        : new GraphQLError(`${field} needs a bearer token (Authorization: Bearer <token>).`, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
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
  errors: { directResult: true },
});

// Deny by default: a query field needs a token unless it says otherwise (public reference data),
// and a mutation is for admins unless its own scopes let others in.
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { admin: true } });
