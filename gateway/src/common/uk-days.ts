import { isoDateOf } from '@doorstep/schema';

/*
 * Periods of UK days (figures for a board: "feedback received in March"): a day starts at midnight
 * in London, GMT in winter and BST (UTC+1) in summer.
 */

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment a UK day (YYYY-MM-DD) starts. London's clocks change at 01:00 UTC, so the offset at
 * 00:00 UTC of a day is the offset at its local midnight.
 */
export function ukDayStart(day: string): Date {
  const midnightUtc = new Date(`${day}T00:00:00Z`);
  const zone = LONDON.formatToParts(midnightUtc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const hours = Number(/^GMT([+-]\d{1,2})?/.exec(zone)?.[1] ?? 0);
  return new Date(midnightUtc.getTime() - hours * 60 * 60 * 1000);
}

/**
 * A period of UK days, both inclusive and either left out, as moments: from the start of `from`
 * (`start`, inclusive) to the start of the day after `to` (`end`, exclusive).
 */
export function ukPeriod(period: { from?: string | undefined; to?: string | undefined }): {
  start: Date | undefined;
  end: Date | undefined;
} {
  const dayAfter = (day: string) => isoDateOf(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
  return {
    start: period.from ? ukDayStart(period.from) : undefined,
    end: period.to ? ukDayStart(dayAfter(period.to)) : undefined,
  };
}
