import { sum } from '../_internal/sum.ts';
import { requireArray, requireNumber } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';

/** Names of the preset arrival profiles. */
export type ArrivalProfileName = 'farming' | 'urban-workers' | 'students' | 'mixed';

/** A preset name, or 24 non-negative weights for the clock hours 00:00–01:00 … 23:00–24:00. */
export type ArrivalProfileInput = ArrivalProfileName | readonly number[];

// Weights per clock hour, 00 … 23; they are normalised, so only their ratios matter.
const FARMING = [
  // Farming communes: people come before going to the fields (05:00–08:00) and after the day's
  // work (17:00–21:00); the midday heat and field work keep the middle of the day quiet; nobody
  // comes at night. Assumes a site in or near the commune (a short trip).
  0, 0, 0, 0, 0.5, 6, 10, 10, 6, 3, 2, 2, 3, 2, 2, 3, 5, 9, 11, 10, 7, 3, 1, 0,
];
const URBAN_WORKERS = [
  // Urban wage workers (offices, factories, shops): a little before work (06:00–07:30), some at the
  // lunch break (11:00–13:00), most after work (17:00–21:00), tailing off by 23:00.
  0, 0, 0, 0, 0, 0.5, 3, 4, 2, 1.5, 1.5, 4, 5, 2, 1.5, 1.5, 3, 9, 12, 12, 9, 5, 2, 0.5,
];
const STUDENTS = [
  // Students aged 14+ (the card's lower age): classes run in a morning (07:00–11:00) or an
  // afternoon (13:30–17:00) session, so they come at the session breaks (11:00–13:00) and after
  // school (17:00–20:00), often with a parent; few in the evening late.
  0, 0, 0, 0, 0, 0, 1, 2, 1, 1, 2, 7, 8, 3, 1.5, 1.5, 4, 10, 10, 7, 4, 2, 0.5, 0,
];

function normalise(weights: readonly number[]): readonly number[] {
  // Weights near the largest double sum to Infinity, and every share came out 0: such weights are
  // scaled by the largest first.
  const largest = Math.max(...weights);
  const read = Number.isFinite(sum(weights)) ? weights : weights.map((w) => w / largest);
  const total = sum(read);
  return Object.freeze(read.map((w) => w / total));
}

const farming = normalise(FARMING);
const urbanWorkers = normalise(URBAN_WORKERS);
const students = normalise(STUDENTS);

/**
 * The preset profiles, each 24 shares summing to 1. `mixed` (the default) is the blend of a
 * typical commune: 40 % farming households, 40 % wage workers, 20 % students, plus a flat 20 %
 * spread over 07:00–21:00 for retirees, homemakers and the self-employed who come any time.
 */
export const ARRIVAL_PROFILES: Readonly<Record<ArrivalProfileName, readonly number[]>> = Object.freeze({
  farming,
  'urban-workers': urbanWorkers,
  students,
  mixed: normalise(
    farming.map(
      (f, h) =>
        0.8 * (0.4 * f + 0.4 * (urbanWorkers[h] as number) + 0.2 * (students[h] as number)) +
        (h >= 7 && h < 21 ? 0.2 / 14 : 0),
    ),
  ),
});

/**
 * Reads an arrival profile: a preset name, or 24 non-negative weights per clock hour. Custom
 * weights are normalised (divided by their sum), so counts from a survey can be given as they
 * are; they must not all be zero.
 *
 * @example
 * arrivalProfile([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])[8] // => 0.25
 */
export function arrivalProfile(profile: unknown, path = 'profile'): readonly number[] {
  if (typeof profile === 'string') {
    const preset = ARRIVAL_PROFILES[profile as ArrivalProfileName];
    if (preset === undefined || !Object.hasOwn(ARRIVAL_PROFILES, profile)) {
      throw new PlanningInputError({
        path,
        code: 'unknown-reference',
        expected: `one of ${Object.keys(ARRIVAL_PROFILES).join(', ')} or 24 hourly weights`,
        received: profile,
      });
    }
    return preset;
  }
  const weights = requireArray(profile, path);
  if (weights.length !== 24) {
    throw new PlanningInputError({ path, code: 'range', expected: '24 hourly weights', received: weights });
  }
  const read = weights.map((w, h) => requireNumber(w, `${path}[${h}]`, { min: 0 }));
  if (sum(read) <= 0) {
    throw new PlanningInputError({
      path,
      code: 'range',
      expected: 'weights that are not all zero',
      received: weights,
    });
  }
  return normalise(read);
}
