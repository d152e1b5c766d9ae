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
