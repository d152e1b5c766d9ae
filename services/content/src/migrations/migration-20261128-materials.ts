import { Migration } from '@mikro-orm/migrations';

export class Migration20261128Materials extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table content.material (
        id uuid primary key default gen_random_uuid(),
        title text not null check (length(title) between 1 and 300),
        body text not null,
        topic text not null check (topic in ('GOVERNOR','GOVERNMENT','SOCIAL','SOCIO_POLITICAL','CULTURE','SPORT')),
        status text not null default 'DRAFT' check (status in ('DRAFT','APPROVED','DISTRIBUTED','WITHDRAWN')),
        created_by text not null default 'system',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql('create index material_status_created_idx on content.material (status, created_at desc, id)');
  }
}
