/*
 * CSV files people open in a spreadsheet (chronology exports, report downloads): RFC 4180, every
 * cell quoted, and no cell a spreadsheet would run as a formula.
 */

/** A spreadsheet would run a cell starting with these as a formula: such cells are prefixed with '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: always quoted, quotes doubled, and never a formula (OWASP CSV injection). */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole CSV file: a header row, then the rows, CRLF line ends. */
export function csvFile(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
