import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import { dashboardEn } from '../i18n/dashboard.en.js';
import { barChart, monthChart, type Month } from './charts.js';
import { bands, countAxis, path } from './scale.js';

// The charts' templates and axes on their own, without the gateway: what is drawn for the eye.
// What a screen reader reads (summaries, tables) is tested in dashboard.test.ts against the API.

const words = dashboardEn.dashboard;
const months: Month[] = [
  { month: '2026-04', raised: 12, openConcerns: 20, openCases: 7 },
  { month: '2026-05', raised: null, openConcerns: 18, openCases: null },
  { month: '2026-06', raised: 0, openConcerns: 15, openCases: 9 },
  { month: '2026-07', raised: 30, openConcerns: 25, openCases: 10 },
];

async function drawn(template: unknown) {
  const box = await fixture<HTMLDivElement>(document.createElement('div'));
  render(template, box);
  return box;
}

describe('dashboard charts', () => {
  it('gives a count axis round, whole-number ticks from 0 past the largest count', () => {
    expect(countAxis(30, 100, 0).ticks).to.deep.equal([0, 10, 20, 30]);
    expect(countAxis(37, 100, 0).ticks).to.deep.equal([0, 10, 20, 30, 40]);
    expect(countAxis(3, 100, 0).ticks).to.deep.equal([0, 1, 2, 3]);
    // Nothing at all still has an axis (0 to 1), not a division by zero.
    expect(countAxis(0, 100, 0).ticks).to.deep.equal([0, 1]);
    const axis = countAxis(40, 100, 0);
    expect([axis.at(0), axis.at(20), axis.at(40)]).to.deep.equal([100, 50, 0]);
    const b = bands(4, 0, 390);
    // A tenth of a step at each end, a quarter between columns.
    expect(b.at(0)).to.be.closeTo(b.step * 0.1, 0.01);
    expect(b.at(1) - (b.at(0) + b.width)).to.be.closeTo(b.step * 0.25, 0.01);
    expect(b.at(3) + b.width + b.step * 0.1).to.be.closeTo(390, 0.01);
  });

  it('breaks the open-cases line where a count is withheld', () => {
    expect(
      path([
        [0, 1],
        [10, null],
        [20, 3],
        [30, 4],
      ]),
    ).to.equal('M0.0 1.0M20.0 3.0L30.0 4.0');
  });

  it('draws a column per month with its count, "<5" for a withheld one, and no column for none', async () => {
    const box = await drawn(monthChart(months, { width: 800, em: 16 }, 'en-GB', words));
    const columns = [...box.querySelectorAll('g.month')];
    expect(columns.map((g) => g.getAttribute('data-month'))).to.deep.equal(months.map((m) => m.month));
    expect(columns.map((g) => g.querySelectorAll('rect.bar').length)).to.deep.equal([1, 0, 0, 1]);
    expect(columns.map((g) => g.querySelector('text.count')?.textContent ?? '')).to.deep.equal([
      '12',
      '<5',
      '',
      '30',
    ]);
    // Heights in proportion: 12 of 30.
    const height = (g: Element) => Number(g.querySelector('rect.bar')!.getAttribute('height'));
    expect(height(columns[0]!) / height(columns[3]!)).to.be.closeTo(12 / 30, 0.001);
    // Every month named; the year under the first.
    expect(columns.map((g) => [...g.querySelectorAll('text.axis')].map((t) => t.textContent))).to.deep.equal([
      ['Apr', '2026'],
      ['May'],
      ['Jun'],
      ['Jul'],
    ]);
    expect(box.querySelectorAll('svg.months rect.marker').length).to.equal(3);
    // The legend says which is which in words, beside shapes that differ.
    expect([...box.querySelectorAll('.legend li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'Concerns raised',
      'Open cases at the end of the month',
    ]);
  });

  it('thins the month names and drops the counts where the columns are narrow (400% zoom)', async () => {
    const year = Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      raised: i + 5,
      openConcerns: 1,
      openCases: 1,
    }));
    const box = await drawn(monthChart(year, { width: 320, em: 16 }, 'en-GB', words));
    const names = [...box.querySelectorAll('g.month')].map(
      (g) => g.querySelector('text.axis')?.textContent ?? '',
    );
    expect(names.filter(Boolean).length).to.be.within(3, 6);
    expect(names[0]).to.equal('Jan');
    expect(box.querySelectorAll('text.count').length).to.equal(0);
  });

  it('draws a bar per row with its count in words, "fewer than 5" and no bar when withheld', async () => {
    const box = await drawn(
      barChart(
        [
          {
            rows: [
              { key: 'a', label: 'Neglect', value: 20 },
              { key: 'b', label: 'Financial', value: 5 },
              { key: 'c', label: 'Sexual', value: null },
            ],
          },
        ],
        'en-GB',
        words,
      ),
    );
    const row = (key: string) => box.querySelector(`[data-key="${key}"]`)!;
    expect(row('a').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Neglect 20');
    expect(row('b').querySelector('rect')!.getAttribute('width')).to.equal('25');
    expect(!!row('c').querySelector('rect')).to.equal(false);
    expect(row('c').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Sexual fewer than 5');
  });
});
