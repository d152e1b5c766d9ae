import { isUuid } from '../collections.js';
import { maskSecrets } from '../logger.js';

export const MAX_STRING_LENGTH = 200;
export const MAX_LIST_LENGTH = 20;
const LIST_SAMPLE = 3;
export const MASK = '***';

/** Arguments named like this never reach the audit, whatever they hold. */
const SECRET_NAME = /token|password|secret/i;
/** An address field (a head's, a contact's) is personal data: the audit keeps only that there was one. */
const EMAIL_NAME = /e-?mail/i;
const MASKED_EMAIL = '***@***';

export type Summary = null | string | number | boolean | Summary[] | { [key: string]: Summary };

/**
 * A mutation's arguments as the audit keeps them: long strings cut, long lists counted,
 * e-mail addresses and secrets masked. Enough to tell what was asked, never a copy of personal data.
 */
export function summarizeInput(value: unknown, name = ''): Summary {
  if (value === null || value === undefined) return null;
  if (SECRET_NAME.test(name)) return MASK;
  if (typeof value === 'string') return EMAIL_NAME.test(name) ? MASKED_EMAIL : summarizeString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) {
    if (value.length <= MAX_LIST_LENGTH) return value.map((item) => summarizeInput(item, name));
    return { count: value.length, first: value.slice(0, LIST_SAMPLE).map((item) => summarizeInput(item, name)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, summarizeInput(item, key)]));
  }
  return String(value);
}

/**
 * What jsonb cannot hold: NUL, and half a surrogate pair (which a cut can also make). With the
 * `u` flag a whole pair is one code point, so `\p{Cs}` (a surrogate) matches only a lone half.
 */
const UNSTORABLE = /\0|\p{Cs}/gu;

function summarizeString(value: string): string {
  // Free text gets the logs' masking (addresses, tokens, URL passwords), before the cut so that
  // a cut never leaves half an address in clear.
  const masked = maskSecrets(value);
  const kept = masked.length <= MAX_STRING_LENGTH ? masked : `${masked.slice(0, MAX_STRING_LENGTH)}… (${value.length} characters)`;
  // One such character would cost the whole row, and a refused call's row is the one that matters.
  return kept.replace(UNSTORABLE, '\ufffd');
}

/** The ids a mutation touched: every UUID in its arguments, and the `id`/`ids` of what it returned. */
export function targetIds(args: unknown, result: unknown): string[] {
  const found = new Set<string>();
  collectUuids(args, found);
  if (result !== null && typeof result === 'object') {
    const { id, ids } = result as { id?: unknown; ids?: unknown };
    collectUuids(id, found);
    if (Array.isArray(ids)) collectUuids(ids, found);
  }
  return [...found];
}

function collectUuids(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (isUuid(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) collectUuids(item, into);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const item of Object.values(value)) collectUuids(item, into);
  }
}
