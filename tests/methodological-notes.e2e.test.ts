import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { createMaterial } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { AddMethodologicalNoteDocument, MethodologicalNotesDocument, type MethodologicalNoteInput } from './generated/contract.js';

// Decree item 5: the ЦУР (ANALYST) gives the content center (EDITOR) methodological support.
// Wednesday 25 November 2026, 10:00 in Khabarovsk: week 2026-W48.
let now = new Date('2026-11-25T00:00:00Z');
let hub: TestHub;
let db: pg.Client;
let analystToken: string;
let editorToken: string;
let adminToken: string;
let analyst: GraphQLClient;
let editor: GraphQLClient;
let admin: GraphQLClient;
let material: string;

const ANSWER = 'mutation($id: ID!, $answer: String) { markNoteAnswered(id: $id, answer: $answer) { id answeredAt answeredBy answer } }';
const DETAILS = '{ methodologicalNotes { text authorRole topic week material { id title } answer } }';

const noteCount = async () => (await db.query('select count(*)::int as n from content.methodological_note')).rows[0].n as number;
const tick = () => {
  now = new Date(now.getTime() + 60_000);
};

async function add(input: MethodologicalNoteInput, client = analyst): Promise<string> {
  tick();
  const res = await client.request(AddMethodologicalNoteDocument, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.addMethodologicalNote.id;
}

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  db = new pg.Client({ connectionString: hub.databaseUrl });
  await db.connect();
  [analystToken, editorToken, adminToken] = await Promise.all([tokenFor('ANALYST'), tokenFor('EDITOR'), tokenFor('ADMIN')]);
  analyst = hub.client(analystToken);
  editor = hub.client(editorToken);
  admin = hub.client(adminToken);
  material = await createMaterial(hub.gatewayUrl, editorToken, {
    title: 'Губернатор открыл новую школу',
    body: 'Текст о новой школе.',
    topic: 'GOVERNOR',
  });
});
afterAll(async () => {
  await db?.end();
  await hub?.stop();
});

