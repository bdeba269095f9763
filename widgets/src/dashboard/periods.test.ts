import { expect } from '@open-wc/testing';
import { checkPeriod, formFor } from './period-form.js';
import { presetOf, presetPeriod } from './periods.js';

describe('dashboard periods', () => {
  it('knows the financial year runs April to March, and a year still going ends today', () => {
    expect(presetPeriod('thisYear', '2026-12-07')).to.deep.equal({ from: '2026-04-01', to: '2026-12-07' });
    expect(presetPeriod('thisYear', '2027-03-31')).to.deep.equal({ from: '2026-04-01', to: '2027-03-31' });
    expect(presetPeriod('thisYear', '2027-04-01')).to.deep.equal({ from: '2027-04-01', to: '2027-04-01' });
    expect(presetPeriod('lastYear', '2026-12-07')).to.deep.equal({ from: '2025-04-01', to: '2026-03-31' });
    expect(presetPeriod('lastYear', '2026-02-10')).to.deep.equal({ from: '2024-04-01', to: '2025-03-31' });
  });

  it('takes the last whole quarter, across the turn of the year', () => {
    expect(presetPeriod('lastQuarter', '2026-12-07')).to.deep.equal({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('lastQuarter', '2026-02-28')).to.deep.equal({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('lastQuarter', '2026-04-01')).to.deep.equal({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('takes twelve calendar months for the last 12 months, this one so far among them', () => {
    expect(presetPeriod('last12Months', '2026-12-07')).to.deep.equal({
      from: '2026-01-01',
      to: '2026-12-07',
    });
    expect(presetPeriod('last12Months', '2026-03-15')).to.deep.equal({
      from: '2025-04-01',
      to: '2026-03-15',
    });
    expect(presetOf({ from: '2025-04-01', to: '2026-03-31' }, '2026-12-07')).to.equal('lastYear');
    expect(presetOf({ from: '2025-04-02', to: '2026-03-31' }, '2026-12-07')).to.equal(undefined);
  });

  it('checks a period with the gateway’s schema, naming the field and why', () => {
    const form = formFor('lastYear', '2026-12-07');
    expect(checkPeriod(form, false)).to.deep.equal({
      ok: true,
      input: { from: '2025-04-01', to: '2026-03-31' },
    });
    expect(checkPeriod(form, true)).to.deep.equal({
      ok: true,
      input: { from: '2025-04-01', to: '2026-03-31', shared: true },
    });
    expect(checkPeriod({ ...form, from: '2026-03-02', to: '2026-03-01' }, false)).to.deep.equal({
      ok: false,
      problems: { to: 'reversed' },
    });
    expect(checkPeriod({ ...form, from: '2026-02-30' }, false)).to.deep.equal({
      ok: false,
      problems: { from: 'invalidDate' },
    });
    expect(checkPeriod({ ...form, from: '2999-01-01', to: '2999-02-01' }, false)).to.deep.equal({
      ok: false,
      problems: { from: 'future' },
    });
    expect(checkPeriod({ ...form, from: '2016-01-01', to: '2026-01-01' }, false)).to.deep.equal({
      ok: false,
      problems: { to: 'tooLong' },
    });
  });
});
