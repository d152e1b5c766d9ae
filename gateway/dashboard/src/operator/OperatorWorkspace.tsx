import { useQuery } from '../connection';
import { useRoute } from '../useRoute';
import { OrganizationUnavailable } from '../components/Problem';
import { MissingNote } from '../components/Section';
import { OPERATOR_WEEK } from './queries';
import type { OperatorWeekQuery } from '../generated/graphql';
import { MaterialItem } from './MaterialItem';
import { PlacementItem } from './PlacementItem';
import { OperatorPages } from './OperatorPages';
import { PastWeeks } from './PastWeeks';
import { MediaSection } from './MediaSection';
import { Progress } from './Progress';
import { Suggestions } from './Suggestions';

export type OperatorOrganization = NonNullable<OperatorWeekQuery['organization']>;

/**
 * The communications officer's week, phone first: how far it is from the norm and how many days
 * are left, the materials sent to it with their text to copy and a form to report each placement,
 * what the hub found on its pages to confirm or reject, the placements to correct or withdraw,
 * its pages, media mentions (and reporting one), past weeks and escalations.
 * Its own organization, or one below it that a letter's link (#/organizations/<id>) names.
 */
export function OperatorWorkspace({ ownOrganizationId }: { ownOrganizationId: string }) {
  const [route, navigate] = useRoute();
  const organizationId = route.organizationId ?? ownOrganizationId;
  const week = useQuery(OPERATOR_WEEK, { organizationId });
  const organization = week.data?.organization ?? null;

  if (!organization) return <OrganizationUnavailable loading={week.loading} error={week.error} what="неделя организации" />;
  const { pages, placements } = organization;
  const placedIds = new Set(placements.map((p) => p.material.id));
  const materials = organization.receivedMaterials ?? [];
  const tree = [...(organization.parent && organizationId !== ownOrganizationId ? [organization.parent] : []), ...organization.children];

  return (
    <main class="content workspace" aria-busy={week.loading ? 'true' : 'false'}>
      <MissingNote missing={week.missing} />
      <section class="section" id="week">
        <h2>{organization.name}</h2>
        {tree.length > 0 && (
          <label class="workspace-tree">
            Организация
            <select value={organizationId} onChange={(e) => navigate({ organizationId: e.currentTarget.value })}>
              <option value={organization.id}>{organization.name}</option>
              {tree.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <Progress progress={organization.weekProgress} placementCount={organization.placementCount} />
      </section>

      <section class="section" id="materials">
        <h2>Материалы недели</h2>
        {materials.length === 0 ? (
          <p class="muted">На этой неделе контент-центр ещё не присылал материалов.</p>
        ) : (
          materials.map((material) => (
            <MaterialItem
              key={material.id}
              material={material}
              pages={pages}
              placements={placements.filter((p) => p.material.id === material.id)}
              placed={placedIds.has(material.id)}
            />
          ))
        )}
      </section>

      <Suggestions organizationId={organization.id} />

      <section class="section" id="placements">
        <h2>Размещения недели</h2>
        {placements.length === 0 ? (
          <p class="muted">Размещений на этой неделе пока нет.</p>
        ) : (
          <ul class="plain-list week-placements">
            {placements.map((placement) => (
              <PlacementItem key={placement.id} placement={placement} />
            ))}
          </ul>
        )}
      </section>

      <OperatorPages pages={pages} />

      <MediaSection organization={organization} />

      <PastWeeks compliance={organization.compliance} escalations={organization.escalations} />
    </main>
  );
}
