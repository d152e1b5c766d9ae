/** The operator's week in plain functions: what to copy, where a post belongs, how long is left, what went wrong. */
import { parseWeek, weekMonday } from '../weeks.js';

const DAY_MS = 86_400_000;

/** What the officer pastes into the post: the title, the text, the hashtags (media links are attached, not pasted). */
export function placementText({ title, body, hashtags }: { title: string; body: string; hashtags: readonly string[] }): string {
  const tags = hashtags.map((tag) => `#${tag}`).join(' ');
  return [title.trim(), body.trim(), tags].filter(Boolean).join('\n\n');
}

export interface PageChoice {
  id: string;
  url: string;
}

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^(www\.|m\.)/u, '');
const firstSegment = (url: URL) => (url.pathname.split('/').filter(Boolean)[0] ?? '').toLowerCase();

function parse(address: string): URL | null {
  try {
    return new URL(address.trim());
  } catch {
    return null;
  }
}

/**
 * The organization's page a pasted post's address is on, for the form to choose it: the page on
 * the same site, and when several are (two VK communities), the one whose name starts the post's
 * path. Null when none is: the officer chooses, and the hub's check explains.
 */
export function pageForPost(pages: readonly PageChoice[], address: string): string | null {
  const post = parse(address);
  if (!post) return null;
  const sameSite = pages.filter((page) => {
    const url = parse(page.url);
    return url !== null && hostOf(url) === hostOf(post);
  });
  if (sameSite.length <= 1) return sameSite[0]?.id ?? null;
  const named = sameSite.find((page) => firstSegment(new URL(page.url)) === firstSegment(post));
  return (named ?? sameSite[0]!).id;
}

/**
 * Days left to place in the week, today included, by the calendar where the officer is (the
 * region's): the week ends at Sunday's midnight. 0 once it is over.
 */
export function daysLeft(week: string, now: Date): number {
  const parsed = parseWeek(week);
  if (!parsed) return 0;
  const sunday = weekMonday(parsed).getTime() + 6 * DAY_MS;
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.max(0, Math.round((sunday - today) / DAY_MS) + 1);
}

const plural = new Intl.PluralRules('ru-RU');
const FORMS: Record<string, Record<string, string>> = {
  день: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
  материал: { one: 'материал', few: 'материала', many: 'материалов', other: 'материала' },
};

/** «1 день», «3 дня», «5 дней». */
export const counted = (n: number, word: keyof typeof FORMS & string): string => `${n} ${FORMS[word]![plural.select(n)]}`;

/** A Date as a datetime-local field's value, in the browser's time zone, to the minute. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local field's value (the browser's time zone) as the instant to send; null when it is not one. */
export function instantOf(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** What the hub's check of a reported placement (reportPlacements, correctPlacement) said, in words the officer acts on. */
export function placementProblem(error: { field?: string; message: string }, pageUrl: string | null): string {
  const { field, message } = error;
  if (field === 'url' || /\.url$/u.test(field ?? '')) {
    const where = pageUrl ? ` на странице ${pageUrl}` : '';
    return `Это не адрес публикации${where}: вставьте ссылку на сам пост (например, https://vk.com/wall-123_456 или https://t.me/канал/15). Проверка хаба: ${message}`;
  }
  if (field === 'publishedAt' || /\.publishedAt$/u.test(field ?? '')) {
    if (/future/u.test(message)) return 'Дата публикации ещё не наступила: укажите, когда пост вышел.';
    if (/before the material/u.test(message)) return 'Дата публикации раньше, чем материал был разослан: проверьте дату.';
    if (/withdrawn/u.test(message)) return 'К этому времени материал был отозван: такое размещение не засчитывается.';
    return `Дата публикации не подходит: ${message}`;
  }
  return message;
}
