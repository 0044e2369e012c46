// Planned against actual cumulative dossiers, with the forecast band: from the last reported day,
// the rest of the demand done at the best and worst observed daily rates (earliest and latest
// completion), and at the mean (expected, dashed). The table behind it is beside it on the page.
// Its days carry the year when it runs over more than one (time-axis-labels.ts), as many as fit
// its width (time-axis-ticks.ts).
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useChartWidth } from '../../components/use-chart-width.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { timeAxisLabels } from './time-axis-labels.ts';
import { timeAxisTicks } from './time-axis-ticks.ts';

export type BurnUpDay = {
  date: string;
  cumulativePlanned: number;
  cumulativeActual: number;
  actual?: number | null;
};
export type BurnUpForecast = {
  earliest?: string | null;
  expected?: string | null;
  latest?: string | null;
  remaining: number;
};

const HEIGHT = 300;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 64 };
const DAY_MS = 86_400_000;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function BurnUpChart({
  days,
  forecast,
}: {
  days: readonly BurnUpDay[];
  forecast: BurnUpForecast | null;
}) {
  const { t, n, date } = useI18n();
  const { ref, width: WIDTH } = useChartWidth();
  if (days.length === 0) return null;
  const reported = days.filter((day) => day.actual !== null && day.actual !== undefined);
  const lastReported = reported.at(-1);
  const actualDays = lastReported ? days.filter((day) => day.date <= lastReported.date) : [];
  const finish = lastReported && forecast ? lastReported.cumulativeActual + forecast.remaining : null;
  const firstDay = dayNumber(days[0]?.date ?? '');
  const lastDay = Math.max(
    dayNumber(days.at(-1)?.date ?? ''),
    ...[forecast?.latest, forecast?.expected].filter((d): d is string => !!d).map(dayNumber),
  );
  const top = Math.max(days.at(-1)?.cumulativePlanned ?? 0, finish ?? 0, 1);
  const x = scaleLinear()
    .domain([firstDay, lastDay])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, top])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = (key: 'cumulativePlanned' | 'cumulativeActual') =>
    line<BurnUpDay>()
      .x((day) => x(dayNumber(day.date)))
      .y((day) => y(day[key]))(actualDays.length > 0 && key === 'cumulativeActual' ? actualDays : days) ?? '';
  const band =
    lastReported && forecast?.earliest && forecast.latest && finish !== null
      ? [
          [dayNumber(lastReported.date), lastReported.cumulativeActual],
          [dayNumber(forecast.earliest), finish],
          [dayNumber(forecast.latest), finish],
        ]
          .map(([d, v]) => `${x(d as number).toFixed(1)},${y(v as number).toFixed(1)}`)
          .join(' ')
      : null;
  const xTicks = timeAxisTicks({
    firstDay,
    lastDay,
    at: (day) => x(day),
    labels: (ticks) => timeAxisLabels(date, ticks.map(isoOfDay), isoOfDay(firstDay), isoOfDay(lastDay)),
    widthPx: WIDTH,
  });
  const title = t('burnUp.title');
  return (
    <figure className="card" ref={ref}>
      <div className="legend" aria-hidden="true">
        <span style={{ '--swatch': 'var(--planned)' } as React.CSSProperties}>{t('burnUp.planned')}</span>
        <span style={{ '--swatch': 'var(--actual)' } as React.CSSProperties}>{t('burnUp.actual')}</span>
        <span style={{ '--swatch': 'var(--band)' } as React.CSSProperties}>{t('burnUp.band')}</span>
      </div>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        {y.ticks(5).map((value) => (
          <g key={value}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(value)} y2={y(value)} stroke="#e5e7eb" />
            <text x={MARGIN.left - 6} y={y(value) + 4} textAnchor="end">
              {n(value)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text key={tick.day} className="x-tick" x={tick.x} y={HEIGHT - 8} textAnchor="middle">
            {tick.label}
          </text>
        ))}
        {band ? <polygon points={band} fill="var(--band)" /> : null}
        {lastReported && forecast?.expected && finish !== null ? (
          <line
            x1={x(dayNumber(lastReported.date))}
            y1={y(lastReported.cumulativeActual)}
            x2={x(dayNumber(forecast.expected))}
            y2={y(finish)}
            stroke="var(--actual)"
            strokeDasharray="5 4"
          />
        ) : null}
        <path d={path('cumulativePlanned')} fill="none" stroke="var(--planned)" strokeWidth={2} />
        {actualDays.length > 0 ? (
          <path d={path('cumulativeActual')} fill="none" stroke="var(--actual)" strokeWidth={2.5} />
        ) : null}
      </svg>
      <figcaption className="muted">{t('burnUp.caption')}</figcaption>
    </figure>
  );
}
