// The reports on this phone, the latest first, each as sent, pending or refused: a sent one says
// what the API did with it (recorded, a correction, or already there) and, greyed, which later
// report of its day, area and team the API holds instead of it, a pending one how often it
// was tried (or, a teammate's on a shared phone, that it waits for that teammate's sign-in), a
// refused one which figure and why (the API's own English sentence on an English page only), with
// a way to mend it or let it go. A teammate's may be taken over or discarded by the signed-in
// reporter (its own may never sign in under that name again), each after a confirm step in place
// of the buttons: a browser's confirm dialog reads badly on a phone.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OutboxEntry, waitsFor } from '../../outbox/outbox-entry.ts';
import { replacedEntries } from '../../outbox/replaced-entries.ts';
import { refusalWords } from './refusal-words.ts';
import { warningWords } from './warning-words.ts';

function Figures({ entry }: { entry: OutboxEntry }) {
  const { t } = useI18n();
  const { report } = entry;
  const parts = [t('outbox.dossiers', { count: report.dossiers })];
  if (report.machinesWorking !== null) parts.push(t('outbox.machines', { count: report.machinesWorking }));
  if (report.hoursOpen !== null) parts.push(t('outbox.hours', { count: report.hoursOpen }));
  if (report.downtimeMinutes !== null) parts.push(t('outbox.downtime', { count: report.downtimeMinutes }));
  return <p className="outbox-figures">{parts.join(' · ')}</p>;
}

function Standing({
  entry,
  teammate,
  replacedBy,
  timeZone,
}: {
  entry: OutboxEntry;
  /** The teammate this pending report waits for; null when it is the signed-in reporter's. */
  teammate: string | null;
  /** The later report of the same day, area and team the API holds instead of this sent one. */
  replacedBy: OutboxEntry | undefined;
  timeZone: string;
}) {
  const { t, instant, locale } = useI18n();
  if (teammate !== null) return <p className="muted">{t('outbox.waitsFor', { name: teammate })}</p>;
  if (entry.state === 'sent' && entry.receipt) {
    // A replaced report's warnings were about figures the API no longer counts.
    const warnings = replacedBy ? [] : (entry.receipt.warnings ?? []);
    return (
      <>
        <p className="muted">
          {t(`outbox.outcome.${entry.receipt.outcome}`)} · {instant(entry.receipt.at, timeZone)}
        </p>
        {replacedBy?.receipt ? (
          <p className="outbox-replaced">
            {t('outbox.replacedBy', {
              dossiers: t('outbox.dossiers', { count: replacedBy.report.dossiers }),
              at: instant(replacedBy.receipt.at, timeZone),
            })}
          </p>
        ) : null}
        {warnings.length > 0 ? (
          <div className="report-warnings" data-warnings={warnings.map((w) => w.code).join(' ')}>
            <p>{t('warning.title')}</p>
            <ul>
              {warnings.map((warning) => (
                <li key={`${warning.code}-${warning.field}`}>{t(warningWords(warning.code))}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </>
    );
  }
  if (entry.state === 'refused' && entry.refusal) {
    const { field, reason } = refusalWords(entry.refusal);
    return (
      <>
        <p className="refusal">{field ? `${t(field)}: ${t(reason)}.` : `${t(reason)}.`}</p>
        {/* The API speaks English: its sentence adds the figures it judged on an English page,
            and is noise in a language the reporter may not read on a Vietnamese one. */}
        {locale === 'en' ? (
          <p className="muted">
            {t('outbox.apiSaid')} “{entry.refusal.message}”
          </p>
        ) : null}
      </>
    );
  }
  return (
    <p className="muted">
      {entry.attempts === 0 ? t('outbox.notTried') : t('outbox.tried', { count: entry.attempts })}
    </p>
  );
}

/** Send as mine / Discard on a teammate's waiting report, each confirmed in place. */
function WaitingActions({
  teammate,
  onTakeOver,
  onDiscard,
}: {
  teammate: string;
  onTakeOver(): void;
  onDiscard(): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<'takeOver' | 'discard' | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  // The confirm step replaces the button just pressed: the focus follows it.
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  if (confirming === null) {
    return (
      <p className="links">
        <button type="button" onClick={() => setConfirming('takeOver')}>
          {t('outbox.takeOver')}
        </button>
        <button type="button" onClick={() => setConfirming('discard')}>
          {t('outbox.discardWaiting')}
        </button>
      </p>
    );
  }
  return (
    <div className="outbox-confirm" data-confirming={confirming}>
      <p>
        {confirming === 'takeOver'
          ? t('outbox.takeOverNote', { name: teammate })
          : t('outbox.discardWaitingNote')}
      </p>
      <p className="links">
        <button
          ref={confirm}
          type="button"
          onClick={() => {
            setConfirming(null);
            if (confirming === 'takeOver') onTakeOver();
            else onDiscard();
          }}
        >
          {confirming === 'takeOver' ? t('outbox.confirmTakeOver') : t('outbox.confirmDiscard')}
        </button>
        <button type="button" onClick={() => setConfirming(null)}>
          {t('outbox.cancel')}
        </button>
      </p>
    </div>
  );
}

export function ReportList({
  entries,
  holder,
  areaNames,
  timeZone,
  onMend,
  onDiscard,
  onTakeOver,
}: {
  entries: OutboxEntry[];
  /** The signed-in reporter: a teammate's report is listed as waiting for its own reporter. */
  holder: string;
  areaNames: ReadonlyMap<string, string>;
  timeZone: string;
  onMend(entry: OutboxEntry): void;
  onDiscard(entry: OutboxEntry): void;
  /** A teammate's waiting report made the signed-in reporter's, to be sent with their sign-in. */
  onTakeOver(entry: OutboxEntry): void;
}) {
  const { t, date } = useI18n();
  const replaced = replacedEntries(entries);
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      {entries.length === 0 ? <p className="muted">{t('outbox.none')}</p> : null}
      <ul className="outbox-list">
        {entries.map((entry) => {
          const teammate = entry.state === 'pending' ? waitsFor(entry, holder) : null;
          const replacedBy = replaced.get(entry.key);
          const standing = replacedBy ? 'replaced' : entry.state;
          return (
            <li
              key={entry.key}
              className="card"
              data-key={entry.key}
              data-state={entry.state}
              data-waits-for={teammate ?? undefined}
              data-replaced-by={replacedBy?.key}
            >
              <p className="outbox-head">
                <strong>{date(entry.report.date)}</strong>
                <span>{areaNames.get(entry.report.areaCode) ?? entry.report.areaCode}</span>
                <span className={`report-state report-state-${standing}`}>
                  {t(`outbox.state.${standing}`)}
                </span>
              </p>
              <Figures entry={entry} />
              <Standing entry={entry} teammate={teammate} replacedBy={replacedBy} timeZone={timeZone} />
              {entry.state === 'refused' ? (
                <p className="links">
                  <button type="button" onClick={() => onMend(entry)}>
                    {t('outbox.mend')}
                  </button>
                  <button type="button" onClick={() => onDiscard(entry)}>
                    {t('outbox.discard')}
                  </button>
                </p>
              ) : null}
              {teammate !== null ? (
                <WaitingActions
                  teammate={teammate}
                  onTakeOver={() => onTakeOver(entry)}
                  onDiscard={() => onDiscard(entry)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
