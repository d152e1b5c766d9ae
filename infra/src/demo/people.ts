// The demo region's people (docs/DESIGN.md, "People"): each organization's head as HEAD and a
// communications officer as OPERATOR, the content center's editors, the ЦУР's analysts and the
// committee's administrator, so that `npm start` can name one address per role to try.
import { DEMO_EMAIL_DOMAIN, personName, type DemoOrganization } from './region.js';
import { stream } from './random.js';

export interface DemoPerson {
  email: string;
  fullName: string;
  role: 'ADMIN' | 'EDITOR' | 'OPERATOR' | 'ANALYST' | 'HEAD';
  organizationId: string | null;
}

/** The addresses `npm start` prints, one per region-wide role. */
export const DEMO_PEOPLE_BY_ROLE = {
  ADMIN: `admin@${DEMO_EMAIL_DOMAIN}`,
  EDITOR: `editor@${DEMO_EMAIL_DOMAIN}`,
  ANALYST: `analyst@${DEMO_EMAIL_DOMAIN}`,
} as const;

/** A stream of its own: the region's other data stay as they were before people were added. */
const PEOPLE_STREAM = 41;

export function generateDemoPeople(seed: number, organizations: readonly DemoOrganization[]): DemoPerson[] {
  const rng = stream(seed, PEOPLE_STREAM);
  const regionWide: DemoPerson[] = [
    { email: DEMO_PEOPLE_BY_ROLE.ADMIN, fullName: personName(rng), role: 'ADMIN', organizationId: null },
    { email: DEMO_PEOPLE_BY_ROLE.EDITOR, fullName: personName(rng), role: 'EDITOR', organizationId: null },
    { email: `editor2@${DEMO_EMAIL_DOMAIN}`, fullName: personName(rng), role: 'EDITOR', organizationId: null },
    { email: DEMO_PEOPLE_BY_ROLE.ANALYST, fullName: personName(rng), role: 'ANALYST', organizationId: null },
    { email: `analyst2@${DEMO_EMAIL_DOMAIN}`, fullName: personName(rng), role: 'ANALYST', organizationId: null },
  ];
  const ofOrganizations = organizations.flatMap((org): DemoPerson[] => [
    { email: org.head.email, fullName: org.head.fullName, role: 'HEAD', organizationId: org.id },
    { email: org.head.email.replace(/\.head@/u, '.smm@'), fullName: personName(rng), role: 'OPERATOR', organizationId: org.id },
  ]);
  return [...regionWide, ...ofOrganizations];
}
