// Who is signed in on this device: a bearer token kept in the device store, and the viewer the API
// names for it. Changing the token makes a new client, so nothing cached for one caller is shown
// to the next. A token the API has refused (revoked or renewed mid-session) stays kept until its
// holder signs in again, marked refused: the header no longer names its holder.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createApiClient } from '../graphql/client.ts';
import { deviceStore } from './device-store.ts';
import { setGraphiQLToken } from './graphiql-token.ts';

type Session = {
  token: string | null;
  /** The API refused `token` on a request since it was signed in with (revoked, expired, renewed). */
  refused: boolean;
  signIn(token: string): void;
  signOut(): void;
};

const SessionContext = createContext<Session | null>(null);

/** The device store's key of the viewer last named for the token (session/viewer.tsx). */
export const REMEMBERED_VIEWER = 'viewer';

/** `token` leaves GraphiQL's headers (app.tsx gave it there when GraphiQL was opened). */
function takeFromGraphiQL(token: string): void {
  try {
    setGraphiQLToken(localStorage, token, false);
  } catch {
    // Storage refused: nothing was given to GraphiQL either.
  }
}

/** The token kept on this device leaves GraphiQL's headers too. */
function forgetKeptToken(): void {
  const kept = deviceStore.get<string>('token');
  if (kept !== null) takeFromGraphiQL(kept);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => deviceStore.get<string>('token'));
  // The token an answer refused: signing in (again) starts unrefused.
  const [refusedToken, setRefusedToken] = useState<string | null>(null);
  const signIn = useCallback((next: string) => {
    forgetKeptToken();
    deviceStore.set('token', next);
    deviceStore.remove(REMEMBERED_VIEWER);
    setRefusedToken(null);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    forgetKeptToken();
    deviceStore.remove('token');
    deviceStore.remove(REMEMBERED_VIEWER);
    setToken(null);
  }, []);
  // A refused token also leaves a GraphiQL opened before: it would send it on, refused.
  const client = useMemo(
    () =>
      createApiClient(token, () => {
        setRefusedToken(token);
        if (token !== null) takeFromGraphiQL(token);
      }),
    [token],
  );
  const refused = token !== null && refusedToken === token;
  const session = useMemo(() => ({ token, refused, signIn, signOut }), [token, refused, signIn, signOut]);
  return (
    <SessionContext.Provider value={session}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

/**
 * Whether a token is kept on this device at this instant: false from the moment of a sign-out,
 * before any render shows it (the report form's last draft, kept as the form goes, asks).
 */
export function signedIn(): boolean {
  return deviceStore.get<string>('token') !== null;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
