import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { SessionExpiredError } from '../api';
import { ConnectionContext, useQuery, type Connection } from '../connection';
import { ROLE_LABELS } from '../labels';
import { ME } from '../queries';
import { HeadPage } from '../head/HeadPage';
import { OperatorWorkspace } from '../operator/OperatorWorkspace';
import type { View } from '../route';
import { COOKIE_SESSION } from '../session';
import { useRoute } from '../useRoute';
import { VIEW_LABELS, homeOf, switchableViews, workspaceFor } from '../workspaces';
import { AdminWorkspace } from '../admin/AdminWorkspace';
import { EditorWorkspace } from '../editor/EditorWorkspace';
import { Dashboard } from './Dashboard';

/** Who the credential says it is, before `me` answers (or when it cannot): a token's claims or the session's person. */
export interface KnownHolder {
  name: string;
  role: string;
  organizationId: string | null;
}

interface Props {
  token: string;
  known: KnownHolder | null;
  onSignOut: (message: string | null) => void;
  header: (actions: { refresh: () => void; who: string | null }) => ComponentChildren;
}

/** The signed-in page: one connection for every section, and the workspace of the holder's role. */
export function SignedIn({ token, known, onSignOut, header }: Props) {
  const [generation, setGeneration] = useState(0);
  const [unavailable, setUnavailable] = useState(false);
  const refresh = useCallback(() => {
    setUnavailable(false);
    setGeneration((g) => g + 1);
  }, []);
  const sessionExpired = useCallback(() => onSignOut(new SessionExpiredError().message), [onSignOut]);
  const gatewayUnavailable = useCallback(() => setUnavailable(true), []);
  const connection = useMemo<Connection>(
    () => ({ token, generation, refresh, sessionExpired, gatewayUnavailable }),
    [token, generation, refresh, sessionExpired, gatewayUnavailable],
  );

  return (
    <ConnectionContext.Provider value={connection}>
      <Workspace token={token} known={known} header={(who) => header({ refresh, who })} />
      {unavailable && (
        <div class="banner" role="alert">
          <span>Шлюз недоступен: не удалось связаться с сервером. Показаны последние полученные данные.</span>
          <button type="button" onClick={refresh}>
            Повторить
          </button>
        </div>
      )}
    </ConnectionContext.Provider>
  );
}

/**
 * The workspace of the holder's role, as `me` names it, for the address (workspaces.ts); without an
 * answer from `me` (organizations down), the credential's own claims decide.
 */
function Workspace({
  token,
  known,
  header,
}: {
  token: string;
  known: KnownHolder | null;
  header: (who: string | null) => ComponentChildren;
}) {
  const me = useQuery(ME, {});
  const [route] = useRoute();
  if (me.loading && !me.data) return <>{header(known && whoLine(known.role, known.name))}</>;
  const person = me.data?.me;
  const role = person?.role ?? known?.role ?? null;
  const name = person?.fullName ? `${person.fullName} (${person.email})` : (known?.name ?? null);
  const organizationId = person ? (person.organization?.id ?? null) : (known?.organizationId ?? null);
  // Who the hub records as the author of what this person writes: a token's subject, a person's address.
  const subject = person?.email ?? (token === COOKIE_SESSION ? null : (known?.name ?? null));
  const workspace = workspaceFor(role ?? '', organizationId !== null, route);
  const views = role ? switchableViews(role) : [];
  return (
    <>
      {header(role && name ? whoLine(role, name) : null)}
      {views.length > 0 && <WorkspaceTabs views={views} current={workspace} />}
      {workspace === 'operator' ? (
        <OperatorWorkspace ownOrganizationId={organizationId!} />
      ) : workspace === 'head' ? (
        <HeadPage ownOrganizationId={organizationId!} />
      ) : workspace === 'materials' ? (
        <EditorWorkspace subject={subject} />
      ) : workspace === 'admin' ? (
        <AdminWorkspace />
      ) : (
        <Dashboard home={role ? homeOf(role, 'dashboard') : null} />
      )}
    </>
  );
}

/** The workspaces the role switches between, as links: each is an address of its own. */
function WorkspaceTabs({ views, current }: { views: View[]; current: string }) {
  return (
    <nav class="workspace-tabs" aria-label="Разделы">
      {views.map((view) => (
        <a key={view} href={`#/${view}`} aria-current={view === current ? 'page' : undefined}>
          {VIEW_LABELS[view]}
        </a>
      ))}
    </nav>
  );
}

const whoLine = (role: string, name: string) => `${ROLE_LABELS[role] ?? role} · ${name}`;
