import { z } from 'zod';
import { isUuid } from './collections.js';
import { badInput } from './errors.js';

/**
 * Characters no input text may carry: control characters other than tab and line ends
 * (PostgreSQL refuses NUL outright, the rest are invisible junk from copy-paste), and lone
 * UTF-16 surrogates, which the database driver would silently store as U+FFFD. `\p{Cc}` is
 * U+0000–U+001F and U+007F–U+009F; with the `u` flag a whole pair is one code point, so `\p{Cs}`
 * (a surrogate) matches only a lone half.
 */
const UNSAFE_TEXT = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

/** The path to the first string inside `value` that holds an unsafe character, or null. */
function unsafeTextPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = unsafeTextPath(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

function problemAt(issuePath: readonly PropertyKey[], message: string, list: boolean | undefined) {
  const path = [...issuePath];
  const index = list && typeof path[0] === 'number' ? (path.shift() as number) : undefined;
  const field = path.map(String).join('.') || 'input';
  return badInput(field, `${field}: ${message}`, index);
}

/**
 * Parses mutation input with a zod schema; the first problem becomes BAD_USER_INPUT naming
 * the field (dot path inside the input) and, for lists, the item's index. Every string of the
 * input is held to the same character rules first, whatever its schema.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, options: { list?: boolean } = {}): z.infer<S> {
  const unsafe = unsafeTextPath(value);
  if (unsafe) throw problemAt(unsafe, 'must not contain control characters or broken Unicode', options.list);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw problemAt(issue.path, issue.message, options.list);
}

/**
 * Characters that show nothing: zero-width space, non-joiner, joiner, word joiner and the BOM.
 * A joiner inside an emoji sequence (👨‍👩‍👧: a family, one glyph) is not invisible and stays.
 */
const INVISIBLE =
  /[\u200b\u200c\u2060\ufeff]|(?<!\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/** Bidirectional controls: marks, embeddings, overrides and isolates (U+202E turns «exe.txt» into «txt.exe»). */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The one form of free text the hub stores and compares (a name, a title, a reason): composed
 * (NFC), without invisible characters or bidi controls, trimmed. Two texts a reader cannot tell
 * apart are one text for length limits and uniqueness, and a text made of nothing visible is empty.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(BIDI_CONTROLS, '').trim();
}

/**
 * A free-text input: normalised (normalizeText) before its length is checked; empty after that is
 * refused. `min` is the shortest text taken (1 unless the field says otherwise).
 */
export function freeText(max: number, options: { min?: number; minMessage?: string } = {}) {
  const min = options.min ?? 1;
  return z
    .string()
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(min, options.minMessage ?? (min === 1 ? 'must not be empty' : `must be at least ${min} characters`))
        .max(max, `must be at most ${max} characters`),
    );
}

/** An e-mail address input: trimmed and lower-cased (addresses are compared so), then checked. */
export const emailAddress = () => z.string().trim().toLowerCase().max(320, 'is too long').pipe(z.email('is not a valid e-mail address'));

/** An id a query filters on: a malformed one is the caller's mistake, not a failed uuid cast in SQL. */
export function idFilter(value: string | null | undefined, field: string): string | null {
  if (!value) return null;
  if (!isUuid(value)) throw badInput(field, `${field}: is not a valid id`);
  return value;
}
