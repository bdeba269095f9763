import { REFERRAL_STATUSES, type ReferralStatus } from '@doorstep/schema';
import { describe, expect, it } from 'vitest';
import { movesFrom, refusal, type ReferralTarget, type ReferralSide } from './referral-lifecycle.js';

/** Every allowed move, written out: anything not here must be refused. */
const ALLOWED: [ReferralStatus, ReferralTarget, ReferralSide][] = [
  ['SENT', 'ACKNOWLEDGED', 'AGENCY'],
  ['ACKNOWLEDGED', 'ACCEPTED', 'AGENCY'],
  ['ACKNOWLEDGED', 'DECLINED', 'AGENCY'],
  ['ACCEPTED', 'CLOSED', 'AGENCY'],
  ['SENT', 'WITHDRAWN', 'SENDER'],
  ['ACKNOWLEDGED', 'WITHDRAWN', 'SENDER'],
  ['ACCEPTED', 'WITHDRAWN', 'SENDER'],
];
const MOVES = REFERRAL_STATUSES.filter((s): s is ReferralTarget => s !== 'SENT');

describe('the referral lifecycle', () => {
  it('allows exactly the moves of the lifecycle, each to its own side', () => {
    for (const from of REFERRAL_STATUSES)
      for (const to of MOVES)
        for (const side of ['AGENCY', 'SENDER'] as const) {
          const allowed = ALLOWED.some(([f, t, s]) => f === from && t === to && s === side);
          expect(refusal(from, to, side) === null, `${side}: ${from} → ${to}`).toBe(allowed);
        }
  });

  it('says in a refusal what the caller may do instead', () => {
    expect(refusal('SENT', 'CLOSED', 'AGENCY')).toBe(
      'This referral is sent: you cannot close it. From here you may acknowledge it.',
    );
    expect(refusal('ACKNOWLEDGED', 'CLOSED', 'AGENCY')).toMatch(/may accept or decline it/);
    expect(refusal('CLOSED', 'WITHDRAWN', 'SENDER')).toMatch(/cannot move any further/);
    expect(movesFrom('ACCEPTED', 'SENDER')).toEqual(['WITHDRAWN']);
  });
});
