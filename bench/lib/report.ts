import type { ScenarioResult } from './scenario.js';

export function meetsTarget(result: ScenarioResult): boolean | null {
  const { target } = result;
  if (!target) return null;
  if (!Number.isFinite(result.ratio)) return false;
  return (target.max === undefined || result.ratio <= target.max) && (target.min === undefined || result.ratio >= target.min);
}

/** One JSON line per result on stdout: the fields first, then the target and the details. */
export function printJsonLine(result: ScenarioResult): void {
  const met = meetsTarget(result);
  const { scenario, scale, value, baseline, ratio, unit, target, details } = result;
  console.log(
    JSON.stringify({
      scenario,
      scale,
      value,
      baseline,
      ratio,
      unit,
      ...(target ? { target, targetMet: met } : {}),
      ...(details ? { details } : {}),
    }),
  );
}

const targetText = (result: ScenarioResult) => {
  const { target } = result;
  if (!target) return '';
  const bound = [target.min !== undefined ? `≥ ${target.min}` : '', target.max !== undefined ? `≤ ${target.max}` : '']
    .filter(Boolean)
    .join(', ');
  return meetsTarget(result) ? `${bound} ok` : `${bound} MISSED`;
};

const fmt = (n: number) =>
  Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2)) : String(n);

export function printTable(results: readonly ScenarioResult[], failures: readonly { scenario: string; error: string }[]): void {
  const rows = results.map((r) => ({
    scenario: r.scenario,
    scale: String(r.scale),
    value: fmt(r.value),
    baseline: fmt(r.baseline),
    ratio: fmt(r.ratio),
    unit: r.unit,
    target: targetText(r),
  }));
  for (const f of failures)
    rows.push({ scenario: f.scenario, scale: '', value: '', baseline: '', ratio: '', unit: '', target: `CRASHED: ${f.error}` });
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!) as (keyof (typeof rows)[number])[];
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log();
  console.log(line(columns as string[]));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => row[c])));
  const missed = results.filter((r) => meetsTarget(r) === false).length;
  if (missed) console.log(`\n${missed} result(s) missed their target.`);
}
