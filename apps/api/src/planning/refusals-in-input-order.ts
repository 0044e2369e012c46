// Refusals of one input found by several checks (the service's bounds, the planning library's) are
// answered as one list: in the order of the input, as a caller reads what it sent, each field once.
import type { PlanningInputError } from '@muster/planning';

/** One step of a refusal's path into its input: `.field` or `[index]`. */
const STEP = /\.([^.[\]]+)|\[(\d+)\]/y;

/** The steps of `refusalPath` under `path` (`input.machines[2].areaCode` → machines, 2, areaCode); null outside it. */
function stepsOf(refusalPath: string, path: string): (string | number)[] | null {
  if (!refusalPath.startsWith(path)) return null;
  const steps: (string | number)[] = [];
  for (let at = path.length; at < refusalPath.length; at = STEP.lastIndex) {
    STEP.lastIndex = at;
    const step = STEP.exec(refusalPath);
    if (step === null) return null;
    steps.push(step[1] ?? Number(step[2]));
  }
  return steps;
}

/**
 * Where a figure sits in `value`, step by step: the place of the field among its object's fields
 * (or the index in its list). A field the input does not hold (a required one left out) comes after
 * those it does; a refusal outside `value`, after every figure of it.
 */
function placeOf(value: unknown, refusalPath: string, path: string): number[] {
  const steps = stepsOf(refusalPath, path);
  if (steps === null) return [Number.POSITIVE_INFINITY];
  const place: number[] = [];
  let at: unknown = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      place.push(step);
      at = Array.isArray(at) ? at[step] : undefined;
      continue;
    }
    const fields = typeof at === 'object' && at !== null && !Array.isArray(at) ? Object.keys(at) : [];
    const index = fields.indexOf(step);
    place.push(index < 0 ? fields.length : index);
    at = index < 0 ? undefined : (at as Record<string, unknown>)[step];
  }
  return place;
}

/** Earlier in the input first; a whole (`input.areas`) before its parts (`input.areas[3].population`). */
function compareIn(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * `refused`, the refusals of `value` (the argument at `path`) by several checks, in the order of its
 * figures (its fields in the order it holds them, a list's entries in list order, a whole before
 * its parts), each field named once: by its first refusal in `refused`, so the check listed first
 * names a field both refuse. The refusals a field's place does not tell apart keep their order.
 *
 * @example
 * refusalsInInputOrder(
 *   [minutesRefused, openRefused], // input.service.minutesPerDossier (the bounds), input.hours.open (the library)
 *   { hours: { open: '7h30', close: '22:00' }, service: { minutesPerDossier: 20_000 } },
 *   'input',
 * ).map((refusal) => refusal.path)
 * // => ['input.hours.open', 'input.service.minutesPerDossier']
 */
export function refusalsInInputOrder(
  refused: readonly PlanningInputError[],
  value: unknown,
  path: string,
): PlanningInputError[] {
  if (refused.length <= 1) return [...refused];
  const byField = new Map<string, PlanningInputError>();
  for (const refusal of refused) if (!byField.has(refusal.path)) byField.set(refusal.path, refusal);
  const placed = [...byField.values()].map((refusal) => ({
    refusal,
    place: placeOf(value, refusal.path, path),
  }));
  return placed.sort((a, b) => compareIn(a.place, b.place)).map(({ refusal }) => refusal);
}
