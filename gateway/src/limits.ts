import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * What one GraphQL document may ask of the hub. The dashboard's and the contract's operations
 * stay well inside (depth ≤ 6, no aliases, a few hundred tokens, one page of ≤ 500); a hostile or
 * runaway document is refused at the gateway before any subgraph is called.
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
 * graphql-armor's validation rules and plugins for the gateway's Apollo Server; field suggestions off.
 * The token limit is graphql-js's own parse option, not armor's: armor's throws from a plugin hook,
 * which Apollo answers with HTTP 500; a parse that stops at the limit is a 400 GRAPHQL_PARSE_FAILED.
 */
export function queryProtection<TContext extends BaseContext>(limits = QUERY_LIMITS) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: true },
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
