/**
 * The names the library gives teams and shifts the input does not name (`teams: 4`, the shifts of
 * an opening window): `Team 1`, `Shift 2`, … (`defaultNameNumber` reads their numbers back).
 *
 * @example
 * defaultTeamName(3) // => 'Team 3'
 */
export function defaultTeamName(n: number): string {
  return `Team ${n}`;
}

/**
 * The n-th shift of an opening window, from 1.
 *
 * @example
 * defaultShiftName(2) // => 'Shift 2'
 */
export function defaultShiftName(n: number): string {
  return `Shift ${n}`;
}

/** The names above, their number (at most six digits: teams and shifts number far fewer) captured. */
export const DEFAULT_NAME = { team: /^Team ([1-9]\d{0,5})$/, shift: /^Shift ([1-9]\d{0,5})$/ } as const;
