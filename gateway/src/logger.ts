/**
 * Structured, one-line JSON logs. Callers pass an event name and a small set of safe fields
 * (ids, codes, counts, durations). Never pass personal data, free text, SQL, tokens or request
 * bodies: the fields type only allows primitives, and reviewers hold the line on what goes in.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Safe = string | number | boolean | null | undefined;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(event: string, fields?: Record<string, Safe>): void;
  info(event: string, fields?: Record<string, Safe>): void;
  warn(event: string, fields?: Record<string, Safe>): void;
  error(event: string, fields?: Record<string, Safe>): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const at =
    (lineLevel: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: Record<string, Safe> = {}) => {
      if (order[lineLevel] < order[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lineLevel, event, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
