import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { GatewayUnavailableError, SessionExpiredError, graphql, type MissingPart } from './api';
import type { TypedDocumentString } from './generated/graphql';

/** What every section shares: the token, a refresh counter, and where to report a lost session or gateway. */
export interface Connection {
  token: string;
  /** Bumped by «Обновить» and «Повторить»: every query runs again. */
  generation: number;
  /** Runs every query again: after a change the page made (a reported placement), as «Обновить» does. */
  refresh(): void;
  sessionExpired(): void;
  gatewayUnavailable(): void;
}

export const ConnectionContext = createContext<Connection | null>(null);

export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside ConnectionContext');
  return connection;
}

/** Sends a query; a lost session or gateway goes to the app, anything else to the caller. Null then. */
export function useGraphQL() {
  const connection = useConnection();
  return useCallback(
    async <T, V>(query: TypedDocumentString<T, V>, variables: V, signal?: AbortSignal) => {
      try {
        return await graphql(connection.token, query, variables, signal);
      } catch (err) {
        if (err instanceof SessionExpiredError) connection.sessionExpired();
        else if (err instanceof GatewayUnavailableError) connection.gatewayUnavailable();
        else throw err;
        return null;
      }
    },
    [connection],
  );
}

export interface QueryState<T> {
  data: T | null;
  missing: MissingPart[];
  error: string | null;
  loading: boolean;
}

/**
 * One query kept fresh: runs again when its variables or the refresh counter change; keeps what
 * it showed when the gateway is unreachable, but never shows one week's answer under another's
 * variables. `variables` null: not yet (e.g. the week is unknown).
 */
export function useQuery<T, V>(query: TypedDocumentString<T, V>, variables: V | null): QueryState<T> {
  const { generation } = useConnection();
  const send = useGraphQL();
  const key = variables === null ? null : `${query}\n${JSON.stringify(variables)}`;
  const [state, setState] = useState<QueryState<T> & { key: string | null }>({
    key,
    data: null,
    missing: [],
    error: null,
    loading: key !== null,
  });
  const latest = useRef(variables);
  latest.current = variables;

  useEffect(() => {
    const current = latest.current;
    if (key === null || current === null) return;
    const controller = new AbortController();
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, data: null, missing: [], error: null, loading: true }));
    send(query, current, controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        if (result) setState({ key, data: result.data, missing: result.missing, error: null, loading: false });
        else setState((s) => ({ ...s, loading: false }));
      })
      .catch((err: Error) => {
        if (controller.signal.aborted) return;
        setState({ key, data: null, missing: [], error: err.message, loading: false });
      });
    return () => controller.abort();
  }, [query, key, generation, send]);

  if (state.key !== key) return { data: null, missing: [], error: null, loading: key !== null };
  return { data: state.data, missing: state.missing, error: state.error, loading: state.loading };
}
