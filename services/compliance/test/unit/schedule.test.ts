import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_JOBS, JOBS, JOB_NAMES, SCHEDULED_RULES } from '../../src/schedule.js';

/** The rows of the markdown table under a heading, as arrays of cells with their backticks dropped. */
function tableUnder(markdown: string, heading: RegExp): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (rows.length) break;
      continue;
    }
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replaceAll('`', '')),
    );
  }
  return rows.slice(2); // the header and its rule
}

const doc = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');

describe('the job registry (schedule.ts)', () => {
  it('names each job once, namespaced', () => {
    expect(new Set(JOB_NAMES).size).toBe(JOBS.length);
    for (const name of JOB_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it('says in words the time its cron runs at', () => {
    for (const job of JOBS) {
      const [minute, hour] = job.cron.split(' ');
      if (hour === '*') expect(job.when, job.name).toBe('every minute');
      else expect(job.when, job.name).toContain(`${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}`);
    }
  });

  it('checks each rule in one scheduled job', () => {
    expect(new Set(SCHEDULED_RULES).size).toBe(SCHEDULED_RULES.length);
    expect(CHECK_JOBS.map((job) => job.name)).toEqual(['compliance.weekly-check', 'compliance.monthly-check', 'compliance.widget-check']);
  });

  it('is what README.md\'s "What runs when" table lists', () => {
    const rows = tableUnder(doc('README.md'), /^## What runs when/);
    const expected = JOBS.map((job) => [job.name, job.when, job.does]);
    expect([...rows].sort()).toEqual([...expected].sort());
  });

  it("is what docs/DESIGN.md's schedule lists, cron for cron", () => {
    const rows = tableUnder(doc('docs/DESIGN.md'), /^## The schedule/).map(([name, cron]) => [name, cron!.split(',')[0]]);
    const expected = JOBS.map((job) => [job.name, job.cron === '* * * * *' ? 'every minute' : job.cron]);
    expect([...rows].sort()).toEqual([...expected].sort());
  });
});
