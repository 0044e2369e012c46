/**
 * Erlang B by its recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1. Each step maps a relative
 * error ε to at most ε·k/(k + A·B) < ε, so rounding never grows: 10,000 steps lose about 1e-12,
 * with no factorial or power ever formed (those overflow doubles from 171 servers on).
 */
export function erlangBUnchecked(servers: number, loadErlangs: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) {
    const ab = loadErlangs * b;
    b = ab / (k + ab);
    // Once B underflows it stays at zero: stop early instead of looping to `servers`.
    if (b === 0) return 0;
  }
  return b;
}

/** The next Erlang B value, B(k) from B(k−1): lets a search over server counts walk upwards in O(1) a step. */
export function erlangBStep(previous: number, servers: number, loadErlangs: number): number {
  const ab = loadErlangs * previous;
  return ab === 0 ? 0 : ab / (servers + ab);
}

/**
 * Erlang C from Erlang B: C = c·B / (c − A + A·B). Written with `c − A` rather than `1 − ρ` so
 * that near saturation the difference is exact (Sterbenz) instead of cancelling.
 */
export function erlangCFromB(erlangB: number, servers: number, loadErlangs: number): number {
  if (loadErlangs >= servers) return 1;
  if (erlangB === 0) return 0;
  const c = (servers * erlangB) / (servers - loadErlangs + loadErlangs * erlangB);
  return Math.min(1, c);
}

export function erlangCUnchecked(servers: number, loadErlangs: number): number {
  if (loadErlangs >= servers) return 1;
  if (loadErlangs === 0) return 0;
  return erlangCFromB(erlangBUnchecked(servers, loadErlangs), servers, loadErlangs);
}
