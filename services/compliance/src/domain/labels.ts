/** Russian names for what people read: letters, spreadsheets, exports. */
export const RULE_NAMES: Record<string, string> = {
  WEEKLY_PLACEMENTS: 'Размещение регионального контента (п. 3.1)',
  CONTENT_CENTER_WEEKLY_SUPPLY: 'Поставка материалов контент-центром (п. 2.2)',
  FEEDBACK_WIDGET: 'Виджет обратной связи Госуслуг (п. 3.2)',
  MONTHLY_MEDIA_MENTION: 'Публикация в СМИ об официальных страницах (п. 3.3)',
};

export const KIND_NAMES: Record<string, string> = {
  EXECUTIVE_BODY: 'Орган исполнительной власти',
  MUNICIPALITY: 'Муниципальное образование',
  SUBORDINATE: 'Подведомственная организация',
  CONTENT_CENTER: 'Контент-центр',
  COMMITTEE: 'Комитет',
  REGIONAL_MANAGEMENT_CENTER: 'ЦУР',
};

// CRAWL_STATUS_NAMES: how the hub last fared reading a page (monitoring's CrawlStatus); the dashboard's names too.
export { CRAWL_STATUS_NAMES, SEVERITY_NAMES, STATUS_NAMES, TOPIC_NAMES } from '@hub/common';

/** A rule's name with the decree item its result rests on (3.1 for a body, 4 for a municipality: never 3.1 for a municipality). */
export const ruleWithItem = (rule: string, decreeItem: string): string =>
  `${(RULE_NAMES[rule] ?? rule).replace(/\s*\(п\.[^)]*\)/, '')} (п. ${decreeItem})`;

export const nameOf = (names: Readonly<Record<string, string>>, code: string): string => names[code] ?? code;
