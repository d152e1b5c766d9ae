const integer = new Intl.NumberFormat('ru-RU');
const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', year: 'numeric' });

/** A count, or a dash when there is none. */
export const formatCount = (n: number | null | undefined): string => (n == null ? '—' : integer.format(n));

/** A 0…1 share as «87,5 %», or a dash when it is undefined (nothing was due). */
export const formatRate = (rate: number | null | undefined): string => (rate == null ? '—' : percent.format(rate));

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => date.format(new Date(iso));
