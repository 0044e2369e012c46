// Communes drawn from their centroids, with no map tiles: an equirectangular projection (longitude
// scaled by the cosine of the mean latitude, so a province keeps its shape), one dot per commune,
// optionally a route between them. The caller shows the same data as a table beside it.
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';

export type MapPoint = {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  colour: string;
  label: string;
};

const WIDTH = 640;
const PADDING = 16;

export function CommuneMap({
  points,
  route,
  title,
  highlight,
}: {
  points: readonly MapPoint[];
  /** Codes of points joined in order (a mobile team's visits). */
  route?: readonly string[];
  title: string;
  highlight?: string | null;
}) {
  const layout = useMemo(() => {
    if (points.length === 0) return null;
    const lats = points.map((p) => p.latitude);
    const lons = points.map((p) => p.longitude);
    const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
    const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
    const stretch = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const spanX = Math.max((maxLon - minLon) * stretch, 0.01);
    const spanY = Math.max(maxLat - minLat, 0.01);
    const height =
      Math.round(Math.min(Math.max(((WIDTH - 2 * PADDING) * spanY) / spanX, 200), 900)) + 2 * PADDING;
    const x = scaleLinear()
      .domain([minLon, minLon + spanX / stretch])
      .range([PADDING, WIDTH - PADDING]);
    const y = scaleLinear()
      .domain([minLat, maxLat])
      .range([height - PADDING, PADDING]);
    return { x, y, height };
  }, [points]);
  if (!layout) return null;
  const byCode = new Map(points.map((p) => [p.code, p]));
  const path = (route ?? [])
    .map((code) => byCode.get(code))
    .filter((p): p is MapPoint => p !== undefined)
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${layout.x(p.longitude).toFixed(1)},${layout.y(p.latitude).toFixed(1)}`,
    )
    .join('');
  return (
    <svg className="chart map" viewBox={`0 0 ${WIDTH} ${layout.height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {path ? <path d={path} fill="none" stroke="#334155" strokeWidth={1.5} strokeDasharray="4 3" /> : null}
      {points.map((p) => (
        <circle
          key={p.code}
          cx={layout.x(p.longitude)}
          cy={layout.y(p.latitude)}
          r={p.code === highlight ? 7 : 4.5}
          fill={p.colour}
          stroke={p.code === highlight ? '#111' : '#fff'}
          strokeWidth={1}
        >
          <title>{`${p.name}: ${p.label}`}</title>
        </circle>
      ))}
    </svg>
  );
}
