// Where mobile teams visit a leaf area without a centroid: they drive between the centroids of the
// leaves they visit, and one without stands at the centroid of the nearest area above it that has
// one. The plan places it so (mobile-plan.ts), and an area file's note on such a leaf says so
// (imports/_internal/location-notes.ts): one rule for both, so that the note tells what the plan does.
import type { GeoPoint } from '@muster/planning';

/**
 * "A mobile team visits a leaf without a centroid at the centroid of the nearest area above it that
 * has one": of `above`, the areas above the leaf nearest first, the first with a centroid;
 * undefined when none has one (the plan then looks for leaves around it that have one).
 *
 * @example
 * // Thôn Hai (99990032), no centroid, under Xã Đắk Môl (24718) and Huyện Đắk Song (665)
 * centroidAbove([
 *   { code: '24718', location: { latitude: 12.62, longitude: 107.84 } },
 *   { code: '665', location: null },
 * ])?.code // => '24718'
 */
export function centroidAbove<A extends { location: GeoPoint | null }>(above: readonly A[]): A | undefined {
  return above.find((area) => area.location !== null);
}
