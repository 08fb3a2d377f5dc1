/**
 * The one place that runs the views' queries. Each view asks under a key; a newer request under the same
 * key makes older ones stale, and their results are dropped (latest wins). The coordinator also keeps
 * how many requests are pending and the last error of each key, so the app can show both.
 */
import type { Message } from '../analysis/messages/message';
import { failureOf } from '../analysis/messages/message-error';

/** What a view sees of its request. */
export type QueryOutcome<T> =
  | { status: 'ready'; value: T }
  | { status: 'stale' }
  | { status: 'error'; message: string; errorMessage?: Message };

type Listener = () => void;

/** Runs keyed asynchronous requests with latest-wins semantics. */
export class Coordinator {
  private readonly generations = new Map<string, number>();
  private readonly pending = new Set<string>();
  private readonly errors = new Map<string, string>();
  private readonly listeners = new Set<Listener>();

  /** Runs `task` for `key`; resolves `stale` if a newer request for the key started meanwhile. */
  async run<T>(key: string, task: () => Promise<T>): Promise<QueryOutcome<T>> {
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.pending.add(key);
    this.notify();
    try {
      const value = await task();
      if (this.generations.get(key) !== generation) return { status: 'stale' };
      this.errors.delete(key);
      return { status: 'ready', value };
    } catch (error) {
      if (this.generations.get(key) !== generation) return { status: 'stale' };
      const { error: message, errorMessage } = failureOf(error);
      this.errors.set(key, message);
      return errorMessage ? { status: 'error', message, errorMessage } : { status: 'error', message };
    } finally {
      if (this.generations.get(key) === generation) {
        this.pending.delete(key);
        this.notify();
      }
    }
  }

  /** Number of keys with a request in flight. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Last error per key (cleared by the key's next success). */
  get errorMessages(): ReadonlyMap<string, string> {
    return this.errors;
  }

  /** Subscribes to pending/error changes; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify() {
    for (const l of this.listeners) l();
  }
}
