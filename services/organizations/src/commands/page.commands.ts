import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import { assertCanReport, badInput, conflict, notFound, parseInput, parsePeriod, requireRole, PLATFORMS, type Platform } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { OfficialPageEntity, type OfficialPage } from '../entities/official-page.entity.js';
import { normalizePageUrl, platformIdOf } from '../domain/page-url.js';
import { FEEDBACK_FORMS, markWidgets, type FeedbackForm } from '../domain/feedback-widget.js';
import { EARLIEST_FACT_DAY, factDateProblem } from '../domain/fact-date.js';
import { loadOrganization } from './organization.commands.js';

const addPageInput = z.object({
  organizationId: z.uuid('is not a valid id'),
  platform: z.enum(PLATFORMS),
  url: z.string().trim().min(1, 'must not be empty').max(2000, 'is too long'),
  verified: z.boolean().nullish(),
});

async function loadPage(ctx: OrganizationsContext, id: string): Promise<OfficialPage> {
  const page = await ctx.pages.byId.load(id);
  if (!page) throw notFound('Official page', id, 'pageId');
  return page;
}

async function assertUrlFree(ctx: OrganizationsContext, normalized: string): Promise<void> {
  const holder = await ctx.em.findOne(OfficialPageEntity, { normalizedUrl: normalized });
  if (!holder) return;
  const owner = await ctx.organizations.byId.load(holder.organizationId);
  throw badInput('url', `url: this page is already registered for «${owner?.name ?? holder.organizationId}»`);
}

export async function addOfficialPage(ctx: OrganizationsContext, raw: unknown): Promise<OfficialPage> {
  const input = parseInput(addPageInput, raw);
  const org = await loadOrganization(ctx, input.organizationId, 'organizationId');
  await assertCanReport(ctx.auth, [org.id], ctx.hierarchy);
  if (!org.active) throw badInput('organizationId', `organizationId: «${org.name}» is inactive`);
  const url = normalizePageUrl(input.platform as Platform, input.url);
  if (!url.ok) throw badInput('url', `url: ${url.message}`);
  await assertUrlFree(ctx, url.normalized);
  const page = ctx.em.create(OfficialPageEntity, {
    organizationId: org.id,
    platform: input.platform,
    url: url.url,
    normalizedUrl: url.normalized,
    platformId: platformIdOf(input.platform as Platform, url.url),
    verified: input.verified ?? false,
    createdBy: ctx.auth.sub,
    createdAt: ctx.clock(),
  });
  try {
    await ctx.em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw badInput('url', 'url: this page is already registered');
    throw err;
  }
  return page;
}

const markInput = z.object({
  pageId: z.string(),
  placedAt: z.date(),
  forms: z.array(z.enum(FEEDBACK_FORMS)).min(1, 'name at least one form').nullish(),
});

export async function markFeedbackWidget(ctx: OrganizationsContext, raw: unknown): Promise<OfficialPage> {
  const input = parseInput(markInput, raw);
  const page = await loadPage(ctx, input.pageId);
  await assertCanReport(ctx.auth, [page.organizationId], ctx.hierarchy);
  const problem = factDateProblem(input.placedAt, ctx.clock(), parsePeriod(EARLIEST_FACT_DAY, ctx.timezone).start);
  if (problem) throw badInput('placedAt', `placedAt: ${problem}`);
  const forms: FeedbackForm[] = input.forms ?? [...FEEDBACK_FORMS];
  Object.assign(page, markWidgets(page, forms, input.placedAt));
  await ctx.em.flush();
  return page;
}

export async function setPageVerified(ctx: OrganizationsContext, pageId: string, verified: boolean): Promise<OfficialPage> {
  const page = await loadPage(ctx, pageId);
  await assertCanReport(ctx.auth, [page.organizationId], ctx.hierarchy);
  page.verified = verified;
  await ctx.em.flush();
  return page;
}

/** A page's id on its platform: a VK community's number, or the handle the platform knows it by. */
const PLATFORM_ID: Record<string, RegExp> = { VK: /^[1-9]\d{0,11}$/ };
const ANY_PLATFORM_ID = /^[\w@.-]{1,100}$/u;

/**
 * recordPageIdentity (role SYSTEM: monitoring, once it resolved the page on its platform): the
 * page's id there, so that a post on another community's wall is refused on report even for a
 * page registered by its short name (docs/DESIGN.md, "Placements"). An id known from the page's
 * own address is not overwritten by a different one.
 */
export async function recordPageIdentity(ctx: OrganizationsContext, pageId: string, platformId: string): Promise<OfficialPage> {
  requireRole(ctx.auth, 'SYSTEM');
  const page = await loadPage(ctx, pageId);
  const id = platformId.trim();
  if (!(PLATFORM_ID[page.platform] ?? ANY_PLATFORM_ID).test(id)) {
    throw badInput('platformId', `platformId: '${platformId}' is not a ${page.platform} page id`);
  }
  const fromAddress = platformIdOf(page.platform as Platform, page.url);
  if (fromAddress && fromAddress !== id) {
    throw conflict(`The page's address names ${page.platform} id ${fromAddress}, not ${id}`, 'platformId');
  }
  if (page.platformId !== id) {
    page.platformId = id;
    await ctx.em.flush();
  }
  return page;
}
