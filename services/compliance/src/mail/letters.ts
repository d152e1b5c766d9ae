import { describePeriod, type Period, type RuleCode } from '@hub/common';
import type { Digest } from '../domain/digests.js';
import { escalationHtml, escalationText } from './templates.js';

/** What each rule's letter says (decree items), in the words a head reads in ten seconds. */
const WORDING: Record<RuleCode, {
  norm: (threshold: number) => { source: string; text: string };
  missed: (count: string, singular: boolean) => string;
  columns: { actual: string; required: string; streak: string };
  action: string;
}> = {
  WEEKLY_PLACEMENTS: {
    norm: (n) => ({ source: 'распоряжение № 299-р, п. 3.1', text: `не менее ${n} материалов регионального контента в неделю на официальных страницах.` }),
    missed: (count, singular) => `${count} не ${singular ? 'выполнила' : 'выполнили'} норму размещения`,
    columns: { actual: 'Размещено', required: 'Норма', streak: 'Недель подряд' },
    action: 'разместить на этой неделе материалы из подборки контент-центра и отметить размещения в системе до воскресенья.',
  },
  CONTENT_CENTER_WEEKLY_SUPPLY: {
    norm: (n) => ({ source: 'распоряжение № 299-р, п. 2.2', text: `контент-центр направляет не менее ${n} материалов в неделю.` }),
    missed: () => 'контент-центр не выполнил норму поставки материалов',
    columns: { actual: 'Направлено', required: 'Норма', streak: 'Недель подряд' },
    action: 'восполнить поставку материалов на этой неделе.',
  },
  FEEDBACK_WIDGET: {
    norm: () => ({ source: 'распоряжение № 299-р, п. 3.2', text: 'виджет обратной связи Госуслуг («Сообщить о проблеме» и «Поделиться мнением») на каждой официальной странице.' }),
    missed: (count) => `${count} без виджета обратной связи на официальных страницах`,
    columns: { actual: 'Страниц с виджетом', required: 'Страниц', streak: 'Дней подряд' },
    action: 'разместить виджет обратной связи на каждой официальной странице и отметить это в системе.',
  },
  MONTHLY_MEDIA_MENTION: {
    norm: (n) => ({ source: 'распоряжение № 299-р, п. 3.3', text: `не менее ${n} публикации в СМИ в месяц об официальных страницах органа.` }),
    missed: (count) => `${count} без публикации в СМИ об официальных страницах`,
    columns: { actual: 'Публикаций', required: 'Норма', streak: 'Месяцев подряд' },
    action: 'организовать публикацию в СМИ об официальных страницах и внести её в систему.',
  },
};

export function organizationsCount(n: number): string {
  const [one, few, many] = ['организация', 'организации', 'организаций'];
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
  return `${n} ${word}`;
}

export interface LetterContext {
  rule: RuleCode;
  threshold: number;
  period: Period;
  timeZone: string;
  publicUrl: string;
  committeeEmail: string | null;
  /** Materials still open to place, per organization id. */
  openMaterials: ReadonlyMap<string, { title: string }[]>;
}

export interface Letter {
  to: string;
  subject: string;
  html: string;
  text: string;
}

// Luxon builds its Russian formatters on every call, and a run renders hundreds of digests of one period.
let lastPeriodText: { key: string; text: string } | null = null;
function periodTextOf(period: Period, timeZone: string): string {
  const key = `${period.label}|${timeZone}`;
  if (lastPeriodText?.key !== key) lastPeriodText = { key, text: describePeriod(period, timeZone) };
  return lastPeriodText.text;
}

export function renderEscalationLetter(digest: Digest, ctx: LetterContext): Letter {
  const wording = WORDING[ctx.rule];
  const periodText = periodTextOf(ctx.period, ctx.timeZone);
  const n = digest.items.length;
  const heading = `Региональный контент: ${wording.missed(organizationsCount(n), n % 10 === 1 && n % 100 !== 11)} за ${periodText}`;
  const historyUrl = (id: string) => `${ctx.publicUrl.replace(/\/$/, '')}/dashboard/#/organizations/${id}`;
  const open = new Map<string, { title: string }>();
  for (const item of digest.items) for (const m of ctx.openMaterials.get(item.organizationId) ?? []) open.set(m.title, m);
  const model = {
    subject: heading,
    heading,
    periodText,
    norm: wording.norm(ctx.threshold),
    columns: wording.columns,
    action: wording.action,
    items: digest.items.map((item) => ({ ...item, historyUrl: historyUrl(item.organizationId) })),
    openMaterials: [...open.values()].slice(0, 5),
    historyUrl: digest.items.length === 1 ? historyUrl(digest.items[0]!.organizationId) : `${ctx.publicUrl.replace(/\/$/, '')}/dashboard/`,
    committeeEmail: ctx.committeeEmail,
  };
  return { to: digest.to, subject: heading, html: escalationHtml(model), text: escalationText(model) };
}
