import { SMTPServer } from 'smtp-server';

export interface CountingSmtpSink {
  url: string;
  /** How many times each Message-ID arrived. */
  readonly received: Map<string, number>;
  total(): number;
  reset(): void;
  stop(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

/**
 * An SMTP server on a free local port that accepts every message, keeps nothing but its
 * Message-ID, and counts: enough to tell that each letter arrived exactly once.
 */
export async function startCountingSmtpSink(): Promise<CountingSmtpSink> {
  const received = new Map<string, number>();
  let anonymous = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled clients keep their connections open; stopping must not wait for them.
    closeTimeout: 100,
    onData: (stream, _session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 64 * 1024 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = MESSAGE_ID.exec(head.split('\r\n\r\n')[0]!)?.[1];
        if (id) received.set(id, (received.get(id) ?? 0) + 1);
        else anonymous++;
        callback(null, 'accepted');
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address !== 'object') throw new Error('the SMTP sink has no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    total: () => [...received.values()].reduce((a, b) => a + b, 0) + anonymous,
    reset: () => {
      received.clear();
      anonymous = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
