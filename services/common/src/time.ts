import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { getOrCreate } from './collections.js';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instants the hub takes, in DateTimes and periods. Before 1970 the region's zones fall back
 * to local mean time (+08:47:31), an offset ISO-8601 output cannot carry; year 0 and years of
 * five digits are no timestamps PostgreSQL reads.
 */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

export const isSupportedInstant = (date: Date): boolean => date.getTime() >= EARLIEST && date.getTime() < LATEST;

function daysInMonth(year: number, month: number): number {
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return last.getUTCDate();
}

/** Parses an ISO-8601 instant that states its offset; a bare local time is ambiguous and refused. */
export function parseInstant(value: string): Date | null {
  const match = ISO_WITH_OFFSET.exec(value);
  if (!match) return null;
  // Date rolls a day the month lacks (2026-02-30) over into the next month instead of refusing it.
  if (Number(match[3]) > daysInMonth(Number(match[1]), Number(match[2]))) return null;
  const date = new Date(value);
  return isSupportedInstant(date) ? date : null;
}

/**
 * One formatter per time zone: building an Intl.DateTimeFormat costs 50–190 µs, using one about
 * 5 µs, and every DateTime a subgraph answers and every row of an export is formatted here
 * (docs/PERFORMANCE.md, "Subgraph CPU"). A formatter is immutable, so sharing it is safe.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return getOrCreate(
    formatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'longOffset',
      }),
  );
}

/** Formats an instant as ISO-8601 with the offset of `timeZone`, e.g. 2026-11-28T18:00:00+10:00. */
export function formatInstant(date: Date, timeZone: string): string {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const offset = (parts.timeZoneName ?? '').replace('GMT', '') || '+00:00';
  const ms = date.getUTCMilliseconds();
  const fraction = ms ? `.${String(ms).padStart(3, '0')}` : '';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${fraction}${offset}`;
}

/** The DateTime scalar: ISO-8601 with offset in, the region's offset out. */
export function createDateTimeScalar(timeZone: string): GraphQLScalarType<Date, string> {
  const parse = (value: unknown): Date => {
    const date = typeof value === 'string' ? parseInstant(value) : null;
    if (!date) {
      throw new GraphQLError(
        // Kept as written in production's errors (docs/SECURITY.md, "What errors tell"): it names no type.
        'Expected a real instant in ISO-8601 with an offset, from 1970 to 9999, e.g. 2026-11-28T18:00:00+10:00',
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
    }
    return date;
  };
  return new GraphQLScalarType<Date, string>({
    name: 'DateTime',
    description: 'ISO-8601 date-time with offset',
    serialize: (value) => {
      const date = value instanceof Date ? value : new Date(String(value));
      if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
      return formatInstant(date, timeZone);
    },
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}
