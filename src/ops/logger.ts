// Structured logs with pino: JSON by default, readable on a terminal. Secrets (every value
// the config schema marks secret) are scrubbed from every line, whatever field holds them.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
  /** Values that must never appear in a log line (tokens, signing secrets). */
  secrets: string[];
  /** Where lines go; default stderr, so command output on stdout stays clean. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(o: LoggerOptions): Logger {
  const secrets = o.secrets.filter((s) => s.length >= 6);
  const scrub = (line: string) => secrets.reduce((l, s) => l.split(s).join('[redacted]'), line);
  const dest = o.destination ?? process.stderr;
  const sink =
    o.format === 'pretty'
      ? pretty({ destination: 2, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', sync: true })
      : { write: (line: string) => dest.write(scrub(line)) };
  const stream = o.format === 'pretty' ? { write: (line: string) => (sink as NodeJS.WritableStream).write(scrub(line)) } : sink;
  return pino(
    {
      level: o.level,
      base: { app: 'container-coach' },
      redact: { paths: ['*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.env', '*.Env'], censor: '[redacted]' },
    },
    stream,
  );
}
