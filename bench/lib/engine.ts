// The compliance engine as the worker runs it: its own ORM on the compliance schema, a fixed clock.
import { createLogger, initOrm, type Logger, type Orm, type RuleCode } from '@hub/common';
import { complianceSubgraph, runComplianceCheck, type EngineDeps } from '@hub/compliance';

export interface Engine {
  orm: Orm;
  deps(): EngineDeps;
  check(rule: RuleCode, period: string): ReturnType<typeof runComplianceCheck>;
  /** Where the last check's time went, from its 'compliance check done' log line (ms by phase). */
  lastPhasesMs(): Record<string, number> | null;
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
  // Info to read the checks' phases from their log lines; warnings and errors to stderr as before.
  let phasesMs: Record<string, number> | null = null;
  const logger = createLogger('bench-engine', 'info', {
    write: (line: string) => {
      const entry = JSON.parse(line) as { level: number; msg: string; phasesMs?: Record<string, number> };
      if (entry.msg === 'compliance check done') phasesMs = entry.phasesMs ?? null;
      if (entry.level >= 40) process.stderr.write(line);
    },
  });
  const deps = (): EngineDeps => ({ em: orm.em.fork(), clock: () => now, timezone, logger, publicUrl: 'http://localhost:4000' });
  return {
    orm,
    deps,
    check: (rule, period) => runComplianceCheck(deps(), { rule, period, trigger: 'CATCH_UP', actor: 'bench' }),
    lastPhasesMs: () => phasesMs,
    close: () => orm.close(true),
  };
}
