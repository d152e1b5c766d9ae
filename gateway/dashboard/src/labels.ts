import { CRAWL_STATUS_NAMES, SEVERITY_NAMES, STATUS_NAMES, TOPIC_NAMES } from '@hub/common/labels';
import type { CellStatus } from './evaluation';
import type {
  CrawlStatus,
  FeedbackWidgetForm,
  MaterialTopic,
  OrganizationKind,
  Platform,
  PlacementSource,
  PlacementVerification,
  RuleCode,
  Severity,
} from './generated/graphql';

export const KIND_LABELS: Record<OrganizationKind, string> = {
  EXECUTIVE_BODY: 'Органы исполнительной власти',
  MUNICIPALITY: 'Муниципальные образования',
  SUBORDINATE: 'Подведомственные организации',
  CONTENT_CENTER: 'Контент-центр',
  COMMITTEE: 'Комитет по информационной политике',
  REGIONAL_MANAGEMENT_CENTER: 'Центр управления регионом',
};

export const KIND_SINGULAR: Record<OrganizationKind, string> = {
  EXECUTIVE_BODY: 'орган исполнительной власти',
  MUNICIPALITY: 'муниципальное образование',
  SUBORDINATE: 'подведомственная организация',
  CONTENT_CENTER: 'контент-центр',
  COMMITTEE: 'комитет',
  REGIONAL_MANAGEMENT_CENTER: 'ЦУР',
};

/** A week without a result: a gap where one was due («нет данных»), or before the organization was registered. */
export const STATUS_LABELS: Record<CellStatus, string> = { ...STATUS_NAMES, NONE: 'нет данных', NOT_EVALUATED: 'не оценивалась' };

/** What a blank week means, for a cell's title and the history. */
export const NOT_EVALUATED_HINT = 'организация ещё не была зарегистрирована';

export const RULE_LABELS: Record<RuleCode, string> = {
  WEEKLY_PLACEMENTS: 'Размещение (3 в неделю)',
  CONTENT_CENTER_WEEKLY_SUPPLY: 'Поставка контента',
  FEEDBACK_WIDGET: 'Виджет обратной связи',
  MONTHLY_MEDIA_MENTION: 'Упоминание в СМИ',
};

export const SEVERITY_LABELS: Record<Severity, string> = SEVERITY_NAMES;

export const TOPIC_LABELS: Record<MaterialTopic, string> = TOPIC_NAMES;

/** How monitoring last fared reading a page; a page not crawled yet has no status. */
export const CRAWL_STATUS_LABELS: Record<CrawlStatus, string> = CRAWL_STATUS_NAMES;
export const NOT_CRAWLED_LABEL = 'ещё не проверялась';

export const PLATFORM_LABELS: Record<Platform, string> = {
  VK: 'ВКонтакте',
  OK: 'Одноклассники',
  TELEGRAM: 'Telegram',
  MAX: 'MAX',
  GOSPABLIKI: 'Госпаблики',
  WEBSITE: 'Сайт',
};

export const WIDGET_FORM_LABELS: Record<FeedbackWidgetForm, string> = {
  REPORT_PROBLEM: '«Сообщить о проблеме»',
  SHARE_OPINION: '«Поделиться мнением»',
};

/** What the hub's monitoring found of a placement's post on its page. */
export const VERIFICATION_LABELS: Record<PlacementVerification, string> = {
  PENDING: 'ещё не проверено',
  VERIFIED: 'найдено на странице',
  NOT_FOUND: 'не найдено на странице',
  MISMATCH: 'на странице другой текст',
};

export const SOURCE_LABELS: Record<PlacementSource, string> = {
  REPORTED: 'отмечено вручную',
  DISCOVERED: 'найдено хабом',
};

/** Who is missing when a subgraph does not answer. */
export const SERVICE_LABELS: Record<string, string> = {
  compliance: 'сервис проверок',
  organizations: 'реестр организаций',
  content: 'сервис материалов',
  monitoring: 'сервис мониторинга',
};

export const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'администратор',
  EDITOR: 'редактор',
  OPERATOR: 'оператор',
  ANALYST: 'аналитик ЦУР',
  HEAD: 'руководитель',
};

/** What a missing part of an answer is, by its path without list indices. */
export const FIELD_LABELS: Record<string, string> = {
  complianceSummary: 'итоги периода',
  complianceReport: 'список не выполнивших',
  complianceTrend: 'доля выполнивших по неделям',
  complianceHeatmap: 'тепловая карта',
  laggards: 'отстающие',
  contentSupply: 'поставка контента',
  'contentSupply.required': 'норма контент-центра',
  'contentSupply.met': 'выполнение нормы контент-центра',
  contentSupplyHistory: 'поставка контента по неделям',
  'contentSupplyHistory.required': 'норма контент-центра',
  'contentSupplyHistory.met': 'выполнение нормы контент-центра',
  organizations: 'список муниципальных образований',
  organization: 'организация',
  'organization.compliance': 'история оценок',
  'organization.weekProgress': 'текущая неделя',
  'organization.escalations': 'эскалации',
  'organization.placements': 'размещения',
  'organization.receivedMaterials': 'материалы недели',
  'organization.pages.crawl': 'проверка страниц',
  'organization.placements.verification': 'проверка размещений',
  'organization.placements.material': 'материалы размещений',
  contentUptake: 'охват по материалам',
  topicUptake: 'охват по темам',
  widgetCoverage: 'покрытие виджетом',
  placementEvidence: 'проверка размещений по страницам',
  reach: 'охват по темам',
  pageHealth: 'состояние страниц',
  'pageHealth.edges.node.page': 'страницы',
  'pageHealth.edges.node.page.organization': 'организации страниц',
};
