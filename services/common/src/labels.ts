/**
 * The compliance vocabulary's Russian names, for everything people read: letters, exports and the
 * dashboard. No imports: the dashboard's browser bundle reads this file too (@hub/common/labels).
 */
export const STATUS_NAMES = { MET: 'выполнено', MISSED: 'не выполнено', EXEMPT: 'освобождено' } as const;
export type ComplianceStatusCode = keyof typeof STATUS_NAMES;

export const SEVERITY_NAMES = { MANDATORY: 'обязательно', RECOMMENDED: 'рекомендовано' } as const;
export type SeverityCode = keyof typeof SEVERITY_NAMES;

export const TOPIC_NAMES = {
  GOVERNOR: 'Губернатор',
  GOVERNMENT: 'Правительство',
  SOCIAL: 'Социальная сфера',
  SOCIO_POLITICAL: 'Общественно-политическое',
  CULTURE: 'Культура',
  SPORT: 'Спорт',
} as const;
export type TopicCode = keyof typeof TOPIC_NAMES;

/** How the hub last fared reading a page (monitoring's CrawlStatus), as the ЦУР reads it. */
export const CRAWL_STATUS_NAMES = {
  OK: 'читается',
  UNREACHABLE: 'недоступна (три проверки подряд)',
  PRIVATE: 'закрыта или доступ запрещён',
  NOT_FOUND: 'не найдена на платформе',
  RATE_LIMITED: 'платформа ограничила запросы',
  PARSE_FAILED: 'не читается: платформа изменила формат',
  NOT_CONFIGURED: 'не проверяется',
} as const;
export type CrawlStatusCode = keyof typeof CRAWL_STATUS_NAMES;
