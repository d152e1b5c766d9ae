import { gqlData } from '@hub/common/testing';
import { registerOrganization, type HeadInput } from './fixtures.js';

/**
 * Fixtures on the demo region (HUB_SEED=demo) shared by the authorization matrix and the input
 * properties: the organizations they act on, the subordinates they register, the letters they mark sent.
 */

/** The head of every subordinate the region fixtures register. */
export const DIRECTOR: HeadInput = { fullName: 'Петров Пётр Петрович', position: 'Директор', email: 'director@khv-region.test' };

export interface RegionOrganizations {
  /** The first municipality (of the first 50) with a subordinate. */
  municipality: string;
  /** Its first subordinate. */
  subordinate: string;
  /** The first subordinate of the next such municipality. */
  other: string;
}

/** The first two municipalities with subordinates: one to be "own", a subordinate of each. */
export async function municipalitiesWithSubordinates(gatewayUrl: string, token: string): Promise<RegionOrganizations> {
  const { organizations } = await gqlData<{
    organizations: { edges: { node: { id: string; children: { id: string; kind: string }[] } }[] };
  }>(gatewayUrl, '{ organizations(kind: MUNICIPALITY, first: 50) { edges { node { id children { id kind } } } } }', {}, token);
  const [own, another] = organizations.edges
    .map((e) => ({ id: e.node.id, subordinates: e.node.children.filter((c) => c.kind === 'SUBORDINATE') }))
    .filter((m) => m.subordinates.length > 0);
  return { municipality: own!.id, subordinate: own!.subordinates[0]!.id, other: another!.subordinates[0]!.id };
}

/** A new subordinate of `parentId`, headed by DIRECTOR. */
export function registerSubordinate(gatewayUrl: string, token: string, parentId: string, name: string): Promise<string> {
  return registerOrganization(gatewayUrl, token, { name, kind: 'SUBORDINATE', parentId, head: DIRECTOR });
}

/** SQL with $1-style parameters, on the hub's database. */
export type Sql = (text: string, params: unknown[]) => Promise<unknown>;

/** The outbox has no API to send a letter without a worker: marks these letters SENT at `at`. */
export async function markLettersSent(sql: Sql, ids: string[], at: Date): Promise<void> {
  await sql("update compliance.notification set status = 'SENT', sent_at = $1 where id = any($2)", [at, ids]);
}
