import type { RuleCode } from '@hub/common';

/**
 * What the compliance worker runs and when, in the region's local time (docs/DESIGN.md, "The
 * schedule"): the one list of jobs. The worker binds a handler to each name (worker.ts), the
 * `scheduledJobs` query reads the jobs of these names, and README.md's "What runs when" table
 * and docs/DESIGN.md's schedule are these rows (test/unit/schedule.test.ts holds them to it). No
 * Agenda here: the GraphQL process imports this (test/unit/graphql-process.test.ts).
 */
export interface ScheduledJobSpec {
  /** Namespaced (CONVENTIONS.md): the Agenda job's name. */
  readonly name: string;
  /** 5-field cron in the region's time zone. */
  readonly cron: string;
  /** The cron as people read it (README.md's "when"). */
  readonly when: string;
  /** What a run does (README.md's "does"). */
  readonly does: string;
  /** The rules a run checks (a scheduled check); the rest queue or send mail. */
  readonly checks?: readonly RuleCode[];
}

export const JOBS = [
  {
    name: 'compliance.weekly-check',
    cron: '0 9 * * 1',
    when: 'Monday 09:00',
    does: "evaluates last week's placements and the content center's supply, escalates misses",
    checks: ['CONTENT_CENTER_WEEKLY_SUPPLY', 'WEEKLY_PLACEMENTS'],
  },
  {
    name: 'compliance.monthly-check',
    cron: '0 9 1 * *',
    when: '1st, 09:00',
    does: "evaluates last month's mass-media mentions",
    checks: ['MONTHLY_MEDIA_MENTION'],
  },
  {
    name: 'compliance.widget-check',
    cron: '0 9 * * *',
    when: 'daily 09:00',
    does: 'pages without the feedback widget',
    checks: ['FEEDBACK_WIDGET'],
  },
  {
    name: 'content.distribution-digest',
    cron: '0 8 * * *',
    when: 'daily 08:00',
    does: "each organization's new materials of the day before",
  },
  {
    name: 'compliance.midweek-reminder',
    cron: '0 10 * * 4',
    when: 'Thursday 10:00',
    does: 'organizations below 3 so far hear what they still need',
  },
  {
    name: 'compliance.weekly-summary',
    cron: '0 10 * * 1',
    when: 'Monday 10:00',
    does: "last week's summary with an XLSX workbook to the ЦУР, copied to the committee",
  },
  {
    name: 'mail.dispatch',
    cron: '* * * * *',
    when: 'every minute',
    does: 'sends the outbox (also right after each check)',
  },
] as const satisfies readonly ScheduledJobSpec[];

export type JobName = (typeof JOBS)[number]['name'];

/** Every job's name, in the order the `scheduledJobs` query lists them. */
export const JOB_NAMES: JobName[] = JOBS.map((job) => job.name);

/** The scheduled checks and the rules each one evaluates. */
export const CHECK_JOBS = JOBS.filter((job): job is Extract<(typeof JOBS)[number], { checks: readonly RuleCode[] }> => 'checks' in job);

export type CheckJobName = (typeof CHECK_JOBS)[number]['name'];

/** The rules one scheduled check evaluates. */
export const checksOf = (name: CheckJobName): RuleCode[] => [...(CHECK_JOBS.find((job) => job.name === name)?.checks ?? [])];

/** Every rule a scheduled check evaluates (what a start-up catch-up covers). */
export const SCHEDULED_RULES: RuleCode[] = CHECK_JOBS.flatMap((job) => [...job.checks]);
