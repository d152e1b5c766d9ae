import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { periodContaining, shiftPeriod } from '@hub/common';
import { startTestHub, type TestHub } from './support/hub.js';
import { AuditLogDocument, CreateMaterialDocument, GrantExemptionDocument, RegisterOrganizationDocument } from './generated/contract.js';
import { reviewerToken } from './support/fixtures.js';

let hub: TestHub;
let sql: pg.Pool;
let admin: GraphQLClient;
let editorToken: string;
let editor: GraphQLClient;
/** Approves the editor's material: an author does not approve its own (four eyes). */
let reviewer: GraphQLClient;

const AUDIT = `query($actor: String, $operation: String, $targetId: ID, $succeeded: Boolean, $from: DateTime, $until: DateTime, $first: Int, $after: String) {
  auditLog(actor: $actor, operation: $operation, targetId: $targetId, succeeded: $succeeded, from: $from, until: $until, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id actor role organization { id name } subgraph operation targetIds inputSummary succeeded errorCode at } }
  }
}`;
const head = { fullName: 'Петров Пётр Петрович', position: 'Министр', email: 'petrov.head@khv-region.test' };

/** An entry as AUDIT selects it. */
interface AuditEntry {
  id: string;
  actor: string;
  role: string;
  organization: { id: string; name: string } | null;
  subgraph: string;
  operation: string;
  targetIds: string[];
  inputSummary: string;
  succeeded: boolean;
  errorCode: string | null;
  at: string;
}
type AuditLog = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: AuditEntry }[] };

async function auditLog(variables: Record<string, unknown> = {}, client = admin) {
  const data = await client.data<{ auditLog: AuditLog }>(AUDIT, { first: 100, ...variables });
  return data.auditLog;
}
const nodes = async (variables: Record<string, unknown> = {}) => (await auditLog(variables)).edges.map((e) => e.node);
const organizationCount = async () =>
  (await admin.request<{ organizations: { totalCount: number } }>('{ organizations(first: 0) { totalCount } }', {})).data!.organizations
    .totalCount;
const materialCount = async () =>
  (await admin.request<{ materials: { totalCount: number } }>('{ materials(first: 0) { totalCount } }', {})).data!.materials.totalCount;

let ministry: string;
let material: string;
let exemption: string;

beforeAll(async () => {
  hub = await startTestHub();
  sql = new pg.Pool({ connectionString: hub.databaseUrl, max: 2 });
  admin = hub.client(await tokenFor('ADMIN'));
  editorToken = await tokenFor('EDITOR');
  editor = hub.client(editorToken);
  reviewer = hub.client(await reviewerToken());

  const registered = await admin.request(RegisterOrganizationDocument, {
    input: { name: 'Министерство спорта Хабаровского края', kind: 'EXECUTIVE_BODY', head, contactEmail: 'press@sport.khv-region.test' },
  });
  ministry = registered.data!.registerOrganization.id;
  const created = await editor.request(CreateMaterialDocument, {
    input: { title: 'Открыт новый стадион', body: 'Стадион на тысячу мест.', topic: 'SOCIAL' },
  });
  material = created.data!.createMaterial.id;
  const week = shiftPeriod(periodContaining('WEEK', new Date(), 'Asia/Vladivostok'), -1, 'Asia/Vladivostok').label;
  const granted = await admin.request(GrantExemptionDocument, {
    input: { organizationId: ministry, rule: 'WEEKLY_PLACEMENTS', period: week, reason: 'Сайт министерства на реконструкции' },
  });
  exemption = granted.data!.grantExemption.id;
});
afterAll(async () => {
  await sql?.end();
  await hub?.stop();
});

