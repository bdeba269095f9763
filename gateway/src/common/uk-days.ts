import { inDateRange } from '@doorstep/schema';

/*
 * Periods of UK days (figures for a board: "feedback received in March"): a day starts at midnight
 * in London, GMT in winter and BST (UTC+1) in summer.
 */

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment a UK day starts, the day given by its midnight in UTC (ms). London's clocks change at
 * 01:00 UTC, so the offset at 00:00 UTC of a day is the offset at its local midnight.
 */
function ukStartOf(midnightUtc: number): Date {
  const zone =
    LONDON.formatToParts(new Date(midnightUtc)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const hours = Number(/^GMT([+-]\d{1,2})?/.exec(zone)?.[1] ?? 0);
  return new Date(midnightUtc - hours * 60 * 60 * 1000);
}

/** The moment a UK day (YYYY-MM-DD) starts. */
export const ukDayStart = (day: string): Date => ukStartOf(Date.parse(`${day}T00:00:00Z`));

/**
 * A period of UK days, both inclusive and either left out, as moments: from the start of `from`
 * (`start`, inclusive) to the start of the day after `to` (`end`, exclusive). After the last day
 * there is (9999-12-31) there is no moment to end at, and none is needed: nothing kept is later.
 */
export function ukPeriod(period: { from?: string | undefined; to?: string | undefined }): {
  start: Date | undefined;
  end: Date | undefined;
} {
  const dayAfter = period.to ? Date.parse(`${period.to}T00:00:00Z`) + DAY_MS : undefined;
  return {
    start: period.from ? ukDayStart(period.from) : undefined,
    end: dayAfter !== undefined && inDateRange(dayAfter) ? ukStartOf(dayAfter) : undefined,
  };
}
