import { DateTime } from 'luxon';
import { describePeriod, groupBy, parsePeriod, russianOrder, type Period, type RuleCode } from '@hub/common';
import {
  SILENT_PAGE_DAYS,
  disprovedOf,
  silentPagesOf,
  type Digest,
  type DigestItem,
  type DisprovedPlacement,
  type SilentPage,
} from '../domain/digests.js';
import type { RecipientRole } from '../domain/ladder.js';
import { RULE_NAMES } from '../domain/labels.js';
import { escalationHtml, escalationText } from './templates.js';

/** What each rule's letter says (decree items), in the words a head reads in ten seconds. */
const WORDING: Record<
  RuleCode,
  {
    norm: (threshold: number) => string;
    missed: (count: string, singular: boolean) => string;
    columns: { actual: string; required: string; streak: string };
    /** What the organization itself does, by `deadline`. */
    place: (threshold: number, deadline: string) => string;
  }
> = {
  WEEKLY_PLACEMENTS: {
    norm: (n) => `не менее ${n} материалов регионального контента в неделю на официальных страницах.`,
    missed: (count, singular) => `${count} не ${singular ? 'выполнила' : 'выполнили'} норму размещения`,
    columns: { actual: 'Размещено', required: 'Норма', streak: 'Недель подряд' },
    place: (n, deadline) => `разместить не менее ${n} материалов из подборки контент-центра ${deadline} и отметить размещения в системе`,
  },
  CONTENT_CENTER_WEEKLY_SUPPLY: {
    norm: (n) =>
      `контент-центр направляет каждому органу, муниципальному образованию и подведомственной организации не менее ${n} материалов в неделю.`,
    missed: (count) => `${count} — меньше рекомендуемого числа материалов от контент-центра`,
    columns: { actual: 'Получено', required: 'Норма', streak: 'Недель подряд' },
    place: (n, deadline) => `направить перечисленным получателям недостающие материалы — не менее ${n} каждому ${deadline}`,
  },
  FEEDBACK_WIDGET: {
    norm: () =>
      'виджет обратной связи Госуслуг («Сообщить о проблеме» и «Поделиться мнением») на каждой официальной странице органа и подведомственных организаций.',
    missed: (count) => `${count} без виджета обратной связи на официальных страницах`,
    columns: { actual: 'Страниц с виджетом', required: 'Страниц', streak: 'Дней подряд' },
    place: () => 'разместить виджет обратной связи на каждой официальной странице и отметить это в системе',
  },
  MONTHLY_MEDIA_MENTION: {
    norm: (n) => `не менее ${n} публикации в СМИ в месяц об официальных страницах органа или его подведомственных организаций.`,
    missed: (count) => `${count} без публикации в СМИ об официальных страницах`,
    columns: { actual: 'Публикаций', required: 'Норма', streak: 'Месяцев подряд' },
    place: (_, deadline) => `организовать публикацию в СМИ об официальных страницах ${deadline} и внести её в систему`,
  },
};

export function organizationsCount(n: number): string {
  const [one, few, many] = ['организация', 'организации', 'организаций'];
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
  // 19 950, as Russian writes thousands (a no-break space).
  return `${n.toLocaleString('ru-RU')} ${word}`;
}

const singular = (n: number) => n % 10 === 1 && n % 100 !== 11;

export interface LetterContext {
  now: Date;
  timeZone: string;
  publicUrl: string;
  committeeEmail: string | null;
  /** The rule's last complete period (a day rule: today): only it gets "what to do". */
  currentPeriod: (rule: RuleCode) => Period;
  threshold: (rule: RuleCode) => number;
  /** Materials still open to place, per organization id. */
  openMaterials: ReadonlyMap<string, { title: string }[]>;
  /** Pages silent for SILENT_PAGE_DAYS or more although the hub read them, per organization id (data/page-health.repo.ts). */
  silentPages?: ReadonlyMap<string, readonly SilentPage[]>;
  /** Placements monitoring disproved, per "organizationId|period" (data/disproved.repo.ts). */
  disproved?: ReadonlyMap<string, readonly DisprovedPlacement[]>;
}

export interface Letter {
  to: string;
  cc: string[];
  subject: string;
  html: string;
  text: string;
  decreeItems: string[];
}

