// The form's text as figures for `recordActuals`: whole numbers for counts, hours with a decimal
// comma or point (Vietnamese writes 7,5), blanks as "not reported" (never zero), and every
// problem named by its field. Ranges (24 hours at most, …) are the API's to judge: a report kept
// offline is judged there anyway, and its refusal comes back with the reason.
import { isIsoDate } from '../../i18n/campaign-day.ts';
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

export type FigureProblem = 'required' | 'wholeNumber' | 'number' | 'date' | 'future';

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
  if (dossiers === null) problems.dossiers = 'required';
  else if (dossiers === 'wholeNumber') problems.dossiers = 'wholeNumber';
  const machinesWorking = readCount(values.machinesWorking);
  if (machinesWorking === 'wholeNumber') problems.machinesWorking = 'wholeNumber';
  const downtimeMinutes = readCount(values.downtimeMinutes);
  if (downtimeMinutes === 'wholeNumber') problems.downtimeMinutes = 'wholeNumber';
  const hoursOpen = readHours(values.hoursOpen);
  if (hoursOpen === 'number') problems.hoursOpen = 'number';
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
