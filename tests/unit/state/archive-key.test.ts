import { describe, expect, it } from 'vitest';
import { chooseArchiveKey, freeImportKey } from '../../../src/state/archive-key';
import { USER_DATASET_KEYS } from '../../../src/state/datasets';

describe('the dataset key an archive claims', () => {
  it('takes the link’s user key when it is free', () => {
    expect(chooseArchiveKey('user3', [])).toBe('user3');
    expect(chooseArchiveKey('user', ['demo', 'user2'])).toBe('user');
  });

  it('never takes a loaded or kept key: the first free one instead', () => {
    // `user` holds a kept file, the link asks for it.
    expect(chooseArchiveKey('user', ['demo', 'user'])).toBe('user2');
    expect(chooseArchiveKey('user2', ['user', 'user2'])).toBe('user3');
  });

  it('falls back to the first free user key for a demo link or no link', () => {
    expect(chooseArchiveKey('demo', ['demo'])).toBe('user');
    expect(chooseArchiveKey(null, ['user'])).toBe('user2');
  });

  it('is null when every user key is taken', () => {
    expect(chooseArchiveKey('user', USER_DATASET_KEYS)).toBeNull();
    expect(chooseArchiveKey(null, ['demo', ...USER_DATASET_KEYS])).toBeNull();
  });

  it('tries every free key in order, over all combinations of taken keys', () => {
    for (let mask = 0; mask < 1 << USER_DATASET_KEYS.length; mask++) {
      const taken = USER_DATASET_KEYS.filter((_, i) => mask & (1 << i));
      for (const linked of [null, ...USER_DATASET_KEYS]) {
        const key = chooseArchiveKey(linked, taken);
        const free = USER_DATASET_KEYS.filter((k) => !taken.includes(k));
        if (free.length === 0) expect(key).toBeNull();
        else if (linked && free.includes(linked)) expect(key).toBe(linked);
        else expect(key).toBe(free[0]);
      }
    }
  });
});

describe('the key a new import takes', () => {
  it('skips loaded keys and the key an archive claimed', () => {
    expect(freeImportKey({}, null)).toBe('user');
    expect(freeImportKey({}, 'user')).toBe('user2');
    expect(freeImportKey({ user: 1, user2: 1 }, 'user3')).toBe('user4');
    expect(freeImportKey({ user: 1, user2: 1, user3: 1 }, 'user4')).toBeUndefined();
  });
});
