import nodemailer from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  to: string;
  cc: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
}

export type SendOutcome = { ok: true; response: string } | { ok: false; permanent: boolean; error: string };

/** The one port mail leaves through. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

/**
 * nodemailer over SMTP, pooled. A 5xx answer is final (the server refuses the letter); a 4xx or
 * a connection problem is worth another try later.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const open = () => nodemailer.createTransport(smtpUrl.includes('?') ? `${smtpUrl}&pool=true` : `${smtpUrl}?pool=true`, { from });
  let transport = open();
  return {
    async send(mail) {
      const used = transport;
      try {
        const info = await used.sendMail({
          from,
          to: mail.to,
          cc: mail.cc.length ? mail.cc : undefined,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, 'base64'),
          })),
        });
        return { ok: true, response: String(info.response ?? '') };
      } catch (err) {
        const e = err as Error & { responseCode?: number; response?: string; code?: string };
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
        if (e.responseCode === undefined && used === transport) {
          // A connection problem: pooled connections to a server that went away are dead too.
          // Letters sent at once fail together; the first of them replaces the pool, once.
          transport.close();
          transport = open();
        }
        return { ok: false, permanent, error: e.response ?? e.message };
      }
    },
    close: () => transport.close(),
  };
}
