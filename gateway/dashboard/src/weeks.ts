/** ISO week labels (2026-W47) as people read them: «16–22 нояб.». Pure calendar arithmetic, no time zone. */

const MONTHS = ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const DAY_MS = 86_400_000;

export interface IsoWeek {
  year: number;
  week: number;
}

export function parseWeek(label: string): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  return match ? { year: Number(match[1]), week: Number(match[2]) } : null;
}

/** Monday of the ISO week, as a UTC date: 4 January always falls in week 1. */
export function weekMonday({ year, week }: IsoWeek): Date {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(jan4 - jan4Weekday * DAY_MS + (week - 1) * 7 * DAY_MS);
}

const dayMonth = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;

/** «16–22 нояб.», «30 нояб. – 6 дек.», «29 дек. 2025 – 4 янв. 2026»; the label itself if it is not a week. */
export function weekRange(label: string): string {
  const week = parseWeek(label);
  if (!week) return label;
  const monday = weekMonday(week);
  const sunday = new Date(monday.getTime() + 6 * DAY_MS);
  if (monday.getUTCFullYear() !== sunday.getUTCFullYear()) {
    return `${dayMonth(monday)} ${monday.getUTCFullYear()} – ${dayMonth(sunday)} ${sunday.getUTCFullYear()}`;
  }
  if (monday.getUTCMonth() !== sunday.getUTCMonth()) return `${dayMonth(monday)} – ${dayMonth(sunday)}`;
  return `${monday.getUTCDate()}–${sunday.getUTCDate()} ${MONTHS[sunday.getUTCMonth()]}`;
}

/** «нед. 47» for narrow column headers. */
export function weekNumber(label: string): string {
  const week = parseWeek(label);
  return week ? `нед. ${week.week}` : label;
}
