import { exponential, type Random } from './prng.ts';

export type ServiceDistribution = 'gamma' | 'lognormal';

/** A sampler of service times with a given mean and coefficient of variation. */
export function serviceSampler(
  random: Random,
  meanMinutes: number,
  cv: number,
  distribution: ServiceDistribution,
): () => number {
  if (cv === 0) return () => meanMinutes;
  if (distribution === 'lognormal') {
    const sigma2 = Math.log(1 + cv * cv);
    const sigma = Math.sqrt(sigma2);
    const mu = Math.log(meanMinutes) - sigma2 / 2;
    return () => Math.exp(mu + sigma * random.normal());
  }
  if (cv === 1) return () => exponential(random, meanMinutes);
  const shape = 1 / (cv * cv);
  const scale = meanMinutes * cv * cv;
  return () => scale * gamma(random, shape);
}

/**
 * Marsaglia & Tsang (2000), "A simple method for generating gamma variables"; shapes below 1
 * (cv above 1) use their boost Gamma(k) = Gamma(k + 1)·U^(1/k).
 */
function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = random.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