describe('the audit log', () => {
  it('records a mutation of each subgraph: who, with which role, what, on which ids, newest first', async () => {
    const [grant, create, register] = await nodes();
    expect(grant).toMatchObject({
      actor: 'test-admin',
      role: 'ADMIN',
      organization: null,
      subgraph: 'compliance',
      operation: 'grantExemption',
      succeeded: true,
      errorCode: null,
    });
    expect(grant!.targetIds.sort()).toEqual([ministry, exemption].sort());
    expect(create).toMatchObject({
      actor: 'test-editor',
      role: 'EDITOR',
      subgraph: 'content',
      operation: 'createMaterial',
      targetIds: [material],
      succeeded: true,
    });
    expect(register).toMatchObject({
      actor: 'test-admin',
      subgraph: 'organizations',
      operation: 'registerOrganization',
      targetIds: [ministry],
      succeeded: true,
    });
    expect(JSON.parse(create!.inputSummary)).toEqual({
      input: { title: 'Открыт новый стадион', body: 'Стадион на тысячу мест.', topic: 'SOCIAL' },
    });
    expect(Date.parse(grant!.at)).toBeGreaterThanOrEqual(Date.parse(create!.at));
    expect(Date.parse(create!.at)).toBeGreaterThanOrEqual(Date.parse(register!.at));
  });

  it('keeps e-mail addresses of the input out of the log', async () => {
    const [register] = await nodes({ operation: 'registerOrganization' });
    expect(JSON.parse(register!.inputSummary).input).toMatchObject({
      name: 'Министерство спорта Хабаровского края',
      head: { fullName: head.fullName, email: '***@***' },
      contactEmail: '***@***',
    });
    const { rows } = await sql.query('select input_summary::text as summary from audit.entry');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { summary } of rows) expect(summary).not.toMatch(/petrov\.head|press@/);
  });

  it('records refused mutations with their code, and the refusal changed nothing', async () => {
    const operator = await tokenFor('OPERATOR', ministry);
    const [organizations, materials] = [await organizationCount(), await materialCount()];
    const badInn = await admin.request(RegisterOrganizationDocument, {
      input: { name: 'Министерство туризма', kind: 'EXECUTIVE_BODY', inn: '2721000001', head },
    });
    expect(errorCodes(badInn)).toEqual(['BAD_USER_INPUT']);
    const forbidden = await hub.client(operator).request(CreateMaterialDocument, {
      input: { title: 'Не наш материал', body: 'Текст.', topic: 'SOCIAL' },
    });
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    expect([await organizationCount(), await materialCount()]).toEqual([organizations, materials]);

    const [refusedCreate, refusedRegister] = await nodes({ succeeded: false });
    expect(refusedCreate).toMatchObject({
      actor: 'test-operator',
      role: 'OPERATOR',
      organization: { id: ministry, name: 'Министерство спорта Хабаровского края' },
      subgraph: 'content',
      operation: 'createMaterial',
      targetIds: [],
      succeeded: false,
      errorCode: 'FORBIDDEN',
    });
    expect(refusedRegister).toMatchObject({
      operation: 'registerOrganization',
      succeeded: false,
      errorCode: 'BAD_USER_INPUT',
      targetIds: [],
    });
    expect(JSON.parse(refusedRegister!.inputSummary).input.inn).toBe('2721000001');
  });

  it('records each root field of a mutation, and keeps the row of one its own transaction rolled back', async () => {
    // The second approval fails inside its transaction (the row locked, then rolled back); the first stands.
    const res = await reviewer.request(
      'mutation($id: ID!) { first: approveMaterial(id: $id) { status } again: approveMaterial(id: $id) { status } }',
      { id: material },
    );
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    const after = await editor.request<{ material: { status: string } }>('query($id: ID!) { material(id: $id) { status } }', {
      id: material,
    });
    expect(after.data!.material).toEqual({ status: 'APPROVED' });
    // Both fields may finish within the same millisecond: their order is not asserted.
    const entries = await nodes({ operation: 'approveMaterial' });
    expect(entries.map((e) => [e.succeeded, e.errorCode, e.targetIds]).sort()).toEqual([
      [false, 'CONFLICT', [material]],
      [true, null, [material]],
    ]);
  });

  it('filters by actor, operation, target id, success and time, and pages by cursor', async () => {
    expect((await nodes({ actor: 'test-editor' })).map((e) => e.operation)).toEqual(['createMaterial']);
    expect((await nodes({ actor: 'test-reviewer' })).map((e) => e.operation)).toEqual(['approveMaterial', 'approveMaterial']);
    expect((await nodes({ operation: 'grantExemption' })).map((e) => e.targetIds.includes(exemption))).toEqual([true]);
    expect((await nodes({ targetId: ministry })).map((e) => e.operation)).toEqual(['grantExemption', 'registerOrganization']);
    expect((await nodes({ targetId: material, succeeded: true })).map((e) => e.operation)).toEqual(['approveMaterial', 'createMaterial']);
    expect(await nodes({ actor: 'nobody' })).toEqual([]);

    const all = await nodes();
    const pivot = all.find((e) => e.operation === 'grantExemption')!;
    const since = await nodes({ from: pivot.at });
    expect(since.length).toBeGreaterThanOrEqual(1);
    expect(since.every((e) => Date.parse(e.at) >= Date.parse(pivot.at))).toBe(true);
    const before = await nodes({ until: pivot.at });
    expect(before.every((e) => Date.parse(e.at) < Date.parse(pivot.at))).toBe(true);
    expect(since.length + before.length).toBe(all.length);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await auditLog({ first: 2, after });
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it.each([
    ['an empty actor', { actor: ' ' }, 'actor'],
    ['an operation that is not a field name', { operation: 'drop table' }, 'operation'],
    ['a target id that is not an id', { targetId: 'ministry' }, 'targetId'],
    ['until before from', { from: '2026-11-30T00:00:00+10:00', until: '2026-11-23T00:00:00+10:00' }, 'until'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ['a page over 500', { first: 501 }, 'first'],
  ])('refuses %s naming the field', async (_label, variables, field) => {
    const res = await admin.request(AUDIT, variables);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
  });

  it('refuses a time that is not ISO-8601 with an offset, naming the argument', async () => {
    const res = await admin.request(AUDIT, { from: '2026-11-30 10:00' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toMatch(/\$from/);
  });

  it('is for ADMIN and ANALYST only', async () => {
    expect((await auditLog({}, hub.client(await tokenFor('ANALYST')))).totalCount).toBeGreaterThan(0);
    for (const token of [await tokenFor('OPERATOR', ministry), editorToken, await tokenFor('HEAD', ministry)]) {
      expect(errorCodes(await hub.client(token).request(AUDIT, {}))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await hub.client(null).request(AUDIT, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const count = async () => (await sql.query('select count(*)::int as n from audit.entry')).rows[0].n as number;
    const before = await count();
    await expect(sql.query("update audit.entry set actor = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(sql.query('delete from audit.entry')).rejects.toThrow(/append-only/);
    await expect(sql.query('truncate audit.entry')).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
    expect((await sql.query("select count(*)::int as n from audit.entry where actor = 'someone-else'")).rows[0].n).toBe(0);
  });

  it('refuses the change, storing nothing, when its audit row cannot be written (the log is gone)', async () => {
    const before = await materialCount();
    await sql.query('alter table audit.entry rename to entry_moved');
    try {
      const res = await editor.request(CreateMaterialDocument, {
        input: { title: 'Без журнала', body: 'Материал создан без записи в журнал.', topic: 'SOCIAL' },
      });
      expect(res.errors?.length).toBe(1);
      expect(res.data?.createMaterial ?? null).toBeNull();
    } finally {
      await sql.query('alter table audit.entry_moved rename to entry');
    }
    expect(await materialCount()).toBe(before);
  });

  it("serves the contract's AuditLog operation", async () => {
    const res = await hub.client(await tokenFor('ANALYST')).request(AuditLogDocument, { first: 2 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditLog.totalCount).toBeGreaterThanOrEqual(7);
    expect(res.data!.auditLog.edges).toHaveLength(2);
    expect(Object.keys(res.data!.auditLog.edges[0]!.node).sort()).toEqual(
      ['actor', 'at', 'id', 'operation', 'role', 'succeeded', 'targetIds'].sort(),
    );
  });
});

describe('an acknowledged change and its audit entry', () => {
  it("commit in one transaction: the entry's row and the change's carry the same transaction id", async () => {
    const created = await editor.request(CreateMaterialDocument, {
      input: { title: 'Открыт каток в парке Динамо', body: 'Каток работает каждый день.', topic: 'SPORT' },
    });
    const id: string = created.data!.createMaterial.id;
    const {
      rows: [change],
    } = await sql.query<{ xmin: string }>('select xmin::text from content.material where id = $1', [id]);
    const { rows: entries } = await sql.query<{ xmin: string; target_ids: string[] }>(
      "select xmin::text, target_ids from audit.entry where operation = 'createMaterial' and $1 = any(target_ids)",
      [id],
    );
    expect(entries).toEqual([{ xmin: change!.xmin, target_ids: [id] }]);
  });

  it('or neither is stored: a change whose entry cannot be written is not made, and the caller is not told it was', async () => {
    const week = shiftPeriod(periodContaining('WEEK', new Date(), 'Asia/Vladivostok'), -2, 'Asia/Vladivostok').label;
    // An audit log that refuses this one operation, as a full disk or a lost connection would at that moment.
    await sql.query("alter table audit.entry add constraint refuse_for_test check (operation <> 'grantExemption') not valid");
    try {
      const res = await admin.request(GrantExemptionDocument, {
        input: { organizationId: ministry, rule: 'WEEKLY_PLACEMENTS', period: week, reason: 'Проверка журнала аудита' },
      });
      expect(res.errors?.length).toBe(1);
      expect(res.data?.grantExemption ?? null).toBeNull();
    } finally {
      await sql.query('alter table audit.entry drop constraint refuse_for_test');
    }
    const { rows } = await sql.query('select id from compliance.exemption where organization_id = $1 and period = $2', [ministry, week]);
    expect(rows).toEqual([]);
  });
});
