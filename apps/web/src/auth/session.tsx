import { createKontaktpunktClient, KontaktpunktClient, Schema } from '@kp/client';
import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetOidcUser } from './oidc';

export type Actor = Schema<'Actor'>;

export interface Session {
  token: string;
  actor: Actor;
}

interface SessionContextValue {
  session?: Session;
  signIn(session: Session): void;
  /** A renewed access token for the same person (OIDC refresh). */
  renew(token: string): void;
  signOut(): void;
  /** The typed client, with this session's token and the chosen language on every request. */
  api: KontaktpunktClient;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/**
 * The signed-in person, kept in memory only: never in the URL, localStorage or a cookie, so a page
 * reload signs out. With OIDC, oidc-client-ts renews the token in memory (auth/oidc.ts) and `renew`
 * hands each new one to the client.
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
  const renew = useCallback((token: string) => setSession((current) => current && { ...current, token }), []);
  const signOut = useCallback(() => {
    setSession(undefined);
    void forgetOidcUser();
  }, []);
  const value = useMemo(() => ({ session, signIn: setSession, renew, signOut, api }), [session, renew, signOut, api]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const useApi = (): KontaktpunktClient => useSession().api;
