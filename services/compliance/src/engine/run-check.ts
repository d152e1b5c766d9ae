import type { EntityManager } from '@mikro-orm/postgresql';
import {
  HubError, badInput, parsePeriod, runSql, shiftPeriod, type Clock, type Logger, type Period, type RuleCode,
} from '@hub/common';
import { ComplianceRuleEntity, type ComplianceRule } from '../entities/compliance-rule.entity.js';
import { ComplianceRunEntity, type ComplianceRun, type RunTrigger } from '../entities/compliance-run.entity.js';
import { evaluate, tally } from '../domain/evaluate.js';
import { periodProblem } from '../domain/checkable-period.js';
import { loadMeasures } from '../data/measures.repo.js';
import { activeExemptions, previousMisses, recomputeLaterRuns, writeResults } from '../data/results.repo.js';

export interface EngineDeps {
  em: EntityManager;
  clock: Clock;
  /** The hub's time zone; a rule may name its own. */
  timezone: string;
  logger: Logger;
}

export interface CheckRequest {
  rule: RuleCode;
  period: string;
  trigger: RunTrigger;
  actor: string;
}

export const ruleTimeZone = (rule: ComplianceRule, hubTimeZone: string) => rule.timezone ?? hubTimeZone;

/** The rule and the period it is asked for, or BAD_USER_INPUT saying why not. */
export async function resolveCheck(deps: EngineDeps, request: Pick<CheckRequest, 'rule' | 'period'>): Promise<{ rule: ComplianceRule; period: Period }> {
  const rule = await deps.em.findOne(ComplianceRuleEntity, { code: request.rule });
  if (!rule) throw badInput('rule', `rule: unknown rule ${request.rule}`);
  if (!rule.enabled) throw badInput('rule', `rule: ${rule.code} is disabled`);
  const zone = ruleTimeZone(rule, deps.timezone);
  const period = parsePeriod(request.period, zone, { field: 'period' });
  const problem = periodProblem(
    { code: rule.code, periodKind: rule.periodKind, deadline: rule.deadline ?? null },
    period,
    deps.clock(),
    (date) => parsePeriod(date, zone).start,
  );
  if (problem) throw badInput('period', `period: ${problem}`);
  return { rule, period };
}

/**
 * Evaluates one rule for one period: counts through the read contracts (one aggregate query
 * each), results written in bulk in one transaction, the run recorded. Idempotent, and two runs
 * of the same rule and period take turns on an advisory lock, so results are never doubled.
 */
export async function runComplianceCheck(deps: EngineDeps, request: CheckRequest): Promise<ComplianceRun> {
  const { rule, period } = await resolveCheck(deps, request);
  const em = deps.em.fork();
  const run = em.create(ComplianceRunEntity, {
    rule: rule.code,
    period: period.label,
    trigger: request.trigger,
    triggeredBy: request.actor,
    status: 'RUNNING',
    startedAt: deps.clock(),
  });
  await em.flush();
  try {
    const counts = await em.transactional(async (tx) => {
      await runSql(tx, 'select pg_advisory_xact_lock(hashtext(?))', [`compliance:${rule.code}:${period.label}`]);
      const zone = ruleTimeZone(rule, deps.timezone);
      const measures = await loadMeasures(tx, rule.code, period);
      const evaluations = evaluate({
        rule: { code: rule.code, threshold: rule.threshold, appliesTo: rule.appliesTo },
        period,
        organizations: measures.organizations,
        exemptions: await activeExemptions(tx, rule.code, period, deps.clock()),
        previousMisses: await previousMisses(tx, rule.code, shiftPeriod(period, -1, zone)),
      });
      await writeResults(tx, rule.code, period, run.id, evaluations, deps.clock());
      await recomputeLaterRuns(tx, rule.code, period);
      return tally(evaluations);
    });
    Object.assign(run, counts, { status: 'SUCCEEDED', finishedAt: deps.clock() });
    await em.flush();
    deps.logger.info({ rule: rule.code, period: period.label, trigger: request.trigger, ...counts }, 'compliance check done');
    return run;
  } catch (err) {
    run.status = 'FAILED';
    run.finishedAt = deps.clock();
    run.error = (err as Error).message;
    await em.flush();
    if (err instanceof HubError) throw err;
    deps.logger.error({ err, rule: rule.code, period: period.label }, 'compliance check failed');
    throw err;
  }
}
