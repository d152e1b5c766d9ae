import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** The root fields a caller without a credential may ask for (docs/SECURITY.md, "Sign-in"). */
const ANONYMOUS_FIELDS = new Set(['requestSignIn', '__typename']);

/**
 * Whether a GraphQL request asks for nothing but what needs no credential: one mutation whose
 * every root selection is requestSignIn (or __typename), with no fragment that could add more.
 * Anything else without a credential is UNAUTHENTICATED as before.
 */
export function isAnonymousRequest(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || query.length > 2_000) return false;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== document.definitions.length) return false;
  const chosen = typeof operationName === 'string' ? operations.filter((o) => o.name?.value === operationName) : operations;
  if (chosen.length !== 1 || (typeof operationName !== 'string' && operations.length !== 1)) return false;
  const [operation] = chosen;
  return (
    operation!.operation === 'mutation' &&
    operation!.selectionSet.selections.every((s) => s.kind === Kind.FIELD && ANONYMOUS_FIELDS.has(s.name.value) && !s.selectionSet)
  );
}
