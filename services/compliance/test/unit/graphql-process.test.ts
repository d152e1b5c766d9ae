import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));

// A resolve hook that refuses Agenda and its PostgreSQL backend: importing a module that reaches
// either, however deep in the graph, fails naming the module that asked.
const refuseAgenda = `
export async function resolve(specifier, context, next) {
  if (specifier === 'agenda' || specifier.startsWith('agenda/') || specifier.startsWith('@agendajs/')) {
    throw new Error('loads ' + specifier + ' (imported by ' + context.parentURL + ')');
  }
  return next(specifier, context);
}`;

/** Imports one module of the compliance service in a fresh Node process (as `npm start` runs the sources), Agenda refused. */
async function importWithoutAgenda(path: string): Promise<void> {
  const script = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(refuseAgenda)}));
    await import(${JSON.stringify(new URL(path, `file://${root}`).href)});
  `;
  await run(process.execPath, ['--conditions=@hub/source', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    timeout: 60_000,
  });
}

describe('the GraphQL process of the compliance service', () => {
  // server.ts is what main.ts serves; index.ts is the package's entry (the gateway's dev launcher, the seed).
  it.each(['server.ts', 'index.ts'])(
    'loads neither Agenda nor its PostgreSQL backend from %s: only the worker runs jobs',
    async (file) => {
      await expect(importWithoutAgenda(`services/compliance/src/${file}`)).resolves.toBeUndefined();
    },
    60_000,
  );

  it('would be caught loading Agenda (the worker does)', async () => {
    await expect(importWithoutAgenda('services/compliance/src/worker.ts')).rejects.toThrow(/loads (agenda|@agendajs\/postgres-backend)/);
  }, 60_000);
});
