import type { Express, Request, Response } from 'express';
import {
  HubError,
  authenticate,
  badInput,
  fromDatabaseError,
  sendRefusal,
  parsePeriod,
  requireRole,
  scopeRoot,
  type Orm,
  type RuleCode,
  type SubgraphRuntime,
} from '@hub/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rulesInForce } from '../data/rules.repo.js';
import { periodOfRule } from '../engine/run-check.js';
import { ANALYTICS_READERS } from '../domain/access.js';
import { reportColumns } from './columns.js';
import { reportRows } from '../data/report-rows.repo.js';
import { CONTENT_TYPES, writeCsv, writeXlsx, type ReportFormat } from './writers.js';

/** What is exported: the period's results of one rule, or of every rule with periods of its kind. */
async function selectionFor(req: Request, em: EntityManager, timezone: string, now: Date) {
  const { period: label, rule: code } = req.query;
  if (typeof label !== 'string' || !label) throw badInput('period', 'period is required, e.g. ?period=2026-W47');
  const rules = await rulesInForce(em, now);
  if (code !== undefined) {
    const rule = rules.find((r) => r.code === code);
    if (!rule) throw badInput('rule', `rule: unknown rule ${String(code)}`);
    return { rules: [rule.code as RuleCode], period: periodOfRule(rule, label, timezone) };
  }
  const period = parsePeriod(label, timezone, { field: 'period' });
  return { rules: rules.filter((r) => r.periodKind === period.kind).map((r) => r.code as RuleCode), period };
}

/**
 * GET /reports/compliance.xlsx|csv?period=…[&rule=…]: the compliance report as a spreadsheet,
 * streamed. The same token and scope as the GraphQL API (the gateway forwards it here).
 */
export function mountComplianceExport(app: Express, orm: Orm, runtime: SubgraphRuntime): void {
  app.get('/reports/compliance.:format', async (req: Request, res: Response) => {
    const format = req.params.format as ReportFormat;
    try {
      if (!(format in CONTENT_TYPES)) throw new HubError('NOT_FOUND', 'Reports come as compliance.xlsx or compliance.csv');
      const auth = await authenticate(runtime.jwtSecret, req.headers.authorization, { maxTokenDays: runtime.maxTokenDays });
      requireRole(auth, ...ANALYTICS_READERS);
      const em = orm.em.fork() as EntityManager;
      const { rules, period } = await selectionFor(req, em, runtime.timezone, runtime.clock());
      const filename = `compliance-${period.label}.${format}`;
      res.status(200).set({
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      });
      const batches = reportRows(em, { rules, period: period.label, root: scopeRoot(auth) });
      const columns = reportColumns(runtime.timezone);
      if (format === 'xlsx') await writeXlsx(res, `Отчёт ${period.label}`, columns, batches);
      else await writeCsv(res, columns, batches);
    } catch (err) {
      if (res.headersSent) {
        runtime.logger.error({ err }, 'report export failed while streaming');
        res.destroy(err as Error);
        return;
      }
      // A database that cannot be reached is a 503 the client may retry, not a 500 (fromDatabaseError).
      const known = err instanceof HubError ? err : fromDatabaseError(err);
      if (!known || known.code === 'SERVICE_UNAVAILABLE') runtime.logger.error({ err }, 'report export failed');
      if (typeof known?.details.retryAfterSeconds === 'number') res.set('retry-after', String(known.details.retryAfterSeconds));
      if (known) sendRefusal(res, known);
      else res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The report could not be built' } });
    }
  });
}
