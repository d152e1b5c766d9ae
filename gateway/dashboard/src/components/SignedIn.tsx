import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { SessionExpiredError } from '../api';
import { ConnectionContext, useQuery, type Connection } from '../connection';
import { ROLE_LABELS } from '../labels';
import { ME } from '../queries';
import { HeadPage } from '../head/HeadPage';
import { OperatorWorkspace } from '../operator/OperatorWorkspace';
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
      <Workspace known={known} header={(who) => header({ refresh, who })} />
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
 * The workspace of the holder's role, as `me` names it: an OPERATOR's is its organization's week,
 * a HEAD's its organization and those below it; the region-wide roles see the ЦУР's dashboard. Without an answer from `me` (organizations down),
 * the credential's own claims decide.
 */
function Workspace({ known, header }: { known: KnownHolder | null; header: (who: string | null) => ComponentChildren }) {
  const me = useQuery(ME, {});
  if (me.loading && !me.data) return <>{header(known && whoLine(known.role, known.name))}</>;
  const person = me.data?.me;
  const role = person?.role ?? known?.role ?? null;
  const name = person?.fullName ? `${person.fullName} (${person.email})` : (known?.name ?? null);
  const organizationId = person ? (person.organization?.id ?? null) : (known?.organizationId ?? null);
  return (
    <>
      {header(role && name ? whoLine(role, name) : null)}
      {role === 'OPERATOR' && organizationId ? (
        <OperatorWorkspace ownOrganizationId={organizationId} />
      ) : role === 'HEAD' && organizationId ? (
        <HeadPage ownOrganizationId={organizationId} />
      ) : (
        <Dashboard />
      )}
    </>
  );
}

const whoLine = (role: string, name: string) => `${ROLE_LABELS[role] ?? role} · ${name}`;
