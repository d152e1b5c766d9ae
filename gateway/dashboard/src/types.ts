/** The shapes of the API's answers as the dashboard's queries select them (see queries.ts). */

import type { OrganizationKind, Platform, RuleCode } from '@hub/common/vocabulary';
import type { ComplianceStatusCode as ComplianceStatus, SeverityCode as Severity } from '@hub/common/labels';

export type { ComplianceStatus, OrganizationKind, Platform, RuleCode, Severity };
export type MaterialTopic = 'GOVERNOR' | 'GOVERNMENT' | 'SOCIAL' | 'SOCIO_POLITICAL' | 'CULTURE' | 'SPORT';
export type WidgetForm = 'REPORT_PROBLEM' | 'SHARE_OPINION';

export interface Counts {
  evaluated: number;
  met: number;
  missed: number;
  exempt: number;
  rate: number | null;
}

export interface CompliancePoint extends Counts {
  period: string;
}

export interface ContentSupply {
  week: string;
  distributed: number;
  required: number | null;
  met: boolean | null;
}

export interface TrendData {
  complianceTrend: CompliancePoint[];
}

export interface SupplyHistoryData {
  contentSupplyHistory: ContentSupply[];
}

export interface SummaryData {
  complianceSummary: Counts & { period: string; bySeverity: { severity: 'MANDATORY' | 'RECOMMENDED'; rate: number | null }[] };
}

export interface SupplyData {
  contentSupply: ContentSupply;
}

export interface OrganizationRef {
  id: string;
  name: string;
}

export interface HeatmapRow {
  organization: OrganizationRef & { shortName: string | null; kind: OrganizationKind; registeredAt: string };
  /** Null where the week has no result: see evaluation.ts for why. */
  statuses: (ComplianceStatus | null)[];
  missed: number;
  consecutiveMisses: number;
}

export interface HeatmapData {
  complianceHeatmap: {
    periods: string[];
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    rows: HeatmapRow[];
  };
}

export interface MunicipalitiesData {
  organizations: { edges: { node: OrganizationRef }[] };
}

export interface Laggard {
  organization: OrganizationRef;
  parent: { name: string } | null;
  municipality: { name: string } | null;
  consecutiveMisses: number;
  missedSince: string;
  actual: number;
  required: number;
  severity: Severity;
}

export interface LaggardsData {
  laggards: Laggard[];
}

export interface ComplianceHistoryItem {
  rule: RuleCode;
  period: string;
  status: ComplianceStatus;
  actual: number;
  required: number;
  consecutiveMisses: number;
}

export interface OrganizationDetails {
  id: string;
  name: string;
  kind: OrganizationKind;
  registeredAt: string;
  parent: { name: string } | null;
  head: { fullName: string; position: string; email: string | null };
  pages: { platform: Platform; url: string; verified: boolean; feedbackWidgets: { form: WidgetForm }[] }[];
  /** Contributed by compliance: null while it does not answer. */
  compliance: ComplianceHistoryItem[] | null;
  weekProgress: { placed: number; required: number; remaining: number; atRisk: boolean } | null;
  escalations: { level: number; rule: RuleCode; period: string; consecutiveMisses: number; createdAt: string }[] | null;
}

export interface OrganizationData {
  organization: OrganizationDetails | null;
}

export interface Placement {
  material: { title: string };
  publishedAt: string;
  url: string;
  page: { platform: Platform };
}

export interface PlacementsData {
  organization: { placements: Placement[] } | null;
}

export interface MediaMissed {
  organization: OrganizationRef;
  actual: number;
  required: number;
  consecutiveMisses: number;
}

export interface MediaMissedData {
  complianceReport: { totalCount: number; edges: { node: MediaMissed }[] };
}

export interface MaterialUptake {
  material: { id: string; title: string; topic: MaterialTopic };
  recipients: number;
  placedBy: number;
  uptakeRate: number | null;
}

export interface TopicUptake {
  topic: MaterialTopic;
  materials: number;
  recipients: number;
  placedBy: number;
  uptakeRate: number | null;
}

export interface UptakeData {
  contentUptake: MaterialUptake[];
  topicUptake: TopicUptake[];
}

export interface WidgetCoverageData {
  widgetCoverage: {
    pages: number;
    withBoth: number;
    missingReportProblem: number;
    missingShareOpinion: number;
    missingBoth: number;
  };
}
