import type { EntityManager } from '@mikro-orm/postgresql';
import { describeInstant, groupBy, type Logger } from '@hub/common';
import { disproofReason, nextPlacementCheck, verificationOf } from '../domain/verification.js';
import { markDisproved, markTold, placementsToCheck, storeChecks, untoldDiscoveries } from '../data/evidence.repo.js';
import { matchesOfPosts, postsByAddress } from '../data/posts.repo.js';
import { HubApiError, type HubApi } from '../hub-api.js';

export interface EvidenceDeps {
  em: EntityManager;
  timezone: string;
  logger: Logger;
  /** The gateway as SYSTEM; absent, the checks are stored but nothing is told. */
  hub?: HubApi;
}

export interface EvidenceOutcome {
  discovered: number;
  disproved: number;
}

/**
 * A refusal of the placement itself (an input field named: its time outside the material's
 * window, say): telling it again would be refused again. Anything else (the gateway down, a
 * request the hub itself got wrong) is tried again on the next crawl.
 */
const isFinal = (err: unknown): err is HubApiError => err instanceof HubApiError && err.field !== null;

/**
 * What a successful crawl of a page changes elsewhere (docs/DESIGN.md, "Evidence from the
 * platforms"), through the gateway as SYSTEM, after the crawl's transaction:
 * - a post matched to a material that nobody reported becomes a DISCOVERED placement;
 * - each counting placement of the crawl's window is checked, and one NOT_FOUND or MISMATCH on
 *   the second crawl in a row is withdrawn with the reason, so its period is evaluated again.
 * A gateway that cannot be reached now leaves both for the next crawl.
 */
export async function actOnEvidence(deps: EvidenceDeps, pageId: string, since: Date, at: Date): Promise<EvidenceOutcome> {
  const outcome = { discovered: 0, disproved: 0 };
  if (deps.hub) outcome.discovered = await reportDiscoveries(deps, deps.hub, pageId, at);
  outcome.disproved = await checkPlacements(deps, pageId, since, at);
  return outcome;
}

/** Reports the page's matched posts nobody reported as DISCOVERED placements; how many were new. */
export async function reportPageDiscoveries(deps: EvidenceDeps & { hub: HubApi }, pageId: string, at: Date): Promise<number> {
  return reportDiscoveries(deps, deps.hub, pageId, at);
}

async function reportDiscoveries(deps: EvidenceDeps, hub: HubApi, pageId: string, at: Date): Promise<number> {
  let discovered = 0;
  for (const discovery of await untoldDiscoveries(deps.em, pageId)) {
    try {
      if (await hub.reportDiscovered(discovery)) discovered += 1;
      await markTold(deps.em, discovery, at, null);
    } catch (err) {
      if (!isFinal(err)) {
        deps.logger.warn(
          { err, pageId, materialId: discovery.materialId },
          'could not report a discovered placement; next crawl tries again',
        );
        break;
      }
      await markTold(deps.em, discovery, at, err.message);
    }
  }
  return discovered;
}

async function checkPlacements(deps: EvidenceDeps, pageId: string, since: Date, at: Date): Promise<number> {
  const placements = await placementsToCheck(deps.em, pageId, since, at);
  if (!placements.length) return 0;
  const posts = await postsByAddress(
    deps.em,
    placements.map((p) => ({ pageId, url: p.url })),
  );
  const matches = groupBy(
    await matchesOfPosts(
      deps.em,
      [...posts.values()].map((p) => p.id),
    ),
    (m) => m.postId,
  );
  const checks = placements.map((placement) => {
    const post = posts.get(`${pageId}|${placement.url}`) ?? null;
    const matched =
      !!post &&
      (matches.get(post.id) ?? []).some(
        (m) => m.materialId === placement.materialId && (m.decision === 'AUTO' || m.decision === 'CONFIRMED'),
      );
    const verification = verificationOf({ post, matched, publishedAt: placement.publishedAt, lastSuccessAt: at, timezone: deps.timezone });
    const previous = placement.failedCrawls === null ? null : { failedCrawls: placement.failedCrawls, disproved: placement.disproved };
    return { placementId: placement.id, url: placement.url, ...nextPlacementCheck(previous, verification) };
  });
  await storeChecks(deps.em, pageId, checks, at);
  if (!deps.hub) return 0;
  let disproved = 0;
  for (const check of checks) {
    if (!check.disprove || (check.verification !== 'NOT_FOUND' && check.verification !== 'MISMATCH')) continue;
    try {
      await deps.hub.disprovePlacement(
        check.placementId,
        disproofReason(check.verification, check.url, describeInstant(at, deps.timezone)),
      );
      await markDisproved(deps.em, check.placementId, at, null);
      disproved += 1;
    } catch (err) {
      deps.logger.warn({ err, pageId, placementId: check.placementId }, 'could not withdraw a disproved placement; next crawl tries again');
      await markDisproved(deps.em, check.placementId, null, (err as Error).message);
    }
  }
  return disproved;
}