describe('the ЦУР writes notes, the content center answers them', () => {
  let onMaterial: string;
  let onWeek: string;
  let general: string;

  it('adds a note on a material, a topic, a week, or in general, with its author', async () => {
    tick();
    const res = await analyst.request(AddMethodologicalNoteDocument, {
      input: { text: '  Добавьте фото к материалу.  ', materialId: material },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addMethodologicalNote).toEqual({
      id: expect.any(String),
      text: 'Добавьте фото к материалу.',
      author: 'test-analyst',
      createdAt: '2026-11-25T10:01:00+10:00',
      answeredAt: null,
    });
    onMaterial = res.data!.addMethodologicalNote.id;
    await add({ text: 'Мало материалов о спорте в эту неделю.', topic: 'SPORT' });
    onWeek = await add({ text: 'Материалы недели вышли поздно.', week: '2026-W48' });
    general = await add({ text: 'Пишите заголовки короче.' }, admin);

    const details = await editor.request<{ methodologicalNotes: unknown[] }>(DETAILS, {});
    expect(details.data!.methodologicalNotes).toEqual([
      { text: 'Пишите заголовки короче.', authorRole: 'ADMIN', topic: null, week: null, material: null, answer: null },
      { text: 'Материалы недели вышли поздно.', authorRole: 'ANALYST', topic: null, week: '2026-W48', material: null, answer: null },
      { text: 'Мало материалов о спорте в эту неделю.', authorRole: 'ANALYST', topic: 'SPORT', week: null, material: null, answer: null },
      {
        text: 'Добавьте фото к материалу.',
        authorRole: 'ANALYST',
        topic: null,
        week: null,
        material: { id: material, title: 'Губернатор открыл новую школу' },
        answer: null,
      },
    ]);
  });

  it('shows a material its notes', async () => {
    const res = await editor.request<{ material: { notes: { id: string; text: string }[] } }>(
      'query($id: ID!) { material(id: $id) { notes { id text } } }',
      { id: material },
    );
    expect(res.data!.material.notes).toEqual([{ id: onMaterial, text: 'Добавьте фото к материалу.' }]);
  });

  it('marks a note answered, once; open lists what is left, newest first', async () => {
    tick();
    const res = await editor.request<{ markNoteAnswered: unknown }>(ANSWER, {
      id: onWeek,
      answer: 'Рассылка перенесена на утро понедельника.',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.markNoteAnswered).toEqual({
      id: onWeek,
      answeredAt: '2026-11-25T10:05:00+10:00',
      answeredBy: 'test-editor',
      answer: 'Рассылка перенесена на утро понедельника.',
    });
    const again = await admin.request(ANSWER, { id: onWeek });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    await admin.request(ANSWER, { id: general });

    const ids = async (open: boolean | null) =>
      (await analyst.request(MethodologicalNotesDocument, { open })).data!.methodologicalNotes.map((n) => n.id);
    const open = await ids(true);
    expect(open).toHaveLength(2);
    expect(open.at(-1)).toBe(onMaterial);
    expect(await ids(false)).toEqual([general, onWeek]);
    expect(await ids(null)).toHaveLength(4);
  });

  it('exposes the open notes to other subgraphs as content.open_notes', async () => {
    const { rows } = await db.query('select note_id, material_title, topic, week from content.open_notes order by created_at');
    expect(rows).toEqual([
      { note_id: onMaterial, material_title: 'Губернатор открыл новую школу', topic: null, week: null },
      { note_id: expect.any(String), material_title: null, topic: 'SPORT', week: null },
    ]);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['an empty text', { text: '   ' }, 'BAD_USER_INPUT', 'text'],
    ['a text over 4,000 characters', { text: 'я'.repeat(4001) }, 'BAD_USER_INPUT', 'text'],
    ['a malformed material id', { text: 'Замечание', materialId: 'not-an-id' }, 'BAD_USER_INPUT', 'materialId'],
    ['an unknown material', { text: 'Замечание', materialId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'materialId'],
    ['a month for a week', { text: 'Замечание', week: '2026-11' }, 'BAD_USER_INPUT', 'week'],
    ['a week that does not exist', { text: 'Замечание', week: '2026-W54' }, 'BAD_USER_INPUT', 'week'],
  ])('refuses %s', async (_label, input, code, field) => {
    const before = await noteCount();
    const res = await analyst.request(AddMethodologicalNoteDocument, { input });
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await noteCount()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown note', async () => {
    const res = await editor.request(ANSWER, { id: '00000000-0000-4000-8000-000000000000' });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('who may do what', () => {
  it('lets only ANALYST and ADMIN write notes', async () => {
    const before = await noteCount();
    const organization = '00000000-0000-4000-8000-000000000001';
    for (const token of [editorToken, await tokenFor('OPERATOR', organization), await tokenFor('HEAD', organization)]) {
      expect(errorCodes(await hub.client(token).request(AddMethodologicalNoteDocument, { input: { text: 'Не моё замечание' } }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    expect(await noteCount()).toBe(before);
  });

  it('lets EDITOR, ADMIN and ANALYST read them, and only EDITOR and ADMIN answer', async () => {
    const organization = '00000000-0000-4000-8000-000000000001';
    for (const token of [await tokenFor('OPERATOR', organization), await tokenFor('HEAD', organization)]) {
      expect(errorCodes(await hub.client(token).request(MethodologicalNotesDocument, {}))).toEqual(['FORBIDDEN']);
      const notes = await hub.client(token).request('query($id: ID!) { material(id: $id) { notes { id } } }', { id: material });
      expect(errorCodes(notes)).toContain('FORBIDDEN');
    }
    const id = await add({ text: 'Проверьте ссылки на фото.' });
    expect(errorCodes(await analyst.request(ANSWER, { id }))).toEqual(['FORBIDDEN']);
    const open = await analyst.request(MethodologicalNotesDocument, { open: true });
    expect(open.data!.methodologicalNotes.map((n) => n.id)).toContain(id);
  });
});
