import { z } from 'zod';
import {
  badInput,
  parseInput,
  parsePeriod,
  periodContaining,
  requireRole,
  shiftPeriod,
  ORGANIZATION_KINDS,
  RULE_CODES,
  type Period,
} from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { recordRuleChange, ruleInForce, saveVersion, type ComplianceRule, type RuleSettings } from '../data/rules.repo.js';
import { loadMeasures } from '../data/measures.repo.js';
import { activeExemptions } from '../data/results.repo.js';
import { evaluate } from '../domain/evaluate.js';
import { periodProblem } from '../domain/checkable-period.js';
import { ruleTimeZone } from '../engine/run-check.js';

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const applicability = z.object({
  kind: z.enum(ORGANIZATION_KINDS),
  parentKind: z
    .enum(ORGANIZATION_KINDS)
    .nullish()
    .transform((k) => k ?? null),
  severity: z.enum(['MANDATORY', 'RECOMMENDED']),
  decreeItem: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)*$/, 'is a decree item like 3.1 or 4'),
});

const settingsInput = z.object({
  threshold: z.number().int().min(0, 'must not be negative').max(1000).nullish(),
  enabled: z.boolean().nullish(),
  deadline: z.iso.date('must be a date YYYY-MM-DD').nullish(),
  timezone: z.string().refine(isZone, 'is not an IANA time zone').nullish(),
  appliesTo: z.array(applicability).max(20).nullish(),
});
const updateInput = settingsInput.extend({ effectiveFrom: z.string().trim().min(1).nullish() });

type SettingsPatch = z.infer<typeof settingsInput>;

/** The first day a deadline may name: the year of the decree (docs/DESIGN.md, "The rules"). */
const EARLIEST_DEADLINE = '2023-01-01';

/**
 * A deadline is a day of the decree's life: from 2023 to the end of next year (in the rule's
 * zone). 0001-01-01 or 9999-12-31 would be stored, and then every check of the rule would fail
 * on a date no period can hold.
 */
function assertDeadlineInRange(deadline: string | null | undefined, now: Date, zone: string): void {
  if (!deadline) return;
  const latest = `${Number(periodContaining('DAY', now, zone).label.slice(0, 4)) + 1}-12-31`;
  if (deadline < EARLIEST_DEADLINE || deadline > latest) {
    throw badInput('deadline', `deadline: must lie between ${EARLIEST_DEADLINE} and ${latest}`);
  }
}

/** Does the patch name any setting? (null keeps a threshold, a switch or an audience, and clears a deadline or a zone.) */
const changesSomething = (patch: SettingsPatch) =>
  patch.threshold != null ||
  patch.enabled != null ||
  patch.appliesTo != null ||
  patch.deadline !== undefined ||
  patch.timezone !== undefined;

const settingsOf = (rule: RuleSettings): RuleSettings => ({
  threshold: rule.threshold,
  enabled: rule.enabled,
  deadline: rule.deadline,
  timezone: rule.timezone,
  appliesTo: rule.appliesTo,
});

/** A version's settings with the fields given changed (null clears a deadline or a zone). */
function patched(base: RuleSettings, patch: SettingsPatch): RuleSettings {
  return {
    threshold: patch.threshold ?? base.threshold,
    enabled: patch.enabled ?? base.enabled,
    deadline: patch.deadline !== undefined ? (patch.deadline ?? null) : base.deadline,
    timezone: patch.timezone !== undefined ? (patch.timezone ?? null) : base.timezone,
    appliesTo: patch.appliesTo ?? base.appliesTo,
  };
}

async function currentRule(ctx: ComplianceContext, code: unknown): Promise<ComplianceRule> {
  const parsed = z.enum(RULE_CODES).safeParse(code);
  if (!parsed.success) throw badInput('code', `code: unknown rule ${String(code)}`);
  return (await ruleInForce(ctx.em, parsed.data, ctx.clock()))!;
}

/**
 * The committee changes a rule from a period on: a new version, in force from `effectiveFrom`
 * (default: the current period; never an earlier one, so no period already judged is judged
 * again by other terms). It sends nothing by itself. Every change is kept with who made it.
 */
