// Reading a platform's answer, the same way for every adapter: shape checks that throw
// PARSE_FAILED (a changed interface is never read as "no posts") and the links a post's text holds.
import { PlatformError, type MonitoredPlatform } from './adapter.js';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** The error for an answer whose shape the adapter does not know. */
export function shapeChanged(platform: MonitoredPlatform, what: string, kind = 'answer shape'): PlatformError {
  return new PlatformError('PARSE_FAILED', `${platform}: unexpected ${kind} (${what})`);
}

/** A URL ends at whitespace, quotes, guillemets, and the brackets and bar of VK's and OK's mention markup. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'«»[\]|]+/giu;

/** Absolute links written in a post's text, without the punctuation that ends a sentence. */
export function linksInText(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map((match) => match[0].replace(/[.,;:!?)]+$/u, '')).filter((link) => URL.canParse(link));
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}
