// Loading millions of rows into a table whose indexes and constraints are kept up row by row is
// several times slower than building them once afterwards. The definitions are read from the
// catalog and put back verbatim, then compared, so the schema ends exactly as migrated.
import type pg from 'pg';

interface Definitions {
  constraints: { name: string; type: string; definition: string }[];
  indexes: { name: string; definition: string }[];
}

async function definitionsOf(client: pg.Client, table: string): Promise<Definitions> {
  const constraints = await client.query<{ name: string; type: string; definition: string }>(
    `select conname as name, contype as type, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = $1::regclass and contype in ('p', 'u', 'f') order by conname`,
    [table],
  );
  const indexes = await client.query<{ name: string; definition: string }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
     order by c.relname`,
    [table],
  );
  return { constraints: constraints.rows, indexes: indexes.rows };
}

export async function withoutIndexes<T>(client: pg.Client, table: string, load: () => Promise<T>): Promise<T> {
  const before = await definitionsOf(client, table);
  const references = await client.query(`select 1 from pg_constraint where confrelid = $1::regclass`, [table]);
  if (references.rowCount) throw new Error(`${table} is referenced by foreign keys: load it with its indexes`);
  for (const c of before.constraints) await client.query(`alter table ${table} drop constraint "${c.name}"`);
  for (const i of before.indexes) await client.query(`drop index ${table.split('.')[0]}."${i.name}"`);
  const result = await load();
  const order = (type: string) => (type === 'f' ? 1 : 0);
  for (const i of before.indexes) await client.query(i.definition);
  for (const c of [...before.constraints].sort((a, b) => order(a.type) - order(b.type))) {
    await client.query(`alter table ${table} add constraint "${c.name}" ${c.definition}`);
  }
  const after = await definitionsOf(client, table);
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`${table}: indexes or constraints differ after the load`);
  return result;
}
