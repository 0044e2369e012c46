// The work one request may cause: cost points its computations spend against MAX_COST, and a
// deadline for the time they may take in the worker pool. The request's context carries it; the
// pool reads it through the request scope, so a resolver calls `compute(...)` with no context.
import { AsyncLocalStorage } from 'node:async_hooks';
import { LimitExceededError } from '../errors.ts';
import { waitedForOrdinaryMs } from './ordinary-first.ts';
import { MAX_COST } from './work.ts';

/** Time the computations of one request may take, all together, unless COMPUTE_BUDGET_MS says otherwise. */
export const DEFAULT_COMPUTE_BUDGET_MS = 1500;

export type RequestWork = {
  /** Cost points the request's computations used so far. */
  spent: number;
  /** The document's computed fields' estimated cost points, once estimated: a heavy request's computations all run in the heavy lane. */
  estimated?: number;
  readonly maxCost: number;
  /** `performance.now()` after which no computation of the request runs or goes on. */
  readonly deadline: number;
  readonly budgetMs: number;
  /** Set once a computation of the request was refused or stopped: its answer is not the data's alone. */
  refused?: boolean;
};

/** A request's allowance, starting now. */
export function createRequestWork(env: NodeJS.ProcessEnv = process.env): RequestWork {
  const configured = Number(env.COMPUTE_BUDGET_MS);
  const budgetMs = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_COMPUTE_BUDGET_MS;
  return { spent: 0, maxCost: MAX_COST, deadline: performance.now() + budgetMs, budgetMs };
}

/** Spends `points` on `what`, or refuses it when the request's budget would be exceeded. */
export function charge(work: RequestWork, points: number, what: string): void {
  if (work.spent + points > work.maxCost) {
    work.refused = true;
    throw new LimitExceededError(
      'cost',
      what,
      `${what} needs about ${points.toLocaleString('en')} cost points of work and this request has ${(work.maxCost - work.spent).toLocaleString('en')} of its ${work.maxCost.toLocaleString('en')} left; ask for less (fewer days, teams or aliases) or split the request.`,
    );
  }
  work.spent += points;
}

/** Time left to the request's deadline, refusing when none is. */
export function remainingMs(work: RequestWork, what: string): number {
  // Time the request stood aside for ordinary ones (ordinary-first.ts) is not its computations'.
  const left = work.deadline + waitedForOrdinaryMs() - performance.now();
  if (left <= 0) throw timeSpent(work, what);
  return left;
}

export function timeSpent(work: RequestWork, what: string): LimitExceededError {
  work.refused = true;
  return new LimitExceededError(
    'time',
    what,
    `${what} was stopped: the computations of one request may take ${work.budgetMs} ms and this request's are spent.`,
  );
}

const scope = new AsyncLocalStorage<RequestWork>();

/** Runs `run` with `work` as the current request's allowance. */
export function withRequestWork<T>(work: RequestWork, run: () => T): T {
  return scope.run(work, run);
}

/** The current request's allowance; undefined outside a request (scripts, the library's own tests). */
export function currentRequestWork(): RequestWork | undefined {
  return scope.getStore();
}
