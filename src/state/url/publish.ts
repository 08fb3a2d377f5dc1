/** Publish mode in the link: `publish=on` and `k=5|10` (default 11, kept even while publish is off). */
import type { UrlSection } from './section';
import { PUBLISH_THRESHOLDS, type UrlPublishMode } from './types';

function isThreshold(k: number): k is UrlPublishMode['k'] {
  return (PUBLISH_THRESHOLDS as readonly number[]).includes(k);
}

/** The publish switch and its threshold. */
export const publishSection: UrlSection = {
  scalarKeys: ['publish', 'k'],
  encode(state, params) {
    const { on, k } = state.publish;
    if (!isThreshold(k)) throw new RangeError(`publish k must be 5, 10 or 11, got ${k}`);
    if (on) params.set('publish', 'on');
    if (k !== 11) params.set('k', String(k));
  },
  decode({ single, reject }, state) {
    const publish = single.get('publish');
    if (publish !== undefined) {
      if (publish === 'on' || publish === 'off') state.publish.on = publish === 'on';
      else reject('publish', publish, "publish must be 'on' or 'off'");
    }
    const k = single.get('k');
    if (k !== undefined) {
      const value = Number(k);
      if (/^\d+$/.test(k) && isThreshold(value)) state.publish.k = value;
      else reject('k', k, 'k must be 5, 10 or 11');
    }
  },
};
