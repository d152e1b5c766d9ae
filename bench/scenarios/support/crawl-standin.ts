// Starts the platforms' stand-in in a child process (crawl-standin-child.ts) and talks to it over
// IPC: its settings, the requests it received (`standIn.requests`), its end.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PlatformSettings } from '@hub/common';
import type { StandInPage } from '@hub/monitoring/standin';

export type StandInChildRequest = { type: 'start'; pages: StandInPage[]; ratePerSecond: number } | { type: 'requests' } | { type: 'close' };

export type StandInChildReply =
  | { type: 'ready'; url: string; settings: PlatformSettings }
  | { type: 'requests'; requests: string[]; cpuMs: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

export interface StandInProcess {
  url: string;
  /** Settings pointing every adapter at the stand-in, each platform at the rate it was started with. */
  settings: PlatformSettings;
  /**
   * The requests received since the last call, as `<platform prefix> <path and query>`
   * (StandIn.requests), and the stand-in process's CPU time so far.
   */
  takeRequests(): Promise<{ requests: string[]; cpuMs: number }>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./crawl-standin-child.ts', import.meta.url));

export async function startStandInProcess(pages: StandInPage[], ratePerSecond: number): Promise<StandInProcess> {
  const child: ChildProcess = fork(CHILD, [], {
    // The TypeScript sources, as the bench itself runs (package.json's "bench" script).
    execArgv: ['--conditions=@hub/source', '--import', 'tsx'],
    // Dates travel as dates.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ask = <T extends StandInChildReply['type']>(request: StandInChildRequest, expected: T) =>
    new Promise<Extract<StandInChildReply, { type: T }>>((resolve, reject) => {
      const onMessage = (message: StandInChildReply) => {
        cleanup();
        if (message.type === expected) resolve(message as Extract<StandInChildReply, { type: T }>);
        else reject(new Error(`stand-in process: ${message.type === 'error' ? message.message : `answered ${message.type}`}`));
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`stand-in process exited with ${code}`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(request);
    });
  try {
    const ready = await ask({ type: 'start', pages, ratePerSecond }, 'ready');
    return {
      url: ready.url,
      settings: ready.settings,
      takeRequests: async () => {
        const { requests, cpuMs } = await ask({ type: 'requests' }, 'requests');
        return { requests, cpuMs };
      },
      close: async () => {
        if (child.exitCode !== null || !child.connected) return;
        await ask({ type: 'close' }, 'closed').catch(() => child.kill());
      },
    };
  } catch (err) {
    child.kill();
    throw err;
  }
}
