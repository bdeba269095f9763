const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * Turns the value of an `<input type="datetime-local">` (`2026-03-14T09:30`, the user's wall-clock
 * time) into ISO 8601 with the browser's offset for that moment (`2026-03-14T09:30:00+00:00`), so the
 * gateway knows the real instant. Daylight saving is taken from the date itself, not from today.
 * Blank gives `undefined`; anything unreadable is returned as it is, for the schema to reject.
 */
export function localDateTimeToIso(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(trimmed);
  if (!match) return trimmed;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(date.getTime()) || date.getDate() !== day || date.getMonth() !== month - 1) {
    return trimmed;
  }
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  // The wall-clock fields are read back from the Date: a time that does not exist (skipped by a
  // clock change) comes out as the time it really was.
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** A moment as people read it: `2 December 2026, 10:32` in the reader's locale and time zone. */
export const formatMoment = (at: Date, locale: string): string =>
  at.toLocaleString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });

/**
 * Day formats by locale. Making one costs a few milliseconds, and the page's first tens (the
 * browser loads its date data): made once, it formats in microseconds.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (a `Date` at midnight UTC, as `YYYY-MM-DD` parses): `1 March 2026`. */
export function formatDay(date: Date, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dayFormats.set(locale, format);
  }
  return format.format(date);
}
