import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * The local SMTP sink used when SMTP_URL is unset: accepts every message over real SMTP
 * and keeps it as an .eml file, so letters can be opened in any mail client.
 */
export async function startMailSink(options: { dir: string; port?: number; host?: string }): Promise<MailSink> {
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // The hub's pooled mailer keeps a connection open; stopping must not wait 30 s for it.
    closeTimeout: 500,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'local' }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
        writeFile(path.join(dir, name), Buffer.concat(chunks))
          .then(() => callback(null, `Queued as ${name} (${session.id})`))
          .catch((err: Error) => callback(err));
      });
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `smtp://${host}:${port}`,
    dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
