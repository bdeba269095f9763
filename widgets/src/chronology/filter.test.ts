import { expect } from '@open-wc/testing';
import { checkFilter, EMPTY_FILTER, filterFormOf, narrows } from './filter.js';

describe('chronology filter', () => {
  it('sends only what the form narrows by, in the kinds’ own order', () => {
    const data = new FormData();
    data.append('kinds', 'WARNING_ADDED');
    data.append('kinds', 'CONCERN_RAISED');
    data.append('kinds', 'NOT_A_KIND');
    data.append('from', ' 2026-01-01 ');
    data.append('to', '');
    data.append('pinnedOnly', 'on');
    const form = filterFormOf(data);
    expect(checkFilter(form)).to.deep.equal({
      ok: true,
      filter: {
        kinds: ['CONCERN_RAISED', 'WARNING_ADDED'],
        from: '2026-01-01',
        pinnedOnly: true,
        newestFirst: false,
      },
    });
    expect(narrows({ pinnedOnly: false, newestFirst: true })).to.equal(false);
  });

  it('says a range the wrong way round is reversed, and a date that is not one is not a date', () => {
    expect(checkFilter({ ...EMPTY_FILTER, from: '2026-03-02', to: '2026-03-01' })).to.deep.equal({
      ok: false,
      problems: { to: 'reversed' },
    });
    expect(checkFilter({ ...EMPTY_FILTER, from: '2026-03-02', to: '2026-03-02' }).ok).to.equal(true);
    expect(checkFilter({ ...EMPTY_FILTER, from: '2026-02-30', to: 'soon' })).to.deep.equal({
      ok: false,
      problems: { from: 'invalidDate', to: 'invalidDate' },
    });
  });
});
