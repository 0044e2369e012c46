/**
 * The waiting-time law behind every queueing figure: an arrival waits with probability C, and a
 * waiting arrival waits an exponential time of rate (c − A)/(k·S) minutes⁻¹, where S is the mean
 * service time and k = (1 + cv²)/2 the Allen–Cunneen factor (k = 1: exact M/M/c).
 */
export type WaitLaw = {
  /** P(wait > 0). */
  probabilityOfWait: number;
  /** Rate of the conditional exponential wait, per minute; 0 when the queue is unstable. */
  rate: number;
  stable: boolean;
};

export function allenCunneenFactor(serviceCv: number): number {
  return (1 + serviceCv * serviceCv) / 2;
}

export function meanWait(law: WaitLaw): number {
  if (!law.stable) return Number.POSITIVE_INFINITY;
  return law.probabilityOfWait === 0 ? 0 : law.probabilityOfWait / law.rate;
}

/** P(wait ≤ t). */
export function serviceLevel(law: WaitLaw, withinMinutes: number): number {
  if (!law.stable) return 0;
  return 1 - law.probabilityOfWait * Math.exp(-law.rate * withinMinutes);
}

/** Smallest t with P(wait ≤ t) ≥ p. */
export function waitPercentile(law: WaitLaw, p: number): number {
  if (!law.stable) return Number.POSITIVE_INFINITY;
  const tail = 1 - p;
  if (law.probabilityOfWait <= tail) return 0;
  return Math.log(law.probabilityOfWait / tail) / law.rate;
}
