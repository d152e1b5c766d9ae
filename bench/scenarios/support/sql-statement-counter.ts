import { createRequire } from 'node:module';

type Query = (...args: unknown[]) => unknown;
interface ClientPrototype {
  query: Query;
}

/**
 * The pg client classes the hub's ORMs send SQL through: MikroORM's PostgreSQL driver may carry
 * its own copy of `pg`, so both it and the top-level one are covered.
 */
function pgClientPrototypes(): ClientPrototype[] {
  const require = createRequire(import.meta.url);
  const ormRequire = createRequire(require.resolve('@mikro-orm/postgresql'));
  const clients = new Set([require('pg').Client.prototype, ormRequire('pg').Client.prototype] as ClientPrototype[]);
  return [...clients];
}

/**
 * How many SQL statements reach PostgreSQL from this process while `work` runs. The subgraphs run
 * in this process but HubHandle exposes no ORM, so the count is taken where every statement
 * passes; call one subgraph at a time to know whose statements they are.
 */
export async function countSqlStatements(work: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  const patched = pgClientPrototypes().map((proto) => {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
    return () => {
      proto.query = original;
    };
  });
  try {
    await work();
  } finally {
    for (const restore of patched) restore();
  }
  return statements;
}
