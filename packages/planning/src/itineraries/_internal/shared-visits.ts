import type { MobileProblem } from './read-input.ts';
import { travelHours } from './travel.ts';

/**
 * A small commune (at most `maxDossiers`) whose residents can reach a neighbour within
 * `maxTravelHours` joins the nearest such neighbour's visit; hosts are never guests, and a
 * guest never hosts, so residents walk at most one hop. Returns each guest's host, by index.
 */
export function assignSharedVisits(
  problem: MobileProblem,
  servedByFixed: ReadonlyMap<number, string>,
): Map<number, number> {
  const hostOf = new Map<number, number>();
  const shared = problem.options.sharedVisits;
  if (shared === null || shared === undefined) return hostOf;
  const { communes } = problem;
  const candidates = communes
    .filter((c) => !servedByFixed.has(c.index) && c.demand <= shared.maxDossiers && c.canShareVisit !== false)
    .sort((a, b) => a.demand - b.demand || a.index - b.index);
  const hosts = new Set<number>();
  for (const guest of candidates) {
    let best = -1;
    let bestHours = Number.POSITIVE_INFINITY;
    for (const c of communes) {
      if (c.index === guest.index || servedByFixed.has(c.index) || hostOf.has(c.index)) continue;
      if (!hosts.has(c.index) && c.demand <= shared.maxDossiers && c.demand < guest.demand) continue;
      const h = travelHours(problem.travel.table, guest.index + 1, c.index + 1);
      if (h <= shared.maxTravelHours && h < bestHours) {
        bestHours = h;
        best = c.index;
      }
    }
    if (best >= 0 && !hosts.has(guest.index)) {
      hostOf.set(guest.index, best);
      hosts.add(best);
    }
  }
  return hostOf;
}

/** Each host's guests, in commune order. */
export function guestsByHost(hostOf: ReadonlyMap<number, number>): Map<number, number[]> {
  const guests = new Map<number, number[]>();
  for (const [guest, host] of hostOf) {
    const list = guests.get(host);
    if (list === undefined) guests.set(host, [guest]);
    else list.push(guest);
  }
  for (const list of guests.values()) list.sort((a, b) => a - b);
  return guests;
}