const periodTexts = new Map<string, string>();
function periodText(label: string, timeZone: string): string {
  const key = `${label}|${timeZone}`;
  let text = periodTexts.get(key);
  if (!text) {
    // Luxon builds its Russian formatters on every call, and a run renders hundreds of digests of a few periods.
    text = describePeriod(parsePeriod(label, timeZone), timeZone);
    if (periodTexts.size > 1000) periodTexts.clear();
    periodTexts.set(key, text);
  }
  return text;
}

/**
 * The days a catch-up digest covers, «5 октября – 4 декабря 2026»: from the first day of the
 * earliest period to the last day of the latest, whatever their kinds (a week and a day read alike).
 */
function spanOfPeriods(labels: readonly string[], timeZone: string): string {
  const periods = labels.map((label) => parsePeriod(label, timeZone));
  const first = DateTime.fromJSDate(new Date(Math.min(...periods.map((p) => p.start.getTime()))), { zone: timeZone }).setLocale('ru');
  const last = DateTime.fromJSDate(new Date(Math.max(...periods.map((p) => p.end.getTime())) - 1), { zone: timeZone }).setLocale('ru');
  if (first.hasSame(last, 'day')) return first.toFormat('d MMMM yyyy');
  if (first.hasSame(last, 'month')) return `${first.day}–${last.toFormat('d MMMM yyyy')}`;
  return `${first.toFormat(first.year === last.year ? 'd MMMM' : 'd MMMM yyyy')} – ${last.toFormat('d MMMM yyyy')}`;
}

/** By when the organization acts on the current period's miss: the end of the period now running. */
/** The deadline's words per rule, the same for every letter of a run: worked out once per run's moment and zone. */
const deadlines = new Map<string, string>();
function deadlineOf(rule: RuleCode, ctx: LetterContext): string {
  const key = `${rule}|${ctx.timeZone}|${ctx.now.getTime()}`;
  let text = deadlines.get(key);
  if (text === undefined) {
    if (deadlines.size > 1000) deadlines.clear();
    text = deadlineText(rule, ctx);
    deadlines.set(key, text);
  }
  return text;
}

function deadlineText(rule: RuleCode, ctx: LetterContext): string {
  const zone = ctx.timeZone;
  const now = DateTime.fromJSDate(ctx.now, { zone }).setLocale('ru');
  if (rule === 'MONTHLY_MEDIA_MENTION') return `до ${now.endOf('month').toFormat('d MMMM')}`;
  if (rule === 'FEEDBACK_WIDGET') return '';
  return `до воскресенья, ${now.endOf('week').toFormat('d MMMM')},`;
}

const OVERSEEING: RecipientRole[] = ['PARENT_HEAD', 'PARENT_CONTACT', 'RESPONSIBLE_HEAD'];

/** A rule's name without the decree item: the item is the result's own (3.1 or 4). */
const ruleTitle = (rule: RuleCode) => (RULE_NAMES[rule] ?? rule).replace(/\s*\(п\.[^)]*\)/, '');

/** "What to do", fitted to what the recipient is to the organizations of this section. */
function actionFor(rule: RuleCode, items: readonly DigestItem[], ctx: LetterContext): string {
  const wording = WORDING[rule];
  const todo = wording
    .place(ctx.threshold(rule), deadlineOf(rule, ctx))
    .replace(/\s+,/g, ',')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/,$/, '');
  const roles = new Set(items.flatMap((i) => i.roles));
  if (rule === 'CONTENT_CENTER_WEEKLY_SUPPLY') return `${todo}.`;
  const ownHead = (i: DigestItem) => i.roles.includes('HEAD') || (i.roles.includes('RESPONSIBLE_HEAD') && i.parentId === null);
  const own = items.some(ownHead);
  const oversees = items.some((i) => !ownHead(i) && i.roles.some((r) => OVERSEEING.includes(r)));
  const parts: string[] = [];
  if (own) parts.push(`вашей организации — ${todo}`);
  if (oversees) parts.push(`проследить, чтобы перечисленные подведомственные организации выполнили норму: ${todo}`);
  if (parts.length) return `${parts.join('; ')}.`;
  if (roles.has('CUR') || roles.has('COMMITTEE')) {
    return 'для сведения: перечисленные организации пропускают норму несколько периодов подряд; их руководителям направлены письма.';
  }
  return `${todo}.`;
}

interface Row {
  organizationName: string;
  historyUrl: string;
  actual: number;
  required: number;
  consecutiveMisses: number;
  toldCur: boolean;
  missedPeriods: string;
}

