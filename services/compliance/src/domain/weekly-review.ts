import { leastPickedUpMaterials, uptakeByTopic, type MaterialUptake } from '@hub/common';
import { KIND_NAMES, TOPIC_NAMES, nameOf } from './labels.js';

/**
 * What Monday's letters say about the content (docs/DESIGN.md, "Letters"): the content center's
 * supply per recipient group (2.2), how its materials were picked up, the ЦУР's open notes
 * (item 5), and the standing on 3.2 and 3.3 for the committee's summary (item 1). Pure: the
 * engine reads the figures and renders the notice.
 */

/** «12 из 40 (30 %)»; «—» when no one received it. */
export function share(placedBy: number, recipients: number): string {
  return recipients ? `${placedBy} из ${recipients} (${Math.round((placedBy / recipients) * 100)} %)` : '—';
}

export function uptakeLine(materials: readonly MaterialUptake[]): string {
  if (!materials.length) return 'Материалов за неделю не распространялось.';
  const recipients = materials.reduce((sum, m) => sum + m.recipients, 0);
  const placed = materials.reduce((sum, m) => sum + m.placedBy, 0);
  return `Отклик на материалы недели: распространено ${materials.length}, получателей — ${recipients} (по материалам), разместили ${share(placed, recipients)}.`;
}

export interface SupplyGroupFigures {
  kind: string;
  recipients: number;
  short: number;
  fewest: number;
  required: number;
}

export function supplyTable(groups: readonly SupplyGroupFigures[]) {
  return {
    title: 'Поставка по группам получателей (п. 2.2)',
    columns: ['Получатели', 'Организаций', 'Получили меньше нормы', 'Меньше всего получила одна организация'],
    rows: groups.map((g) => [nameOf(KIND_NAMES, g.kind), g.recipients, g.short, `${g.fewest} из ${g.required}`]),
  };
}

export function supplyLine(groups: readonly SupplyGroupFigures[]): string {
  if (!groups.length) return 'Поставка контент-центра за неделю не оценивалась.';
  const recipients = groups.reduce((sum, g) => sum + g.recipients, 0);
  const short = groups.reduce((sum, g) => sum + g.short, 0);
  return `Поставка контент-центра (п. 2.2, не менее ${groups[0]!.required} материалов каждому получателю): меньше получили ${short} из ${recipients} организаций.`;
}

export function leastPickedTable<T extends MaterialUptake & { title: string }>(materials: readonly T[], count: number) {
  return {
    title: 'Меньше всего размещали',
    columns: ['Материал', 'Тема', 'Разместили'],
    rows: leastPickedUpMaterials(materials)
      .slice(0, count)
      .map((m) => [m.title, nameOf(TOPIC_NAMES, m.topic), share(m.placedBy, m.recipients)]),
  };
}

export function topicTable(materials: readonly MaterialUptake[]) {
  return {
    title: 'Отклик по темам, с наименьшего',
    columns: ['Тема', 'Материалов', 'Разместили'],
    rows: uptakeByTopic(materials).map((t) => [nameOf(TOPIC_NAMES, t.topic), t.materials, share(t.placedBy, t.recipients)]),
  };
}

export interface NoteFigures {
  text: string;
  materialTitle: string | null;
  topic: string | null;
  week: string | null;
  createdAt: Date;
}

/** «от 3 декабря, к материалу «…», тема «Культура», неделя 2026-W48: текст». */
export function noteLine(note: NoteFigures, timeZone: string): string {
  const written = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone }).format(note.createdAt);
  const about = [
    note.materialTitle ? `к материалу «${note.materialTitle}»` : null,
    note.topic ? `тема «${nameOf(TOPIC_NAMES, note.topic)}»` : null,
    note.week ? `неделя ${note.week}` : null,
  ].filter(Boolean);
  return `от ${written}${about.length ? `, ${about.join(', ')}` : ''}: ${note.text}`;
}

export interface StandingFigures {
  severity: string;
  met: number;
  missed: number;
  exempt: number;
}

/** 3.2 and 3.3 bind executive bodies and their subordinates only: their mandatory results. */
export function standingLine(label: string, span: string | null, standing: readonly StandingFigures[]): string {
  const mandatory = standing.find((s) => s.severity === 'MANDATORY');
  if (!span || !mandatory) return `${label}: не оценивалось.`;
  const total = mandatory.met + mandatory.missed + mandatory.exempt;
  return `${label} (${span}): выполнили ${mandatory.met} из ${total} организаций, не выполнили ${mandatory.missed}, освобождены ${mandatory.exempt}.`;
}

/** The week's placements as the platforms bear them out, summed over the organizations. */
export interface EvidenceFigures {
  placements: number;
  reported: number;
  discovered: number;
  verified: number;
  doubted: number;
  disproved: number;
}

/**
 * «Проверка по страницам»: how many of the week's placements the hub saw on their pages, how many
 * it found itself, and how many stopped counting (docs/DESIGN.md, "Evidence from the platforms").
 */
export function evidenceLine(rows: readonly EvidenceFigures[]): string {
  const sum = (key: keyof EvidenceFigures) => rows.reduce((total, row) => total + row[key], 0);
  const placements = sum('placements');
  if (!placements && !sum('disproved')) return 'Проверка по страницам: размещений за неделю нет.';
  return (
    `Проверка по страницам: подтверждено мониторингом ${share(sum('verified'), placements)} размещений; ` +
    `по отчётам ${sum('reported')}, найдено мониторингом без отчёта ${sum('discovered')}; ` +
    `под сомнением (не найдены при последней проверке) ${sum('doubted')}, не засчитано по итогам двух проверок ${sum('disproved')}.`
  );
}

/** «Страницы»: the pages the hub cannot read and those silent for `silentDays` days or more. */
export function pagesLine(pages: readonly { status: string | null }[], silentDays: number): string {
  const unreadable = pages.filter((p) => p.status !== 'OK').length;
  const silent = pages.length - unreadable;
  if (!pages.length) return `Официальные страницы: все читаются, молчащих ${silentDays} дней и более нет.`;
  return `Официальные страницы: не удаётся прочитать ${unreadable}, без публикаций ${silentDays} дней и более — ${silent} (список во вложенной таблице).`;
}
