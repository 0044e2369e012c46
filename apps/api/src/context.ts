import { GraphQLError } from 'graphql';
import type { YogaInitialContext } from 'graphql-yoga';
import { type Principal, principalOfToken } from './auth/tokens.ts';
import { prisma } from './db.ts';

/** Per-request context: the caller named by its bearer token, or null when it sent none. */
export type Context = {
  request: Request;
  principal: Principal | null;
};

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
  });
}

/** Reads `Authorization: Bearer <token>`; a token that is sent must be live, or the request fails. */
export async function createContext(initial: YogaInitialContext): Promise<Context> {
  const header = initial.request.headers.get('authorization');
  if (header === null || header.trim() === '') return { request: initial.request, principal: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Authorization must be "Bearer <token>".');
  const principal = await principalOfToken(prisma, match[1]);
  if (!principal) throw unauthenticated('The bearer token is unknown or revoked.');
  return { request: initial.request, principal };
}
