/** The `archive=` link parameter: plain http(s) URLs round-trip; credentials and signed URLs never do. */
import { describe, expect, it } from 'vitest';
import { decodeUrlState, defaultUrlViewState, encodeUrlState } from '../../../src/state/url-state';

describe('archive= in links', () => {
  it('round-trips a plain https URL after the other parameters', () => {
    const state = {
      ...defaultUrlViewState(),
      dataset: 'user' as const,
      archive: 'https://data.example.org/nypd/',
    };
    const query = encodeUrlState(state);
    expect(query).toBe('dataset=user&archive=https%3A%2F%2Fdata.example.org%2Fnypd%2F');
    expect(decodeUrlState(query)).toEqual({ state, notices: [] });
  });

  it('never writes a signed URL or credentials into a link', () => {
    for (const archive of [
      'https://bucket.s3.amazonaws.com/a/?X-Amz-Signature=abc',
      'https://user:pw@host.org/a/',
      'https://host.org/a/#k',
    ]) {
      expect(encodeUrlState({ ...defaultUrlViewState(), archive })).toBe('');
    }
  });

  it('rejects such URLs and other schemes in a link with a notice', () => {
    const signed = decodeUrlState(`archive=${encodeURIComponent('https://h.org/a/?sig=secret')}`);
    expect(signed.state.archive).toBeNull();
    expect(signed.notices[0]).toMatch(/signed URLs are secrets/);
    expect(signed.notices[0]).not.toContain('secret=');
    expect(signed.notices[0]).not.toContain('sig=secret');
    const js = decodeUrlState(`archive=${encodeURIComponent('javascript:alert(1)')}`);
    expect(js.state.archive).toBeNull();
    expect(js.notices[0]).toMatch(/absolute http\(s\) URL/);
  });
});
