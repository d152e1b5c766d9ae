import type { RuleCode } from '@hub/common';

/** The schedule of docs/DESIGN.md ("The schedule"), in the region's local time. Reminders, summaries and mail come with the escalation work. */
export const CHECK_SCHEDULE: { name: string; cron: string; rules: RuleCode[] }[] = [
  { name: 'compliance.weekly-check', cron: '0 9 * * 1', rules: ['CONTENT_CENTER_WEEKLY_SUPPLY', 'WEEKLY_PLACEMENTS'] },
  { name: 'compliance.monthly-check', cron: '0 9 1 * *', rules: ['MONTHLY_MEDIA_MENTION'] },
  { name: 'compliance.widget-check', cron: '0 9 * * *', rules: ['FEEDBACK_WIDGET'] },
];

/** Sends the outbox; also kicked right after every scheduled check. */
export const MAIL_DISPATCH_JOB = 'mail.dispatch';

/** Thursday 10:00: organizations below the norm so far hear what they still need (docs/DESIGN.md). */
export const REMINDER_JOB = { name: 'compliance.midweek-reminder', cron: '0 10 * * 4' };
/** Monday 10:00: last week's summary with a spreadsheet to the ЦУР and the committee, and the content center's own review (docs/DESIGN.md). */
export const SUMMARY_JOB = { name: 'compliance.weekly-summary', cron: '0 10 * * 1' };
/** Every morning at 08:00: yesterday's new materials to each recipient organization's contact (docs/DESIGN.md). */
export const DISTRIBUTION_DIGEST_JOB = { name: 'content.distribution-digest', cron: '0 8 * * *' };
