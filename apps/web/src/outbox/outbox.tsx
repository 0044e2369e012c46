// The reporter's outbox: every report entered on this phone goes to the device first and is sent
// from there, at once when there is signal, else when the connection returns (the `online`
// event), when the app comes back to the screen or opens again, and meanwhile on a doubling
// timer. Reports are sent one at a time, oldest first, each with the key made when it was
// entered, so a resend after a lost answer counts once. Only the signed-in reporter's own reports
// are sent with its token, so the API records each as its own reporter's: another team's wait on
// the device unseen, and a teammate's on a shared phone wait listed for that teammate's sign-in
// (losing their unsent work at a sign-out would be worse than the wait), until a signed-in
// teammate takes one over (its reporter will not sign in under that name again) or discards it.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useClient } from 'urql';
import type { ProblemKind } from '../graphql/problem.ts';
import { useViewer } from '../session/viewer.tsx';
import { enterReport, type OutboxEntry, type ReportFigures, takeOver, waitsFor } from './outbox-entry.ts';
import { deviceOutbox, type OutboxStore } from './outbox-store.ts';
import { retryDelayMs } from './retry-delay.ts';
import { sendReport } from './send-report.ts';

/** Sent reports stay listed this long after they were entered, then leave the device. */
const KEEP_SENT_MS = 30 * 24 * 3600_000;

export type Outbox = {
  /** The team whose reports these are; null when the caller is not a reporter. */
  teamCode: string | null;
  /** The signed-in reporter (the token holder's name); null when the caller is not a reporter. */
  holder: string | null;
  /** This team's reports on the device, the latest entered first (a teammate's among them). */
  entries: OutboxEntry[];
  /** Why the last try got no answer, while reports wait; null once one is answered. */
  problem: ProblemKind | null;
  /** The browser says it has a network connection (a weak signal may still carry nothing). */
  online: boolean;
  sending: boolean;
  /**
   * The reports on the device have been read since the sign-in and none is being sent: what waits,
   * waits for its next try, the signal or its teammate.
   */
  settled: boolean;
  /** Keeps the report on the device with a new key, and sends it when it can. */
  enter(report: ReportFigures): Promise<OutboxEntry>;
  discard(key: string): Promise<void>;
  /**
   * Makes a teammate's pending report the signed-in reporter's, and sends it with their sign-in
   * (the API records them as its sender). A report sent or gone meanwhile is left as it is.
   */
  takeOver(key: string): Promise<void>;
  /** Tries the pending reports now instead of at the next scheduled try. */
  sendNow(): void;
};

const OutboxContext = createContext<Outbox | null>(null);

const byEntered = (a: OutboxEntry, b: OutboxEntry) => a.enteredAt.localeCompare(b.enteredAt);

export function OutboxProvider({
  children,
  store = deviceOutbox,
}: {
  children: ReactNode;
  store?: OutboxStore;
}) {
  const client = useClient();
  const { viewer } = useViewer();
  const teamCode = viewer?.role === 'REPORTER' ? viewer.teamCode : null;
  const holder = viewer?.role === 'REPORTER' ? viewer.name : null;
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [problem, setProblem] = useState<ProblemKind | null>(null);
  const [sending, setSending] = useState(false);
  const [settled, setSettled] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const controls = useRef({ flush: () => {}, refresh: () => {} });

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  useEffect(() => {
    setEntries([]);
    setProblem(null);
    setSettled(false);
    if (!teamCode || holder === null) return;
    let stopped = false;
    let running = false;
    let again = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const refresh = async (): Promise<OutboxEntry[]> => {
      const mine = (await store.all()).filter((entry) => entry.teamCode === teamCode).sort(byEntered);
      if (!stopped) setEntries([...mine].reverse());
      return mine;
    };

    const prune = async () => {
      const oldest = Date.now() - KEEP_SENT_MS;
      for (const entry of await store.all()) {
        if (entry.state === 'sent' && Date.parse(entry.enteredAt) < oldest) await store.remove(entry.key);
      }
    };

    const flush = async (): Promise<void> => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      setSettled(false);
      clearTimeout(timer);
      try {
        do {
          again = false;
          const pending = (await refresh()).filter(
            (entry) => entry.state === 'pending' && waitsFor(entry, holder) === null,
          );
          if (pending.length > 0) setSending(true);
          for (const entry of pending) {
            const outcome = await sendReport(client, entry);
            if (stopped) return;
            if (outcome.state === 'kept') {
              await store.put({
                ...entry,
                attempts: entry.attempts + 1,
                lastAttemptAt: new Date().toISOString(),
              });
              setProblem(outcome.problem);
              // A sign-in no longer valid waits for the next sign-in (a new client restarts this).
              if (outcome.problem !== 'unauthenticated') {
                failures += 1;
                timer = setTimeout(() => void flush(), retryDelayMs(failures));
              }
              return;
            }
            failures = 0;
            setProblem(null);
            await store.put(
              outcome.state === 'sent'
                ? { ...entry, state: 'sent', receipt: outcome.receipt, refusal: null }
                : { ...entry, state: 'refused', refusal: outcome.refusal },
            );
            await refresh();
          }
        } while (again && !stopped);
      } finally {
        running = false;
        if (!stopped) {
          setSending(false);
          void refresh().then(() => {
            if (!stopped && !running) setSettled(true);
          });
        }
      }
    };

    const tryAtOnce = () => {
      failures = 0;
      void flush();
    };
    const whenShown = () => {
      if (document.visibilityState === 'visible') void flush();
    };
    window.addEventListener('online', tryAtOnce);
    document.addEventListener('visibilitychange', whenShown);
    controls.current = { flush: tryAtOnce, refresh: () => void refresh() };
    // The app opened (or the reporter signed in): whatever waits is tried now.
    void prune().then(flush);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', tryAtOnce);
      document.removeEventListener('visibilitychange', whenShown);
      controls.current = { flush: () => {}, refresh: () => {} };
    };
  }, [client, teamCode, holder, store]);

  const enter = useCallback(
    async (report: ReportFigures) => {
      if (!teamCode || holder === null) throw new Error('only a reporter enters reports');
      const entry = enterReport(teamCode, holder, report, new Date());
      await store.put(entry);
      controls.current.refresh();
      controls.current.flush();
      return entry;
    },
    [teamCode, holder, store],
  );
  const discard = useCallback(
    async (key: string) => {
      await store.remove(key);
      controls.current.refresh();
    },
    [store],
  );
  const takeOverReport = useCallback(
    async (key: string) => {
      if (!teamCode || holder === null) throw new Error('only a reporter sends reports');
      const entry = (await store.all()).find((kept) => kept.key === key && kept.teamCode === teamCode);
      if (entry?.state !== 'pending') return;
      await store.put(takeOver(entry, holder));
      controls.current.refresh();
      controls.current.flush();
    },
    [teamCode, holder, store],
  );
  const sendNow = useCallback(() => controls.current.flush(), []);

  const outbox = useMemo<Outbox>(
    () => ({
      teamCode,
      holder,
      entries,
      problem,
      online,
      sending,
      settled,
      enter,
      discard,
      takeOver: takeOverReport,
      sendNow,
    }),
    [teamCode, holder, entries, problem, online, sending, settled, enter, discard, takeOverReport, sendNow],
  );
  return <OutboxContext.Provider value={outbox}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox outside OutboxProvider');
  return outbox;
}
