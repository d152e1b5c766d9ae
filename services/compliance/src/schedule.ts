import type { RuleCode } from '@hub/common';

/** DESIGN's schedule, in the region's local time. Reminders, summaries and mail come with the escalation work. */
export const CHECK_SCHEDULE: { name: string; cron: string; rules: RuleCode[] }[] = [
  { name: 'compliance.weekly-check', cron: '0 9 * * 1', rules: ['CONTENT_CENTER_WEEKLY_SUPPLY', 'WEEKLY_PLACEMENTS'] },
  { name: 'compliance.monthly-check', cron: '0 9 1 * *', rules: ['MONTHLY_MEDIA_MENTION'] },
  { name: 'compliance.widget-check', cron: '0 9 * * *', rules: ['FEEDBACK_WIDGET'] },
];

/** Sends the outbox; also kicked right after every scheduled check. */
export const MAIL_DISPATCH_JOB = 'mail.dispatch';
