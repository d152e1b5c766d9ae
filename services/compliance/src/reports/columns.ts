import { formatInstant } from '@hub/common';
import { KIND_NAMES, SEVERITY_NAMES, STATUS_NAMES, nameOf, ruleWithItem } from '../domain/labels.js';
import type { ReportRow } from '../data/report-rows.repo.js';

export interface Column {
  header: string;
  width: number;
  value: (row: ReportRow) => string | number;
}

/** One row per organization and rule, with Russian headers: the same columns in XLSX and CSV. */
export function reportColumns(timeZone: string): Column[] {
  return [
    { header: 'Организация', width: 60, value: (r) => r.organization },
    { header: 'Вид', width: 28, value: (r) => nameOf(KIND_NAMES, r.kind) },
    { header: 'Вышестоящий орган', width: 48, value: (r) => r.parent ?? '' },
    { header: 'Муниципальное образование', width: 36, value: (r) => r.municipality ?? '' },
    { header: 'Правило', width: 44, value: (r) => ruleWithItem(r.rule, r.decree_item) },
    { header: 'Период', width: 11, value: (r) => r.period },
    { header: 'Обязательность', width: 15, value: (r) => nameOf(SEVERITY_NAMES, r.severity) },
    { header: 'Норма', width: 8, value: (r) => r.required },
    { header: 'Факт', width: 8, value: (r) => r.actual },
    { header: 'Статус', width: 14, value: (r) => nameOf(STATUS_NAMES, r.status) },
    { header: 'Пропусков подряд', width: 18, value: (r) => r.consecutive_misses },
    { header: 'Основание освобождения', width: 40, value: (r) => r.exemption_reason ?? '' },
    // Local time as people read it: 2026-11-30 10:05.
    { header: 'Оценено', width: 18, value: (r) => formatInstant(new Date(r.evaluated_at), timeZone).slice(0, 16).replace('T', ' ') },
  ];
}
