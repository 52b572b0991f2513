import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints';
import { loadSession, saveSession, setUnauthorizedHandler } from '../../api/http';
import type { AuthResponse, User } from '../../api/types';
import { navigate } from '../../app/router';

interface Auth {
  session: AuthResponse | null;
  user: User | null;
  signIn: (email: string, password: string) => Promise<User>;
  signOut: () => void;
  changePassword: (currentPassword: string, newPassword: string) => Promise<User>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<AuthResponse | null>(() => loadSession());

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
    navigate('/signin', true);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
  }, [signOut]);

  // A token that expires while the page is open sends the user back to sign-in.
  useEffect(() => {
    if (!session?.expiresAt) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    if (!(left > 0) || left > 2 ** 31 - 1) return;
    const timer = setTimeout(signOut, left);
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await api.signIn(email, password);
    saveSession(result);
    setSession(result);
    return result.user;
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const result = await api.changePassword(currentPassword, newPassword);
    saveSession(result);
    setSession(result);
    return result.user;
  }, []);

  const value = useMemo(
    () => ({ session, user: session?.user ?? null, signIn, signOut, changePassword }),
    [session, signIn, signOut, changePassword],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The screen a role lands on after sign-in. */
export function homeFor(user: User | null): string {
  switch (user?.role) {
    case 'admin':
      return '/designer';
    case 'head':
      return '/dashboard';
    default:
      return '/workspace';
  }
}
