import { z } from 'zod';
import { assertCanReport, badInput, freeText, parseInput, parsePeriod } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { MediaPublicationEntity, type MediaPublication } from '../entities/media-publication.entity.js';
import { articleKey } from '../domain/media-article.js';
import { MAX_URL_LENGTH } from '../domain/page-url.js';
import { EARLIEST_FACT_DAY, factDateProblem } from '../domain/fact-date.js';
import { insertMediaPublication } from '../data/media-publications.repo.js';
import { loadOrganization } from './organization.commands.js';

const input = z
  .object({
    organizationId: z.uuid('is not a valid id'),
    outlet: freeText(300),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .refine(
        (url) => !URL.canParse(url) || new URL(url).href.length <= MAX_URL_LENGTH,
        `is too long once percent-encoded (at most ${MAX_URL_LENGTH} characters)`,
      )
      .nullish(),
    issueReference: freeText(300).nullish(),
    publishedAt: z.date(),
    about: freeText(2000, { min: 0 }).nullish(),
  })
  .refine((v) => v.url || v.issueReference, {
    message: "give the article's URL or, for print and broadcast, the issue reference",
    path: ['url'],
  });

/** Decree 3.3: a publication about the organization's official pages; the same article twice is stored once. */
export async function reportMediaPublication(ctx: OrganizationsContext, raw: unknown): Promise<MediaPublication> {
  const it = parseInput(input, raw);
  const org = await loadOrganization(ctx, it.organizationId, 'organizationId');
  await assertCanReport(ctx.auth, [org.id], ctx.hierarchy);
  if (!org.active) throw badInput('organizationId', `organizationId: «${org.name}» is inactive`);
  const problem = factDateProblem(it.publishedAt, ctx.clock(), parsePeriod(EARLIEST_FACT_DAY, ctx.timezone).start);
  if (problem) throw badInput('publishedAt', `publishedAt: ${problem}`);
  const dedupKey = articleKey(it)!;
  await insertMediaPublication(ctx.em, {
    organizationId: org.id,
    outlet: it.outlet,
    url: it.url ?? null,
    issueReference: it.issueReference ?? null,
    dedupKey,
    publishedAt: it.publishedAt,
    about: it.about ?? null,
    reportedBy: ctx.auth.sub,
    reportedAt: ctx.clock(),
  });
  return ctx.em.findOneOrFail(MediaPublicationEntity, { organizationId: org.id, dedupKey });
}
