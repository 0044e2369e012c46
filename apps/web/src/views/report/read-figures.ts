// The form's text as figures for `recordActuals`: whole numbers for counts, hours with a decimal
// comma or point (Vietnamese writes 7,5), thousands grouped either way in a count (1.085 or 1,085),
// blanks as "not reported" (never zero), and every problem named by its field. Boxes are read as
// every other form of the app reads them (readNumber); each figure is held to the API's own bound
// here too, so that a figure the API could never take (24 hours at most, a million dossiers, …) is
// named under its box in the reader's language before it waits in the outbox to be refused.
import { isIsoDate } from '../../i18n/campaign-day.ts';
import { MAX_MACHINES_PER_AREA, readNumber } from '../../i18n/field-checks.ts';
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

export type FigureProblem =
  | 'required'
  | 'wholeNumber'
  /** The downtime box: whole minutes, said with an example of minutes rather than of dossiers. */
  | 'wholeMinutes'
  /** The machines box: whole machines, said with an example of a team's machines rather than of dossiers. */
  | 'wholeMachines'
  | 'number'
  /** `1,500` hours: 1.5 to an English reader, 1,500 to a Vietnamese one; asked again, never guessed. */
  | 'ambiguous'
  | 'date'
  | 'future'
  | 'tooLarge'
  /** More downtime than a whole day of each machine working: said with the machines (`downtimeBound`). */
  | 'aboveMachineDays';

/**
 * The largest figure the API takes in each box (apps/api `check-reports.ts` and the planning
 * library's review of reports): a million dossiers (MAX_DOSSIERS_PER_REPORT), as many machines as
 * an area may be given (MAX_MACHINES_PER_AREA), a day's 24 hours, and a day's 1,440 minutes of
 * downtime when no machines working are given (or 0): given some, 1,440 for each of them
 * ({@link downtimeBound}).
 */
export const FIGURE_MAXIMA = {
  dossiers: 1_000_000,
  machinesWorking: MAX_MACHINES_PER_AREA,
  hoursOpen: 24,
  downtimeMinutes: 1440,
} as const satisfies Partial<Record<FormField, number>>;

/** The downtime's bound with the machines working it counts: `machines × 1,440` minutes. */
export type DowntimeBound = { minutes: number; machines: number };

export type ReadFigures =
  | { ok: true; report: ReportFigures }
  | {
      ok: false;
      problems: Partial<Record<FormField, FigureProblem>>;
      /** The bound a downtime above it (`aboveMachineDays`) missed; absent for any other problem. */
      downtimeBound?: DowntimeBound;
    };

type FigureBox = keyof typeof FIGURE_MAXIMA;

/** The boxes of counts; the hours open alone take a fraction. */
const WHOLE: Record<FigureBox, boolean> = {
  dossiers: true,
  machinesWorking: true,
  hoursOpen: false,
  downtimeMinutes: true,
};

/**
 * "Downtime is at most a whole day of each machine working" (the planning library's reading of a
 * report): 1,440 machine-minutes a machine, the minutes of several added up; null when no machines
 * (or 0) are given, the box's own 1,440 then holding.
 */
function downtimeBound(machinesWorking: number | null): DowntimeBound | null {
  if (machinesWorking === null || machinesWorking === 0) return null;
  return { minutes: machinesWorking * FIGURE_MAXIMA.downtimeMinutes, machines: machinesWorking };
}

/**
 * A box's figure as typed (blank: null), or its problem. Read with no upper bound, so that a figure
 * above the box's own bound (`max`, by default its maximum) is named as such ("at most 24") rather
 * than as no number at all.
 */
function readFigure(
  text: string,
  box: FigureBox,
  max: number = FIGURE_MAXIMA[box],
): number | null | FigureProblem {
  const whole = WHOLE[box];
  const read = readNumber(text, { min: 0, max: Number.POSITIVE_INFINITY, whole });
  if ('value' in read) {
    return read.value !== null && read.value > max ? 'tooLarge' : read.value;
  }
  if (read.problem.key === 'check.ambiguous') return 'ambiguous';
  // Anything else (letters, a minus sign, a fraction of a count) is no figure for the box.
  if (!whole) return 'number';
  if (box === 'downtimeMinutes') return 'wholeMinutes';
  return box === 'machinesWorking' ? 'wholeMachines' : 'wholeNumber';
}

/**
 * Reads the form. `latestDate` is the last day a report may be for (tomorrow in the campaign's
 * zone, as the API allows).
 *
 * @example readFigures({ date: '2021-03-20', areaCode: '665', dossiers: '1.085', machinesWorking: '',
 *   hoursOpen: '19', downtimeMinutes: '', note: '' }, '2021-03-21')
 * // { ok: true, report: { date: '2021-03-20', areaCode: '665', dossiers: 1085, machinesWorking: null,
 * //   hoursOpen: 19, downtimeMinutes: null, note: null } }
 */
export function readFigures(values: FormValues, latestDate: string): ReadFigures {
  const problems: Partial<Record<FormField, FigureProblem>> = {};
  if (!isIsoDate(values.date)) problems.date = 'date';
  else if (values.date > latestDate) problems.date = 'future';
  if (values.areaCode === '') problems.areaCode = 'required';
  const dossiers = readFigure(values.dossiers, 'dossiers');
  const machinesWorking = readFigure(values.machinesWorking, 'machinesWorking');
  const hoursOpen = readFigure(values.hoursOpen, 'hoursOpen');
  // Machines that cannot be read give the downtime no bound: they are the figure to mend.
  const machinesRead = typeof machinesWorking !== 'string';
  const bound = machinesRead ? downtimeBound(machinesWorking) : null;
  const downtimeMax = !machinesRead
    ? Number.POSITIVE_INFINITY
    : (bound?.minutes ?? FIGURE_MAXIMA.downtimeMinutes);
  let downtimeMinutes = readFigure(values.downtimeMinutes, 'downtimeMinutes', downtimeMax);
  if (downtimeMinutes === 'tooLarge' && bound) downtimeMinutes = 'aboveMachineDays';
  const figures = { dossiers, machinesWorking, hoursOpen, downtimeMinutes };
  for (const box of Object.keys(figures) as FigureBox[]) {
    const found = figures[box];
    if (typeof found === 'string') problems[box] = found;
  }
  if (dossiers === null) problems.dossiers = 'required';
  if (
    Object.keys(problems).length > 0 ||
    typeof dossiers !== 'number' ||
    typeof machinesWorking === 'string' ||
    typeof downtimeMinutes === 'string' ||
    typeof hoursOpen === 'string'
  ) {
    return problems.downtimeMinutes === 'aboveMachineDays' && bound
      ? { ok: false, problems, downtimeBound: bound }
      : { ok: false, problems };
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
