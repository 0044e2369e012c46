// Arrivals per hour (bars, left axis) against machines open (steps, right axis) at one site, with
// the hours that miss the wait target marked. The table of the same hours is beside it.
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { useI18n } from '../../i18n/i18n.tsx';

export type StaffingChartHour = {
  start: string;
  arrivalsPerHour: number;
  machinesOpen: number;
  meetsTarget: boolean;
};

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 44, bottom: 28, left: 48 };

export function StaffingChart({ hours }: { hours: readonly StaffingChartHour[] }) {
  const { t, n } = useI18n();
  if (hours.length === 0) return null;
  const x = scaleBand<string>()
    .domain(hours.map((h) => h.start))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.15);
  const arrivals = scaleLinear()
    .domain([0, Math.max(...hours.map((h) => h.arrivalsPerHour), 1)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const machines = scaleLinear()
    .domain([0, Math.max(...hours.map((h) => h.machinesOpen), 1)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const step = x.step();
  const last = hours.at(-1);
  const points: [number, number][] = hours.map((h) => [
    (x(h.start) ?? 0) - (step * x.padding()) / 2,
    machines(h.machinesOpen),
  ]);
  if (last)
    points.push([
      (x(last.start) ?? 0) + x.bandwidth() + (step * x.padding()) / 2,
      machines(last.machinesOpen),
    ]);
  const stepPath = line().curve(curveStepAfter)(points) ?? '';
  const title = t('staffing.chartTitle');
  return (
    <figure className="card">
      <div className="legend" aria-hidden="true">
        <span style={{ '--swatch': '#93c5fd' } as React.CSSProperties}>{t('staffing.arrivals')}</span>
        <span style={{ '--swatch': '#111827' } as React.CSSProperties}>{t('staffing.machinesOpen')}</span>
        <span style={{ '--swatch': '#b91c1c' } as React.CSSProperties}>{t('staffing.missesTarget')}</span>
      </div>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        {arrivals.ticks(4).map((value) => (
          <g key={value}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={arrivals(value)}
              y2={arrivals(value)}
              stroke="#e5e7eb"
            />
            <text x={MARGIN.left - 6} y={arrivals(value) + 4} textAnchor="end">
              {n(value)}
            </text>
          </g>
        ))}
        {machines.ticks(4).map((value) => (
          <text key={value} x={WIDTH - MARGIN.right + 6} y={machines(value) + 4}>
            {n(value)}
          </text>
        ))}
        {hours.map((h) => (
          <g key={h.start}>
            <rect
              x={x(h.start)}
              width={x.bandwidth()}
              y={arrivals(h.arrivalsPerHour)}
              height={HEIGHT - MARGIN.bottom - arrivals(h.arrivalsPerHour)}
              fill={h.meetsTarget ? '#93c5fd' : '#fca5a5'}
              stroke={h.meetsTarget ? 'none' : '#b91c1c'}
            />
            {Number(h.start.slice(0, 2)) % 3 === 0 ? (
              <text x={(x(h.start) ?? 0) + x.bandwidth() / 2} y={HEIGHT - 8} textAnchor="middle">
                {h.start}
              </text>
            ) : null}
          </g>
        ))}
        <path d={stepPath} fill="none" stroke="#111827" strokeWidth={2} />
      </svg>
      <figcaption className="muted">{t('staffing.caption')}</figcaption>
    </figure>
  );
}
