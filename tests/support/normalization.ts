import { DateTime } from 'luxon';

/**
 * What the API documents it does to a value it accepts, for the round trips of the input
 * properties: texts lose their surrounding whitespace, bodies their Windows line ends and
 * trailing spaces, addresses their case, URLs are compared as URLs, instants as instants.
 */

export const trimmed = (value: string) => value.trim();

/** "Plain text; paragraphs separated by blank lines": line ends and trailing spaces normalized. */
export const bodyText = (value: string) =>
  value
    .trim()
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n');

export const email = (value: string) => value.trim().toLowerCase();

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The same addresses, as a browser would resolve them. */
export const sameUrls = (urls: readonly string[]) =>
  urls.map((url) => {
    try {
      return new URL(url.trim()).href;
    } catch {
      return `not a URL: ${url}`;
    }
  });

/** An instant the API answered with (ISO-8601 with the region's offset), as UTC; null stays null. */
export function asInstant(value: string | null | undefined): string | null {
  if (value == null) return null;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toUTC().toISO() : `not ISO-8601: ${value}`;
}

/** The instant a client meant by a DateTime it sent, as UTC: a day or hour that does not exist means none. */
export function instantSent(value: unknown): string | null {
  if (value == null) return null;
  const parsed = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : null;
  return parsed?.isValid ? parsed.toUTC().toISO() : `not an instant: ${String(value)}`;
}
