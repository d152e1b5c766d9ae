import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * What one GraphQL document may ask of the hub. The dashboard's and the contract's operations
 * stay well inside (depth ≤ 6, aliases only in the dashboard's page health: 8, a few hundred
 * tokens, one page of ≤ 500); a hostile or runaway document is refused at the gateway before any
 * subgraph is called, and again by a subgraph (SUBGRAPH_QUERY_LIMITS), whoever reaches it
 * (docs/SECURITY.md).
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  /**
   * graphql-armor multiplies a list's cost by a literal `first`/`last`: one full page (500) of a
   * report or heatmap costs ~20,000 and must pass; several deep pages in one document must not.
   */
  maxCost: 50_000,
  /** Request bodies (reportPlacements' 500 items are ~150 KB). */
  bodyLimit: '1mb',
} as const;

/**
 * A subgraph's limits: the gateway's, with room for what its query planner adds to a client's
 * document (an `_entities` level, fragments spelled out, `__typename` and key fields), so that
 * every document the gateway let through passes, and one that bypassed it meets the same order
 * of limit.
 */
export const SUBGRAPH_QUERY_LIMITS = {
  ...QUERY_LIMITS,
  maxDepth: QUERY_LIMITS.maxDepth + 2,
  maxAliases: QUERY_LIMITS.maxAliases * 2,
  maxDirectives: QUERY_LIMITS.maxDirectives * 2,
  maxTokens: QUERY_LIMITS.maxTokens * 4,
} as const;

/**
 * graphql-armor's validation rules and plugins for the gateway's Apollo Server.
 * The token limit is graphql-js's own parse option, not armor's: armor's throws from a plugin hook,
 * which Apollo answers with HTTP 500; a parse that stops at the limit is a 400 GRAPHQL_PARSE_FAILED.
 * Armor's suggestion mask is off: its `[Suggestion hidden]` still tells that a near name exists and
 * leaves the types graphql-js names; in production the error formatter rewrites those messages
 * whole (clientMessage), and in development the suggestions are the developer's to read.
 */
export function queryProtection<TContext extends BaseContext>(limits: typeof QUERY_LIMITS | typeof SUBGRAPH_QUERY_LIMITS = QUERY_LIMITS) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  // The plugins read nothing of the context: they serve any context type.
  return {
    plugins: plugins as ApolloServerPlugin<TContext>[],
    validationRules,
    parseOptions: { maxLexicalTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
  };
}

/**
 * In production a subgraph does not describe itself: `{ _service { sdl } }` gives the whole schema
 * to whoever asks, and the gateway composes its supergraph from the checked-in SDL files, never
 * from this field. Refused as if the field did not exist.
 */
export const hideServiceSdl: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service' && context.getParentType()?.name === 'Query') {
      context.reportError(new GraphQLError('Cannot query field "_service" on type "Query".', { nodes: [node] }));
    }
  },
});
