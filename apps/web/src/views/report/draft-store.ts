// Where the phone keeps the day form as its reporter left it (a draft), so leaving the form (for
// the plan, the list, or by a phone's back button) loses nothing typed: IndexedDB through
// idb-keyval, as the outbox keeps its reports (outbox/outbox-store.ts), in a database of its own.
// One draft per signed-in reporter (the name the API gives the token's holder) and team, so on a
// shared phone a reporter never sees another's figures; signing out forgets them all. A draft is
// written once typing pauses, not at every keystroke (report-form.tsx), and is never sent: only the
// form's send button puts figures in the outbox.
import { clear, createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';
import type { FormValues } from './read-figures.ts';

export type ReportDraft = {
  /** Who typed it: the name the API gives the signed-in token's holder. */
  holder: string;
  teamCode: string;
  /** The form's boxes as typed, its date and area among them. */
  values: FormValues;
  /** When it was last typed in, ISO instant. */
  savedAt: string;
};

export type DraftStore = {
  get(holder: string, teamCode: string): Promise<ReportDraft | null>;
  put(draft: ReportDraft): Promise<void>;
  remove(holder: string, teamCode: string): Promise<void>;
  /** Forgets every reporter's draft on the device. */
  clear(): Promise<void>;
};

let database: UseStore | null = null;

/** Opened on first use, so a planner's visit never creates the database. */
function drafts(): UseStore {
  database ??= createStore('muster-drafts', 'drafts');
  return database;
}

const keyOf = (holder: string, teamCode: string) => JSON.stringify([holder, teamCode]);

/**
 * A write committed at once rather than when the page's task ends: the form hands over its last
 * keystrokes as the page is hidden (report-form.tsx), and a reload tears the page down before then.
 */
function committed(write: (store: IDBObjectStore) => void): Promise<void> {
  return drafts()('readwrite', (store) => {
    write(store);
    // Browsers before 2020 have no commit(): there the write ends with the task, as before.
    store.transaction.commit?.();
    return promisifyRequest(store.transaction);
  });
}

export const deviceDrafts: DraftStore = {
  get: async (holder, teamCode) => (await get<ReportDraft>(keyOf(holder, teamCode), drafts())) ?? null,
  put: (draft) => committed((store) => store.put(draft, keyOf(draft.holder, draft.teamCode))),
  remove: (holder, teamCode) => committed((store) => store.delete(keyOf(holder, teamCode))),
  clear: () => clear(drafts()),
};
