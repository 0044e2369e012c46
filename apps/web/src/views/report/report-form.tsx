// The day's figures entered with a thumb: one big box a figure, the numeric keyboard for counts
// and hours, the date set to today in the campaign's zone and the area to the last one reported.
// Sending puts the report in the device's outbox first, so nothing typed is lost to a bad signal;
// what is typed and not yet sent is kept as a draft (once typing pauses, and at once when the form
// goes or the page is hidden), so nothing is lost to leaving the form either. A report entered is
// said above the boxes, where the focus goes (a keyboard or screen-reader user hears where it
// stands, then tabs on into the next report's first box), and its standing is announced as it moves.
import {
  type FormEvent,
  type InputHTMLAttributes,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useSettled } from '../../hooks/use-settled.ts';
import { addDays, campaignDay, isIsoDate } from '../../i18n/campaign-day.ts';
import { formatBoxNumber, type Locale } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import type { OutboxEntry, ReportFigures } from '../../outbox/outbox-entry.ts';
import { deviceStore } from '../../session/device-store.ts';
import {
  type DowntimeBound,
  FIGURE_MAXIMA,
  type FigureProblem,
  type FormField,
  type FormValues,
  readFigures,
} from './read-figures.ts';
import type { ReporterContext } from './reporter-context.ts';

const PROBLEM_MESSAGES: Record<FigureProblem, MessageKey> = {
  required: 'report.problem.required',
  wholeNumber: 'report.problem.wholeNumber',
  wholeMinutes: 'report.problem.wholeMinutes',
  wholeMachines: 'report.problem.wholeMachines',
  number: 'report.problem.number',
  ambiguous: 'report.problem.ambiguous',
  date: 'report.problem.date',
  future: 'report.problem.future',
  tooLarge: 'report.problem.tooLarge',
  aboveMachineDays: 'report.problem.aboveMachineDays',
};

const lastAreaKey = (teamCode: string) => `reporter.${teamCode}.lastArea`;

function initialValues(
  context: ReporterContext,
  today: string,
  mending: OutboxEntry | null,
  carried: ReportFigures | null,
  locale: Locale,
): FormValues {
  // A figure as its box shows it, in the reader's way (7,5 in Vietnamese), to the digits it was
  // typed with (7,125 stays 7,125); not reported: blank.
  const text = (value: number | null) => (value === null ? '' : formatBoxNumber(locale, value, 6));
  if (mending) {
    const { report } = mending;
    return {
      date: report.date,
      areaCode: report.areaCode,
      dossiers: text(report.dossiers),
      machinesWorking: text(report.machinesWorking),
      hoursOpen: text(report.hoursOpen),
      downtimeMinutes: text(report.downtimeMinutes),
      note: report.note ?? '',
    };
  }
  if (carried) {
    return {
      date: carried.date,
      areaCode: carried.areaCode,
      dossiers: '',
      machinesWorking: text(carried.machinesWorking),
      hoursOpen: text(carried.hoursOpen),
      downtimeMinutes: '',
      note: '',
    };
  }
  const lastArea = deviceStore.get<string>(lastAreaKey(context.team.code));
  return {
    date: today,
    areaCode: context.areas.some((area) => area.code === lastArea)
      ? (lastArea ?? '')
      : (context.areas[0]?.code ?? ''),
    dossiers: '',
    machinesWorking: String(context.team.machines),
    hoursOpen: '',
    downtimeMinutes: '',
    note: '',
  };
}

/** The boxes whose text makes a draft: a date or an area chosen alone is no work to lose. */
const TYPED: readonly FormField[] = ['dossiers', 'machinesWorking', 'hoursOpen', 'downtimeMinutes', 'note'];

/** Something was typed since the form opened (or was last sent): a draft worth keeping. */
const typedSince = (opened: FormValues, values: FormValues) =>
  TYPED.some((name) => values[name] !== opened[name]);

/**
 * The draft the form opens on: one of an area the reporter still reports in (its date today when
 * its box was left blank); null for none.
 */
function restorable(
  restored: FormValues | null,
  context: ReporterContext,
  opened: FormValues,
): FormValues | null {
  if (restored === null || !context.areas.some((area) => area.code === restored.areaCode)) return null;
  return isIsoDate(restored.date) ? restored : { ...restored, date: opened.date };
}

