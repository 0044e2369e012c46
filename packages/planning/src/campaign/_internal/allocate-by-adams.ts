/**
 * Splits `total` whole machines over claims by Adams' method: every positive claim gets one
 * machine first, then each next machine goes to the claim with the most demand per machine.
 * Among all whole splits this one minimises the largest demand per machine, so the last of
 * the claims finishes as early as whole machines allow. Returns null when there are fewer
 * machines than positive claims (they cannot each have one).
 */
export function allocateByAdams(total: number, claims: readonly number[]): number[] | null {
  const seats: number[] = claims.map((claim) => (claim > 0 ? 1 : 0));
  const positive = seats.reduce((sum, s) => sum + s, 0);
  if (positive === 0) return seats;
  if (total < positive) return null;
  // A binary heap keyed by claim / seats, ties to the earlier claim: deterministic.
  const heap: number[] = [];
  const ratio = (i: number) => (claims[i] as number) / (seats[i] as number);
  const before = (a: number, b: number) => ratio(a) > ratio(b) || (ratio(a) === ratio(b) && a < b);
  const swap = (i: number, j: number) => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && before(heap[l] as number, heap[top] as number)) top = l;
      if (r < heap.length && before(heap[r] as number, heap[top] as number)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  claims.forEach((claim, i) => {
    if (claim > 0) heap.push(i);
  });
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) down(i);
  for (let left = total - positive; left > 0; left--) {
    const top = heap[0] as number;
    seats[top] = (seats[top] as number) + 1;
    down(0);
  }
  return seats;
}
