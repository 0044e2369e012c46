/**
 * xoshiro128** (Blackman & Vigna), seeded through splitmix32 so that nearby seeds give unrelated
 * streams. The state lives in an Int32Array so the hot path stays in untagged 32-bit arithmetic
 * (no boxed numbers, no garbage).
 */
export type Random = { next(): number; normal(): number };

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state = new Int32Array(4);
  state[0] = split();
  state[1] = split();
  state[2] = split();
  state[3] = split();
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  let spareNormal = 0;
  let hasSpare = false;

  // Strictly inside (0, 1): safe for logarithms.
  const next = () => {
    const a = state[0] as number;
    const b = state[1] as number;
    const c = state[2] as number;
    const d = state[3] as number;
    const x = Math.imul(b, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = b << 9;
    const c1 = c ^ a;
    const d1 = d ^ b;
    state[1] = b ^ c1;
    state[0] = a ^ d1;
    state[2] = c1 ^ t;
    state[3] = (d1 << 11) | (d1 >>> 21);
    return (result + 0.5) / 4_294_967_296;
  };
  const normal = () => {
    if (hasSpare) {
      hasSpare = false;
      return spareNormal;
    }
    const radius = Math.sqrt(-2 * Math.log(next()));
    const angle = 2 * Math.PI * next();
    spareNormal = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };
  return { next, normal };
}

export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(random.next());
}
