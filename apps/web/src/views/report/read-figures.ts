// The form's text as figures for `recordActuals`: whole numbers for counts, hours with a decimal
// comma or point (Vietnamese writes 7,5), blanks as "not reported" (never zero), and every
// problem named by its field. Each figure is held to the API's own bound here too, so that a
// figure the API could never take (24 hours at most, a million dossiers, …) is named under its
// box in the reader's language before it waits in the outbox to be refused.
import { isIsoDate } from '../../i18n/campaign-day.ts';
import { MAX_MACHINES_PER_AREA } from '../../i18n/field-checks.ts';
import type { ReportFigures } from '../../outbox/outbox-entry.ts';

export type FormValues = {
  date: string;
  areaCode: string;
  dossiers: string;
  machinesWorking: string;
  hoursOpen: string;
  downtimeMinutes: string;
  note: string;
};

export type FormField = keyof FormValues;

export type FigureProblem = 'required' | 'wholeNumber' | 'number' | 'date' | 'future' | 'tooLarge';

/**
 * The largest figure the API takes in each box (apps/api `check-reports.ts` and the planning
 * library's review of reports): a million dossiers (MAX_DOSSIERS_PER_REPORT), as many machines as
 * an area may be given (MAX_MACHINES_PER_AREA), a day's 24 hours and its 1,440 minutes.
 */
export const FIGURE_MAXIMA = {
  dossiers: 1_000_000,
  machinesWorking: MAX_MACHINES_PER_AREA,
  hoursOpen: 24,
  downtimeMinutes: 1440,
} as const satisfies Partial<Record<FormField, number>>;

/** The figure's problem: not read, or above its box's bound; null when it is fine (or blank). */
function problemOf(
  figure: number | null | 'wholeNumber' | 'number',
  field: keyof typeof FIGURE_MAXIMA,
): FigureProblem | null {
  if (typeof figure === 'string') return figure;
  return figure !== null && figure > FIGURE_MAXIMA[field] ? 'tooLarge' : null;
}

export type ReadFigures =
  | { ok: true; report: ReportFigures }
  | { ok: false; problems: Partial<Record<FormField, FigureProblem>> };

/** A count as typed: digits only (spaces ignored); blank is null. */
function readCount(text: string): number | null | 'wholeNumber' {
  const digits = text.replace(/\s/g, '');
  if (digits === '') return null;
  return /^\d+$/.test(digits) ? Number(digits) : 'wholeNumber';
}

/** Hours as typed, `7,5` or `7.5`; blank is null. */
function readHours(text: string): number | null | 'number' {
  const written = text.replace(/\s/g, '').replace(',', '.');
  if (written === '') return null;
  return /^\d+(\.\d+)?$/.test(written) ? Number(written) : 'number';
}

/**
 * Reads the form. `latestDate` is the last day a report may be for (tomorrow in the campaign's
 * zone, as the API allows).
 *
 * @example readFigures({ date: '2021-03-20', areaCode: '665', dossiers: '1085', machinesWorking: '',
 *   hoursOpen: '19', downtimeMinutes: '', note: '' }, '2021-03-21')
 * // { ok: true, report: { date: '2021-03-20', areaCode: '665', dossiers: 1085, machinesWorking: null,
 * //   hoursOpen: 19, downtimeMinutes: null, note: null } }
 */
export function readFigures(values: FormValues, latestDate: string): ReadFigures {
  const problems: Partial<Record<FormField, FigureProblem>> = {};
  if (!isIsoDate(values.date)) problems.date = 'date';
  else if (values.date > latestDate) problems.date = 'future';
  if (values.areaCode === '') problems.areaCode = 'required';
  const dossiers = readCount(values.dossiers);
  const machinesWorking = readCount(values.machinesWorking);
  const downtimeMinutes = readCount(values.downtimeMinutes);
  const hoursOpen = readHours(values.hoursOpen);
  const figures = { dossiers, machinesWorking, hoursOpen, downtimeMinutes };
  for (const field of Object.keys(figures) as (keyof typeof figures)[]) {
    const found = problemOf(figures[field], field);
    if (found) problems[field] = found;
  }
  if (dossiers === null) problems.dossiers = 'required';
  if (
    Object.keys(problems).length > 0 ||
    typeof dossiers !== 'number' ||
    typeof machinesWorking === 'string' ||
    typeof downtimeMinutes === 'string' ||
    typeof hoursOpen === 'string'
  ) {
    return { ok: false, problems };
  }
  const note = values.note.trim();
  return {
    ok: true,
    report: {
      date: values.date,
      areaCode: values.areaCode,
      dossiers,
      machinesWorking,
      hoursOpen,
      downtimeMinutes,
      note: note === '' ? null : note,
    },
  };
}
