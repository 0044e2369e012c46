// Reruns a transaction that lost a race with a concurrent one: the same work may succeed now.
import { isUniqueViolation, sqlStateOf } from '../../errors.ts';

/** Attempts of one transaction before a conflict with concurrent ones is given up and reported. */
const MAX_ATTEMPTS = 8;
/** Ceiling of the jittered pause between attempts, so a retry never waits long. */
const MAX_BACKOFF_MS = 250;

/**
 * SQLSTATEs that mean "a concurrent transaction got there first; the same work may succeed now":
 * unique violation (two creates of one key), serialization failure, deadlock.
 */
const TRANSIENT_SQLSTATES = new Set(['23505', '40001', '40P01']);

/** Thrown inside a transaction that found, late, that a concurrent one took what it read as free. */
export class ConcurrentClaim extends Error {
  override readonly name = 'ConcurrentClaim';
}

/**
 * True for failures that retrying the whole transaction can resolve. As observed with Prisma 6.19
 * and `@prisma/adapter-pg`: a unique violation in a model query is `P2002` (and 23505 in
 * `meta.driverAdapterError.cause.originalCode`); 40001 is `P2034`; a failing raw query is `P2010`
 * with the SQLSTATE in the same place; a deadlock in a model query inside an interactive
 * transaction arrives unwrapped as a `DriverAdapterError` whose `cause.originalCode` is 40P01.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof ConcurrentClaim || isUniqueViolation(error)) return true;
  if (typeof error !== 'object' || error === null) return false;
  if ((error as { code?: unknown }).code === 'P2034') return true;
  const sqlState = sqlStateOf(error);
  return sqlState !== null && TRANSIENT_SQLSTATES.has(sqlState);
}

/** "Full jitter": a random pause below a ceiling that doubles with each attempt. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(MAX_BACKOFF_MS, 10 * 2 ** attempt);
}

/** Runs `attempt` until it succeeds or fails for a reason a rerun cannot mend (at most {@link MAX_ATTEMPTS} times). */
export async function withTransactionRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(tries)));
    }
  }
}
