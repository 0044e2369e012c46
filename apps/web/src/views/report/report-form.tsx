// The day's figures entered with a thumb: one big box a figure, the numeric keyboard for counts
// and hours, the date set to today in the campaign's zone and the area to the last one reported.
// Sending puts the report in the device's outbox first, so nothing typed is lost to a bad signal.
import { type FormEvent, type InputHTMLAttributes, useState } from 'react';
import { addDays, campaignDay } from '../../i18n/campaign-day.ts';
import { formatBoxNumber, type Locale } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import type { OutboxEntry, ReportFigures } from '../../outbox/outbox-entry.ts';
import { deviceStore } from '../../session/device-store.ts';
import { type FigureProblem, type FormField, type FormValues, readFigures } from './read-figures.ts';
import type { ReporterContext } from './reporter-context.ts';

const PROBLEM_MESSAGES: Record<FigureProblem, MessageKey> = {
  required: 'report.problem.required',
  wholeNumber: 'report.problem.wholeNumber',
  number: 'report.problem.number',
  date: 'report.problem.date',
  future: 'report.problem.future',
};

const lastAreaKey = (teamCode: string) => `reporter.${teamCode}.lastArea`;

function initialValues(
  context: ReporterContext,
  today: string,
  draft: OutboxEntry | null,
  carried: ReportFigures | null,
  locale: Locale,
): FormValues {
  // A figure as its box shows it, in the reader's way (7,5 in Vietnamese), to the digits it was
  // typed with (7,125 stays 7,125); not reported: blank.
  const text = (value: number | null) => (value === null ? '' : formatBoxNumber(locale, value, 6));
  if (draft) {
    const { report } = draft;
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

const COUNT: InputHTMLAttributes<HTMLInputElement> = {
  inputMode: 'numeric',
  autoComplete: 'off',
  enterKeyHint: 'next',
};

export function ReportForm({
  context,
  draft,
  carried = null,
  onEnter,
}: {
  context: ReporterContext;
  /** A refused report to mend: the form opens on its figures. */
  draft: OutboxEntry | null;
  /** The report entered just before this form opened: its day's settings carry over. */
  carried?: ReportFigures | null;
  onEnter(report: ReportFigures): Promise<void>;
}) {
  const { t, locale } = useI18n();
  const today = campaignDay(new Date(), context.timeZone);
  const [values, setValues] = useState(() => initialValues(context, today, draft, carried, locale));
  const [problems, setProblems] = useState<Partial<Record<FormField, FigureProblem>>>({});
  const [busy, setBusy] = useState(false);

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
        {t(PROBLEM_MESSAGES[found])}
      </span>
    ) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readFigures(values, addDays(today, 1));
    if (!read.ok) {
      setProblems(read.problems);
      const first = Object.keys(read.problems)[0];
      if (first) document.getElementById(`report-${first}`)?.focus();
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      deviceStore.set(lastAreaKey(context.team.code), read.report.areaCode);
      await onEnter(read.report);
      // The next report is usually the next area or the next day: keep the day's settings.
      setValues((current) => ({ ...current, dossiers: '', downtimeMinutes: '', note: '' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="report-form card" onSubmit={submit} noValidate aria-labelledby="report-form-title">
      <h2 id="report-form-title">{draft ? t('report.mendTitle') : t('report.formTitle')}</h2>
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
