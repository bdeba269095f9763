import type { TrackerReferralQuery } from '@doorstep/client';
import { expect } from '@open-wc/testing';
import { timelineOf } from './timeline.js';

type Referral = TrackerReferralQuery['referral'];

const move = (id: string, at: string) =>
  ({
    id,
    to: 'ACKNOWLEDGED',
    reason: null,
    outcome: null,
    outcomeDetail: null,
    byName: 'Dee',
    byAgency: true,
    at,
  }) as Referral['moves'][number];
const message = (id: string, sentAt: string) =>
  ({ id, body: id, byName: 'Priya', byAgency: false, sentAt }) as Referral['messages'][number];

describe('a referral’s timeline', () => {
  it('starts with its sending, then interleaves moves and messages by time, across time zones', () => {
    const referral = {
      sentAt: '2026-12-01T09:00:00Z',
      moves: [move('acknowledged', '2026-12-01T10:00:00Z'), move('accepted', '2026-12-02T09:00:00+00:00')],
      messages: [message('question', '2026-12-01T10:30:00+01:00'), message('answer', '2026-12-01T11:00:00Z')],
    } as Referral;
    const order = timelineOf(referral).map((e) =>
      e.kind === 'move' ? e.move.id : e.kind === 'message' ? e.message.id : e.kind,
    );
    // 10:30+01:00 is 09:30Z: before the acknowledgement.
    expect(order).to.deep.equal(['sent', 'question', 'acknowledged', 'answer', 'accepted']);
  });
});
