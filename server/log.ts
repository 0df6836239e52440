import { format } from 'node:util';
import type { LogLevel } from './config';

/**
 * Structured logs: one JSON object per line on stdout, `{"time","level","event",…fields}`. Tokens are
 * never logged; display names and remote addresses are (an operator needs them to answer "who?").
 */

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return;
    const record: LogFields = { time: new Date().toISOString(), level: at, event };
    for (const [key, value] of Object.entries(fields)) record[key] = plain(value);
    write(`${JSON.stringify(record)}\n`);
  };
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/**
 * Hocuspocus reports some problems with console.error/warn. In the server process those lines become
 * log records too (event `library.console`), so stdout stays one JSON object per line.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const route =
    (at: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      logger[at]('library.console', { message: format(...args) });
  console.log = route('info');
  console.info = route('info');
  console.debug = route('debug');
  console.warn = route('warn');
  console.error = route('error');
}
