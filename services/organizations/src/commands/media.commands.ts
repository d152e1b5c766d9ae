import { z } from 'zod';
import { assertCanReport, badInput, parseInput, runSql } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { MediaPublicationEntity, type MediaPublication } from '../entities/media-publication.entity.js';
import { articleKey } from '../domain/media-article.js';
import { MAX_URL_LENGTH } from '../domain/page-url.js';
import { loadOrganization } from './organization.commands.js';

const input = z
  .object({
    organizationId: z.uuid('is not a valid id'),
    outlet: z.string().trim().min(1, 'must not be empty').max(300),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .refine((url) => !URL.canParse(url) || new URL(url).href.length <= MAX_URL_LENGTH, `is too long once percent-encoded (at most ${MAX_URL_LENGTH} characters)`)
      .nullish(),
    issueReference: z.string().trim().min(1).max(300).nullish(),
    publishedAt: z.date(),
    about: z.string().trim().max(2000).nullish(),
  })
  .refine((v) => v.url || v.issueReference, { message: 'give the article\'s URL or, for print and broadcast, the issue reference', path: ['url'] });

const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Decree 3.3: a publication about the organization's official pages; the same article twice is stored once. */
export async function reportMediaPublication(ctx: OrganizationsContext, raw: unknown): Promise<MediaPublication> {
  const it = parseInput(input, raw);
  const org = await loadOrganization(ctx, it.organizationId, 'organizationId');
  await assertCanReport(ctx.auth, [org.id], ctx.hierarchy);
  if (!org.active) throw badInput('organizationId', `organizationId: «${org.name}» is inactive`);
  if (it.publishedAt.getTime() > ctx.clock().getTime() + CLOCK_SKEW_MS) throw badInput('publishedAt', 'publishedAt: is in the future');
  const dedupKey = articleKey(it)!;
  await runSql(
    ctx.em,
    `insert into organizations.media_publication
       (organization_id, outlet, url, issue_reference, dedup_key, published_at, about, reported_by, reported_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (organization_id, dedup_key) do nothing`,
    [org.id, it.outlet, it.url ?? null, it.issueReference ?? null, dedupKey, it.publishedAt, it.about ?? null, ctx.auth.sub, ctx.clock()],
    'run',
  );
  return ctx.em.findOneOrFail(MediaPublicationEntity, { organizationId: org.id, dedupKey });
}
