// What the service allows beyond its own origin and to callers without a token, by mode. In demo
// (the default, `pnpm start`) everything is open to try: GraphiQL and introspection for anyone,
// any origin may call. With MUSTER_DEMO=0 (production): only the origins in CORS_ORIGINS may call
// from a browser (none but the service's own by default), and GraphiQL and introspection are for
// callers with a live token. Read per request, so a test or a deployment can change them.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type DefinitionNode, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { CORSOptions, GraphiQLOptions, Plugin } from 'graphql-yoga';
import { principalOfToken } from './auth/tokens.ts';
import type { Context } from './context.ts';
import { prisma } from './db.ts';

/** Header a client may send to mark a request as not cross-site (besides JSON or a bearer token). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export function isDemo(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MUSTER_DEMO !== '0';
}

/**
 * CORS for a request: its origin is allowed when listed in CORS_ORIGINS (comma-separated); without
 * the list any origin in demo, none in production. Never credentials: tokens travel in a header.
 */
export function corsFor(request: Request): CORSOptions {
  const listed = (process.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const shared = {
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', CSRF_HEADER],
    credentials: false,
  };
  if (listed.length > 0) {
    const origin = request.headers.get('origin');
    return origin !== null && listed.includes(origin) ? { ...shared, origin: [origin] } : false;
  }
  return isDemo() ? { ...shared, origin: '*' } : false;
}

/**
 * Cross-site request forgery: graphql-yoga's prevention refuses a request a browser may send from
 * another site without a preflight (a form post, `text/plain`, a bare GET) unless it carries a
 * header no such request can: a bearer token or x-graphql-yoga-csrf.
 */
export function useCsrfPrevention(): Plugin {
  return useCSRFPrevention({ requestHeaders: ['authorization', CSRF_HEADER] });
}

function bearerOf(request: Request): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
}

/** GraphiQL for anyone in demo; in production only for a request carrying a live token. */
export function graphiqlFor(
  options: GraphiQLOptions,
): (request: Request) => Promise<GraphiQLOptions | false> {
  return async (request) => {
    if (isDemo()) return options;
    const token = bearerOf(request);
    return token !== null && (await principalOfToken(prisma, token)) !== null ? options : false;
  };
}

function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (selection.name.value === '__schema' || selection.name.value === '__type'),
  );
}

/** In production, introspecting the schema needs a token. */
export function useIntrospectionForSignedIn(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (isDemo() || args.contextValue.principal !== null) return;
      const asked = args.document.definitions.some(
        (definition: DefinitionNode) =>
          definition.kind === Kind.OPERATION_DEFINITION && isIntrospection(definition),
      );
      if (!asked) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError('Introspecting the schema needs a bearer token (Authorization: Bearer <token>).', {
            extensions: { code: 'UNAUTHENTICATED', field: '__schema' },
          }),
        ],
      });
    },
  };
}
