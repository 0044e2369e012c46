// Heavy planning runs off the main thread, in a pool of worker threads and a process of its own,
// so no computation holds the event loop: other requests keep flowing and SIGTERM still stops the
// process. `compute('buildRoster', input)` is the call: it prices the work (refusing what the
// request's budget cannot pay), waits for its lane, and stops the thread or process when the
// request's time budget is spent.
import { AsyncLocalStorage } from 'node:async_hooks';
import { availableParallelism } from 'node:os';
import { deserialize } from 'node:v8';
import { PlanningInfeasibleError, PlanningInputError } from '@muster/planning';
import { Piscina } from 'piscina';
import { InputErrors } from '../errors.ts';
import { afterOrdinaryRequests, inLongRequest } from '../limits/ordinary-first.ts';
import { charge, currentRequestWork, remainingMs, timeSpent } from '../limits/request-work.ts';
import { WORK_OF } from '../limits/work.ts';
import { ProcessLane } from './_internal/process-lane.ts';
import { rowsAsColumns, rowsFromColumns, rowsFromColumnsLazily } from './_internal/rows-as-columns.ts';

/** A table of an answer, read a row or a value at a time whether {@link computeLeavingColumns} left it as columns or not. */
export { tableOf, type UnbuiltTable } from './_internal/rows-as-columns.ts';

import type { JsonRefusal, ReadJson } from './_internal/body-text.ts';
import type { FileTask, FileTaskResult } from './file-tasks.ts';
import type { RefusedFigure, TaskMessage, TaskName, TaskOutcome, Tasks } from './tasks.ts';

type Pool = Piscina<TaskMessage, TaskOutcome>;

/** The heavy lane answers each task with its outcome's v8 serialization ({@link inHeavyLane}). */
type HeavyLane = ProcessLane<TaskMessage, Uint8Array>;

/**
 * Runs `message` in the heavy lane, its outcome read after the ordinary requests. Sent as a
 * message, it was read in one piece whenever it arrived: a mobile-team plan of 260 teams, 6 ms of
 * the main thread.
 */
async function inHeavyLane(
  message: TaskMessage,
  options: Parameters<HeavyLane['run']>[1],
): Promise<TaskOutcome> {
  const bytes = await computePool().heavy.run(message, options);
  await afterOrdinaryRequests();
  return deserialize(bytes) as TaskOutcome;
}

/**
 * Computations estimated above this (about 100 ms), and every computation of a request whose
 * computed fields are estimated above it or whose body is long (ordinary-first.ts), run in a lane
 * of their own, one process, so a heavy request never delays the light planning of ordinary
 * requests and never takes more than one core from the main thread and the database.
 */
const HEAVY_POINTS = 2000;

const lanes: { light: Pool | null; heavy: HeavyLane | null } = { light: null, heavy: null };

/**
 * Spreadsheets read and written (uploads, exports) have a lane of one thread of their own: a
 * 100,000-row import parses for seconds, bounded by the file limits rather than by a request's
 * planning budget, and must delay neither planning nor the main thread.
 */
let filesLane: Piscina<FileTask, FileTaskResult> | null = null;

/** Threads of the light lane: COMPUTE_THREADS, else one per core less one for the heavy lane (at least one). */
function lightThreads(): number {
  const configured = Number(process.env.COMPUTE_THREADS);
  return Number.isInteger(configured) && configured > 0
    ? configured
    : Math.max(1, availableParallelism() - 1);
}

/**
 * The heavy lane is a child process at Linux's idle scheduling policy (SCHED_IDLE, started under
 * `chrt --idle`; at nice 19 where that is refused), every thread of it: when the machine is busy
 * the light planning of ordinary requests, the event loop and the database go first, and a heavy
 * request takes only the CPU they leave. As a worker thread at that policy (and nice 19) its own
 * thread yielded, but the garbage collector's and compiler's threads, which a process's threads
 * share, ran at the normal policy and took two to four times its CPU from everything else (read
 * from /proc during `pnpm bench load`).
 */
function startHeavyLane(warm: boolean): HeavyLane {
  const lane: HeavyLane = new ProcessLane(new URL('./process-worker.mjs', import.meta.url), true);
  if (warm) lane.warm();
  return lane;
}

