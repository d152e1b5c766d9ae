import type { Worksheet } from 'exceljs';
import { describeInstant, describePeriod, parsePeriod, periodContaining, shiftPeriod } from '@hub/common';
import { addressees } from '../data/mail-directory.repo.js';
import { latestStanding, periodUptake, supplyByGroup, weeklyResults } from '../data/weekly-review.repo.js';
import { evidenceLine, pagesLine, standingLine, supplyLine, supplyTable, uptakeLine } from '../domain/weekly-review.js';
import { troubledPages, weekEvidence, weekReachByTopic } from '../data/evidence.repo.js';
import { SILENT_PAGE_DAYS } from '../domain/digests.js';
import { queueLetters } from '../data/outbox.repo.js';
import { renderNotice } from '../mail/notice.js';
import type { EngineDeps } from './run-check.js';
import { CRAWL_STATUS_NAMES, KIND_NAMES, SEVERITY_NAMES, STATUS_NAMES, TOPIC_NAMES, nameOf, ruleWithItem } from '../domain/labels.js';
import { spreadsheetSafe } from '../reports/spreadsheet-safe.js';

/**
 * Monday's summary (docs/DESIGN.md, "The schedule"; decree item 1) to the ЦУР, copied to the
 * committee: last week's results in numbers, mandatory (3.1) and recommended (4) apart, the
 * content center's supply per recipient group (2.2) and its materials' uptake, the latest
 * standing on the widget (3.2) and the media mention (3.3), and the longest runs of misses, with
 * every weekly result in an XLSX workbook. Once per week.
 */
