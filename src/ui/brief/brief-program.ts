/**
 * The program evaluation on screen, shared with the brief: the program panel publishes its latest ready
 * evaluation here, and the brief reads it when a program is chosen.
 */
import { create } from 'zustand';
import type { ProgramEvaluation } from '../../state/program-evaluation';

/** The evaluated program as the brief shows it. */
export interface BriefProgram {
  id: string;
  name: string;
  launch: string;
  evaluation: ProgramEvaluation;
}

/** Store of the evaluated program (null when none is chosen or its evaluation is not ready). */
export const useBriefProgram = create<{ program: BriefProgram | null; set(p: BriefProgram | null): void }>(
  (set) => ({ program: null, set: (program) => set({ program }) }),
);
