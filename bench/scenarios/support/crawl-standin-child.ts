// The platforms' stand-in (services/monitoring/src/standin) in a process of its own, for the crawl
// scenario: rendering the platforms' answers is the platforms' work, not the hub's, so it does not
// run on the crawling process's event loop. Started by crawl-standin.ts over an IPC channel.
import { startStandIn, type StandIn } from '@hub/monitoring/standin';
import type { StandInChildReply, StandInChildRequest } from './crawl-standin.js';

let standIn: StandIn | null = null;

const reply = (message: StandInChildReply) => process.send?.(message);

/** This process's CPU time so far (user and system), in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function handle(message: StandInChildRequest): Promise<void> {
  switch (message.type) {
    case 'start':
      standIn = await startStandIn(message.pages);
      reply({ type: 'ready', url: standIn.url, settings: standIn.settings(message.ratePerSecond) });
      return;
    case 'requests':
      // Handed over and forgotten: each crawl's requests are counted on their own.
      reply({ type: 'requests', requests: standIn ? standIn.requests.splice(0) : [], cpuMs: cpuMs() });
      return;
    case 'close':
      await standIn?.close();
      standIn = null;
      reply({ type: 'closed' });
      process.disconnect();
      return;
  }
}

process.on('message', (message: StandInChildRequest) => {
  handle(message).catch((err: unknown) => reply({ type: 'error', message: (err as Error).stack ?? String(err) }));
});
// The parent going away (a crash) ends this process too.
process.on('disconnect', () => {
  void (standIn?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
