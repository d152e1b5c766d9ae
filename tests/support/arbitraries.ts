import fc from 'fast-check';

/**
 * Hostile values for the property tests of tests/property-inputs.e2e.test.ts: what a careless
 * client, a copy-paste from Word or an attacker sends. Each arbitrary mixes values that must be
 * refused with values that look hostile but are legitimate text (HTML in a title is just text).
 */

const CYRILLIC = [...'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** 10k–100k characters: repeated units (cheap to send) or random letters (no compression helps). */
export const longText: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ unit: fc.constantFrom('a', 'я', '😀', 'ab ', '%_\\', '<b>'), length: fc.integer({ min: 10_000, max: 100_000 }) })
    .map(({ unit, length }) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
  fc.string({ unit: fc.constantFrom(...CYRILLIC), minLength: 10_000, maxLength: 12_000 }),
);

const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constantFrom(0x7f, 0x85, 0x9f)).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');

/** Control characters (NUL above all) and lone surrogates inside otherwise ordinary words. */
export const brokenText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', 'Новость', 'ok '), fc.oneof(controlChar, loneSurrogate), fc.constantFrom('', 'дня', ' end'))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

export const sqlFragment = fc.constantFrom(
  "'; drop table organizations.organization; --",
  "' or '1'='1",
  '%',
  '_',
  '\\',
  '%%',
  '\\%',
  "O'Brien",
  '"; select pg_sleep(5); --',
  '$1',
  '?',
  '::uuid',
  'null',
  "E'\\x00'",
  '/* */',
  '--',
  ';',
);

export const htmlFragment = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&amp;&lt;&#0;',
  '<!--',
  ']]>',
  '{{constructor.constructor("x")()}}',
  '${7*7}',
  '<a href="javascript:alert(1)">x</a>',
);

/** Text that is empty to a reader: blank, invisible, or only formatting. */
export const blankText = fc.constantFrom('', ' ', '   ', '\t', '\n\n', '\u00a0', '\u200b', '\u3000', '\ufeff', '\r\n');

/** Legitimate but unusual text: emoji, right-to-left overrides, combining marks, other scripts. */
export const oddText = fc.constantFrom(
  '👨‍👩‍👧 Семья',
  '\u202eevil.exe',
  'е\u0301ще',
  'Ωmega ǅ ß',
  '中文 العربية עברית',
  '  пробелы по краям  ',
  'строка\nвторая\tтаб',
);

/** Any of the above, sometimes after an ordinary prefix. */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'Новость: '),
    fc.oneof(
      { arbitrary: longText, weight: 2 },
      { arbitrary: brokenText, weight: 3 },
      { arbitrary: sqlFragment, weight: 2 },
      { arbitrary: htmlFragment, weight: 2 },
      { arbitrary: blankText, weight: 1 },
      { arbitrary: oddText, weight: 1 },
    ),
  )
  .map(([prefix, text]) => prefix + text);

/** Not a string at all: GraphQL's variable coercion must refuse these for a String. */
export const wrongType = fc.constantFrom<unknown>(null, 42, -1.5, true, [], ['a'], {}, { $gt: '' });

export const hostileString = fc.oneof({ arbitrary: hostileText, weight: 5 }, { arbitrary: wrongType, weight: 1 });

