// The reports' forecast completion as the plan page shows it, in its headline and in each row of its
// plan per area: the day, flagged "after the deadline" where the reports say late
// (forecast-standing.ts); a dash before they forecast one.
import { useI18n } from '../../i18n/i18n.tsx';
import { Day } from './plan-vs-actual-table.tsx';

export function ForecastCompletion({
  forecast,
  late,
  compact = false,
  lateTestId,
}: {
  /** Plan vs actual's expected completion, ISO date; null before a day is reported whole. */
  forecast: string | null;
  /** The forecast is after the deadline. */
  late: boolean;
  /** In a table's narrow column: the short day on a phone (19/3), where the long one broke over lines. */
  compact?: boolean;
  /** The flag's test id (the headline's and a row's are told apart). */
  lateTestId: string;
}) {
  const { t, date } = useI18n();
  if (forecast === null) return <>—</>;
  return (
    <>
      {compact ? <Day isoDate={forecast} /> : date(forecast)}
      {late ? (
        <>
          {' '}
          <span className="status status-LATE" data-testid={lateTestId}>
            {t('pva.forecastLate')}
          </span>
        </>
      ) : null}
    </>
  );
}
