import { requireNumber } from '../_internal/validate.ts';
import { erlangCUnchecked } from './_internal/erlang.ts';
import { requireServers } from './_internal/queue-input.ts';

/**
 * Probability that an arrival has to wait in an M/M/c queue (Erlang's delay formula), for
 * `servers` machines offered `offeredLoadErlangs` = arrivals per hour × service hours. Returns 1
 * when the load is at or above the number of servers (the queue grows without bound).
 *
 * Computed through the Erlang B recursion, never through factorials or powers, so it stays exact
 * to about 1e-12 (relative) from 1 to 10,000 servers and beyond, with loads up to the server count.
 *
 * @example
 * erlangC(2, 1) // => 0.3333333333333333 (M/M/2 at ρ = 0.5: 2ρ²/(1 + ρ) = 1/3)
 */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  const c = requireServers(servers, 'servers');
  const load = requireNumber(offeredLoadErlangs, 'offeredLoadErlangs', { min: 0 });
  return erlangCUnchecked(c, load);
}
