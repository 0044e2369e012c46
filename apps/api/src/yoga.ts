import { PlanningInputError } from '@muster/planning';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { createContext } from './context.ts';
import { schema } from './schema/index.ts';

/** Unexpected failures answer with a code and no detail; typed errors are results, not these. */
function maskError(error: unknown): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? null) : null;
  // Input refused where no typed error union is declared: still named, never masked.
  if (error instanceof GraphQLError && original instanceof PlanningInputError) {
    return new GraphQLError(original.message, {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'BAD_USER_INPUT', field: original.path, reason: original.code },
    });
  }
  // Pothos refuses bad pagination arguments and cursors with messages fit for the caller.
  if (error instanceof GraphQLError && original instanceof PothosValidationError) {
    return new GraphQLError(original.message, {
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (error instanceof GraphQLError && (original === null || original instanceof GraphQLError)) {
    const code = error.extensions.code ?? (original as GraphQLError | null)?.extensions.code;
    if (code !== undefined) return error;
  }
  const path = error instanceof GraphQLError ? error.path : undefined;
  return new GraphQLError('Unexpected error.', {
    ...(path ? { path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

export const yoga = createYoga({
  schema,
  context: createContext,
  graphqlEndpoint: '/graphql',
  graphiql: { title: 'Muster' },
  landingPage: false,
  maskedErrors: { maskError },
});
