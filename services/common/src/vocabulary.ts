/** Enumerations every subgraph speaks (their SDL enums must list the same values). */
export const ORGANIZATION_KINDS = [
  'EXECUTIVE_BODY',
  'MUNICIPALITY',
  'SUBORDINATE',
  'CONTENT_CENTER',
  'COMMITTEE',
  'REGIONAL_MANAGEMENT_CENTER',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PLATFORMS = ['VK', 'OK', 'TELEGRAM', 'MAX', 'GOSPABLIKI', 'WEBSITE'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const RULE_CODES = ['CONTENT_CENTER_WEEKLY_SUPPLY', 'WEEKLY_PLACEMENTS', 'FEEDBACK_WIDGET', 'MONTHLY_MEDIA_MENTION'] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/**
 * The hub pages a sign-in link may open once used (docs/DESIGN.md, "Signing in"): the dashboard
 * and what it names after # (the form of every letter's link). A path of the hub only, never
 * another site: compliance checks it when the link is asked for, the gateway before redirecting,
 * and the dashboard before sending it.
 */
export const SIGN_IN_PAGE = /^\/dashboard\/(#\/[A-Za-z0-9/_\-?=&.%]*)?$/u;
