/**
 * The programs the user added or edited (kept in this browser's localStorage).
 */
import { create } from 'zustand';
import { type Message, msg } from '../analysis/messages/message';
import { type KeyValueStorage, loadStoredPrograms, type Program, storePrograms } from '../state/programs';

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
  notice: Message | null;
  setUser(programs: Program[]): void;
  clearNotice(): void;
}

const initial = (() => {
  const storage = browserStorage();
  const stored = storage ? loadStoredPrograms(storage) : null;
  return { programs: stored?.programs ?? [], notice: stored?.structured ?? null };
})();

/** The store hook. */
export const useProgramStore = create<ProgramStoreState>((set) => ({
  user: initial.programs,
  notice: initial.notice,
  setUser: (programs) => {
    const storage = browserStorage();
    const problem = storage ? storePrograms(storage, programs) : msg('programs:noStorage');
    set({ user: programs, ...(problem ? { notice: problem } : {}) });
  },
  clearNotice: () => set({ notice: null }),
}));
