import pg from 'pg';
import type { Logger } from '@hub/common';
import { OUTBOX_CHANNEL } from '../data/outbox.repo.js';

/** How long a listener that lost its connection waits before it connects again. */
const RECONNECT_MS = 5_000;

/** How long stopping waits for the connection's goodbye, and then for a dispatch under way. */
const STOP_WAIT_MS = 2_000;

const within = (ms: number, work: Promise<unknown> | null | undefined) =>
  new Promise<void>((resolve) => {
    const timeout = setTimeout(resolve, ms);
    void Promise.resolve(work).finally(() => {
      clearTimeout(timeout);
      resolve();
    });
  });

export interface OutboxListener {
  stop(): Promise<void>;
}

/**
 * Sends the outbox as soon as a command asks for it (wakeDispatcher): a sign-in link is read at
 * once, not after the every-minute dispatch. One dispatch at a time; a notice during one runs
 * another after it. A lost connection is logged and made again, with a dispatch for any notice
 * missed meanwhile; until then the every-minute dispatch still sends everything.
 */
export async function listenToOutbox(databaseUrl: string, dispatch: () => Promise<unknown>, logger: Logger): Promise<OutboxListener> {
  let client: pg.Client | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const send = () => {
    if (running) return void (again = true);
    running = (async () => {
      do {
        again = false;
        await dispatch().catch((err: unknown) => logger.warn({ err }, 'outbox dispatch on notice failed'));
      } while (again && !stopped);
    })().finally(() => (running = null));
  };
  const reconnectLater = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect().then((ok) => ok && send());
    }, RECONNECT_MS);
    timer.unref();
  };
  const connect = async (): Promise<boolean> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', send);
    next.on('error', (err) => {
      logger.warn({ err }, 'outbox listener lost its connection; connecting again');
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`listen ${OUTBOX_CHANNEL}`);
      if (stopped) {
        await next.end();
        return false;
      }
      client = next;
      return true;
    } catch (err) {
      logger.warn({ err }, 'outbox listener could not connect; the every-minute dispatch sends the outbox meanwhile');
      await next.end().catch(() => undefined);
      reconnectLater();
      return false;
    }
  };

  await connect();
  return {
    // Bounded: a connection that does not answer its goodbye, or a dispatch waiting on a slow mail
    // server, must not keep the worker from stopping (the mailer is closed right after, and a
    // letter not recorded as sent is sent again by the next dispatcher).
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await within(
        STOP_WAIT_MS,
        client?.end().catch(() => undefined),
      );
      await within(STOP_WAIT_MS, running);
    },
  };
}
