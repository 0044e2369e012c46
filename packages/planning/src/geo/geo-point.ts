/**
 * A place on Earth in decimal degrees (WGS 84), such as a commune's centroid or the base mobile
 * teams leave from. Areas carry one as `location`; mobile teams travel between them.
 */
export type GeoPoint = {
  /** Degrees north, −90 to 90. */
  latitude: number;
  /** Degrees east, −180 to 180. */
  longitude: number;
};
