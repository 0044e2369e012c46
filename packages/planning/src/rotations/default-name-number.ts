import { DEFAULT_NAME } from './_internal/default-names.ts';

/**
 * The number of a team or shift the library named because the input did not (`Team 3` → 3,
 * `Shift 2` → 2), or null for a name the input gave: an app that speaks another language names
 * them in its own words (`Kíp 3`, `Ca 2`). Also importable alone, as
 * `@muster/planning/default-name-number`, by an app that loads the rest of the library on demand.
 *
 * @example
 * defaultNameNumber('Team 3', 'team') // => 3
 * defaultNameNumber('Đội Đắk Song', 'team') // => null
 */
export function defaultNameNumber(name: string, kind: 'team' | 'shift'): number | null {
  const match = DEFAULT_NAME[kind].exec(name);
  return match ? Number(match[1]) : null;
}