function startLane(threads: number, warm: boolean): Pool {
  return new Piscina<TaskMessage, TaskOutcome>({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: warm ? threads : 0,
    maxThreads: threads,
    // Threads start with tsx and the planning library: keep them rather than start them again.
    idleTimeout: 60_000,
  });
}

/** The pool's lanes, started on first use; `warm` starts every thread now (the service does at start). */
export function computePool(options: { warm?: boolean } = {}): { light: Pool; heavy: HeavyLane } {
  lanes.light ??= startLane(lightThreads(), options.warm ?? false);
  lanes.heavy ??= startHeavyLane(options.warm ?? false);
  return { light: lanes.light, heavy: lanes.heavy };
}

const started = new Map<TaskName, number>();

/** Computations started so far in this process, by task: what the per-request memo and the plan cache save. */
export function computationsStarted(): ReadonlyMap<TaskName, number> {
  return started;
}

/** Tasks the pool has finished so far in this process. */
export function completedTasks(): number {
  return (lanes.light?.completed ?? 0) + (lanes.heavy?.completed ?? 0);
}

/** Stops every thread and the heavy lane's process (a running task is abandoned); the next compute starts new lanes. */
export async function destroyComputePool(): Promise<void> {
  const stopping = [lanes.light, lanes.heavy, filesLane];
  lanes.light = null;
  lanes.heavy = null;
  filesLane = null;
  await Promise.all(stopping.map((lane) => lane?.destroy()));
}

