// Communes drawn from their centroids, with no map tiles: an equirectangular projection (longitude
// scaled by the cosine of the mean latitude, so a province keeps its shape), one dot per commune,
// optionally a route between them. The caller shows the same data as a table beside it. A point may
// be drawn as a diamond instead of a dot, for a caller whose legend tells two kinds apart by shape
// where they share a colour. The marks keep their size in CSS px at any width the map is shown at:
// scaled with the drawing, they shrank to 2 px on a 360 px phone, too small to tell apart.
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { useChartWidth } from './use-chart-width.ts';

export type MapPoint = {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  colour: string;
  label: string;
  /** Drawn as a dot (the default) or a diamond of about the same area. */
  shape?: 'dot' | 'diamond';
};

/** Radius of a dot, and of one highlighted, as shown, in CSS px (a desktop's 560 px map drew 4 and 6). */
const DOT_PX = 4;
const HIGHLIGHT_PX = 6;
/** Half a diagonal of a diamond over a dot's radius: 2a² = πr², the area of a dot. */
const DIAMOND_PER_DOT = Math.sqrt(Math.PI / 2);

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
  const { ref, width: shownPx } = useChartWidth();
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
    <svg
      ref={ref}
      className="chart map"
      viewBox={`0 0 ${WIDTH} ${layout.height}`}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      {path ? <path d={path} fill="none" stroke="#334155" strokeWidth={1.5} strokeDasharray="4 3" /> : null}
      {points.map((p) => {
        const [cx, cy] = [layout.x(p.longitude), layout.y(p.latitude)];
        const highlighted = p.code === highlight;
        const radius = ((highlighted ? HIGHLIGHT_PX : DOT_PX) * WIDTH) / shownPx;
        const look = {
          fill: p.colour,
          stroke: highlighted ? '#111' : '#fff',
          strokeWidth: (0.9 * WIDTH) / shownPx,
          'data-code': p.code,
        };
        const tooltip = <title>{`${p.name}: ${p.label}`}</title>;
        if (p.shape === 'diamond') {
          const a = (radius * DIAMOND_PER_DOT).toFixed(1);
          const d = `M${cx.toFixed(1)},${(cy - Number(a)).toFixed(1)}l${a},${a}l-${a},${a}l-${a},-${a}z`;
          return (
            <path key={p.code} d={d} {...look}>
              {tooltip}
            </path>
          );
        }
        return (
          <circle key={p.code} cx={cx} cy={cy} r={radius.toFixed(1)} {...look}>
            {tooltip}
          </circle>
        );
      })}
    </svg>
  );
}
