import type { OrganizationKind } from '@hub/common';

/** Kinds a subordinate organization may report to (decree 3.1 and 4). */
const SUBORDINATE_PARENTS: ReadonlySet<OrganizationKind> = new Set(['EXECUTIVE_BODY', 'MUNICIPALITY']);

/** Why `kind` may not sit under a parent of `parentKind` (null = no parent), or null when it may. */
export function parentProblem(kind: OrganizationKind, parentKind: OrganizationKind | null): string | null {
  if (kind === 'SUBORDINATE') {
    if (parentKind === null) return 'a SUBORDINATE organization needs its EXECUTIVE_BODY or MUNICIPALITY parent';
    if (!SUBORDINATE_PARENTS.has(parentKind)) return `a SUBORDINATE organization cannot report to a ${parentKind}`;
    return null;
  }
  if (parentKind !== null) return `a ${kind} has no parent organization`;
  return null;
}

/** Would making `newParentId` the parent of `orgId` close a loop? `parentChain` = newParent and its ancestors. */
export function createsCycle(orgId: string, parentChain: readonly string[]): boolean {
  return parentChain.includes(orgId);
}
