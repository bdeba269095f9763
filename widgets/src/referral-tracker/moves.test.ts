import { expect } from '@open-wc/testing';
import { movesFrom, takesMessages } from './moves.js';

// The moves the widget offers must be exactly those the gateway's lifecycle allows
// (gateway/src/modules/referral/referral-lifecycle.ts), or it would offer a move the gateway refuses
// (INVALID_TRANSITION) or hide one the person may make.
describe('the referral tracker’s moves', () => {
  it('offers the agency acknowledge, then accept or decline, then close; nothing once finished', () => {
    expect(movesFrom('SENT', 'agency')).to.deep.equal(['acknowledge']);
    expect(movesFrom('ACKNOWLEDGED', 'agency')).to.deep.equal(['accept', 'decline']);
    expect(movesFrom('ACCEPTED', 'agency')).to.deep.equal(['close']);
    for (const status of ['DECLINED', 'CLOSED', 'WITHDRAWN'] as const)
      expect(movesFrom(status, 'agency'), status).to.deep.equal([]);
  });

  it('offers the sender only withdrawing, while the referral is open', () => {
    for (const status of ['SENT', 'ACKNOWLEDGED', 'ACCEPTED'] as const)
      expect(movesFrom(status, 'provider'), status).to.deep.equal(['withdraw']);
    for (const status of ['DECLINED', 'CLOSED', 'WITHDRAWN'] as const)
      expect(movesFrom(status, 'provider'), status).to.deep.equal([]);
  });

  it('takes messages while the referral is open only', () => {
    expect(
      ['SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'CLOSED', 'WITHDRAWN'].filter((s) =>
        takesMessages(s as never),
      ),
    ).to.deep.equal(['SENT', 'ACKNOWLEDGED', 'ACCEPTED']);
  });
});
