// The reporter's home: who reports for which team and area, whether the phone has signal, the
// day's form, and the reports kept on this phone with where each stands. It opens with no signal
// after a first visit (the service worker keeps the app, the device its reporter and reports).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { Loading, Problem } from '../../components/problem.tsx';
import { SpreadsheetImport } from '../../components/spreadsheet-import.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOutbox } from '../../outbox/outbox.tsx';
import type { OutboxEntry, ReportFigures } from '../../outbox/outbox-entry.ts';
import { waitsFor } from '../../outbox/outbox-entry.ts';
import { paths } from '../../routes.ts';
import { signedIn } from '../../session/session.tsx';
import { useViewer, type Viewer } from '../../session/viewer.tsx';
import { connectionMessages } from './connection-message.ts';
import { deviceDrafts } from './draft-store.ts';
import type { FormValues } from './read-figures.ts';
import { ReportForm } from './report-form.tsx';
import { ReportList } from './report-list.tsx';
import { type ReporterContext, useReporterContext } from './reporter-context.ts';

/** Whether reports wait, and why: no signal, no answer, or a sign-in to renew. */
function Connection() {
  const { t } = useI18n();
  const { entries, holder, online, problem, sending, settled, sendNow } = useOutbox();
  const pending = entries.filter((entry) => entry.state === 'pending');
  // A teammate's report waits for that teammate's sign-in, not for the signal.
  const teammates = holder === null ? [] : pending.filter((entry) => waitsFor(entry, holder) !== null);
  const waiting = pending.length - teammates.length;
  const refused = entries.filter((entry) => entry.state === 'refused').length;
  const messages = connectionMessages({ online, waiting, refused, sending, problem });
  return (
    <div
      className={`connection connection-${online ? 'online' : 'offline'}`}
      role="status"
      data-waiting={waiting}
      data-refused={refused}
      // Whether the outbox has read the phone's reports and sends none now (the stories wait on it).
      data-outbox={settled ? 'settled' : 'working'}
    >
      {messages.map(({ key, count }) => (
        <p key={key}>{t(key, { count })}</p>
      ))}
      {teammates.length > 0 ? (
        <p data-testid="teammates-waiting">{t('outbox.teammatesWaiting', { count: teammates.length })}</p>
      ) : null}
      {problem === 'unauthenticated' && waiting > 0 ? (
        <p>
          <Link href={paths.signIn}>{t('signIn.again')}</Link>
        </p>
      ) : waiting > 0 && online && !sending ? (
        <button type="button" onClick={sendNow}>
          {t('outbox.sendNow')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The form for a new report, opened on the draft its reporter left on this phone (read before the
 * form shows, so nothing typed meanwhile is overwritten), and keeping what is typed as the draft.
 */
function DraftedReportForm({
  viewer,
  context,
  carried,
  entered,
  onEnter,
}: {
  viewer: Viewer;
  context: ReporterContext;
  carried: ReportFigures | null;
  entered: OutboxEntry | null;
  onEnter(report: ReportFigures): Promise<void>;
}) {
  const holder = viewer.name;
  const teamCode = context.team.code;
  // undefined while the phone is asked; null: no draft.
  const [restored, setRestored] = useState<FormValues | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    deviceDrafts.get(holder, teamCode).then(
      (draft) => current && setRestored(draft?.values ?? null),
      // Storage refused (a private window): the form still works, without drafts.
      () => current && setRestored(null),
    );
    return () => {
      current = false;
    };
  }, [holder, teamCode]);
  const keep = useCallback(
    (values: FormValues | null) => {
      // Signing out forgot every draft (app.tsx); the one the form hands over as it goes must not
      // bring its reporter's figures back.
      if (values !== null && !signedIn()) return;
      const kept =
        values === null
          ? deviceDrafts.remove(holder, teamCode)
          : deviceDrafts.put({ holder, teamCode, values, savedAt: new Date().toISOString() });
      kept.catch(() => {
        // As above: the figures stay on screen for this visit.
      });
    },
    [holder, teamCode],
  );
  if (restored === undefined) return <Loading />;
  return (
    <ReportForm
      context={context}
      mending={null}
      carried={carried}
      restored={restored}
      onDraft={keep}
      onEnter={onEnter}
      entered={entered}
    />
  );
}

function ReporterHome({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const { context, fetching, error, retry } = useReporterContext(viewer);
  const outbox = useOutbox();
  const [mending, setMending] = useState<OutboxEntry | null>(null);
  // The report just entered from a mended one: the next form keeps its day's settings (its date
  // above all), as it does after any report.
  const [carried, setCarried] = useState<ReportFigures | null>(null);
  // The report entered last on this visit, said above the next form (its standing as it moves);
  // another reporter signed in on this phone is not told of it.
  const [last, setLast] = useState<{ key: string; holder: string } | null>(null);
  const entered =
    last?.holder === viewer.name ? (outbox.entries.find((entry) => entry.key === last.key) ?? null) : null;
  const areaNames = useMemo(() => new Map(context?.areas.map((area) => [area.code, area.name])), [context]);
  if (!context) {
    if (error) return <Problem error={error} onRetry={retry} />;
    return fetching ? <Loading /> : <p role="alert">{t('report.noTeam')}</p>;
  }
  const home = context.areas[0];
  return (
    <section className="report">
      <h1>{t('report.title')}</h1>
      <p className="report-who">
        <span data-testid="report-team">{context.team.name}</span>
        {/* The dot keeps to the name it introduces (a no-break space): never alone at a line's end. */}
        {home ? (
          <span>
            <span className="separator">·</span>&nbsp;<span data-testid="report-area">{home.name}</span>
          </span>
        ) : null}
      </p>
      <Connection />
      {mending ? (
        <ReportForm
          key={mending.key}
          context={context}
          mending={mending}
          carried={carried}
          onEnter={async (report) => {
            const entry = await outbox.enter(report);
            await outbox.discard(mending.key);
            setCarried(report);
            setLast({ key: entry.key, holder: viewer.name });
            setMending(null);
          }}
        />
      ) : (
        <DraftedReportForm
          // Another reporter signed in on this phone gets a form of their own, never this one's figures.
          key={JSON.stringify([viewer.name, context.team.code])}
          viewer={viewer}
          context={context}
          carried={carried}
          entered={entered}
          onEnter={async (report) => {
            const entry = await outbox.enter(report);
            setLast({ key: entry.key, holder: viewer.name });
          }}
        />
      )}
      <ReportList
        entries={outbox.entries}
        holder={viewer.name}
        areaNames={areaNames}
        timeZone={context.timeZone}
        onMend={(entry) => {
          // The mending form opens where the focus is (the button pressed), not on the last report.
          setLast(null);
          setMending(entry);
          window.scrollTo({ top: 0 });
        }}
        onDiscard={(entry) => void outbox.discard(entry.key)}
        onTakeOver={(entry) => void outbox.takeOver(entry.key)}
      />
      <SpreadsheetImport kind="reports" />
    </section>
  );
}

export default function ReportView() {
  const { t } = useI18n();
  const { viewer, abilities, fetching, error } = useViewer();
  if (!viewer) {
    if (error) return <Problem error={error} />;
    if (fetching) return <Loading />;
    return (
      <p>
        <Link href={paths.signIn}>{t('signIn.title')}</Link>
      </p>
    );
  }
  if (!abilities.reportsDays) return <p role="alert">{t('report.onlyReporters')}</p>;
  return <ReporterHome viewer={viewer} />;
}
