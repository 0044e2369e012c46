/**
 * Test oracle only: Erlang C by direct summation of its definition,
 *   C = (Aᶜ/c!)·c/(c − A) / (Σ_{k<c} Aᵏ/k! + (Aᶜ/c!)·c/(c − A)),
 * in exact rational arithmetic (BigInt) for a load A = p/q. A different method from the library's
 * floating-point Erlang B recursion, so agreement is evidence rather than an echo.
 */
export function exactErlangC(servers: number, loadNumerator: bigint, loadDenominator: bigint): number {
  const c = BigInt(servers);
  const p = loadNumerator;
  const q = loadDenominator;
  if (p >= c * q) return 1;
  // D_k = p^k q^(c−k) c!/k!, an integer; the common factor q^c c! cancels from the ratio.
  let d = q ** c;
  for (let k = 2n; k <= c; k++) d *= k;
  let sum = 0n;
  for (let k = 0n; k < c; k++) {
    sum += d;
    d = (d * p) / (q * (k + 1n));
  }
  const top = d * c * q;
  return ratio(top, (c * q - p) * sum + top);
}

function ratio(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  const shift = denominator.toString(2).length - numerator.toString(2).length + 64;
  const scaled =
    shift >= 0 ? (numerator << BigInt(shift)) / denominator : numerator / (denominator << BigInt(-shift));
  return Number(scaled) * 2 ** -shift;
}
