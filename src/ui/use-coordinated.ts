/** React access to the coordinator: a view declares the query it needs; the newest answer wins. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Message } from '../analysis/messages/message';
import { Coordinator } from '../state/coordinator';

/** The app's coordinator. */
export const coordinator = new Coordinator();

/** State of a view's data. */
export interface Coordinated<T> {
  value: T | null;
  pending: boolean;
  error: string | null;
  /** The error as a message to write in the reader's language, when it has one. */
  errorMessage: Message | null;
  /** The `depsKey` whose run produced `value` or `error`, or null before the first answer. */
  settledKey: string | null;
}

/**
 * Runs `task` under `key` whenever `depsKey` changes (a string identity of the inputs) and keeps the
 * latest ready value; a null `depsKey` means the view is inactive (its last value is kept).
 */
export function useCoordinated<T>(
  key: string,
  depsKey: string | null,
  task: () => Promise<T>,
): Coordinated<T> {
  const [state, setState] = useState<Coordinated<T>>({
    value: null,
    pending: false,
    error: null,
    errorMessage: null,
    settledKey: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: depsKey is the identity of everything `task` reads.
  useEffect(() => {
    if (depsKey === null) {
      // Inactive or waiting on another view: keep the last value so nothing flickers.
      setState((s) => (s.pending ? { ...s, pending: false } : s));
      return;
    }
    let live = true;
    setState((s) => ({ ...s, pending: true, error: null, errorMessage: null }));
    coordinator.run(key, task).then((outcome) => {
      if (!live || outcome.status === 'stale') return;
      if (outcome.status === 'ready')
        setState({
          value: outcome.value,
          pending: false,
          error: null,
          errorMessage: null,
          settledKey: depsKey,
        });
      else
        setState((s) => ({
          value: s.value,
          pending: false,
          error: outcome.message,
          errorMessage: outcome.errorMessage ?? null,
          settledKey: depsKey,
        }));
    });
    return () => {
      live = false;
    };
  }, [key, depsKey]);
  return state;
}

/** Number of queries in flight anywhere in the app. */
export function usePendingCount(): number {
  return useSyncExternalStore(
    (cb) => coordinator.subscribe(cb),
    () => coordinator.pendingCount,
  );
}
