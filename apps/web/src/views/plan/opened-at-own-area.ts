// A plan opened at the caller's own area instead of a wider one its link named (plan-route.tsx):
// the wider area's name travels in the history entry's state, not in the address (which names the
// area shown), so the plan can say why it is not the link's.

const KEY = 'openedInsteadOf';

/** The history state of a plan opened at the caller's own area instead of the area named `askedName`. */
export function openedInsteadOf(askedName: string): Record<typeof KEY, string> {
  return { [KEY]: askedName };
}

/**
 * The name of the wider area a plan was opened instead of, read from a history entry's state
 * (anything: another page's, or none); null when it was not.
 *
 * @example askedWiderArea(openedInsteadOf('Tỉnh Đắk Nông')) // 'Tỉnh Đắk Nông'
 */
export function askedWiderArea(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !(KEY in state)) return null;
  const name = (state as Record<typeof KEY, unknown>)[KEY];
  return typeof name === 'string' && name !== '' ? name : null;
}
