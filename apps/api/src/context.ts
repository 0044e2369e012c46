import type { YogaInitialContext } from 'graphql-yoga';

/** Per-request context. Scope auth (issue 6) will compute the caller's scopes here. */
export type Context = {
  request: Request;
};

export function createContext(initial: YogaInitialContext): Context {
  return { request: initial.request };
}