export async function updateComplianceRule(ctx: ComplianceContext, code: string, raw: unknown): Promise<ComplianceRule> {
  requireRole(ctx.auth, 'ADMIN');
  const rule = await currentRule(ctx, code);
  const input = parseInput(updateInput, raw);
  // A version and a change row saying nothing changed would be an audit of nothing.
  if (!changesSomething(input)) throw badInput('input', 'input: nothing to change');
  const zone = ruleTimeZone(rule, ctx.timezone);
  assertDeadlineInRange(input.deadline, ctx.clock(), zone);
  const now = periodContaining(rule.periodKind, ctx.clock(), zone);
  const from = input.effectiveFrom ? parsePeriod(input.effectiveFrom, zone, { field: 'effectiveFrom', kinds: [rule.periodKind] }) : now;
  if (from.start < now.start) {
    throw badInput(
      'effectiveFrom',
      `effectiveFrom: a change takes effect from the current period (${now.label}) or later; ${from.label} was judged by the rule in force then`,
    );
  }
  const base = (await ruleInForce(ctx.em, rule.code, from.start))!;
  const next = patched(base, input);
  await ctx.em.transactional(async (tx) => {
    await saveVersion(tx, {
      code: rule.code,
      effectiveFrom: from.label,
      effectiveFromStart: from.start,
      ...next,
      changedBy: ctx.auth.sub,
      changedAt: ctx.clock(),
    });
    await recordRuleChange(tx, {
      code: rule.code,
      before: settingsOf(base),
      after: next,
      effectiveFrom: from.label,
      changedBy: ctx.auth.sub,
      changedAt: ctx.clock(),
    });
  });
  return (await ruleInForce(ctx.em, rule.code, ctx.clock()))!;
}

/** The last complete period of a rule (a day rule: yesterday). */
function lastCompletePeriod(rule: ComplianceRule, now: Date, zone: string): Period {
  return shiftPeriod(periodContaining(rule.periodKind, now, zone), -1, zone);
}

/**
 * How the last complete period would come out under a proposed version, against the version in
 * force for it: counted from the same read contracts as a check, saving nothing.
 */
export async function previewRuleChange(ctx: ComplianceContext, code: string, raw: unknown) {
  requireRole(ctx.auth, 'ADMIN', 'ANALYST');
  const current = await currentRule(ctx, code);
  const patch = parseInput(settingsInput, raw);
  const zone = ruleTimeZone(current, ctx.timezone);
  assertDeadlineInRange(patch.deadline, ctx.clock(), zone);
  const period = lastCompletePeriod(current, ctx.clock(), zone);
  const inForce = (await ruleInForce(ctx.em, current.code, period.start))!;
  const proposed = patched(inForce, patch);
  const problem = periodProblem(
    { code: current.code, periodKind: current.periodKind, deadline: proposed.deadline },
    period,
    ctx.clock(),
    (date) => parsePeriod(date, zone).start,
  );
  if (problem) throw badInput('input', `input: the rule cannot be checked for ${period.label}: ${problem}`);
  const { organizations } = await loadMeasures(ctx.em, current.code, period);
  const exemptions = await activeExemptions(ctx.em, current.code, period, ctx.clock());
  const judge = (settings: RuleSettings) =>
    new Map(
      (settings.enabled
        ? evaluate({ rule: { code: current.code, ...settings }, period, organizations, exemptions, previousMisses: new Map() })
        : []
      ).map((e) => [e.organizationId, e.status]),
    );
  const before = judge(inForce);
  const after = judge(proposed);
  const ids = new Set([...before.keys(), ...after.keys()]);
  const count = (statuses: Map<string, string>, status: string) => [...statuses.values()].filter((s) => s === status).length;
  return {
    period: period.label,
    met: count(before, 'MET'),
    missed: count(before, 'MISSED'),
    wouldMeet: count(after, 'MET'),
    wouldMiss: count(after, 'MISSED'),
    changed: [...ids].filter((id) => before.get(id) !== after.get(id)).length,
  };
}
