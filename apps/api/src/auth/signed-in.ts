import type { Principal } from './tokens.ts';

/**
 * Applies `use` to the caller of a field whose scopes already demand a token. Reaching it without
 * one is a bug in those scopes, so it fails loudly (masked as an internal error) rather than
 * falling back to anything.
 */
export function signedIn<T>(principal: Principal | null, use: (principal: Principal) => T): T {
  if (principal === null) throw new Error('a field that needs a token ran without one');
  return use(principal);
}
