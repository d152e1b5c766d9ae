import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Claims } from '../auth.js';
import type { Orm } from '../db.js';
import { HubError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time.js';
import { appendAuditEntries, type AuditEntry } from './entries.js';
import { AUDIT_SCOPES, type AuditScopes } from './in-transaction.js';
import { summarizeInput, targetIds } from './summary.js';

export interface AuditOptions {
  subgraph: string;
  orm: Orm;
  clock: Clock;
  logger: Logger;
}

/** A mutation root field once its resolver has finished. */
interface Outcome {
  operation: string;
  responseKey: string;
  args: Record<string, unknown>;
  result: unknown;
  error: Error | null;
  at: Date;
}

/**
 * Appends one `audit.entry` row per mutation root field this subgraph resolves, succeeded or
 * refused. A mutation's root field belongs to exactly one subgraph, so each records its own.
 * A change that committed has its entry in its own transaction (in-transaction.ts); the rest
 * (refusals, mutations that committed no transaction) are written once the response is settled,
 * and a failed write of those is logged: nothing changed that it would have recorded.
 */
export function auditPlugin(options: AuditOptions): ApolloServerPlugin<{ auth: Claims }> {
  return {
    async requestDidStart() {
      const outcomes: Outcome[] = [];
      return {
        async executionDidStart({ operation }) {
          // Only mutations: any willResolveField hook makes every field of the request pay for it.
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ info, args }) {
              if (info.path.prev !== undefined) return;
              return (error, result) => {
                outcomes.push({
                  operation: info.fieldName,
                  responseKey: String(info.path.key),
                  args,
                  result,
                  error,
                  at: options.clock(),
                });
              };
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (!outcomes.length) return;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const scopes = (contextValue as { [AUDIT_SCOPES]?: AuditScopes })[AUDIT_SCOPES];
          // A succeeded field whose entry committed with its change is recorded already.
          const entries = outcomes
            .map((o) => toEntry(o, contextValue.auth, options.subgraph, errors))
            .filter((entry, i) => !(entry.succeeded && scopes?.get(outcomes[i]!.responseKey)?.written));
          try {
            await appendAuditEntries(options.orm, entries);
          } catch (err) {
            options.logger.error({ err, operations: entries.map((e) => e.operation) }, 'audit entry not written');
          }
        },
      };
    },
  };
}

function toEntry(outcome: Outcome, auth: Claims, subgraph: string, errors: readonly GraphQLFormattedError[]): AuditEntry {
  // The field's own error as the caller saw it (after the error mapper); errors deeper in the
  // selection (a nested field refused) leave the mutation itself done.
  const own = errors.find((e) => e.path?.length === 1 && e.path[0] === outcome.responseKey);
  const failed = outcome.error !== null || own !== undefined;
  return {
    at: outcome.at,
    actor: auth.sub,
    role: auth.role,
    org: auth.org,
    subgraph,
    operation: outcome.operation,
    targetIds: targetIds(outcome.args, failed ? null : outcome.result),
    inputSummary: summarizeInput(outcome.args),
    succeeded: !failed,
    errorCode: failed ? errorCode(own, outcome.error) : null,
  };
}

function errorCode(formatted: GraphQLFormattedError | undefined, raw: Error | null): string {
  const code = formatted?.extensions?.code;
  if (typeof code === 'string') return code;
  if (raw instanceof HubError) return raw.code;
  return 'INTERNAL_SERVER_ERROR';
}
