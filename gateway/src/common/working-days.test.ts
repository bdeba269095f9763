import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankHolidays,
  countingStartsOn,
  easterSunday,
  isWorkingDay,
  nextWorkingDay,
  workingDaysAfter,
} from './working-days.js';

/** The bank holidays of England and Wales as published on gov.uk/bank-holidays. */
const GOV_UK: Record<number, string[]> = {
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const weekdayOf = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('bank holidays of England and Wales', () => {
  for (const [year, days] of Object.entries(GOV_UK)) {
    it(`match gov.uk for ${year}`, () => {
      expect(bankHolidays(Number(year))).toEqual(days.map((d) => `${year}-${d}`));
    });
  }

  it('Easter Sunday for known years', () => {
    expect([2019, 2020, 2024, 2025, 2038, 2285].map(easterSunday)).toEqual([
      '2019-04-21',
      '2020-04-12',
      '2024-03-31',
      '2025-04-20',
      '2038-04-25',
      '2285-03-22',
    ]);
  });

  it('in any ordinary year: eight, all weekdays, Good Friday a Friday and Easter Monday a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2024, max: 2400 }), (year) => {
        const days = bankHolidays(year);
        expect(days).toHaveLength(8);
        for (const d of days) expect([0, 6]).not.toContain(weekdayOf(d));
        const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
        expect(weekdayOf(easterSunday(year))).toBe(0);
        expect(days).toContain(day(easter - 2 * 86_400_000));
        expect(days).toContain(day(easter + 86_400_000));
        expect(days.filter((d) => d.slice(5, 7) === '05').map(weekdayOf)).toEqual([1, 1]);
        expect(days.filter((d) => d.slice(5, 7) === '12')).toHaveLength(2);
      }),
    );
  });

  it('working days are the weekdays that are not bank holidays, and nextWorkingDay finds the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 11, 31) }), (ms) => {
        const d = day(ms);
        const holiday = (GOV_UK[Number(d.slice(0, 4))] ?? []).includes(d.slice(5));
        expect(isWorkingDay(d)).toBe(![0, 6].includes(weekdayOf(d)) && !holiday);
        const next = nextWorkingDay(d);
        expect(next > d && isWorkingDay(next)).toBe(true);
        for (let t = ms + 86_400_000; day(t) < next; t += 86_400_000)
          expect(isWorkingDay(day(t))).toBe(false);
      }),
    );
  });
});

describe('within N working days', () => {
  const at = (s: string) => new Date(s);

  it('within one working day of a weekday morning is the end of the next working day', () => {
    // Monday 7 December 2026, 10:00 GMT → Tuesday 24:00 GMT
    expect(workingDaysAfter(at('2026-12-07T10:00:00Z'), 1).toISOString()).toBe('2026-12-09T00:00:00.000Z');
  });

  it('a referral sent at 17:30 on a Friday counts from Monday', () => {
    expect(countingStartsOn(at('2026-12-11T17:30:00Z'))).toBe('2026-12-14');
    expect(workingDaysAfter(at('2026-12-11T17:30:00Z'), 1).toISOString()).toBe('2026-12-16T00:00:00.000Z');
    // 16:59 on the Friday still counts from the Friday
    expect(workingDaysAfter(at('2026-12-11T16:59:00Z'), 1).toISOString()).toBe('2026-12-15T00:00:00.000Z');
  });

  it('17:00 is London time: in summer 16:30 UTC is 17:30 BST, after hours', () => {
    expect(countingStartsOn(at('2026-06-05T16:30:00Z'))).toBe('2026-06-08');
    expect(countingStartsOn(at('2026-12-04T16:30:00Z'))).toBe('2026-12-04');
  });

  it('one sent on a bank holiday or at a weekend counts from the next working day', () => {
    expect(countingStartsOn(at('2026-08-31T09:00:00Z'))).toBe('2026-09-01'); // summer bank holiday
    expect(countingStartsOn(at('2026-12-12T09:00:00Z'))).toBe('2026-12-14'); // Saturday
    // Christmas Eve 2026 (Thursday) afternoon: Friday and Monday 28th are bank holidays
    expect(workingDaysAfter(at('2026-12-24T15:00:00Z'), 1).toISOString()).toBe('2026-12-30T00:00:00.000Z');
  });

  it('the end of a day is midnight London time across the clock change', () => {
    // Friday 27 March 2026 (GMT); the clocks go forward on Sunday 29th; Monday ends at 23:00 UTC
    expect(workingDaysAfter(at('2026-03-27T10:00:00Z'), 1).toISOString()).toBe('2026-03-30T23:00:00.000Z');
    // Friday 23 October 2026 (BST); back on Sunday 25th; Monday ends at 24:00 UTC
    expect(workingDaysAfter(at('2026-10-23T10:00:00Z'), 1).toISOString()).toBe('2026-10-27T00:00:00.000Z');
    // 23:30 UTC on a summer Sunday is already Monday 00:30 in London: a working day, counted from
    expect(countingStartsOn(at('2026-06-07T23:30:00Z'))).toBe('2026-06-08');
  });

  it('zero working days is the end of the day counting starts; more count on past holidays', () => {
    expect(workingDaysAfter(at('2026-12-07T10:00:00Z'), 0).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    // Thursday 2 April 2026 + 3: Good Friday and Easter Monday skipped → Thursday 9th
    expect(workingDaysAfter(at('2026-04-02T09:00:00Z'), 3).toISOString()).toBe('2026-04-09T23:00:00.000Z');
  });
});
