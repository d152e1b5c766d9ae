import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, parsePeriod, shiftPeriod, type Clock, type Logger, type Period, type RuleCode } from '@hub/common';
import { ruleInForce, type ComplianceRule } from '../data/rules.repo.js';
import { ComplianceRunEntity, type ComplianceRun, type RunTrigger } from '../entities/compliance-run.entity.js';
import { evaluate, tally } from '../domain/evaluate.js';
import { periodProblem } from '../domain/checkable-period.js';
import { loadMeasures } from '../data/measures.repo.js';
import { lockUntilCommit } from '../data/locks.repo.js';
import { activeExemptions, previousMisses, recomputeLaterRuns, writeResults } from '../data/results.repo.js';
import { escalate } from './escalate.js';
import { tellEscalations } from './tell-escalations.js';

export interface EngineDeps {
  em: EntityManager;
  clock: Clock;
  /** The hub's time zone; a rule may name its own. */
  timezone: string;
  logger: Logger;
  /** The gateway's public address, for links in letters. */
  publicUrl: string;
}

export interface CheckRequest {
  rule: RuleCode;
  period: string;
  trigger: RunTrigger;
  actor: string;
  /**
   * For the scheduler: skip the run when another worker evaluated the period successfully
   * since this moment (it decided the period was due then).
   */
  unlessEvaluatedSince?: Date;
  /** Leave the letters to the caller's tellEscalations (a catch-up tells all its periods in one digest). */
  deferLetters?: boolean;
}

export const ruleTimeZone = (rule: ComplianceRule, hubTimeZone: string) => rule.timezone ?? hubTimeZone;

/** A period label read in the rule's time zone; BAD_USER_INPUT on `period` unless it is of the rule's kind. */
export const periodOfRule = (rule: ComplianceRule, label: string, hubTimeZone: string): Period =>
  parsePeriod(label, ruleTimeZone(rule, hubTimeZone), { field: 'period', kinds: [rule.periodKind] });

/**
 * The rule as it stood for the period it is asked for (its version in force then: docs/DESIGN.md,
 * "Rule versions"), or BAD_USER_INPUT saying why not.
 */
export async function resolveCheck(
  deps: EngineDeps,
  request: Pick<CheckRequest, 'rule' | 'period'>,
): Promise<{ rule: ComplianceRule; period: Period }> {
  const current = await ruleInForce(deps.em, request.rule, deps.clock());
  if (!current) throw badInput('rule', `rule: unknown rule ${request.rule}`);
  const period = parsePeriod(request.period, ruleTimeZone(current, deps.timezone), { field: 'period' });
  const rule = (await ruleInForce(deps.em, request.rule, period.start)) ?? current;
  if (!rule.enabled) throw badInput('rule', `rule: ${rule.code} is disabled for ${period.label}`);
  const zone = ruleTimeZone(rule, deps.timezone);
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
export async function runComplianceCheck(deps: EngineDeps, request: Omit<CheckRequest, 'unlessEvaluatedSince'>): Promise<ComplianceRun> {
  return (await runCheckUnlessDone(deps, request))!;
}

/** As runComplianceCheck; null when `unlessEvaluatedSince` found the period already evaluated. */
export async function runCheckUnlessDone(deps: EngineDeps, request: CheckRequest): Promise<ComplianceRun | null> {
  const { rule, period } = await resolveCheck(deps, request);
  const startedAt = deps.clock();
  const record = (fields: Partial<ComplianceRun>) => ({
    rule: rule.code,
    period: period.label,
    trigger: request.trigger,
    triggeredBy: request.actor,
    startedAt,
    ...fields,
  });
  // Where a check's time goes, in its log line: the weekly check is the hub's largest job
  // (docs/PERFORMANCE.md, "The weekly check against its floors").
  const phasesMs: Record<string, number> = {};
  let lapStart = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phasesMs[phase] = Math.round((now - lapStart) * 10) / 10;
    lapStart = now;
  };
  try {
    const run = await deps.em.fork().transactional(async (tx) => {
      await lockUntilCommit(tx, `compliance:${rule.code}:${period.label}`);
      if (request.unlessEvaluatedSince) {
        const done = await tx.count(ComplianceRunEntity, {
          rule: rule.code,
          period: period.label,
          status: 'SUCCEEDED',
          startedAt: { $gte: request.unlessEvaluatedSince },
        });
        if (done > 0) return null;
      }
      const run = tx.create(ComplianceRunEntity, record({ status: 'RUNNING' }));
      await tx.flush();
      const zone = ruleTimeZone(rule, deps.timezone);
      lap('start');
      const measures = await loadMeasures(tx, rule.code, period);
      lap('measures');
      const evaluations = evaluate({
        rule: { code: rule.code, threshold: rule.threshold, appliesTo: rule.appliesTo },
        period,
        organizations: measures.organizations,
        exemptions: await activeExemptions(tx, rule.code, period, deps.clock()),
        previousMisses: await previousMisses(tx, rule.code, shiftPeriod(period, -1, zone)),
      });
      lap('evaluate');
      await writeResults(tx, rule.code, period, run.id, evaluations, deps.clock());
      await recomputeLaterRuns(tx, rule.code, period);
      lap('results');
      await escalate(tx, evaluations, { rule: rule.code, period, runId: run.id, now: deps.clock() });
      lap('escalate');
      if (!request.deferLetters)
        await tellEscalations(tx, { now: deps.clock(), timeZone: deps.timezone, publicUrl: deps.publicUrl, runIds: [run.id] });
      lap('letters');
      Object.assign(run, tally(evaluations), { status: 'SUCCEEDED', finishedAt: deps.clock() });
      return run;
    });
    lap('commit');
    if (run)
      deps.logger.info(
        { rule: rule.code, period: period.label, trigger: request.trigger, evaluated: run.evaluated, missed: run.missed, phasesMs },
        'compliance check done',
      );
    return run;
  } catch (err) {
    // The evaluation rolled back as a whole; the failure itself is kept for the run history.
    const em = deps.em.fork();
    em.create(ComplianceRunEntity, record({ status: 'FAILED', finishedAt: deps.clock(), error: (err as Error).message }));
    await em.flush();
    deps.logger.error({ err, rule: rule.code, period: period.label }, 'compliance check failed');
    throw err;
  }
}