export async function queueWeeklySummary(deps: EngineDeps): Promise<number> {
  const week = shiftPeriod(periodContaining('WEEK', deps.clock(), deps.timezone), -1, deps.timezone);
  const rows = await weeklyResults(deps.em, week.label);
  if (!rows.length) return 0;
  const people = [...(await addressees(deps.em, [])).values()];
  const address = (kind: string) => {
    const who = people.find((p) => p.kind === kind);
    return who?.contactEmail ?? who?.headEmail ?? null;
  };
  const to = address('REGIONAL_MANAGEMENT_CENTER');
  if (!to) return 0;
  const committee = address('COMMITTEE');

  const weekly = rows.filter((r) => r.rule === 'WEEKLY_PLACEMENTS');
  // Mandatory (3.1) and recommended (4) results are told apart, never as one rate.
  const line = (severity: string, label: string) => {
    const mine = weekly.filter((r) => r.severity === severity);
    const n = (status: string) => mine.filter((r) => r.status === status).length;
    return mine.length
      ? `${label}: выполнили ${n('MET')} из ${mine.length} организаций, не выполнили ${n('MISSED')}, освобождены ${n('EXEMPT')}.`
      : `${label}: не оценивалось.`;
  };
  const [groups, uptake, widget, media, evidence, reach, pages] = await Promise.all([
    supplyByGroup(deps.em, week.label),
    periodUptake(deps.em, week),
    latestStanding(deps.em, 'FEEDBACK_WIDGET', deps.clock()),
    latestStanding(deps.em, 'MONTHLY_MEDIA_MENTION', deps.clock()),
    weekEvidence(deps.em, week),
    weekReachByTopic(deps.em, week),
    troubledPages(deps.em, deps.clock(), SILENT_PAGE_DAYS),
  ]);
  const spanOf = (standing: { period: string }[]) =>
    standing[0] ? describePeriod(parsePeriod(standing[0].period, deps.timezone), deps.timezone) : null;
  const span = describePeriod(week, deps.timezone);
  const subject = `Региональный контент: итоги недели ${span}`;
  const body = renderNotice({
    heading: subject,
    paragraphs: [
      line('MANDATORY', 'Норму размещения (не менее 3 материалов в неделю, п. 3.1: органы власти и подведомственные организации)'),
      line('RECOMMENDED', 'Рекомендацию муниципальным образованиям (п. 4)'),
      supplyLine(groups),
      uptakeLine(uptake),
      evidenceLine(evidence),
      pagesLine(pages, SILENT_PAGE_DAYS),
      standingLine('Виджет обратной связи Госуслуг на каждой официальной странице (п. 3.2)', spanOf(widget), widget),
      standingLine('Публикация в СМИ об официальных страницах (п. 3.3)', spanOf(media), media),
      'Все результаты недели — во вложенной таблице.',
    ],
    tables: [
      {
        title: 'Дольше всех не выполняют норму п. 3.1',
        columns: ['Организация', 'Размещено', 'Пропусков подряд'],
        rows: weekly
          .filter((r) => r.status === 'MISSED' && r.severity === 'MANDATORY')
          .slice(0, 10)
          .map((r) => [r.name, r.actual, r.consecutive_misses]),
      },
      supplyTable(groups),
    ],
    footer: `Дашборд: ${deps.publicUrl.replace(/\/$/, '')}/dashboard/`,
  });

  // Loaded once a week, here: the package holds ~25 MB a process would otherwise keep from boot.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Итоги недели');
  sheet.columns = [
    { header: 'Организация', key: 'name', width: 60 },
    { header: 'Вид', key: 'kind', width: 28 },
    { header: 'Правило', key: 'rule', width: 44 },
    { header: 'Пункт', key: 'item', width: 8 },
    { header: 'Обязательность', key: 'severity', width: 16 },
    { header: 'Норма', key: 'required', width: 8 },
    { header: 'Факт', key: 'actual', width: 8 },
    { header: 'Статус', key: 'status', width: 14 },
    { header: 'Пропусков подряд', key: 'streak', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const values = {
      name: r.name,
      kind: nameOf(KIND_NAMES, r.kind),
      rule: ruleWithItem(r.rule, r.decree_item),
      item: r.decree_item,
      severity: nameOf(SEVERITY_NAMES, r.severity),
      required: r.required,
      actual: r.actual,
      status: nameOf(STATUS_NAMES, r.status),
      streak: r.consecutive_misses,
    };
    // Organization names are typed by people: none may become a live formula in the ЦУР's
    // workbook (docs/SECURITY.md, "Spreadsheet exports"), the same function as the exports use.
    sheet.addRow(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, spreadsheetSafe(value)])));
  }
  addSheet(
    workbook.addWorksheet('Проверка по страницам'),
    [
      ['Организация', 60],
      ['Размещений', 12],
      ['По отчётам', 12],
      ['Найдено мониторингом', 14],
      ['Подтверждено', 14],
      ['Под сомнением', 14],
      ['Не засчитано', 14],
      ['Просмотры', 12],
    ],
    evidence.map((r) => [r.name, r.placements, r.reported, r.discovered, r.verified, r.doubted, r.disproved, r.views]),
  );
  addSheet(
    workbook.addWorksheet('Охват по темам'),
    [
      ['Тема', 28],
      ['Размещений', 12],
      ['Из них видел мониторинг', 16],
      ['Просмотры', 12],
      ['Отметки «нравится»', 14],
      ['Репосты', 12],
      ['Комментарии', 14],
    ],
    reach.map((r) => [nameOf(TOPIC_NAMES, r.topic), r.placements, r.seen, r.views, r.likes, r.reposts, r.comments]),
  );
  addSheet(
    workbook.addWorksheet('Страницы'),
    [
      ['Организация', 60],
      ['Страница', 44],
      ['Состояние', 36],
      ['Последняя публикация', 20],
      ['Ошибка', 50],
    ],
    pages.map((p) => [
      p.name,
      p.url,
      nameOf(CRAWL_STATUS_NAMES, p.status ?? ''),
      p.lastPostAt ? describeInstant(p.lastPostAt, deps.timezone) : 'не найдено',
      p.error ?? '',
    ]),
  );
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  return queueLetters(
    deps.em,
    [
      {
        kind: 'WEEKLY_SUMMARY',
        dedupKey: `summary:${week.label}`,
        to,
        cc: committee && committee !== to ? [committee] : [],
        subject,
        ...body,
        attachments: [
          {
            filename: `regional-content-${week.label}.xlsx`,
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            contentBase64: xlsx.toString('base64'),
          },
        ],
      },
    ],
    deps.clock(),
  );
}

/** A sheet with a bold header row; every value made spreadsheet-safe (docs/SECURITY.md, "Spreadsheet exports"). */
function addSheet(sheet: Worksheet, columns: [header: string, width: number][], rows: (string | number)[][]): void {
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => spreadsheetSafe(value)));
}
