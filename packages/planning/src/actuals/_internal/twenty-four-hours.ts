import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';

/**
 * The most dossiers `machines` machines do in 24 hours at `minutesPerDossier` minutes a dossier:
 * `machines × 1,440 ÷ minutesPerDossier` (not rounded; a message shows it rounded down).
 */
export function dossiersIn24Hours(machines: number, minutesPerDossier: number): number {
  return (machines * MINUTES_PER_DAY) / minutesPerDossier;
}

/**
 * "A day's dossiers are no more than its machines do in 24 hours at the service time": whether
 * `dossiers` break it, more than `machines` machines do in 24 hours at `minutesPerDossier` minutes a
 * dossier (any dossier on no machine does). The one rule behind a report judged unlikely, a day
 * warned above its maximum, and a figure counted in no pace.
 */
export function aboveTwentyFourHours(dossiers: number, machines: number, minutesPerDossier: number): boolean {
  return dossiers > dossiersIn24Hours(machines, minutesPerDossier);
}
