// The subgraph-cpu scenario's floor, in a process of its own: a bare node:http server that
// answers each read with one pg query fetching the rows the subgraph reads (the same columns, page
// and order; what the subgraph joins or aggregates is done in SQL) and JSON.stringify of them.
// `POST /<read>` with the query's parameters as a JSON array; `/health` when it is up.
// Environment: DATABASE_URL, PORT, POOL_MAX.
import http from 'node:http';
import pg from 'pg';

export const FLOOR_QUERIES = {
  // listOrganizations' page (o.*, active ones by name) and the page loader's rows (p.*).
  organizations: `
    select o.*, coalesce(pages.list, '[]') as pages
    from organizations.organization o
    left join lateral (
      select json_agg(p order by p.platform, p.created_at) as list
      from organizations.official_page p where p.organization_id = o.id
    ) pages on true
    where o.active
    order by o.name, o.id limit $1`,
  // heatmapPage's statement without the keyset: the tallies, the page, its statuses, the total.
  heatmap: `
    with grouped as (
      select r.organization_id, count(*) filter (where r.status = 'MISSED')::int as missed,
             (max(extract(epoch from r.period_start)::bigint * 1000000 + r.consecutive_misses) % 1000000)::int as streak
      from compliance.compliance_result r where r.rule = $1 and r.period = any($2::text[])
      group by r.organization_id
    ), page as (
      select * from grouped order by missed desc, streak desc, organization_id limit $3
    )
    select page.*, (select count(*) from grouped)::int as total,
           (select jsonb_object_agg(r.period, r.status) from compliance.compliance_result r
            where r.rule = $1 and r.period = any($2::text[]) and r.organization_id = page.organization_id) as statuses
    from page order by missed desc, streak desc, organization_id`,
  // The laggards statement as analytics.repo.ts runs it.
  laggards: `
    select r.organization_id, r.parent_id, r.municipality_id, r.rule, r.period, r.severity, r.required, r.actual,
           r.consecutive_misses, since.period as missed_since
    from (
      select * from compliance.compliance_result r
      where r.rule = $1 and r.period = $2 and r.status = 'MISSED'
      order by r.consecutive_misses desc, r.organization_id limit $3
    ) r
    cross join lateral (
      select x.period from compliance.compliance_result x
      where x.rule = r.rule and x.organization_id = r.organization_id and x.status = 'MISSED'
        and x.period_start <= r.period_start
        and x.period_start > coalesce((
          select max(m.period_start) from compliance.compliance_result m
          where m.rule = r.rule and m.organization_id = r.organization_id and m.status = 'MET' and m.period_start < r.period_start
        ), '-infinity')
      order by x.period_start limit 1
    ) since
    order by r.consecutive_misses desc, r.organization_id`,
  // complianceReport's page (r.*, the longest runs of misses first).
  report: `
    select r.* from compliance.compliance_result r
    where r.rule = $1 and r.period = $2
    order by r.consecutive_misses desc, r.organization_id limit $3`,
} as const;

export type FloorRead = keyof typeof FLOOR_QUERIES;

function serve(): void {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 4) });
  const server = http.createServer((req, res) => {
    const fail = (status: number, message: string) => res.writeHead(status, { 'content-type': 'text/plain' }).end(message);
    if (req.url === '/health') return void res.end('ok');
    const sql = FLOOR_QUERIES[req.url?.slice(1) as FloorRead];
    if (req.method !== 'POST' || !sql) return fail(404, 'no such read');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      pool.query(sql, JSON.parse(Buffer.concat(chunks).toString()) as unknown[]).then(
        ({ rows }) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows)),
        (err: Error) => fail(500, err.message),
      );
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

// Imported by the scenario for the read names; run as a process, it serves.
if (process.argv[1] === import.meta.filename) serve();
