// The compliance history a running hub would have by `now`: the worker's weekly and monthly
// checks of the last weeks, their letters already sent.
import { periodContaining, shiftPeriod, withClient } from '@hub/common';
import { openEngine } from '../lib/engine.js';
import type { DatasetSpec } from './spec.js';
import { calendarOf } from './calendar.js';

const MONTHS = 3;

export async function evaluateHistory(databaseUrl: string, spec: DatasetSpec, log: (message: string) => void): Promise<number> {
  const started = performance.now();
  const calendar = calendarOf(spec);
  const engine = await openEngine(databaseUrl, new Date(calendar.now), spec.timeZone);
  try {
    const weeks = calendar.weeks.slice(-spec.evaluatedWeeks);
    for (const [i, week] of weeks.entries()) {
      // The supply per recipient only where the dataset keeps the recipients (the nation: its last
      // 4 weeks). Before, a running hub would have had them: checked without, every one of 100,000
      // recipients would be escalated as short, every week.
      if (i >= weeks.length - spec.recipientWeeks) await engine.check('CONTENT_CENTER_WEEKLY_SUPPLY', week.label);
      await engine.check('WEEKLY_PLACEMENTS', week.label);
      // What autovacuum does in the week between two checks: the next one plans on today's sizes.
      await withClient(databaseUrl, (client) => client.query('analyze compliance.escalation, compliance.notification'));
    }
    const thisMonth = periodContaining('MONTH', new Date(calendar.now), spec.timeZone);
    for (let back = MONTHS; back >= 1; back--) {
      const month = shiftPeriod(thisMonth, -back, spec.timeZone);
      if (month.start >= calendar.weeks[0]!.start) await engine.check('MONTHLY_MEDIA_MENTION', month.label);
    }
  } finally {
    await engine.close();
  }
  await markLettersSent(databaseUrl);
  const seconds = (performance.now() - started) / 1000;
  log(`  compliance history (${spec.evaluatedWeeks} weeks, ${MONTHS} months): ${seconds.toFixed(1)} s`);
  return seconds;
}

/** The dispatcher would have sent them long ago: scenarios start from an empty outbox. */
async function markLettersSent(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) =>
    client.query(`update compliance.notification set status = 'SENT', attempts = 1, sent_at = created_at,
      message_id = '<' || id || '@bench.local>' where status = 'PENDING'`),
  );
}
