import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields that hold tokens, addresses or secrets are dropped by name… */
const REDACT = [
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
  'token',
  '*.token',
  'email',
  '*.email',
  '*.*.email',
  'to',
  '*.to',
  'cc',
  '*.cc',
  'password',
  '*.password',
];

// Letters of any script: a Russian address (почта@правительство.рф) is an address too.
// Each pattern starts only where a run of its characters starts (the lookbehinds) and a password
// ends at a slash: tried from every position of a long run instead, each would take quadratic
// time, seconds for an input of 100k letters.
const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]*@([\p{L}\p{N}.-]+\.\p{L}{2,})/gu;
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SECRET_IN_URL = /(?<!\w)(\w+:\/\/[^:/\s"]+:)[^@/\s"]+@/g;

/**
 * …and whatever slips through inside free text (an SMTP server's "550 <ivanov@…> rejected", an
 * error quoting a header, a connection string) is masked in the written line itself.
 */
export function maskSecrets(line: string): string {
  return line.replace(JWT, '[token]').replace(EMAIL, '$1***@$2').replace(SECRET_IN_URL, '$1***@');
}

export function createLogger(name: string, level: string = 'info', destination?: DestinationStream): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' }, hooks: { streamWrite: maskSecrets } }, destination);
}