/** DateTimes that do not exist, lack an offset, lie far outside any sensible range, or are not strings. */
export const hostileDateTime: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    'now',
    '2026-02-30T10:00:00+10:00',
    '2026-04-31T00:00:00Z',
    '2025-02-29T12:00:00Z',
    '2026-11-28T24:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-28T18:00:00',
    '2026-11-28',
    '28.11.2026 18:00',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1899-12-31T23:59:59+10:00',
    '9999-12-31T23:59:59-12:00',
    '+275760-09-13T00:00:00Z',
    '2026-11-28T10:00:00+24:00',
    '2026-11-28T10:00:00+23:59',
    '2026-11-28T10:00:00.1234567891Z',
    1764288000000,
    null,
    true,
    {},
  ),
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      offset: fc.constantFrom('Z', '+10:00', '-12:00', '+14:00'),
    })
    .map((d) => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}T${pad(d.hour, 2)}:${pad(d.minute, 2)}:00${d.offset}`),
  hostileText,
);

/** Period labels that are not a real week, month or day (or not strings). */
export const hostilePeriod: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '2026-W54',
    '2025-W53',
    '2026-W00',
    '2026-W5',
    '2026-w47',
    '2026W47',
    '2026-13',
    '2026-00',
    '2026-02-30',
    '2025-02-29',
    '2026-1',
    '20261-01',
    '-001-01',
    '0000-W01',
    '0000-01',
    '9999-W52',
    '9999-12-31',
    '',
    ' ',
    '\t',
    'week',
    '2026-W47\u0000',
    ' 2026-W47 ',
    202647,
    null,
    true,
  ),
  fc
    .record({ year: fc.integer({ min: 0, max: 9999 }), n: fc.integer({ min: 0, max: 99 }) })
    .chain(({ year, n }) =>
      fc.constantFrom(`${pad(year, 4)}-W${pad(n, 2)}`, `${pad(year, 4)}-${pad(n, 2)}`, `${pad(year, 4)}-02-${pad(n % 40, 2)}`),
    ),
  hostileText,
);

/** Made-up UUIDs that name nothing, numbered so a list of thousands is cheap to build. */
export const unknownUuid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** Ids that are not UUIDs, UUIDs of nothing, and, via `others`, ids of the wrong kind of thing. */
export function hostileId(others: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      '',
      ' ',
      'not-a-uuid',
      '1',
      '0',
      "' or '1'='1",
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '{0f8fe4c2-3e4b-4a59-9b7e-1d6f0c3a5b21}',
      'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
      42,
      null,
      true,
      {},
    ),
    fc.uuid(),
    fc.uuid().map((id) => `${id}\u0000`),
    fc.uuid().map((id) => ` ${id.toUpperCase()}\n`),
    ...(others.length ? [fc.constantFrom(...others)] : []),
    hostileText,
  );
}

/** Integers out of every sensible range, and things that are not integers. */
export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(-1, 0, -2147483648, 2147483647, 2147483648, -2147483649, 1.5, 1e300, Number.MAX_SAFE_INTEGER, '3', null, true),
  fc.integer(),
);

export const hostileBool = fc.constantFrom<unknown>('true', 'false', 1, 0, null, 'yes', [], {});

/** Enum-like strings that are not the enum's values (wrong case, padded, other enums, injections). */
export const hostileEnum: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    'weekly_placements',
    'WEEKLY',
    ' WEEKLY_PLACEMENTS',
    'ADMIN',
    '__proto__',
    'constructor',
    'DROP TABLE',
    0,
    null,
    true,
  ),
  hostileText.filter((s) => s.length < 200),
);

export const hostileEmail: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'a',
    'a@',
    '@khv.ru',
    'a@b',
    'a b@khv.ru',
    '<script>@khv.ru',
    'x@khv.ru\u0000',
    'x@khv.ru\n',
    "o'brien@khv.ru",
    'Ivan.Petrov@KHV.RU',
    `${'a'.repeat(100_000)}@khv.ru`,
  ),
  hostileString,
);

export const hostileInn: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('123', '1234567890', '123456789012', 'abcdefghij', '٠١٢٣٤٥٦٧٨٩', '27230000000000000000', 2723000000),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 100_000 }),
  hostileString,
);

/**
 * A value computed from the run's valid one at the same place (its unique URL, its one list
 * item), so a property can vary what beforeAll cannot know yet.
 */
export class FromValid {
  constructor(
    readonly label: string,
    readonly make: (valid: unknown) => unknown,
  ) {}
}
export const fromValid = (label: string, make: (valid: unknown) => unknown) => new FromValid(label, make);

/** The run's valid address gone wrong: another scheme, host or platform, a hostile tail, a huge path. */
export const hostileUrl: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//t.me/x',
    'https://evil.example/x',
    'https://user:secret@t.me/x',
    'http://169.254.169.254/latest',
    'https://',
  ),
  fc.constantFrom(
    fromValid('http instead of https', (url) => String(url).replace(/^https/, 'http')),
    fromValid('with a script fragment', (url) => `${url}#<script>`),
    fromValid('with its path doubled', (url) => `${url}/${url}`),
  ),
  fc
    .string({ unit: fc.constantFrom(...CYRILLIC), minLength: 1_500, maxLength: 1_990 })
    .map((path) => fromValid(`+ ${path.length} Cyrillic letters`, (url) => `${url}${path}`)),
  hostileText.map((tail) => fromValid(`+ ${JSON.stringify(abbreviate(tail))}`, (url) => `${url}${tail}`)),
  hostileString,
);

/** The run's valid list's first item, or `fallback` where the valid call leaves the list out. */
const firstItem = (list: unknown, fallback: unknown) => (Array.isArray(list) && list.length ? list[0] : fallback);

/** 501–5,000 copies of one valid item: past every documented limit. */
export const hugeCopies = (fallback: unknown): fc.Arbitrary<FromValid> =>
  fc
    .integer({ min: 501, max: 5_000 })
    .map((n) => fromValid(`${n} copies of a valid item`, (list) => Array.from({ length: n }, () => firstItem(list, fallback))));

/** 501–5,000 distinct UUIDs that name nothing. */
export const hugeUuidList: fc.Arbitrary<string[]> = fc
  .integer({ min: 501, max: 5_000 })
  .map((n) => Array.from({ length: n }, (_, i) => unknownUuid(i)));

/** A list argument gone wrong: empty, huge, or with hostile items among valid ones (`fallback` where the valid call has none). */
export function hostileList(hostileItem: fc.Arbitrary<unknown>, fallback: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant([]),
    hugeCopies(fallback),
    fc
      .array(fc.oneof(fc.constant(KEEP_ITEM), hostileItem), { minLength: 1, maxLength: 5 })
      .map((items) =>
        fromValid('items mixed with hostile ones', (list) => items.map((item) => (item === KEEP_ITEM ? firstItem(list, fallback) : item))),
      ),
    wrongType,
  );
}
const KEEP_ITEM = Symbol('the valid item');

/** An input object with a field the schema does not have, or not an object at all. */
export const hostileObject: fc.Arbitrary<unknown> = fc.oneof(
  wrongType,
  fc
    .constantFrom('__proto__', 'constructor', 'id', 'role', 'createdBy')
    .map((key) => fromValid(`with an extra field ${key}`, (valid) => ({ ...(valid as object), [key]: 'ADMIN' }))),
);

/** A short, printable description of a hostile value for fast-check's reports. */
export function abbreviate(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 40)}… (${value.length} characters)`;
  if (Array.isArray(value) && value.length > 5) return `[${value.length} items, first ${JSON.stringify(abbreviate(value[0]))}]`;
  if (value instanceof FromValid) return `valid value ${value.label}`;
  if (Array.isArray(value)) return value.map(abbreviate);
  return value;
}
