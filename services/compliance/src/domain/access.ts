/**
 * Who reads compliance results beyond an organization's own: the ЦУР and the committee for the
 * region, heads and operators for their tree. complianceReport, the summaries and the
 * spreadsheet export share it, so their counts are visible to the same people.
 */
export const ANALYTICS_READERS = ['ADMIN', 'ANALYST', 'HEAD', 'OPERATOR'] as const;
