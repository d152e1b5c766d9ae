// The compliance engine as the worker runs it: its own ORM on the compliance schema, a fixed clock.
import { createLogger, initOrm, type Logger, type Orm, type RuleCode } from '@hub/common';
import { complianceSubgraph, runComplianceCheck, type EngineDeps } from '@hub/compliance';

export interface Engine {
  orm: Orm;
  deps(): EngineDeps;
  check(rule: RuleCode, period: string): ReturnType<typeof runComplianceCheck>;
  close(): Promise<void>;
}

/** Log lines go to stderr: stdout carries the results. */
export function stderrLogger(name: string, level = 'warn'): Logger {
  return createLogger(name, level, { write: (line: string) => void process.stderr.write(line) });
}

export async function openEngine(databaseUrl: string, now: Date, timezone: string): Promise<Engine> {
  const orm = await initOrm({
    databaseUrl,
    schema: complianceSubgraph.dbSchema,
    entities: complianceSubgraph.entities,
    migrations: complianceSubgraph.migrations,
    poolMax: 4,
  });
  const logger = stderrLogger('bench-engine');
  const deps = (): EngineDeps => ({ em: orm.em.fork(), clock: () => now, timezone, logger, publicUrl: 'http://localhost:4000' });
  return {
    orm,
    deps,
    check: (rule, period) => runComplianceCheck(deps(), { rule, period, trigger: 'CATCH_UP', actor: 'bench' }),
    close: () => orm.close(true),
  };
}
