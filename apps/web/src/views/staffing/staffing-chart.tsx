// Arrivals per hour (bars, left axis) against machines open (steps, right axis) at one site, with
// the hours that miss the wait target marked, and the planner's own schedule dashed beside the
// recommended one; then the mean wait per hour of both against the target. The table of the same
// hours is beside them.
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { labelEvery, useChartWidth } from '../../components/use-chart-width.ts';
import { wholeNumberTicks } from '../../components/whole-number-ticks.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type StaffingChartHour = {
  start: string;
  arrivalsPerHour: number;
  machinesOpen: number;
  meetsTarget: boolean;
};

/** The planner's own schedule, in every chart. */
const OWN = '#c2410c';
const HEIGHT = 260;
/** Room for one hour label ("06:00") on the time axis, in px. */
const HOUR_LABEL_PX = 40;
const MARGIN = { top: 12, right: 44, bottom: 28, left: 48 };

/** The step line of machines per hour, from the left edge of the first band to the right edge of the last. */
function stepLine(
  x: ReturnType<typeof scaleBand<string>>,
  y: (value: number) => number,
  starts: readonly string[],
  values: readonly number[],
): string {
  const step = x.step();
  const points: [number, number][] = starts.map((start, i) => [
    (x(start) ?? 0) - (step * x.padding()) / 2,
    y(values[i] ?? 0),
  ]);
  const last = starts.at(-1);
  if (last !== undefined)
    points.push([(x(last) ?? 0) + x.bandwidth() + (step * x.padding()) / 2, y(values.at(-1) ?? 0)]);
  return line().curve(curveStepAfter)(points) ?? '';
}

function bands(hours: readonly { start: string }[], width: number) {
  return scaleBand<string>()
    .domain(hours.map((h) => h.start))
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.15);
}

/** Whether the hour starting at `start` is labelled: every `every` hours from midnight. */
const labelled = (start: string, every: number) => Number(start.slice(0, 2)) % every === 0;

export function StaffingChart({
  hours,
  schedule = null,
}: {
  hours: readonly StaffingChartHour[];
  /** The planner's own machines per hour, drawn dashed; null before any edit. */
  schedule?: readonly { machinesOpen: number }[] | null;
}) {
  const { t, n } = useI18n();
  const { ref, width: WIDTH } = useChartWidth();
  if (hours.length === 0) return null;
  const x = bands(hours, WIDTH);
  const every = labelEvery(x.step(), HOUR_LABEL_PX, 24);
  const arrivals = scaleLinear()
    .domain([0, Math.max(...hours.map((h) => h.arrivalsPerHour), 1)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const machines = scaleLinear()
    .domain([
      0,
      Math.max(...hours.map((h) => h.machinesOpen), ...(schedule ?? []).map((h) => h.machinesOpen), 1),
    ])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const starts = hours.map((h) => h.start);
  const stepPath = stepLine(
    x,
    machines,
    starts,
    hours.map((h) => h.machinesOpen),
  );
  const ownPath = schedule
    ? stepLine(
        x,
        machines,
        starts,
        schedule.map((h) => h.machinesOpen),
      )
    : null;
  const title = t('staffing.chartTitle');
  return (
    <figure className="card" ref={ref}>
      <div className="legend" aria-hidden="true">
        <span style={{ '--swatch': '#93c5fd' } as React.CSSProperties}>{t('staffing.arrivals')}</span>
        <span style={{ '--swatch': '#111827' } as React.CSSProperties}>{t('staffing.machinesOpen')}</span>
        <span style={{ '--swatch': '#b91c1c' } as React.CSSProperties}>{t('staffing.missesTarget')}</span>
        {ownPath ? (
          <span style={{ '--swatch': OWN } as React.CSSProperties}>{t('staffing.yourSchedule')}</span>
        ) : null}
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
        {wholeNumberTicks(machines, 4).map((value) => (
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
            {labelled(h.start, every) ? (
              <text
                className="x-tick"
                x={(x(h.start) ?? 0) + x.bandwidth() / 2}
                y={HEIGHT - 8}
                textAnchor="middle"
              >
                {h.start}
              </text>
            ) : null}
          </g>
        ))}
        <path d={stepPath} fill="none" stroke="#111827" strokeWidth={2} />
        {ownPath ? (
          <path
            d={ownPath}
            fill="none"
            stroke={OWN}
            strokeWidth={2.5}
            strokeDasharray="6 4"
            data-series="own"
          />
        ) : null}
      </svg>
      <figcaption className="muted">{t('staffing.caption')}</figcaption>
    </figure>
  );
}

/** Mean wait per hour of the recommended schedule and of the planner's own, with the target as a rule. */
export function WaitChart({
  recommended,
  own,
  targetMinutes,
}: {
  recommended: readonly { start: string; meanWaitMinutes: number }[];
  own: readonly { meanWaitMinutes: number }[] | null;
  targetMinutes: number;
}) {
  const { t, n } = useI18n();
  const { ref, width: WIDTH } = useChartWidth();
  if (recommended.length === 0) return null;
  const x = bands(recommended, WIDTH);
  const every = labelEvery(x.step(), HOUR_LABEL_PX, 24);
  const waits = [...recommended, ...(own ?? [])].map((h) => h.meanWaitMinutes);
  const y = scaleLinear()
    .domain([0, Math.max(targetMinutes, ...waits, 1)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const centre = (start: string) => (x(start) ?? 0) + x.bandwidth() / 2;
  const path = (values: readonly { meanWaitMinutes: number }[]) =>
    line()(recommended.map((h, i) => [centre(h.start), y(values[i]?.meanWaitMinutes ?? 0)])) ?? '';
  const title = t('staffing.waitChartTitle');
  return (
    <figure className="card" ref={ref}>
      <div className="legend" aria-hidden="true">
        <span style={{ '--swatch': '#111827' } as React.CSSProperties}>{t('staffing.recommended')}</span>
        {own ? (
          <span style={{ '--swatch': OWN } as React.CSSProperties}>{t('staffing.yourSchedule')}</span>
        ) : null}
        <span style={{ '--swatch': '#b91c1c' } as React.CSSProperties}>{t('staffing.waitTarget')}</span>
      </div>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        {y.ticks(4).map((value) => (
          <g key={value}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(value)} y2={y(value)} stroke="#e5e7eb" />
            <text x={MARGIN.left - 6} y={y(value) + 4} textAnchor="end">
              {n(value)}
            </text>
          </g>
        ))}
        {recommended.map((h) =>
          labelled(h.start, every) ? (
            <text key={h.start} className="x-tick" x={centre(h.start)} y={HEIGHT - 8} textAnchor="middle">
              {h.start}
            </text>
          ) : null,
        )}
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={y(targetMinutes)}
          y2={y(targetMinutes)}
          stroke="#b91c1c"
          strokeDasharray="2 3"
        />
        <path d={path(recommended)} fill="none" stroke="#111827" strokeWidth={2} />
        {own ? <path d={path(own)} fill="none" stroke={OWN} strokeWidth={2.5} strokeDasharray="6 4" /> : null}
      </svg>
      <figcaption className="muted">{t('staffing.waitChartCaption')}</figcaption>
    </figure>
  );
}
