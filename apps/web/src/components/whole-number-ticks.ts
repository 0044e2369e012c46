// The ticks of an axis that counts whole things (machines at a site): a scale's ticks fall on
// halves when the count is small, which a whole-number label then rounds into repeats.

/** What {@link wholeNumberTicks} reads of a scale: d3's `ticks`. */
export type TickingScale = { ticks(count?: number): number[] };

/**
 * About `count` ticks of `scale` that are whole numbers, each once: 2 machines read 0 1 2, where
 * the scale's own ticks (0, 0.5, 1, 1.5, 2) labelled without decimals read 0 1 1 2 2.
 *
 * @example
 * wholeNumberTicks(scaleLinear().domain([0, 2]).nice(), 4) // => [0, 1, 2]
 */
export function wholeNumberTicks(scale: TickingScale, count: number): number[] {
  return scale.ticks(count).filter((value) => Number.isInteger(value));
}