/** The form after a send: the day's settings kept, the day's counts blank for the next area. */
const nextReport = (sent: FormValues): FormValues => ({
  ...sent,
  dossiers: '',
  downtimeMinutes: '',
  note: '',
});

/** What is typed is kept as the draft once typing pauses this long: one write, not one a keystroke. */
const DRAFT_AFTER_MS = 400;

/**
 * Hands the draft (null: none) to `keep` once typing pauses, and at once when the form goes away
 * (another view, a send's form after it) or the page is hidden (a reload, the phone's home button),
 * so the pause loses nothing typed. Returns a function that hands one over now (a send, a discard),
 * and whether what is typed still waits for the pause.
 */
function useKeptDraft(
  draft: FormValues | null,
  keep: ((values: FormValues | null) => void) | undefined,
): [keepNow: (values: FormValues | null) => void, waiting: boolean] {
  const settled = useSettled(draft, DRAFT_AFTER_MS);
  // The draft last handed over (undefined: none yet, so the form's first is, even a null that
  // forgets a draft it could not open on) and the latest typed, for the flushes.
  const kept = useRef<FormValues | null | undefined>(undefined);
  const latest = useRef(draft);
  // Before the browser may hide the page: a reload straight after a keystroke flushes that keystroke.
  useLayoutEffect(() => {
    latest.current = draft;
  }, [draft]);
  const keepNow = useCallback(
    (values: FormValues | null) => {
      if (values === kept.current) return;
      kept.current = values;
      keep?.(values);
    },
    [keep],
  );
  useEffect(() => {
    keepNow(settled);
  }, [keepNow, settled]);
  useEffect(() => {
    const flush = () => keepNow(latest.current);
    // A phone may stop a hidden page's timers, or end the page, before the pause is over.
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flushWhenHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flushWhenHidden);
      flush();
    };
  }, [keepNow]);
  return [keepNow, settled !== draft];
}

const COUNT: InputHTMLAttributes<HTMLInputElement> = {
  inputMode: 'numeric',
  autoComplete: 'off',
  enterKeyHint: 'next',
};

