import { createKontaktpunktClient, KontaktpunktClient, Schema } from '@kp/client';
import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Actor = Schema<'Actor'>;

export interface Session {
  token: string;
  actor: Actor;
}

interface SessionContextValue {
  session?: Session;
  signIn(session: Session): void;
  signOut(): void;
  /** The typed client, with this session's token and the chosen language on every request. */
  api: KontaktpunktClient;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/**
 * The signed-in person, kept in memory only: never in the URL, localStorage or a cookie, so a page
 * reload signs out (development sign-in has no refresh token to restore it).
 */
export function SessionProvider({ children, initial, fetch }: { children: ReactNode; initial?: Session; fetch?: typeof globalThis.fetch }) {
  const [session, setSession] = useState<Session | undefined>(initial);
  const { i18n } = useTranslation();
  const language = i18n.language;
  const api = useMemo(
    () =>
      createKontaktpunktClient({
        baseUrl: window.location.origin,
        fetch,
        headers: { 'Accept-Language': language, ...(session ? { Authorization: `Bearer ${session.token}` } : {}) },
      }),
    [session, language, fetch],
  );
  const signOut = useCallback(() => setSession(undefined), []);
  const value = useMemo(() => ({ session, signIn: setSession, signOut, api }), [session, signOut, api]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const useApi = (): KontaktpunktClient => useSession().api;
