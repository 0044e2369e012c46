import { PlanningInputError } from '../planning-input-error.ts';

/** Test helper: the `[path, code]` of the PlanningInputError `run` throws; null when it throws none. */
export function refusal(run: () => unknown): [string, string] | null {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanningInputError) return [error.path, error.code];
    throw error;
  }
  return null;
}
