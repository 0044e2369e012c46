// Where the phone keeps its reports: IndexedDB (through idb-keyval), which survives a closed tab,
// a restart and the loss of signal, and holds far more than localStorage. One record per
// report, keyed by its idempotency key.
import { createStore, del, set, type UseStore, values } from 'idb-keyval';
import type { OutboxEntry } from './outbox-entry.ts';

export type OutboxStore = {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
};

let database: UseStore | null = null;

/** Opened on first use, so a planner's visit never creates the database. */
function reports(): UseStore {
  database ??= createStore('muster-outbox', 'reports');
  return database;
}

export const deviceOutbox: OutboxStore = {
  all: () => values<OutboxEntry>(reports()),
  put: (entry) => set(entry.key, entry, reports()),
  remove: (key) => del(key, reports()),
};
