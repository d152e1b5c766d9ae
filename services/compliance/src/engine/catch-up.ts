import { parsePeriod, type RuleCode } from '@hub/common';
import { firstRegistration } from '../data/directory.repo.js';
import { lastEvaluations } from '../data/runs.repo.js';
import { ruleInForce } from '../data/rules.repo.js';
import type { ComplianceRun, RunTrigger } from '../entities/compliance-run.entity.js';
import { catchUpWindow, duePeriods } from '../domain/catch-up.js';
import { latestReports } from '../data/measures.repo.js';
import { periodProblem } from '../domain/checkable-period.js';
import { ruleTimeZone, runCheckUnlessDone, type EngineDeps } from './run-check.js';
import { tellEscalations } from './tell-escalations.js';

export const SCHEDULER_ACTOR = 'scheduler';

/**
 * Runs every check of these rules that is due: the one the schedule fired for, any that came due
 * while the hub was down (one per missed period, oldest first), and any made stale by late
 * reports. Safe with several workers: each period runs once (advisory lock + "evaluated since").
 * Then tells everything they escalated or resolved in one digest per recipient: a first start
 * or a worker back after days away writes one letter to each head, not one per past week.
 */
export async function runDueChecks(
  deps: EngineDeps,
  rules: RuleCode[],
  trigger: RunTrigger,
  touch: () => Promise<void> = async () => undefined,
): Promise<ComplianceRun[]> {
  const done: ComplianceRun[] = [];
  const first = await firstRegistration(deps.em);
  if (!first) return done;
  for (const code of rules) {
    const rule = await ruleInForce(deps.em.fork(), code, deps.clock());
    if (!rule?.enabled) continue;
    const zone = ruleTimeZone(rule, deps.timezone);
    const decidedAt = deps.clock();
    const evaluatedAt = await lastEvaluations(deps.em, code);
    // Only periods inside the catch-up window can be due: their latest reports, in one statement.
    const window = catchUpWindow({ kind: rule.periodKind, now: decidedAt, timeZone: zone, notBefore: first });
    const lastReportedAt = await latestReports(
      deps.em,
      window.filter((p) => evaluatedAt.has(p.label)),
    );
    const due = duePeriods({ kind: rule.periodKind, now: decidedAt, timeZone: zone, evaluatedAt, lastReportedAt, notBefore: first }).filter(
      (p) =>
        !periodProblem(
          { code, periodKind: rule.periodKind, deadline: rule.deadline ?? null },
          p,
          decidedAt,
          (d) => parsePeriod(d, zone).start,
        ),
    );
    for (const [i, period] of due.entries()) {
      const run = await runCheckUnlessDone(deps, {
        rule: code,
        period: period.label,
        trigger: i === due.length - 1 ? trigger : 'CATCH_UP',
        actor: SCHEDULER_ACTOR,
        unlessEvaluatedSince: decidedAt,
        deferLetters: true,
      });
      if (run) done.push(run);
      await touch();
    }
  }
  await deps.em
    .fork()
    .transactional((tx) => tellEscalations(tx, { now: deps.clock(), timeZone: deps.timezone, publicUrl: deps.publicUrl }));
  return done;
}
