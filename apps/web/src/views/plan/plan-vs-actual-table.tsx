// The table behind the burn-up: the reported days in full view, every day of the series on demand.
import type { DayReporting } from '../../gql/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { BurnUpForecast } from './burn-up-chart.tsx';

export type PlanVsActualDay = {
  date: string;
  planned: number;
  actual?: number | null;
  cumulativePlanned: number;
  cumulativeActual: number;
  /** actual − plannedOfReported: on a partial day, against the plan of the areas that reported. */
  variance?: number | null;
  reporting: DayReporting;
  /** Communes covered by the day's reports. */
  reportedLeaves: number;
  /** The plan of the part that reported: `planned` on a complete day. */
  plannedOfReported?: number | null;
};

/**
 * A reported day on one line: the long form (19 thg 3, 2021) where there is room, the short one
 * (19/3) on a phone, where the long form broke over four lines in a column of six; the stylesheet
 * shows one of the two.
 */
export function Day({ isoDate }: { isoDate: string }) {
  const { date } = useI18n();
  return (
    <time className="day" dateTime={isoDate}>
      <span className="day-long">{date(isoDate)}</span>
      <span className="day-short">{date(isoDate, 'short')}</span>
    </time>
  );
}

function Rows({ days, leaves }: { days: readonly PlanVsActualDay[]; leaves: number }) {
  const { t, n } = useI18n();
  const dash = (value: number | null | undefined) => (value === null || value === undefined ? '—' : n(value));
  return (
    <tbody>
      {days.map((day) => {
        // A partial day's variance compares only the areas that reported: say so, and against what.
        const partial = day.reporting === 'PARTIAL';
        return (
          <tr key={day.date} data-date={day.date} data-reporting={day.reporting}>
            <th scope="row">
              <Day isoDate={day.date} />
              {partial ? (
                <small className="partial-day" data-partial="communes">
                  {t('pva.partialDay', { reported: n(day.reportedLeaves), leaves: n(leaves) })}
                </small>
              ) : null}
            </th>
            <td className="num">{n(day.planned)}</td>
            <td className="num">{dash(day.actual)}</td>
            <td className="num">
              {dash(day.variance)}
              {partial && day.plannedOfReported !== null && day.plannedOfReported !== undefined ? (
                <small className="partial-day" data-partial="planned">
                  {t('pva.varianceAgainst', { planned: n(day.plannedOfReported) })}
                </small>
              ) : null}
            </td>
            <td className="num">{n(day.cumulativePlanned)}</td>
            <td className="num">{n(day.cumulativeActual)}</td>
          </tr>
        );
      })}
    </tbody>
  );
}

export function PlanVsActualTable({
  days,
  leaves,
  forecast,
}: {
  days: readonly PlanVsActualDay[];
  /** Communes under the area compared. */
  leaves: number;
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
            <Rows days={reported} leaves={leaves} />
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
            <Rows days={days} leaves={leaves} />
          </table>
        </div>
      </details>
    </>
  );
}
