import { Migration } from '@mikro-orm/migrations';

/** Decree item 5: the ЦУР's methodological notes to the content center, and the open ones as a read contract. */
export class Migration20261210MethodologicalNotes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table content.methodological_note (
        id uuid primary key default gen_random_uuid(),
        text text not null check (length(text) between 1 and 4000),
        author text not null,
        author_role text not null,
        material_id uuid references content.material (id),
        topic text check (topic in ('GOVERNOR','GOVERNMENT','SOCIAL','SOCIO_POLITICAL','CULTURE','SPORT')),
        week text check (week ~ '^\\d{4}-W\\d{2}$'),
        created_at timestamptz not null default now(),
        answered_at timestamptz,
        answered_by text,
        answer text,
        check ((answered_at is null) = (answered_by is null))
      )`);
    this.addSql('create index methodological_note_created_idx on content.methodological_note (created_at desc, id desc)');
    // The open ones are what the content center and the ЦУР's letters look at: few, read often.
    this.addSql('create index methodological_note_open_idx on content.methodological_note (created_at desc) where answered_at is null');
    this.addSql('create index methodological_note_material_idx on content.methodological_note (material_id) where material_id is not null');
    this.addSql(`
      create view content.open_notes as
      select n.id as note_id, n.text, n.author, n.material_id, m.title as material_title, n.topic, n.week, n.created_at
      from content.methodological_note n left join content.material m on m.id = n.material_id
      where n.answered_at is null`);
    this.addSql(`comment on view content.open_notes is
      'Read contract of the content subgraph: one row per methodological note of the ЦУР not yet answered by the content center (decree item 5). Read-only for other subgraphs.'`);
  }
}
