import { ukDayStart } from './uk-days.js';

/*
 * Working days in England and Wales: Monday to Friday, except the bank holidays of England and
 * Wales (the Banking and Financial Dealings Act 1971 and the royal proclamations that move or add
 * one), computed from their rules rather than kept as a list that runs out. Pure: no database.
 *
 * "Within N working days" of a moment means: by the end (midnight, London time, GMT or BST as the
 * clocks say that day) of the Nth working day after the day counting starts. Counting starts on the
 * day the referral was sent when that is a working day and it was sent before the end of the
 * working day (17:00 London time); otherwise (sent at 17:00 or later, at a weekend or on a bank
 * holiday) on the next working day, as though it arrived first thing that morning. So "within one
 * working day" of Monday 10:00 is Tuesday 24:00, and of Friday 17:30 it is Tuesday 24:00 too.
 */

/** The end of the working day in London: a referral sent at or after it counts from the next one. */
export const WORKING_DAY_ENDS_AT = { hour: 17, minute: 0 };
/** The start of the working day in London (office hours are 09:00 to 17:00). */
export const WORKING_DAY_STARTS_AT = { hour: 9, minute: 0 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days as YYYY-MM-DD, computed on UTC midnights (a calendar day has no time zone). */
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const weekday = (ms: number) => new Date(ms).getUTCDay(); // 0 Sunday … 6 Saturday
const isWeekend = (ms: number) => weekday(ms) === 0 || weekday(ms) === 6;

/** Easter Sunday (Gregorian), by the anonymous (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(utc(year, month, day));
}

/** The first Monday of a month, or (from the end) the last. */
function firstMonday(year: number, month: number): number {
  const first = utc(year, month, 1);
  return first + ((8 - weekday(first)) % 7) * DAY_MS;
}
function lastMonday(year: number, month: number): number {
  const last = utc(year, month + 1, 0);
  return last - ((weekday(last) + 6) % 7) * DAY_MS;
}

/** A fixed-date holiday on a weekend is given on the next weekday not already a holiday. */
function substitute(ms: number, taken: Set<number>): number {
  let day = ms;
  while (isWeekend(day) || taken.has(day)) day += DAY_MS;
  return day;
}

/**
 * Bank holidays moved or added by proclamation: the early May bank holiday moved to Friday 8 May
 * for VE Day 75 (2020); the spring bank holiday moved to Thursday 2 June with Friday 3 June added
 * for the Platinum Jubilee (2022); the State Funeral of Queen Elizabeth II (19 September 2022); the
 * Coronation of King Charles III (8 May 2023). Also the earlier ones still within reach of records
 * (royal weddings 2011, Diamond Jubilee 2012) so that old dates count correctly.
 */
const MOVED: Record<number, { earlyMay?: string; spring?: string }> = {
  1995: { earlyMay: '1995-05-08' },
  2002: { spring: '2002-06-04' },
  2012: { spring: '2012-06-04' },
  2020: { earlyMay: '2020-05-08' },
  2022: { spring: '2022-06-02' },
};
const EXTRA: Record<number, string[]> = {
  1999: ['1999-12-31'],
  2002: ['2002-06-03'],
  2011: ['2011-04-29'],
  2012: ['2012-06-05'],
  2022: ['2022-06-03', '2022-09-19'],
  2023: ['2023-05-08'],
};

const cache = new Map<number, ReadonlySet<string>>();

/** The bank holidays of England and Wales in a year, as YYYY-MM-DD, in date order. */
export function bankHolidays(year: number): string[] {
  return [...holidaySet(year)].sort();
}

function holidaySet(year: number): ReadonlySet<string> {
  const known = cache.get(year);
  if (known) return known;
  const taken = new Set<number>();
  const add = (ms: number) => taken.add(ms);
  add(substitute(utc(year, 1, 1), taken)); // New Year's Day
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  add(easter - 2 * DAY_MS); // Good Friday
  add(easter + DAY_MS); // Easter Monday
  const moved = MOVED[year] ?? {};
  add(moved.earlyMay ? Date.parse(`${moved.earlyMay}T00:00:00Z`) : firstMonday(year, 5));
  add(moved.spring ? Date.parse(`${moved.spring}T00:00:00Z`) : lastMonday(year, 5));
  add(lastMonday(year, 8)); // summer
  // Christmas first: when it falls on a Saturday it is given on Monday, and Boxing Day on Tuesday.
  add(substitute(utc(year, 12, 25), taken));
  add(substitute(utc(year, 12, 26), taken));
  for (const day of EXTRA[year] ?? []) add(Date.parse(`${day}T00:00:00Z`));
  const days = new Set([...taken].map(iso));
  cache.set(year, days);
  return days;
}

/** A day (YYYY-MM-DD) is a working day in England and Wales. */
export function isWorkingDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !isWeekend(ms) && !holidaySet(Number(day.slice(0, 4))).has(day);
}

/** The next working day after a day. */
export function nextWorkingDay(day: string): string {
  let ms = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  while (!isWorkingDay(iso(ms))) ms += DAY_MS;
  return iso(ms);
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London calendar day (YYYY-MM-DD) and wall-clock time of a moment. */
export function londonTime(at: Date): { day: string; hour: number; minute: number } {
  const parts = Object.fromEntries(LONDON.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The working day counting starts on for something sent at `at` (see the top of this file). */
export function countingStartsOn(at: Date): string {
  const { day, hour, minute } = londonTime(at);
  const inHours = hour * 60 + minute < WORKING_DAY_ENDS_AT.hour * 60 + WORKING_DAY_ENDS_AT.minute;
  return isWorkingDay(day) && inHours ? day : nextWorkingDay(day);
}

/**
 * The moment "within `days` working days" of `at` runs out: midnight London time at the end of the
 * `days`th working day after the day counting starts (0: the end of that day itself).
 */
export function workingDaysAfter(at: Date, days: number): Date {
  let day = countingStartsOn(at);
  for (let n = 0; n < days; n++) day = nextWorkingDay(day);
  return ukDayStart(iso(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
}

/**
 * Working time between two moments, in whole seconds: the part of it that falls in office hours
 * (09:00 to 17:00 London time) on working days. The clocks change at 01:00 UTC on a Sunday, never
 * a working day, so a working day's office hours are its midnight plus 9 and 17 hours. 0 when `to`
 * is not after `from`.
 */
export function workingSecondsBetween(from: Date, to: Date): number {
  if (to <= from) return 0;
  const at = (ms: number, t: { hour: number; minute: number }) => ms + (t.hour * 60 + t.minute) * 60_000;
  let total = 0;
  let day = londonTime(from).day;
  const last = londonTime(to).day;
  for (;;) {
    if (isWorkingDay(day)) {
      const midnight = ukDayStart(day).getTime();
      const start = Math.max(from.getTime(), at(midnight, WORKING_DAY_STARTS_AT));
      const end = Math.min(to.getTime(), at(midnight, WORKING_DAY_ENDS_AT));
      if (end > start) total += end - start;
    }
    if (day === last) break;
    day = iso(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
  }
  return Math.floor(total / 1000);
}
