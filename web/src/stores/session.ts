/** The signed-in user (or none), shared by every page. */
import { useSyncExternalStore } from 'react';
import { api, onUnauthenticated, setCsrfToken } from '../api/client';
import type { Me, Role } from '../api/types';

type State = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

let state: State = { status: 'loading' };
const listeners = new Set<() => void>();
function set(next: State): void {
  state = next;
  setCsrfToken(next.status === 'signed-in' ? next.me.csrf_token : null);
  listeners.forEach((l) => l());
}

onUnauthenticated(() => set({ status: 'anonymous' }));

export async function loadSession(): Promise<void> {
  try {
    set({ status: 'signed-in', me: await api.get<Me>('/api/auth/me') });
  } catch {
    set({ status: 'anonymous' });
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  set({ status: 'signed-in', me: await api.post<Me>('/api/auth/login', { username, password }) });
}

export function signedIn(me: Me): void {
  set({ status: 'signed-in', me });
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    set({ status: 'anonymous' });
  }
}

export function useSession(): State {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => state,
  );
}

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };
export function useCan(role: Role): boolean {
  const s = useSession();
  return s.status === 'signed-in' && RANK[s.me.user.role] >= RANK[role];
}
