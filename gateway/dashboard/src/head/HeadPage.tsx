import { useQuery } from '../connection';
import { KIND_SINGULAR } from '../labels';
import { OrganizationUnavailable } from '../components/Problem';
import { MissingNote } from '../components/Section';
import { useRoute } from '../useRoute';
import type { HeadOfficersQuery, HeadOrganizationQuery } from '../generated/graphql';
import { PastWeeks } from '../operator/PastWeeks';
import { Progress } from '../operator/Progress';
import { OfficerManagement } from './OfficerManagement';
import { HEAD_OFFICERS, HEAD_ORGANIZATION } from './queries';

type Child = NonNullable<HeadOrganizationQuery['organization']>['children'][number];
type Officer = HeadOfficersQuery['users']['edges'][number]['node'];

/**
 * The head's page: its organization's week and those directly below it, at-risk ones first with
 * their officers to call, the last weeks and the escalations. A letter's link
 * (#/organizations/<id>) opens it at the organization it names.
 */
export function HeadPage({ ownOrganizationId }: { ownOrganizationId: string }) {
  const [route, navigate] = useRoute();
  const organizationId = route.organizationId ?? ownOrganizationId;
  const answer = useQuery(HEAD_ORGANIZATION, { organizationId });
  const officers = useQuery(HEAD_OFFICERS, {});
  const organization = answer.data?.organization ?? null;

  if (!organization) return <OrganizationUnavailable loading={answer.loading} error={answer.error} what="организация" />;
  const officersOf = (id: string) => (officers.data?.users.edges ?? []).map((e) => e.node).filter((o) => o.organization?.id === id);
  const children = [...organization.children].sort(byRisk);
  const atRisk = children.filter((c) => c.weekProgress?.atRisk).length;

  return (
    <main class="content workspace" aria-busy={answer.loading ? 'true' : 'false'}>
      <MissingNote missing={[...answer.missing, ...officers.missing]} />
      <section class="section" id="week">
        {organizationId !== ownOrganizationId && organization.parent && (
          <p>
            <a href={`#/organizations/${organization.parent.id}`}>← {organization.parent.name}</a>
          </p>
        )}
        <h2>{organization.name}</h2>
        <Progress progress={organization.weekProgress} placementCount={organization.placementCount} />
        <Officers officers={officersOf(organization.id)} />
      </section>

      {children.length > 0 && (
        <section class="section" id="tree">
          <h2>Организации ниже: эта неделя</h2>
          <p class="muted">
            {atRisk > 0
              ? `Под угрозой невыполнения нормы: ${atRisk} из ${children.length}.`
              : `Все ${children.length} идут по норме или уже выполнили её.`}
          </p>
          <ul class="plain-list head-tree">
            {children.map((child) => (
              <li key={child.id} data-organization-id={child.id} class={child.weekProgress?.atRisk ? 'at-risk' : ''}>
                <p>
                  <button type="button" class="link-button" onClick={() => navigate({ organizationId: child.id })}>
                    {child.name}
                  </button>
                  <span class="muted"> · {KIND_SINGULAR[child.kind]}</span>
                </p>
                <p>
                  <ChildStatus child={child} />
                </p>
                <Officers officers={officersOf(child.id)} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <PastWeeks compliance={organization.compliance} escalations={organization.escalations} />

      <OfficerManagement
        organizations={[organization, ...organization.children]}
        officers={[organization, ...organization.children].flatMap((o) => officersOf(o.id))}
      />
    </main>
  );
}

/** At risk first, the furthest from the norm first; then the rest by name. */
function byRisk(a: Child, b: Child): number {
  const risk = (c: Child) => (c.weekProgress?.atRisk ? c.weekProgress.remaining : -1);
  return risk(b) - risk(a) || a.name.localeCompare(b.name, 'ru');
}

function ChildStatus({ child }: { child: Child }) {
  const progress = child.weekProgress;
  if (!progress) return <span class="muted">Размещено {child.placementCount}; недельная норма не применяется.</span>;
  const text = `Размещено ${progress.placed} из ${progress.required}`;
  if (progress.remaining === 0) return <span class="text-met">{text}: норма выполнена.</span>;
  return progress.atRisk ? <span class="text-missed">{text}: под угрозой.</span> : <span>{text}.</span>;
}

/** Whom to contact: the organization's communications officers. */
function Officers({ officers }: { officers: Officer[] }) {
  if (officers.length === 0) return <p class="muted">Ответственный за размещение не зарегистрирован в хабе.</p>;
  return (
    <p class="officers">
      Ответственный за размещение:{' '}
      {officers.map((o, i) => (
        <span key={o.id}>
          {i > 0 && ', '}
          {o.fullName}, <a href={`mailto:${o.email}`}>{o.email}</a>
        </span>
      ))}
    </p>
  );
}
