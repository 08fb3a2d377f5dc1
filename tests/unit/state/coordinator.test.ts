import { describe, expect, it } from 'vitest';
import { Coordinator } from '../../../src/state/coordinator';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Coordinator', () => {
  it('drops results of requests overtaken by a newer one (latest wins)', async () => {
    const c = new Coordinator();
    const slow = deferred<number>();
    const fast = deferred<number>();
    const first = c.run('counts', () => slow.promise);
    const second = c.run('counts', () => fast.promise);
    expect(c.pendingCount).toBe(1);
    fast.resolve(2);
    slow.resolve(1);
    expect(await second).toEqual({ status: 'ready', value: 2 });
    expect(await first).toEqual({ status: 'stale' });
    expect(c.pendingCount).toBe(0);
  });

  it('keeps keys independent and records errors until the next success', async () => {
    const c = new Coordinator();
    const a = await c.run('a', async () => {
      throw new Error('boom');
    });
    expect(a).toEqual({ status: 'error', message: 'boom' });
    expect(c.errorMessages.get('a')).toBe('boom');
    expect(await c.run('b', async () => 5)).toEqual({ status: 'ready', value: 5 });
    await c.run('a', async () => 1);
    expect(c.errorMessages.has('a')).toBe(false);
  });

  it('a stale failure does not overwrite a newer state', async () => {
    const c = new Coordinator();
    const slow = deferred<number>();
    const first = c.run('k', () => slow.promise);
    const second = c.run('k', async () => 3);
    slow.reject(new Error('late'));
    expect(await first).toEqual({ status: 'stale' });
    expect(await second).toEqual({ status: 'ready', value: 3 });
    expect(c.errorMessages.size).toBe(0);
  });
});
