import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 instant that states its offset; a bare local time is ambiguous and refused. */
export function parseInstant(value: string): Date | null {
  if (!ISO_WITH_OFFSET.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formats an instant as ISO-8601 with the offset of `timeZone`, e.g. 2026-11-28T18:00:00+10:00. */
export function formatInstant(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace('GMT', '') || '+00:00';
  const ms = date.getUTCMilliseconds();
  const fraction = ms ? `.${String(ms).padStart(3, '0')}` : '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${fraction}${offset}`;
}

/** The DateTime scalar: ISO-8601 with offset in, the region's offset out. */
export function createDateTimeScalar(timeZone: string): GraphQLScalarType<Date, string> {
  const parse = (value: unknown): Date => {
    const date = typeof value === 'string' ? parseInstant(value) : null;
    if (!date) {
      throw new GraphQLError('DateTime must be ISO-8601 with an offset, e.g. 2026-11-28T18:00:00+10:00', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
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
