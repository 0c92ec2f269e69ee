/**
 * Structured JSON logs without personal data. Call sites pass ids, counts, durations and error
 * codes only; `sanitizeFields` is the backstop that drops any field whose name suggests personal
 * data and any string value that looks like an e-mail address.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names that must never reach a log line, whatever a call site passes. */
export const REDACTED_FIELD_PATTERN =
  /name|address|subject|body|text|html|from|to$|^cc$|email|phone|street|postcode|city|header|reason_text|outcome|token$|secret|password|assertion/i;
const EMAIL_PATTERN = /[^\s@<>]+@[^\s@<>]+/;

export function sanitizeFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (REDACTED_FIELD_PATTERN.test(key)) {
      out[key] = '[redacted]';
    } else if (typeof value === 'string' && EMAIL_PATTERN.test(value)) {
      out[key] = '[redacted]';
    } else if (typeof value === 'string' && value.length > 200) {
      out[key] = `${value.slice(0, 200)}…`;
    } else {
      out[key] = value;
    }
  }
  return out;
}

export type LogSink = (line: string) => void;

export function makeLogger(
  options: { level?: LogLevel; sink?: LogSink; base?: LogFields } = {},
): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const sink: LogSink = options.sink ?? ((line) => process.stderr.write(`${line}\n`));
  const base = options.base ?? {};
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    if (LEVELS[level] < min) return;
    sink(
      // The line's own keys come last, so no field can pretend another level or event.
      JSON.stringify({
        ...sanitizeFields({ ...base, ...fields }),
        time: new Date().toISOString(),
        level,
        event,
      }),
    );
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    child: (fields) => makeLogger({ ...options, base: { ...base, ...fields } }),
  };
}

export const silentLogger: Logger = makeLogger({ sink: () => {} });
