// What the reports say of one area of the plan's table: the share of its dossiers reported and,
// from plan vs actual, when it finishes at the rates observed and whether that is after the
// deadline. The saved plan's completion, beside it, says what was planned; the row's status is the
// reports' once they forecast (status-shown.ts).
import { forecastStanding } from './forecast-standing.ts';

/** One area's plan vs actual, as the plan page asks for it under `children`. */
export type AreaCompared = {
  demand: number;
  totalActual: number;
  reporting: { daysReported: number };
  forecast?: { expected?: string | null } | null;
};

export type AreaProgress = {
  /** Dossiers reported over the area's demand, 0..1 (1 for an area with nothing to take). */
  shareDone: number;
  /** When the rest is done at the mean observed rate; null until a day is reported whole. */
  forecast: string | null;
  /** The forecast is after the deadline. */
  late: boolean;
};

/**
 * The reports' word on an area, or null when nobody in it reported (nothing to say: not zero done).
 *
 * @example
 * areaProgress({ demand: 20_000, totalActual: 5_000, reporting: { daysReported: 10 },
 *   forecast: { expected: '2022-07-15' } }, '2022-06-30');
 * // { shareDone: 0.25, forecast: '2022-07-15', late: true }
 */
export function areaProgress(compared: AreaCompared | undefined, deadline: string): AreaProgress | null {
  if (!compared || compared.reporting.daysReported === 0) return null;
  const forecast = compared.forecast?.expected ?? null;
  return {
    shareDone: compared.demand > 0 ? Math.min(compared.totalActual / compared.demand, 1) : 1,
    forecast,
    late: forecastStanding(forecast, deadline) === 'LATE',
  };
}
