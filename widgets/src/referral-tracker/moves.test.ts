import { expect } from '@open-wc/testing';
import { missingFor, movesFrom, takesMessages } from './moves.js';

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

  it('asks for a reason to decline or withdraw, an outcome to close, and words for "something else"', () => {
    const words = (reason = '', outcome = '', outcomeDetail = '') => ({ reason, outcome, outcomeDetail });
    expect(missingFor('acknowledge', words())).to.deep.equal([]);
    expect(missingFor('accept', words())).to.deep.equal([]);
    expect(missingFor('decline', words('  '))).to.deep.equal(['reason']);
    expect(missingFor('withdraw', words('Sent in error'))).to.deep.equal([]);
    expect(missingFor('close', words())).to.deep.equal(['outcome']);
    expect(missingFor('close', words('', 'SIGNPOSTED'))).to.deep.equal([]);
    expect(missingFor('close', words('', 'OTHER', ' '))).to.deep.equal(['outcomeDetail']);
    expect(missingFor('close', words('', 'OTHER', 'Carers’ assessment'))).to.deep.equal([]);
  });
});
