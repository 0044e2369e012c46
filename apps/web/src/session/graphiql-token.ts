// The API's GraphiQL (/graphql, on the app's own origin) keeps its editors in localStorage under
// `graphiql:` (graphql-yoga's GraphiQL persists headers): the headers editor's text in
// `graphiql:headers`, read when the page opens, and every tab with its own headers text in
// `graphiql:tabState`. The app writes the signed-in planner's token there as the Authorization
// header when they open GraphiQL from it, never in the address (an address lands in server logs and
// the browser's history), and takes that token out again when they sign out.

/** What of `localStorage` this needs (a test gives a Map-backed one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const HEADERS_KEY = 'graphiql:headers';
const TABS_KEY = 'graphiql:tabState';

type Headers = Record<string, unknown>;

function parseHeaders(text: string | null): Headers | null {
  if (text === null || text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Headers)
      : null;
  } catch {
    return null;
  }
}

/** A headers text with the change made; null: no headers left. */
function changed(text: string | null, token: string, give: boolean): string | null {
  const bearer = `Bearer ${token}`;
  const headers = parseHeaders(text);
  if (headers === null) {
    // Text GraphiQL itself could not send: replaced when giving, dropped when it holds the token.
    if (give) return JSON.stringify({ Authorization: bearer }, null, 2);
    return text?.includes(token) ? null : text;
  }
  const kept = Object.entries(headers).filter(([name, value]) =>
    // Giving replaces whatever token was there; taking back removes only this one, so a token a
    // developer typed in by hand stays.
    give ? name.toLowerCase() !== 'authorization' : value !== bearer,
  );
  const next = Object.fromEntries(give ? [...kept, ['Authorization', bearer]] : kept);
  if (!give && kept.length === Object.keys(headers).length) return text;
  return Object.keys(next).length === 0 ? null : JSON.stringify(next, null, 2);
}

/**
 * Gives GraphiQL `token` as its Authorization header (`give: true`: the headers editor and every
 * stored tab), or takes that token's header out of them (`give: false`); other headers stay.
 *
 * @example setGraphiQLToken(localStorage, 'tok3n', true);
 * // localStorage['graphiql:headers'] === '{\n  "Authorization": "Bearer tok3n"\n}'
 */
export function setGraphiQLToken(storage: KeyValueStorage, token: string, give: boolean): void {
  const write = (key: string, value: string | null) => {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  };
  const headers = storage.getItem(HEADERS_KEY);
  if (give || headers !== null) write(HEADERS_KEY, changed(headers, token, give));
  const tabsText = storage.getItem(TABS_KEY);
  if (tabsText === null) return;
  let tabState: unknown;
  try {
    tabState = JSON.parse(tabsText);
  } catch {
    return;
  }
  const tabs = (tabState as { tabs?: unknown } | null)?.tabs;
  if (!Array.isArray(tabs)) return;
  // Every tab, so the one GraphiQL opens on (the last query with these headers) is found among
  // them rather than added again beside it, and no tab keeps a token signed out of.
  const next = tabs.map((tab: unknown) => {
    if (typeof tab !== 'object' || tab === null) return tab;
    const own = (tab as { headers?: unknown }).headers;
    const text = typeof own === 'string' ? own : null;
    if (!give && text === null) return tab;
    return { ...tab, headers: changed(text, token, give) };
  });
  write(TABS_KEY, JSON.stringify({ ...(tabState as object), tabs: next }));
}
