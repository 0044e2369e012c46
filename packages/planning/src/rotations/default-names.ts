/**
 * The names the library gives teams and shifts the input does not name (`teams: 4`, the shifts
 * of an opening window): `Team 1`, `Shift 2`, … An app that speaks another language reads their
 * numbers back with {@link defaultNameNumber} to name them in its own words (`Kíp 1`, `Ca 2`).
 */
export function defaultTeamName(n: number): string {
  return `Team ${n}`;
}

/** The n-th shift of an opening window, from 1 (see {@link defaultTeamName}). */
export function defaultShiftName(n: number): string {
  return `Shift ${n}`;
}

const DEFAULT_NAME = { team: /^Team ([1-9]\d*)$/, shift: /^Shift ([1-9]\d*)$/ } as const;

/**
 * The number of a team or shift the library named (`Team 3` → 3), or null for a name the input
 * gave.
 *
 * @example
 * defaultNameNumber('Team 3', 'team') // => 3
 * defaultNameNumber('Đội Đắk Song', 'team') // => null
 */
export function defaultNameNumber(name: string, kind: 'team' | 'shift'): number | null {
  const match = DEFAULT_NAME[kind].exec(name);
  return match ? Number(match[1]) : null;
}