export function ReportForm({
  context,
  mending,
  carried = null,
  restored = null,
  onDraft,
  onEnter,
  entered = null,
}: {
  context: ReporterContext;
  /** A refused report to mend: the form opens on its figures. */
  mending: OutboxEntry | null;
  /** The report entered just before this form opened: its day's settings carry over. */
  carried?: ReportFigures | null;
  /** The draft kept on the phone from an earlier visit: the form opens on it and says so. */
  restored?: FormValues | null;
  /** Keeps what is typed and not yet sent as the draft (null: there is none); never sends it. */
  onDraft?(values: FormValues | null): void;
  onEnter(report: ReportFigures): Promise<void>;
  /**
   * The report entered last on this visit, as the outbox holds it now: said above the boxes, and
   * focused when it is a new one (the send button, disabled while it sends, would leave the focus
   * nowhere).
   */
  entered?: OutboxEntry | null;
}) {
  const { t, locale, date } = useI18n();
  const today = campaignDay(new Date(), context.timeZone);
  // The form as it opens with nothing typed; after a send, as the send leaves it.
  const [opened, setOpened] = useState(() => initialValues(context, today, mending, carried, locale));
  const [draft] = useState(() => restorable(restored, context, opened));
  const [draftShown, setDraftShown] = useState(draft !== null);
  const [values, setValues] = useState(draft ?? opened);
  const [problems, setProblems] = useState<Partial<Record<FormField, FigureProblem>>>({});
  // The machines a downtime refused as more than a whole day of each was held to, as read on sending.
  const [downtimeBound, setDowntimeBound] = useState<DowntimeBound | null>(null);
  const [busy, setBusy] = useState(false);
  const enteredSaid = useRef<HTMLParagraphElement>(null);
  const areaName = (code: string) => context.areas.find((area) => area.code === code)?.name ?? code;
  const enteredKey = entered?.key;
  useEffect(() => {
    if (enteredKey !== undefined) enteredSaid.current?.focus();
  }, [enteredKey]);

  const typed = useMemo(() => (typedSince(opened, values) ? values : null), [opened, values]);
  const [keepDraft, draftWaiting] = useKeptDraft(typed, onDraft);

  const discardDraft = () => {
    keepDraft(null);
    const fresh = initialValues(context, today, mending, carried, locale);
    setOpened(fresh);
    setValues(fresh);
    setProblems({});
    setDraftShown(false);
  };

  const field = (name: FormField) => ({
    id: `report-${name}`,
    name,
    value: values[name],
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `report-${name}-problem` : undefined,
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });
  const problem = (name: FormField) => {
    const found = problems[name];
    return found ? (
      <span id={`report-${name}-problem`} className="field-problem">
        {t(
          PROBLEM_MESSAGES[found],
          found === 'aboveMachineDays' && downtimeBound
            ? {
                max: downtimeBound.minutes,
                machines: downtimeBound.machines,
                perDay: FIGURE_MAXIMA.downtimeMinutes,
              }
            : name in FIGURE_MAXIMA
              ? { max: FIGURE_MAXIMA[name as keyof typeof FIGURE_MAXIMA] }
              : {},
        )}
      </span>
    ) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readFigures(values, addDays(today, 1));
    if (!read.ok) {
      setProblems(read.problems);
      setDowntimeBound(read.downtimeBound ?? null);
      const first = Object.keys(read.problems)[0];
      if (first) document.getElementById(`report-${first}`)?.focus();
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      deviceStore.set(lastAreaKey(context.team.code), read.report.areaCode);
      await onEnter(read.report);
      // In the outbox now: no longer a draft, even if the phone leaves the form this instant.
      keepDraft(null);
      setDraftShown(false);
      // The next report is usually the next area or the next day: keep the day's settings.
      setOpened(nextReport(values));
      setValues(nextReport);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="report-form card"
      onSubmit={submit}
      noValidate
      aria-labelledby="report-form-title"
      // Whether what is typed waits for the pause before it is kept as the draft.
      data-draft={draftWaiting ? 'waiting' : 'settled'}
    >
      <h2 id="report-form-title">{mending ? t('report.mendTitle') : t('report.formTitle')}</h2>
      {entered ? (
        <p className="report-entered" role="status" tabIndex={-1} ref={enteredSaid} data-key={entered.key}>
          {t('report.entered', {
            state: t(`outbox.state.${entered.state}`),
            date: date(entered.report.date),
            area: areaName(entered.report.areaCode),
            dossiers: t('outbox.dossiers', { count: entered.report.dossiers }),
          })}
        </p>
      ) : null}
      {draftShown && draft ? (
        <div className="report-draft" role="status">
          <p>
            {t('report.draftRestored', {
              area: areaName(draft.areaCode),
              date: date(draft.date),
            })}
          </p>
          <button type="button" onClick={discardDraft}>
            {t('report.draftDiscard')}
          </button>
        </div>
      ) : null}
      <label htmlFor="report-date">
        {t('report.date')}
        <input type="date" max={addDays(today, 1)} {...field('date')} />
        {problem('date')}
      </label>
      <label htmlFor="report-areaCode">
        {t('report.area')}
        <select {...field('areaCode')}>
          {context.areas.map((area, index) => (
            <option key={area.code} value={area.code}>
              {index === 0 ? t('report.wholeArea', { name: area.name }) : area.name}
            </option>
          ))}
        </select>
        {problem('areaCode')}
      </label>
      <label htmlFor="report-dossiers">
        {t('report.dossiers')}
        <input {...COUNT} {...field('dossiers')} />
        {problem('dossiers')}
      </label>
      <label htmlFor="report-machinesWorking">
        {t('report.machinesWorking')}
        <input {...COUNT} {...field('machinesWorking')} />
        {problem('machinesWorking')}
      </label>
      <label htmlFor="report-hoursOpen">
        {t('report.hoursOpen')}
        <input inputMode="decimal" autoComplete="off" enterKeyHint="next" {...field('hoursOpen')} />
        {problem('hoursOpen')}
      </label>
      <label htmlFor="report-downtimeMinutes">
        {t('report.downtimeMinutes')}
        <input {...COUNT} enterKeyHint="done" {...field('downtimeMinutes')} />
        {problem('downtimeMinutes')}
      </label>
      <label htmlFor="report-note">
        {t('report.note')}
        <textarea rows={2} {...field('note')} />
      </label>
      <button type="submit" className="primary big" disabled={busy}>
        {t('report.send')}
      </button>
    </form>
  );
}
