// Where the phone keeps the day form as its reporter left it (a draft), so leaving the form (for
// the plan, the list, or by a phone's back button) loses nothing typed: IndexedDB through
// idb-keyval, as the outbox keeps its reports (outbox/outbox-store.ts), in a database of its own.
// One draft per signed-in reporter (the name the API gives the token's holder) and team, so on a
// shared phone a reporter never sees another's figures; signing out forgets them all. A draft is
// never sent: only the form's send button puts figures in the outbox.
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
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

export const deviceDrafts: DraftStore = {
  get: async (holder, teamCode) => (await get<ReportDraft>(keyOf(holder, teamCode), drafts())) ?? null,
  put: (draft) => set(keyOf(draft.holder, draft.teamCode), draft, drafts()),
  remove: (holder, teamCode) => del(keyOf(holder, teamCode), drafts()),
  clear: () => clear(drafts()),
};
