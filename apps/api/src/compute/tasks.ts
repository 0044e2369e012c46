// The planning functions that run off the main thread, by name. Each is the library's own
// function; what crosses the thread boundary is its arguments and its result (structured clone,
// long arrays of rows as columns), and a refusal as its fields, since a thrown class does not
// survive the trip.
import {
  buildRoster,
  checkCampaignInput,
  compareAreasWithActuals,
  coverShifts,
  evaluateStaffing,
  MalformedInputError,
  minimumTeams,
  mobileTeamsNeeded,
  PlanningInfeasibleError,
  PlanningInputError,
  planCampaign,
  planHourlyStaffing,
  planMobileTeams,
  plannedDailySeries,
  planSitesAndTeams,
  replanFromActuals,
  trySolveFor,
} from '@muster/planning';
import { MAX_LISTED_PROBLEMS, receivedAsSent } from '../errors.ts';
import { MAX_VARIABLE_NESTING, pathNestedDeeperThan } from '../limits/value-nesting.ts';
import { bodyText, type ReadJson } from './_internal/body-text.ts';
import { rowsAsColumns, rowsFromColumns, valuesOutsideColumns } from './_internal/rows-as-columns.ts';

export const TASKS = {
  checkCampaignInput,
  planCampaign,
  plannedDailySeries,
  compareAreasWithActuals,
  buildRoster,
  minimumTeams,
  planMobileTeams,
  planSitesAndTeams,
  mobileTeamsNeeded,
  planHourlyStaffing,
  evaluateStaffing,
  coverShifts,
  replanFromActuals,
  trySolveFor,
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

/**
 * Values of a long body left outside its columns past which the main thread reads the body itself
 * (a list of lists, say): a structured clone reads them one by one, in one piece, about 0.1 µs
 * each, where JSON.parse reads a million in 6–13 ms.
 */
const MAX_VALUES_OUTSIDE_COLUMNS = 10_000;

/**
 * Not planning: a long request body's JSON (cache/body-digest.ts), read as the main thread reads a
 * short one (UTF-8 without a byte order mark, then JSON.parse) in the heavy lane, where it takes
 * no time from the ordinary requests, and its long lists laid out as columns. A body that is not
 * JSON, or not an object, is refused here (the main thread need not read it again to say so); one
 * mostly outside long lists, or nested too deep, throws: the main thread reads it.
 */
async function readJson(bytes: Uint8Array): Promise<ReadJson> {
  let body: unknown;
  try {
    body = JSON.parse(bodyText(bytes));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { refused: { kind: 'not json', name: error.name, message: error.message } };
  }
  if (body === null || typeof body !== 'object') {
    return { refused: { kind: 'not an object', received: body === null ? 'null' : typeof body } };
  }
  // Laying the body out as columns recurses: a body nested deeper than its variables may be (the
  // body and `variables` are two levels) is read on the main thread, which refuses it as it
  // refuses a short one (limits/nesting.ts), or as yoga does when it is wrong in another way too.
  if (pathNestedDeeperThan(body, MAX_VARIABLE_NESTING + 2) !== null) {
    throw new Error('A body nested deeper than variables may be is read on the main thread');
  }
  const sent = await rowsAsColumns(body, { sliced: false });
  if (valuesOutsideColumns(sent, MAX_VALUES_OUTSIDE_COLUMNS) >= MAX_VALUES_OUTSIDE_COLUMNS) {
    throw new Error('A body mostly outside long lists is read on the main thread');
  }
  return { body: sent };
}

/** A task's request as it travels to a worker. */
export type TaskMessage = { name: TaskName | 'readJson'; args: unknown[] };

/** One malformed figure of a refused input, by its fields. */
export type RefusedFigure = {
  path: string;
  code: PlanningInputError['code'];
  expected: string;
  received: string;
  /** The value refused as sent (errors.ts `receivedAsSent`), rendered here: it need not survive a copy. */
  receivedAsSent: string | null;
  message: string;
};

/**
 * What comes back: the result, or a refusal described by its fields: the malformed figures the
 * library named (a `MalformedInputError`'s `problems`, in the order of the input, the first
 * `MAX_LISTED_PROBLEMS` of `count`), or the one.
 */
export type TaskOutcome =
  | { ok: true; value: unknown }
  | { ok: false; kind: 'input'; problems: [RefusedFigure, ...RefusedFigure[]]; count: number }
  | { ok: false; kind: 'infeasible'; reason: string; detail: string };

/** A refused figure as it travels back from a worker, by its fields. */
function refusedFigure(error: PlanningInputError): RefusedFigure {
  const { path, code, expected, received, message } = error;
  return { path, code, expected, received, receivedAsSent: receivedAsSent(error.receivedValue), message };
}

/**
 * Runs one task in the calling thread (a worker); only unexpected failures throw. Long arrays of
 * rows come and go as columns (_internal/rows-as-columns.ts), read and written here at once.
 */
export async function runTask({ name, args }: TaskMessage): Promise<TaskOutcome> {
  if (name === 'readJson') return { ok: true, value: await readJson(args[0] as Uint8Array) };
  const task = TASKS[name] as (...parameters: unknown[]) => unknown;
  try {
    const value = task(...((await rowsFromColumns(args, { sliced: false })) as unknown[]));
    return { ok: true, value: await rowsAsColumns(value, { sliced: false }) };
  } catch (error) {
    if (error instanceof PlanningInputError) {
      const problems = error instanceof MalformedInputError ? error.problems : [error];
      const others = problems.slice(1, MAX_LISTED_PROBLEMS);
      return {
        ok: false,
        kind: 'input',
        problems: [refusedFigure(error), ...others.map(refusedFigure)],
        count: problems.length,
      };
    }
    if (error instanceof PlanningInfeasibleError) {
      return { ok: false, kind: 'infeasible', reason: error.reason, detail: error.detail };
    }
    throw error;
  }
}
