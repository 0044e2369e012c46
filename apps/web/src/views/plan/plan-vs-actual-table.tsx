// The table behind the burn-up: the reported days in full view, every day of the series on demand.
import { useI18n } from '../../i18n/i18n.tsx';
import type { BurnUpForecast } from './burn-up-chart.tsx';

export type PlanVsActualDay = {
  date: string;
  planned: number;
  actual?: number | null;
  cumulativePlanned: number;
  cumulativeActual: number;
  variance?: number | null;
};

function Rows({ days }: { days: readonly PlanVsActualDay[] }) {
  const { n, date } = useI18n();
  const dash = (value: number | null | undefined) => (value === null || value === undefined ? '—' : n(value));
  return (
    <tbody>
      {days.map((day) => (
        <tr key={day.date} data-date={day.date}>
          <th scope="row">{date(day.date)}</th>
          <td className="num">{n(day.planned)}</td>
          <td className="num">{dash(day.actual)}</td>
          <td className="num">{dash(day.variance)}</td>
          <td className="num">{n(day.cumulativePlanned)}</td>
          <td className="num">{n(day.cumulativeActual)}</td>
        </tr>
      ))}
    </tbody>
  );
}

export function PlanVsActualTable({
  days,
  forecast,
}: {
  days: readonly PlanVsActualDay[];
  forecast: BurnUpForecast | null;
}) {
  const { t, n, date } = useI18n();
  const reported = days.filter((day) => day.actual !== null && day.actual !== undefined);
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('col.date')}</th>
        <th scope="col" className="num">
          {t('pva.planned')}
        </th>
        <th scope="col" className="num">
          {t('pva.actual')}
        </th>
        <th scope="col" className="num">
          {t('pva.variance')}
        </th>
        <th scope="col" className="num">
          {t('pva.cumulativePlanned')}
        </th>
        <th scope="col" className="num">
          {t('pva.cumulativeActual')}
        </th>
      </tr>
    </thead>
  );
  return (
    <>
      {reported.length > 0 ? (
        <div className="table-wrap">
          <table className="reported-days">
            <caption>{t('pva.reportedDays')}</caption>
            {head}
            <Rows days={reported} />
          </table>
        </div>
      ) : (
        <p className="muted">{t('pva.noReports')}</p>
      )}
      {forecast?.expected ? (
        <p>
          {t('pva.forecastText', {
            remaining: n(forecast.remaining),
            expected: date(forecast.expected),
            earliest: forecast.earliest ? date(forecast.earliest) : '—',
            latest: forecast.latest ? date(forecast.latest) : '—',
          })}
        </p>
      ) : null}
      <details className="chart-table">
        <summary>{t('chart.table')}</summary>
        <div className="table-wrap">
          <table>
            <caption>{t('burnUp.title')}</caption>
            {head}
            <Rows days={days} />
          </table>
        </div>
      </details>
    </>
  );
}