function rowsOf(items: readonly DigestItem[], ctx: LetterContext, url: (id: string) => string): Row[] {
  return [...groupBy(items, (item) => item.organizationId).values()]
    .map((mine) => {
      const latest = mine.reduce((a, b) => (b.periodStart > a.periodStart ? b : a));
      const periods = [...mine].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
      return {
        organizationName: latest.organizationName,
        historyUrl: url(latest.organizationId),
        actual: latest.actual,
        required: latest.required,
        consecutiveMisses: latest.consecutiveMisses,
        toldCur: mine.some((i) => i.toldCur),
        missedPeriods: periods.map((i) => periodText(i.period, ctx.timeZone)).join('; '),
      };
    })
    .sort((a, b) => b.consecutiveMisses - a.consecutiveMisses || russianOrder(a.organizationName, b.organizationName));
}

/**
 * The letter of one digest: a section per rule and decree item (mandatory and recommended never
 * share one), a row per organization with its latest period and, after a catch-up, every period
 * it missed; "what to do" only for the rule's current period, worded for what the recipient is
 * to those organizations; resolved escalations as one line each.
 */
/** Why a miss was closed, as its resolution line says. */
const RESOLUTION_CAUSE = {
  MET: 'норма выполнена по отчётам, поступившим или исправленным после проверки',
  EXEMPT: 'организация освобождена от проверки за этот период',
  GONE: 'организация больше не проверяется',
} as const;

const pagesCount = (n: number) => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11 ? 'страница' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'страницы' : 'страниц';
  return `${n} ${word}`;
};

/** The most silent pages a letter names; the rest are counted. */
const SILENT_PAGES_LISTED = 10;

/** A page's address as a reader recognises it: vk.com/minles_kgku14. */
const shortAddress = (url: string) =>
  url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '');

/**
 * «Страницы без публикаций 14 дней и более»: the digest's silent pages, each with its last post's
 * date (or none seen), named with the organization when the letter is about more than one.
 */
export function silentPagesSection(digest: Digest, ctx: Pick<LetterContext, 'timeZone' | 'silentPages'>) {
  const pages = ctx.silentPages ? silentPagesOf(digest, ctx.silentPages) : [];
  if (!pages.length) return null;
  const names = new Map(digest.items.map((i) => [i.organizationId, i.organizationName]));
  const manyOrganizations = new Set(pages.map((p) => p.organizationId)).size > 1;
  return {
    title: `Страницы без публикаций ${SILENT_PAGE_DAYS} дней и более`,
    pages: pages.slice(0, SILENT_PAGES_LISTED).map((page) => ({
      url: page.url,
      address: shortAddress(page.url),
      organizationName: manyOrganizations ? (names.get(page.organizationId) ?? null) : null,
      since: page.lastPostAt
        ? `последняя публикация ${DateTime.fromJSDate(page.lastPostAt, { zone: ctx.timeZone }).toFormat('dd.LL.yyyy')}`
        : 'публикаций не найдено',
    })),
    more: pages.length > SILENT_PAGES_LISTED ? `и ещё ${pagesCount(pages.length - SILENT_PAGES_LISTED)}` : null,
  };
}

/** The most disproved placements a letter names; the rest are counted. */
const DISPROVED_LISTED = 10;

/**
 * «Не засчитаны по данным мониторинга страниц»: the placements behind the digest's missed weeks
 * that monitoring disproved, each with the material and the reason (which names the post's
 * address), and the organization when the letter is about more than one.
 */
export function disprovedSection(digest: Digest, ctx: Pick<LetterContext, 'disproved'>) {
  const placements = ctx.disproved ? disprovedOf(digest, ctx.disproved) : [];
  if (!placements.length) return null;
  const names = new Map(digest.items.map((i) => [i.organizationId, i.organizationName]));
  const manyOrganizations = new Set(placements.map((p) => p.organizationId)).size > 1;
  const rest = placements.length - DISPROVED_LISTED;
  return {
    title: 'Не засчитаны по данным мониторинга страниц',
    placements: placements.slice(0, DISPROVED_LISTED).map((placement) => ({
      url: placement.url,
      organizationName: manyOrganizations ? (names.get(placement.organizationId) ?? null) : null,
      title: placement.title,
      reason: placement.reason,
    })),
    more: rest > 0 ? `и ещё ${rest}` : null,
  };
}

