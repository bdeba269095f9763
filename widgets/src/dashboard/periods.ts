/**
 * The periods housing providers report on, as UK days (`YYYY-MM-DD`, both inclusive): the
 * financial year runs from 1 April to 31 March, quarters are three months from April, July,
 * October and January. A period that is still going ends today (a report of days to come would
 * show months of nothing).
 */

export const PRESETS = ['thisYear', 'lastYear', 'lastQuarter', 'last12Months'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A UK day from a year and a month counted from 0 (may be out of range: -1 is last December). */
const day = (year: number, month: number, date: number) => {
  const d = new Date(Date.UTC(year, month, date));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** The days a preset stands for on `today` (`YYYY-MM-DD`, UK). */
export function presetPeriod(preset: Preset, today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const m = month - 1;
  // The financial year this day is in starts in April of this year, or of the last one before April.
  const fyStart = m >= 3 ? year : year - 1;
  switch (preset) {
    case 'thisYear':
      return { from: day(fyStart, 3, 1), to: today };
    case 'lastYear':
      return { from: day(fyStart - 1, 3, 1), to: day(fyStart, 2, 31) };
    case 'lastQuarter': {
      // Quarters start in January, April, July and October: the last whole one before this one.
      const quarterStart = m - (m % 3);
      return { from: day(year, quarterStart - 3, 1), to: day(year, quarterStart, 0) };
    }
    case 'last12Months':
      // Twelve calendar months, this one so far among them.
      return { from: day(year, m - 11, 1), to: today };
  }
}

/** The preset a period is, on `today`, if any (so the picker shows which one is in force). */
export const presetOf = (period: Period, today: string): Preset | undefined =>
  PRESETS.find((preset) => {
    const p = presetPeriod(preset, today);
    return p.from === period.from && p.to === period.to;
  });
