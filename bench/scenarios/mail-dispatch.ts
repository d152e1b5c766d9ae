// 5,000 queued letters sent by the outbox dispatcher (the real pooled mailer) against
// nodemailer sending the same letters straight to the same SMTP sink with the same pool.
// Target: the dispatcher keeps at least 0.7 of the direct throughput.
import nodemailer from 'nodemailer';
import { createLogger, initOrm, queryRows, sql, withClient, type Orm } from '@hub/common';
import { complianceSubgraph, dispatchDue, createSmtpMailer, queueLetters, type QueuedLetter } from '@hub/compliance';
import { compared, type BenchContext, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { startCountingSmtpSink, type CountingSmtpSink } from './support/counting-smtp-sink.js';
import { benchLetters } from './support/bench-letters.js';
import { median, round, timed } from '../lib/stats.js';

const LETTERS = 5_000;
const WARM_UP_LETTERS = 250;
// Two rounds each way, the order swapped between them: a third would push the scenario past a minute.
const ROUNDS = 2;
const FROM = 'hub@bench.example';
const KEY_PREFIX = 'bench:mail-dispatch';
/** Any letter the dataset has pending is parked this far ahead while the bench owns the outbox. */
const PARKED = "interval '1000 years'";

export const mailDispatchScenario: Scenario = {
  name: 'mail-dispatch',
  scales: ['region', 'nation'],
  async run(ctx) {
    const sink = await startCountingSmtpSink();
    const orm = await initOrm({
      databaseUrl: ctx.databaseUrl,
      schema: complianceSubgraph.dbSchema,
      entities: complianceSubgraph.entities,
      migrations: complianceSubgraph.migrations,
    });
    const parked = await parkPendingLetters(ctx.databaseUrl);
    try {
      ctx.log(`mail-dispatch: warming up with ${WARM_UP_LETTERS} letters each way`);
      await viaDispatcher(orm, sink, `${KEY_PREFIX}:warm-up`, WARM_UP_LETTERS);
      await direct(sink, `${KEY_PREFIX}:warm-up`, WARM_UP_LETTERS);

      const dispatcherRates: number[] = [];
      const directRates: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const order = i % 2 === 0 ? (['dispatcher', 'direct'] as const) : (['direct', 'dispatcher'] as const);
        for (const path of order) {
          const prefix = `${KEY_PREFIX}:${i}`;
          const ms = path === 'dispatcher' ? await viaDispatcher(orm, sink, prefix, LETTERS) : await direct(sink, prefix, LETTERS);
          (path === 'dispatcher' ? dispatcherRates : directRates).push((LETTERS * 1000) / ms);
          ctx.log(`mail-dispatch: round ${i + 1} ${path} ${Math.round(ms)} ms`);
        }
      }
      return results(ctx, dispatcherRates, directRates);
    } finally {
      await withClient(ctx.databaseUrl, (client) =>
        client.query(`delete from compliance.notification where dedup_key like $1`, [`${KEY_PREFIX}:%`]),
      );
      await unparkLetters(ctx.databaseUrl, parked);
      await orm.close(true);
      await sink.stop();
    }
  },
};

/** Queues the letters (untimed, the outbox's own set-based insert), then times dispatchDue until the outbox is empty. */
async function viaDispatcher(orm: Orm, sink: CountingSmtpSink, prefix: string, count: number): Promise<number> {
  const letters = benchLetters(prefix, count);
  const queued = await queueLetters(orm.em.fork(), letters, new Date());
  if (queued !== count) throw new Error(`queued ${queued} of ${count} letters`);
  const mailer = createSmtpMailer(sink.url, FROM);
  sink.reset();
  const { ms, result: tally } = await timed(() =>
    dispatchDue({ em: orm.em.fork(), mailer, clock: () => new Date(), logger: createLogger('bench', 'silent') }),
  );
  mailer.close();
  if (tally.sent !== count) throw new Error(`the dispatcher sent ${tally.sent} of ${count} letters`);
  const sentRows = await queryRows<{ message_id: string }>(
    orm.em.fork(),
    sql`select message_id from compliance.notification where dedup_key like ${`${prefix}:%`} and status = 'SENT'`,
  );
  assertExactlyOnce(
    sink,
    sentRows.map((r) => r.message_id),
    count,
    'dispatcher',
  );
  return ms;
}

/** The baseline: the same letters handed to one pooled nodemailer transport all at once, as its pool is meant to be used. */
async function direct(sink: CountingSmtpSink, prefix: string, count: number): Promise<number> {
  const letters = benchLetters(`${prefix}:direct`, count);
  const transport = nodemailer.createTransport(`${sink.url}?pool=true`, { from: FROM });
  sink.reset();
  const { ms } = await timed(() =>
    Promise.all(letters.map((letter, i) => transport.sendMail(message(letter, directMessageId(prefix, i))))),
  );
  transport.close();
  assertExactlyOnce(
    sink,
    letters.map((_, i) => directMessageId(prefix, i)),
    count,
    'direct nodemailer',
  );
  return ms;
}

const directMessageId = (prefix: string, i: number) => `<${prefix.replaceAll(':', '.')}.${i}@bench.example>`;

/** What the hub's mailer hands nodemailer for a letter (mail/mailer.ts), so both paths send the same bytes. */
function message(letter: QueuedLetter, messageId: string) {
  return {
    from: FROM,
    to: letter.to,
    cc: letter.cc,
    subject: letter.subject,
    html: letter.html,
    text: letter.text,
    messageId,
    attachments: [],
  };
}

function assertExactlyOnce(sink: CountingSmtpSink, expectedIds: string[], count: number, path: string): void {
  const twice = [...sink.received].filter(([, n]) => n > 1).length;
  const missing = expectedIds.filter((id) => !sink.received.has(id)).length;
  if (sink.total() !== count || twice || missing || expectedIds.length !== count) {
    throw new Error(`${path}: the sink got ${sink.total()} messages for ${count} letters (${missing} missing, ${twice} more than once)`);
  }
}

async function parkPendingLetters(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) =>
    (
      await client.query<{ id: string }>(
        `update compliance.notification set next_attempt_at = next_attempt_at + ${PARKED} where status = 'PENDING' returning id`,
      )
    ).rows.map((r) => r.id),
  );
}

async function unparkLetters(databaseUrl: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await withClient(databaseUrl, (client) =>
    client.query(`update compliance.notification set next_attempt_at = next_attempt_at - ${PARKED} where id = any($1::uuid[])`, [ids]),
  );
}

function results(ctx: BenchContext, dispatcherRates: number[], directRates: number[]): ScenarioResult[] {
  const [value, baseline] = [median(dispatcherRates), median(directRates)];
  return [
    {
      scenario: 'mail-dispatch',
      scale: ctx.scale,
      ...compared(value, baseline, 0),
      unit: 'messages/s',
      target: { min: 0.7 },
      details: {
        letters: LETTERS,
        rounds: ROUNDS,
        pool: 'nodemailer defaults (5 connections, 100 messages each)',
        deliveredExactlyOnce: true,
        dispatcherPerS: dispatcherRates.map((v) => round(v, 0)),
        directPerS: directRates.map((v) => round(v, 0)),
      },
    },
  ];
}