/**
 * The most organizations a section lists, those with the longest runs of misses first; the rest
 * are counted, with the period's report one click away. A head reads a letter in ten seconds, and
 * a week the content center falls short at the country would list 100,000 recipients (54 MB).
 */
const ROWS_LISTED = 50;

export function renderDigestLetter(digest: Digest, ctx: LetterContext): Letter {
  const base = ctx.publicUrl.replace(/\/$/, '');
  const organizationUrl = (id: string) => `${base}/dashboard/#/organizations/${id}`;
  const reportUrl = (rule: RuleCode, period: string) => `${base}/dashboard/#/report/${rule}/${period}`;
  // Grouped in place: a short week of the content center's supply puts every recipient in one section.
  const groups = groupBy(digest.items, (item) => `${item.rule}|${item.severity}|${item.decreeItem}`);
  const sections = [...groups.values()].map((items) => {
    const { rule, severity, decreeItem } = items[0]!;
    const wording = WORDING[rule];
    const periods = [...new Set(items.map((i) => i.period))];
    const latest = items.reduce((a, b) => (b.periodStart > a.periodStart ? b : a));
    const current = latest.period === ctx.currentPeriod(rule).label;
    const recommended = severity === 'RECOMMENDED';
    const rows = rowsOf(items, ctx, organizationUrl);
    return {
      title: ruleTitle(rule),
      normLabel: recommended ? `Рекомендация (п. ${decreeItem} распоряжения № 299-р)` : `Норма (распоряжение № 299-р, п. ${decreeItem})`,
      normText: wording.norm(ctx.threshold(rule)),
      recommended,
      periodText: periods.length === 1 ? periodText(periods[0]!, ctx.timeZone) : null,
      manyPeriods: periods.length > 1,
      columns: wording.columns,
      rows: rows.slice(0, ROWS_LISTED),
      moreRows: rows.length > ROWS_LISTED ? `и ещё ${organizationsCount(rows.length - ROWS_LISTED)} — все в отчёте за период` : null,
      action: current ? actionFor(rule, items, ctx) : null,
      reportUrl: reportUrl(rule, latest.period),
    };
  });
  const organizations = new Set(digest.items.map((i) => i.organizationId)).size;
  const periods = [...new Set(digest.items.map((i) => i.period))];
  const rules = [...new Set(digest.items.map((i) => i.rule))];
  const open = new Map<string, { title: string }>();
  for (const item of digest.items) for (const m of ctx.openMaterials.get(item.organizationId) ?? []) open.set(m.title, m);
  let heading: string;
  if (!digest.items.length) heading = `Региональный контент: ${digest.resolved.length === 1 ? 'нарушение закрыто' : 'нарушения закрыты'}`;
  else if (periods.length === 1 && rules.length === 1) {
    heading = `Региональный контент: ${WORDING[rules[0]!].missed(organizationsCount(organizations), singular(organizations))} за ${periodText(periods[0]!, ctx.timeZone)}`;
  } else {
    heading = `Региональный контент: итоги проверок за ${spanOfPeriods(periods, ctx.timeZone)} — ${organizationsCount(organizations)}`;
  }
  const toCommittee = digest.items.length > 0 && digest.items.every((i) => i.roles.every((r) => r === 'COMMITTEE'));
  const model = {
    subject: heading,
    heading,
    sections,
    openMaterials:
      sections.some((s) => s.action) && !digest.items.every((i) => i.rule === 'CONTENT_CENTER_WEEKLY_SUPPLY')
        ? [...open.values()].slice(0, 5)
        : [],
    silentPages: silentPagesSection(digest, ctx),
    disproved: disprovedSection(digest, ctx),
    resolved: digest.resolved.map((r) => ({
      organizationName: r.organizationName,
      text: `${ruleTitle(r.rule)}, ${periodText(r.period, ctx.timeZone)}: ${RESOLUTION_CAUSE[r.nowStatus ?? 'GONE']}, нарушение закрыто.`,
      historyUrl: organizationUrl(r.organizationId),
    })),
    historyUrl: organizations === 1 ? organizationUrl(digest.items[0]!.organizationId) : `${base}/dashboard/`,
    committeeEmail: toCommittee ? null : ctx.committeeEmail,
    questions: !toCommittee,
  };
  return {
    to: digest.to,
    cc: digest.cc,
    subject: heading,
    html: escalationHtml(model),
    text: escalationText(model),
    decreeItems: [...new Set([...digest.items.map((i) => i.decreeItem)])].sort(),
  };
}