/** Reads or writes a spreadsheet in the files lane (one thread, started on first use). */
export function computeFile(task: FileTask): Promise<FileTaskResult> {
  filesLane ??= new Piscina<FileTask, FileTaskResult>({
    filename: new URL('./file-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  return filesLane.run(task);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

const sharedWork = new AsyncLocalStorage<true>();

/**
 * Runs `make`, work kept for every request (a stored scenario's plan), so that its computations
 * take the lane of their own size whatever the request that happens to start them: ordinary
 * requests wait on the same computation, and in the heavy lane they would wait at its priority.
 */
export function forEveryRequest<T>(make: () => Promise<T>): Promise<T> {
  return sharedWork.run(true, make);
}

/**
 * Longest a long request body waits for the heavy lane to start reading it (the lane may be busy
 * with a computation of up to COMPUTE_BUDGET_MS) before the main thread reads it instead.
 */
const READ_JSON_WAIT_MS = 1000;

/** What became of a long body sent to the heavy lane to be read. */
export type BodyRead = { read: unknown } | { refused: JsonRefusal } | { unread: 'client gone' | 'not read' };

/**
 * A long request body's JSON (cache/body-digest.ts), read in the heavy lane: JSON.parse of a
 * 20,000-area what-if (1.6 MB) held the main thread 10–20 ms in one piece. Its long lists come
 * back as columns, built into rows here a slice at a time. A body that is not JSON, or not an
 * object, comes back refused (why, as the lane found it). Not read when it lies mostly outside long
 * lists, or the lane is busy for READ_JSON_WAIT_MS (the caller then reads it itself), or when
 * `client` aborts (the client gone) before it is read or before its rows are built. Each read
 * counts as one of the heavy lane's tasks.
 */
export async function readJsonInHeavyLane(bytes: Uint8Array, client?: AbortSignal): Promise<BodyRead> {
  if (client?.aborted) return { unread: 'client gone' };
  // A request's signal as yoga's server makes it stands in for an AbortSignal, and once
  // AbortSignal.any has read it, its own `aborted` and listeners no longer follow the client: it
  // is bridged through a controller of this call's own.
  const gone = new AbortController();
  const onGone = () => gone.abort();
  client?.addEventListener('abort', onGone, { once: true });
  try {
    const outcome = await inHeavyLane(
      { name: 'readJson', args: [bytes] },
      { signal: AbortSignal.any([AbortSignal.timeout(READ_JSON_WAIT_MS), gone.signal]), whileWaiting: true },
    );
    if (gone.signal.aborted) return { unread: 'client gone' };
    if (!outcome.ok) return { unread: 'not read' };
    const read = outcome.value as ReadJson;
    if ('refused' in read) return read;
    return { read: await rowsFromColumns(read.body, { sliced: true }) };
  } catch {
    return { unread: gone.signal.aborted ? 'client gone' : 'not read' };
  } finally {
    client?.removeEventListener('abort', onGone);
  }
}

/** Runs one of the planning library's heavy functions in the pool, within the current request's budget. */
export function compute<K extends TaskName>(
  name: K,
  ...args: Parameters<Tasks[K]>
): Promise<ReturnType<Tasks[K]>> {
  return computeIn(name, args, false);
}

/**
 * As {@link compute}, but a long table in the answer that an object holds (a plan's `areas`) is left
 * as columns until something reads it (rows-as-columns.ts `rowsFromColumnsLazily`, `unbuiltTable`):
 * a what-if asked only for its completion date builds one of its 20,000 rows, and the plan kept
 * across requests holds columns until then: typed arrays and one string a text field, which the
 * collector does not walk row by row (its locations stay objects, one a row).
 */
export function computeLeavingColumns<K extends TaskName>(
  name: K,
  ...args: Parameters<Tasks[K]>
): Promise<ReturnType<Tasks[K]>> {
  return computeIn(name, args, true);
}

async function computeIn<K extends TaskName>(
  name: K,
  args: Parameters<Tasks[K]>,
  leaveColumns: boolean,
): Promise<ReturnType<Tasks[K]>> {
  const work = currentRequestWork();
  const points = (WORK_OF[name] as (...a: Parameters<Tasks[K]>) => number)(...args);
  if (work) {
    charge(work, points, name);
    remainingMs(work, name);
  }
  // A heavy request's small computations (the roster after minimumTeams) go with it, and so do a
  // long request's (a what-if of 20,000 areas, 1,000 points: its plan took the light lane at the
  // normal priority for 60–240 ms): in the light lane they would queue ordinary requests' plans
  // behind them and take the CPU from them.
  const heavy =
    points > HEAVY_POINTS ||
    (sharedWork.getStore() === undefined && ((work?.estimated ?? 0) > HEAVY_POINTS || inLongRequest()));
  started.set(name, (started.get(name) ?? 0) + 1);
  let outcome: TaskOutcome;
  try {
    // Long arrays of rows cross as columns, written and read here a slice at a time: a structured
    // clone of a 20,000-area plan held the main thread 70–80 ms in one piece. The worker's time
    // is what is left once they are written (their waits for ordinary requests do not count).
    const sent = (await rowsAsColumns(args, { sliced: true })) as unknown[];
    const signal = work ? AbortSignal.timeout(Math.ceil(remainingMs(work, name))) : undefined;
    const message: TaskMessage = { name, args: sent };
    const options = signal ? { signal } : {};
    outcome = heavy ? await inHeavyLane(message, options) : await computePool().light.run(message, options);
  } catch (error) {
    if (work && isAbort(error)) throw timeSpent(work, name);
    throw error;
  }
  if (outcome.ok) {
    const value = leaveColumns
      ? await rowsFromColumnsLazily(outcome.value)
      : await rowsFromColumns(outcome.value, { sliced: true });
    return value as ReturnType<Tasks[K]>;
  }
  if (outcome.kind === 'infeasible') throw new PlanningInfeasibleError(outcome.reason, outcome.detail);
  // Every malformed figure the library named: one as its refusal, several in one InputErrors (the
  // library's MalformedInputError, its message quoting them as the service's own refusals do).
  const [first, ...others] = outcome.problems;
  throw outcome.count === 1
    ? refusalOf(first)
    : new InputErrors([refusalOf(first), ...others.map(refusalOf)], outcome.count);
}

/**
 * A figure refused as the library refused it: `received` was already rendered for display, and the
 * value as sent too (a string, which renders as itself).
 */
function refusalOf(figure: RefusedFigure): PlanningInputError {
  const { path, code, expected, received, receivedAsSent, message } = figure;
  const refusal = new PlanningInputError({ path, code, expected, received: receivedAsSent ?? undefined });
  return Object.assign(refusal, { received, message });
}
