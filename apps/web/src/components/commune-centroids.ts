// The communes under an area with their centroids, for a map: one or two levels down (province →
// commune, or province → district → commune). Read by the plan's map and the mobile teams' map.

import type { CommuneCentroidsQuery } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';

export const CommuneCentroidsDocument = graphql(`
  query CommuneCentroids($areaCode: String!) {
    area(code: $areaCode) {
      code
      children {
        code
        name
        latitude
        longitude
        children {
          code
          name
          latitude
          longitude
        }
      }
    }
  }
`);

export type Commune = { code: string; name: string; latitude: number; longitude: number };

/** The leaves of the answer that have a centroid: grandchildren, or children without children. */
export function communesOf(data: CommuneCentroidsQuery | undefined): Commune[] {
  const leaves = (data?.area?.children ?? []).flatMap((child) =>
    child.children.length > 0 ? child.children : [child],
  );
  return leaves.flatMap((leaf) =>
    leaf.latitude == null || leaf.longitude == null
      ? []
      : [{ code: leaf.code, name: leaf.name, latitude: leaf.latitude, longitude: leaf.longitude }],
  );
}
