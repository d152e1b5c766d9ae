import type { Claims, Role } from './auth.js';
import { forbidden } from './errors.js';

/** The organization tree as a subgraph can see it: is `orgId` the root itself or below it? */
export interface OrgHierarchy {
  isWithin(rootId: string, orgIds: readonly string[]): Promise<boolean>;
}

export function requireRole(claims: Claims, ...roles: Role[]): void {
  if (!roles.includes(claims.role)) throw forbidden(`Role ${claims.role} may not do this`);
}

/**
 * The organization a scoped role acts for, or null when the role sees the whole region.
 * Scoped roles (OPERATOR, HEAD) act for their organization and every organization below it.
 */
export function scopeRoot(claims: Claims): string | null {
  return claims.role === 'OPERATOR' || claims.role === 'HEAD' ? claims.org : null;
}

export async function isInScope(claims: Claims, orgIds: readonly string[], hierarchy: OrgHierarchy): Promise<boolean> {
  const root = scopeRoot(claims);
  if (root === null) return true;
  return hierarchy.isWithin(root, orgIds);
}

/** Reading an organization's own data: everyone region-wide, scoped roles within their tree. */
export async function assertCanRead(claims: Claims, orgIds: readonly string[], hierarchy: OrgHierarchy): Promise<void> {
  if (!(await isInScope(claims, orgIds, hierarchy))) throw forbidden('Organization is outside your scope');
}

/** Reporting for an organization (pages, widgets, placements): ADMIN, or an OPERATOR within its tree. */
export async function assertCanReport(claims: Claims, orgIds: readonly string[], hierarchy: OrgHierarchy): Promise<void> {
  if (claims.role === 'ADMIN') return;
  if (claims.role !== 'OPERATOR') throw forbidden(`Role ${claims.role} may not report for organizations`);
  if (!(await hierarchy.isWithin(claims.org!, orgIds))) throw forbidden('Organization is outside your scope');
}

/** Heads' e-mails are personal data (contract: ADMIN, ANALYST and the organization's own scope). */
export async function canSeePersonalData(claims: Claims, orgId: string, hierarchy: OrgHierarchy): Promise<boolean> {
  if (claims.role === 'ADMIN' || claims.role === 'ANALYST') return true;
  if (claims.role === 'OPERATOR' || claims.role === 'HEAD') return hierarchy.isWithin(claims.org!, [orgId]);
  return false;
}
