import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { find, focused, get, tabTo, text, until, visible } from '../test-support/dom.js';
import { presetPeriod } from './periods.js';
import {
  expected,
  loaded,
  newDashboard,
  reportFor,
  rows,
  signIn,
  thisYear,
  today,
  tokens,
} from './dashboard.fixtures.js';

// <sg-dashboard> used with the keyboard alone, as a table, at 400% zoom and in Welsh, against the
// real gateway (the figures themselves: dashboard.test.ts).

before(async function () {
  this.timeout(90_000);
  await signIn();
});

describe('<sg-dashboard> by keyboard, as tables, zoomed and in Welsh', () => {
  it('shows a chart as a table and back with the keyboard alone', async () => {
    const el = await loaded(await newDashboard());
    const toggle = get<HTMLButtonElement>(el, '[data-chart="months"] button.toggle');
    expect(text(toggle)).to.equal('Show as a table: Concerns each month');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await tabTo(el, toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(toggle)).to.equal('Show as a chart: Concerns each month');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(visible(get(el, '#months-table table'))).to.equal(true);
    expect(visible(get(el, '[data-chart="months"] .visual'))).to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(visible(get(el, '[data-chart="months"] .visual'))).to.equal(true);
    expect(get(el, '#months-table').className).to.equal('visually-hidden');
  });

  it('picks a period with the keyboard alone and shows its figures', async () => {
    const el = await loaded(await newDashboard());
    const thisOne = get<HTMLInputElement>(el, '#preset-thisYear');
    expect(thisOne.checked).to.equal(true);
    await tabTo(el, thisOne);
    // Arrow keys move through the presets, as radios do: this year → last year.
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('input#preset-lastYear[name=preset].choice__input');
    const lastYear = presetPeriod('lastYear', today);
    expect(get<HTMLInputElement>(el, '#from').value).to.equal(lastYear.from);
    expect(get<HTMLInputElement>(el, '#to').value).to.equal(lastYear.to);
    await tabTo(el, get(el, '.period button[type="submit"]'));
    await sendKeys({ press: 'Enter' });
    await until(
      () => text(find(el, '.showing')).includes(`${lastYear.from.slice(0, 4)} to`),
      15_000,
      'the new figures',
    );
    await loaded(el);
    expect(rows(el, 'months')).to.deep.equal(expected(await reportFor(lastYear)).months);
    expect(rows(el, 'months')).to.have.length(12);
  });

  it('refuses an end before the start before sending, by its field, with a summary that takes focus', async () => {
    const el = await loaded(await newDashboard());
    const shown = rows(el, 'months');
    const from = get<HTMLInputElement>(el, '#from');
    await tabTo(el, from);
    from.select();
    await sendKeys({ type: '2026-03-02' });
    const to = get<HTMLInputElement>(el, '#to');
    await tabTo(el, to);
    to.select();
    await sendKeys({ type: '2026-03-01' });
    await el.updateComplete;
    expect(get<HTMLInputElement>(el, '#preset-custom').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => !!find(el, '.error-summary'), 3000, 'the error summary');
    await el.updateComplete;
    expect(focused(el)).to.equal('div.error-summary');
    expect(text(get(el, '#to-error'))).to.equal(
      'Error: The end date must be the same as or after the start date',
    );
    expect(get(el, '#to').getAttribute('aria-invalid')).to.equal('true');
    // The figures shown stay as they were.
    expect(rows(el, 'months')).to.deep.equal(shown);
    await expect(el).to.be.accessible();
    // The summary's link takes focus to the field.
    get<HTMLAnchorElement>(el, '.error-summary a').click();
    expect(focused(el)).to.equal('input#to[name=to].input');
  });

  it('downloads a chart’s report as the gateway’s CSV, sent with the token', async () => {
    const el = await loaded(await newDashboard());
    get<HTMLButtonElement>(el, '[data-chart="months"] .download button').click();
    await until(() => !!find(el, '[data-file="concerns-by-month"]'), 15_000, 'the file');
    await el.updateComplete;
    const link = get<HTMLAnchorElement>(el, '[data-file="concerns-by-month"]');
    expect(focused(el)).to.equal('a.file');
    expect(link.download).to.equal(`concerns-by-month-${thisYear.from}-to-${thisYear.to}.csv`);
    const file = await (await fetch(link.href)).text();
    const direct = await fetch(
      `/doorstep/reports/concerns-by-month.csv?from=${thisYear.from}&to=${thisYear.to}`,
      {
        headers: { authorization: `Bearer ${tokens.lead}` },
      },
    );
    expect(direct.status).to.equal(200);
    expect(file).to.equal(await direct.text());
    await expect(el).to.be.accessible();
  });

  it('speaks Welsh on a Welsh page', async () => {
    const el = await loaded(await newDashboard({ lang: 'cy' }));
    expect(text(get(el, '.title'))).to.equal('Dangosfwrdd diogelu');
    expect(text(get(el, '[data-tile="raised"] .tile__label'))).to.equal('Pryderon a godwyd');
    expect(text(get(el, '[data-chart="months"] button.toggle'))).to.contain('Dangos fel tabl');
    await expect(el).to.be.accessible();
  });

  it('fits a 320px window (400% zoom) without scrolling sideways, the chart drawn to its width', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await loaded(await newDashboard());
      await until(() => !!find(el, 'svg.months'), 3000, 'the monthly chart');
      const base = get(el, '.base');
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      const chart = get(el, 'svg.months');
      expect(chart.getBoundingClientRect().width).to.be.at.most(get(el, '.content').clientWidth + 1);
      // Its words are as large as the page's, not shrunk to fit.
      expect(parseFloat(getComputedStyle(get(el, 'svg.months text')).fontSize)).to.be.at.least(14);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
