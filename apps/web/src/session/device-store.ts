// What the app keeps on this device (localStorage, under one prefix): the sign-in token, the
// language, the viewer last named for the token and a reporter's team and areas (so the app opens
// with no signal). The reports themselves wait in IndexedDB (outbox/outbox-store.ts).
const PREFIX = 'muster.';

export const deviceStore = {
  get<T>(key: string): T | null {
    try {
      const raw = localStorage.getItem(PREFIX + key);
      return raw === null ? null : (JSON.parse(raw) as T);
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown): void {
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Private windows and full storage refuse: the app still works for this visit.
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      // As above.
    }
  },
};
