/** Changes a workspace sends: the answer, or the problem in words for the form that sent it. */
import { useCallback } from 'preact/hooks';
import { ApiError, type GraphQLError } from './api';
import { useConnection, useGraphQL } from './connection';
import type { TypedDocumentString } from './generated/graphql';

const CODE_LEAD: Record<string, string> = {
  FORBIDDEN: 'Недостаточно прав',
  CONFLICT: 'Сейчас это сделать нельзя',
  NOT_FOUND: 'Не найдено',
  TOO_MANY_REQUESTS: 'Слишком много запросов, попробуйте позже',
};

/** The hub's refusal as a form shows it: what kind of refusal, the field it names (by its label), and the hub's words. */
export function problemOf(error: GraphQLError, fieldLabels: Record<string, string> = {}): string {
  const code = error.extensions?.code ?? '';
  const field = error.extensions?.field;
  if (code === 'BAD_USER_INPUT') {
    const label = field ? (fieldLabels[field] ?? fieldLabels[field.split('.').at(-1)!] ?? field) : null;
    return label ? `Проверьте поле «${label}»: ${error.message}` : `Проверьте введённое: ${error.message}`;
  }
  return CODE_LEAD[code] ? `${CODE_LEAD[code]}: ${error.message}` : error.message;
}

export interface MutationResult<T> {
  data: T | null;
  /** Null when the change went through (or the app took over: a lost session or gateway). */
  problem: string | null;
}

/**
 * Sends a change; when it goes through, every query of the page runs again, so what it shows is
 * what the hub now holds. `describe` words a refusal (problemOf by default).
 */
export function useMutation(describe: (error: GraphQLError) => string = problemOf) {
  const send = useGraphQL();
  const { refresh } = useConnection();
  return useCallback(
    async <T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<MutationResult<T>> => {
      try {
        const result = await send(document, variables);
        if (result) refresh();
        return { data: result?.data ?? null, problem: null };
      } catch (err) {
        const error = err instanceof ApiError ? err.errors[0] : undefined;
        return { data: null, problem: error ? describe(error) : (err as Error).message };
      }
    },
    [send, refresh, describe],
  );
}
