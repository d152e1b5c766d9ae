import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager, Knex } from '@mikro-orm/postgresql';
import type { Claims } from '../auth.js';
import { isUuid } from '../collections.js';
import type { Clock } from '../time.js';
import { insertAuditEntries, type AuditEntry } from './entries.js';
import { summarizeInput, targetIds } from './summary.js';

/**
 * The audit entry of a mutation commits with the change it records (docs/SECURITY.md, "Audit").
 * Every Mutation resolver of a subgraph runs inside a scope (AsyncLocalStorage); when the first
 * root transaction of that scope commits, its entry is inserted in that very transaction, so
 * either both are stored or neither is. A mutation that commits nothing (refused, or writing
 * outside a transaction) is recorded after its answer by the audit plugin, as before.
 */
export interface MutationAudit {
  operation: string;
  args: Record<string, unknown>;
  auth: Claims;
  subgraph: string;
  clock: Clock;
  /** Ids of the entities created in the scope's flushes: what a created entity's entry names. */
  created: Set<string>;
  /** The transaction the entry went into, until it commits. */
  pending: unknown;
  /** The entry is stored with a committed change. */
  written: boolean;
}

const current = new AsyncLocalStorage<MutationAudit>();

/** Where the plugin finds each root field's scope: the context, by response key. */
export const AUDIT_SCOPES = Symbol('audit scopes');
export type AuditScopes = Map<string, MutationAudit>;

type Resolver = (
  parent: unknown,
  args: Record<string, unknown>,
  ctx: Record<PropertyKey, unknown> & { auth: Claims },
  info: { fieldName: string; path: { key: string | number } },
) => unknown;

/** The resolver map with every Mutation field run inside its audit scope. */
export function withMutationAudit<T extends Record<string, unknown>>(resolvers: T, subgraph: string, clock: Clock): T {
  const mutation = resolvers.Mutation as Record<string, Resolver> | undefined;
  if (!mutation) return resolvers;
  const wrapped = Object.fromEntries(
    Object.entries(mutation).map(([name, resolve]) => [
      name,
      ((parent, args, ctx, info) => {
        const scope: MutationAudit = {
          operation: info.fieldName,
          args,
          auth: ctx.auth,
          subgraph,
          clock,
          created: new Set(),
          pending: null,
          written: false,
        };
        const scopes = (ctx[AUDIT_SCOPES] ??= new Map()) as AuditScopes;
        scopes.set(String(info.path.key), scope);
        return current.run(scope, () => resolve(parent, args, ctx, info));
      }) as Resolver,
    ]),
  );
  return { ...resolvers, Mutation: wrapped };
}

function entryOf(scope: MutationAudit): AuditEntry {
  return {
    at: scope.clock(),
    actor: scope.auth.sub,
    role: scope.auth.role,
    org: scope.auth.org,
    subgraph: scope.subgraph,
    operation: scope.operation,
    targetIds: [...new Set([...targetIds(scope.args, null), ...scope.created])],
    inputSummary: summarizeInput(scope.args),
    succeeded: true,
    errorCode: null,
  };
}

function collectCreated(scope: MutationAudit, uow: FlushEventArgs['uow']): void {
  for (const change of uow.getChangeSets()) {
    const id = (change.entity as { id?: unknown }).id;
    if (change.type === 'create' && typeof id === 'string' && isUuid(id)) scope.created.add(id.toLowerCase());
  }
}

const subscribed = new WeakSet<object>();

/** Subscribes the ORM once, however many servers share it. */
export function auditInTransactions(orm: { em: { getEventManager(): { registerSubscriber(s: EventSubscriber): void } } }): void {
  if (subscribed.has(orm)) return;
  subscribed.add(orm);
  orm.em.getEventManager().registerSubscriber(new AuditInTransaction());
}

/** The ORM's side: remembers what a scope creates, and writes its entry into its first committing transaction. */
class AuditInTransaction implements EventSubscriber {
  /** A flush inside a transaction the code opened: its inserts are done and their ids known. */
  afterFlush({ uow }: FlushEventArgs): void {
    const scope = current.getStore();
    if (scope) collectCreated(scope, uow);
  }

  async beforeTransactionCommit({ em, transaction, uow }: TransactionEventArgs): Promise<void> {
    const scope = current.getStore();
    if (!scope || scope.written || scope.pending || !transaction) return;
    // A flush's own transaction commits before its afterFlush: what it created is read here.
    if (uow) collectCreated(scope, uow);
    await insertAuditEntries(em as SqlEntityManager, [entryOf(scope)], { transaction: transaction as Knex.Transaction });
    scope.pending = transaction;
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    const scope = current.getStore();
    if (scope && transaction && scope.pending === transaction) {
      scope.written = true;
      scope.pending = null;
    }
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    const scope = current.getStore();
    if (scope && transaction && scope.pending === transaction) scope.pending = null;
  }
}
