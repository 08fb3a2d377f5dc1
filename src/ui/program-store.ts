/**
 * The programs the user added or edited (kept in this browser's localStorage).
 */
import i18next from 'i18next';
import { create } from 'zustand';
import {
  type KeyValueStorage,
  loadStoredPrograms,
  type Program,
  saveStoredPrograms,
} from '../state/programs';

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** State of the user's programs. */
export interface ProgramStoreState {
  user: Program[];
  /** A message about the stored programs (unreadable value set aside, storage full), or null. */
  notice: string | null;
  setUser(programs: Program[]): void;
  clearNotice(): void;
}

const initial = (() => {
  const storage = browserStorage();
  return storage ? loadStoredPrograms(storage) : { programs: [], notice: null };
})();

/** The store hook. */
export const useProgramStore = create<ProgramStoreState>((set) => ({
  user: initial.programs,
  notice: initial.notice,
  setUser: (programs) => {
    const storage = browserStorage();
    const problem = storage ? saveStoredPrograms(storage, programs) : i18next.t('programs:noStorage');
    set({ user: programs, ...(problem ? { notice: problem } : {}) });
  },
  clearNotice: () => set({ notice: null }),
}));
