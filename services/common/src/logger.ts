import { pino, type Logger } from 'pino';

export type { Logger };

/** Tokens and e-mail addresses never reach the logs in clear. */
const REDACT = [
  'authorization', '*.authorization', 'req.headers.authorization', 'headers.authorization',
  'token', '*.token', 'email', '*.email', '*.*.email', 'to', '*.to', 'cc', '*.cc', 'password', '*.password',
];

export function createLogger(name: string, level: string = 'info'): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' } });
}
